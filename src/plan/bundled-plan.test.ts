import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledPlan, miniPlan } from '../evaluate/plan.test-helper.js';
import { readPrebuiltPlan, serialisePlan } from './bundled-plan.js';

const temp = mkdtempSync(join(tmpdir(), 'plancheck-prebuilt-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A plan file and its prebuilt copy, made as the build makes them. */
function prebuild(name: string): { yaml: string; json: string } {
  const yaml = join(temp, `${name}.yaml`);
  const json = join(temp, `${name}.json`);
  copyFileSync(new URL('../../fixtures/plans/mini.yaml', import.meta.url), yaml);
  const { size, mtimeMs } = statSync(yaml);
  writeFileSync(json, serialisePlan(miniPlan(), readFileSync(yaml), { size, mtimeMs }));
  return { yaml, json };
}

describe('the prebuilt plan is used only while its file is unchanged', () => {
  it('same size and time: used, with goals and measures pointing at the same targets', () => {
    const { yaml, json } = prebuild('same');
    const plan = readPrebuiltPlan(json, yaml);
    expect(plan?.targets.length).toBe(12);
    expect(plan?.targetsById.get('M1.1')?.value).toBe(1000);
    expect(plan?.goals[0]?.targets[0]).toBe(plan?.targets[0]);
  });

  it('same bytes with another time (an installed copy): used, after comparing hashes', () => {
    const { yaml, json } = prebuild('touched');
    utimesSync(yaml, new Date('1985-10-26T08:15:00Z'), new Date('1985-10-26T08:15:00Z'));
    expect(readPrebuiltPlan(json, yaml)?.targets.length).toBe(12);
  });

  it('same size but other bytes: not used', () => {
    const { yaml, json } = prebuild('edited');
    const text = readFileSync(yaml, 'utf8');
    writeFileSync(yaml, text.replace('value: 1000', 'value: 2000'));
    expect(statSync(yaml).size).toBe(Buffer.byteLength(text));
    expect(readPrebuiltPlan(json, yaml)).toBeNull();
  });

  it('other size, a missing file or an unreadable prebuilt copy: not used', () => {
    const { yaml, json } = prebuild('grown');
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}\n`);
    expect(readPrebuiltPlan(json, yaml)).toBeNull();
    expect(readPrebuiltPlan(json, join(temp, 'absent.yaml'))).toBeNull();
    writeFileSync(json, '{');
    expect(readPrebuiltPlan(json, yaml)).toBeNull();
  });
});

describe('the prebuilt plan holds what the plan file says', () => {
  it('the bundled plan read back equals the plan parsed from its YAML, key for key and in the same order', () => {
    const yaml = join(temp, 'bundled.yaml');
    const json = join(temp, 'bundled.json');
    copyFileSync(new URL('../../targets.yaml', import.meta.url), yaml);
    const { size, mtimeMs } = statSync(yaml);
    const parsed = bundledPlan();
    writeFileSync(json, serialisePlan(parsed, readFileSync(yaml), { size, mtimeMs }));
    const plan = readPrebuiltPlan(json, yaml);
    expect(plan).not.toBeNull();
    // JSON text compares values and the order of keys (a measure's texts read from the second line in their places).
    const { targetsById: _read, ...readBack } = plan!;
    const { targetsById: _parsed, ...original } = parsed;
    expect(JSON.stringify(readBack)).toBe(JSON.stringify(original));
    expect(plan).toEqual(parsed);
    const measure = plan!.measures.find((m) => m.number === 24)!;
    expect(Object.keys(measure)).toEqual(Object.keys(parsed.measures.find((m) => m.number === 24)!));
    expect(measure.text).toContain('2025');
    expect({ ...measure }.summaryEn).toBe(parsed.measures.find((m) => m.number === 24)!.summaryEn);
    // A text assigned is kept, as in a plain object.
    measure.text = 'changed';
    expect(measure.text).toBe('changed');
  });

  it('its measures are plain data in their place among the keys (an accessor redefined on the plan made V8 keep it as a dictionary: the 5M check ran 6 % slower)', () => {
    const { yaml, json } = prebuild('measures');
    const plan = readPrebuiltPlan(json, yaml)!;
    const descriptor = Object.getOwnPropertyDescriptor(plan, 'measures');
    expect(descriptor?.get).toBeUndefined();
    expect(descriptor?.value).toEqual(miniPlan().measures);
    expect(Object.keys(plan)).toEqual(Object.keys(miniPlan()));
  });

  it('a prebuilt copy whose second line (the measures\' texts) is cut short, grown or missing is not used', () => {
    const { yaml, json } = prebuild('texts');
    const text = readFileSync(json, 'utf8');
    expect(readPrebuiltPlan(json, yaml)?.measures[0]?.text).toBe(miniPlan().measures[0]?.text);
    writeFileSync(json, text.slice(0, -2));
    expect(readPrebuiltPlan(json, yaml)).toBeNull();
    writeFileSync(json, `${text} `);
    expect(readPrebuiltPlan(json, yaml)).toBeNull();
    writeFileSync(json, text.slice(0, text.indexOf('\n')));
    expect(readPrebuiltPlan(json, yaml)).toBeNull();
  });
});

describe('the prebuilt plan is ASCII', () => {
  it('every character beyond ASCII is written as an escape, and read back as the same text; a UTF-8 copy (an older build) still reads', () => {
    const { yaml, json } = prebuild('ascii');
    const bytes = readFileSync(json);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    const plan = readPrebuiltPlan(json, yaml);
    expect(plan).toEqual(miniPlan());
    // The same JSON values written as UTF-8: read as UTF-8.
    const [head = '', texts = ''] = readFileSync(json, 'latin1').split('\n');
    const unescape = (text: string): string => JSON.stringify(JSON.parse(text));
    const utf8Texts = unescape(texts);
    const utf8Head = JSON.stringify({ ...(JSON.parse(head) as object), textBytes: Buffer.byteLength(utf8Texts) });
    writeFileSync(json, `${utf8Head}\n${utf8Texts}`);
    expect(readFileSync(json).some((byte) => byte >= 0x80)).toBe(true);
    expect(readPrebuiltPlan(json, yaml)).toEqual(miniPlan());
  });
});
