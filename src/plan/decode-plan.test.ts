import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePlan } from './decode-plan.js';
import { loadPlan, PLAN_SIZE_LIMIT } from './load-plan.js';

const MINI = readFileSync(new URL('../../fixtures/plans/mini.yaml', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'plancheck-plan-enc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function saved(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('plans are decoded as CSVs are, but strictly', () => {
  it.each([
    ['GBK', () => iconv.encode(MINI, 'gbk')],
    ['GB18030', () => iconv.encode(MINI, 'gb18030')],
    ['UTF-8 with a BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MINI)])],
    ['UTF-16 LE with a BOM', () => iconv.encode(MINI, 'utf-16le', { addBOM: true })],
    ['UTF-16 BE with a BOM', () => iconv.encode(MINI, 'utf-16be', { addBOM: true })],
  ])('a plan saved as %s loads with the same units as the UTF-8 one', (name, encode) => {
    const { plan, problems } = loadPlan(saved(`${name}.yaml`, encode()));
    expect(problems).toEqual([]);
    expect(plan?.targets.map((t) => t.unit)).toEqual(['%', '亿元', '%', '%', '万人', '万家', '家', '个', '', '', '%', '%']);
    expect(plan?.title).toBe('示例县行动方案(2021-2025年)');
  });

  it('a UTF-8 plan with an invalid byte is refused where the byte is, never valid with U+FFFD', () => {
    const bytes = Buffer.from(MINI.replace('unit: 亿元', 'unit: \u0001元'));
    bytes[bytes.indexOf(0x01)] = 0xff; // one damaged byte in a file of valid UTF-8 Chinese
    const { plan, problems } = loadPlan(saved('damaged.yaml', bytes));
    expect(plan).toBeNull();
    expect(problems).toEqual([
      { code: 'plan.undecodable', params: { encoding: 'UTF-8' }, file: join(dir, 'damaged.yaml'), line: 25, column: 114 },
    ]);
  });

  it('a GBK plan with bytes that are not GB18030 is refused, located', () => {
    const good = iconv.encode(MINI, 'gbk');
    const lineStart = good.indexOf(Buffer.from('  id: mini-plan')); // line 4
    const bytes = Buffer.concat([good.subarray(0, lineStart + 6), Buffer.from([0x81, 0x7f]), good.subarray(lineStart + 6)]);
    expect(decodePlan(bytes, 'p.yaml')).toEqual({
      ok: false,
      problem: { code: 'plan.undecodable', params: { encoding: 'GB18030' }, file: 'p.yaml', line: 4, column: 7 },
    });
  });

  it('UTF-16 without a BOM and UTF-32 are named and refused', () => {
    expect(decodePlan(iconv.encode(MINI, 'utf-16le'), 'p.yaml')).toMatchObject({ ok: false, problem: { code: 'plan.utf16-no-bom', params: { encoding: 'utf-16le' } } });
    expect(decodePlan(iconv.encode(MINI, 'utf-32le', { addBOM: true }), 'p.yaml')).toMatchObject({ ok: false, problem: { code: 'plan.utf32' } });
  });

  it('ASCII YAML with stray Latin-1 bytes is refused at the first of them', () => {
    const bytes = Buffer.from('schemaVersion: 1\nplan:\n  id: caf\u00e9-plan\n', 'latin1');
    expect(decodePlan(bytes, 'p.yaml')).toMatchObject({
      ok: false,
      problem: { code: 'plan.not-utf8-or-gbk', file: 'p.yaml', line: 3, column: 10, params: { byte: 'E9' } },
    });
  });
});

describe('the plan size limit bounds the read itself', () => {
  it('/dev/zero is refused at the limit, not read forever', () => {
    const { plan, problems } = loadPlan('/dev/zero');
    expect(plan).toBeNull();
    expect(problems).toEqual([
      { code: 'file.over-limit', params: { file: '/dev/zero', limit: PLAN_SIZE_LIMIT, limitText: '4 MiB' }, file: '/dev/zero', line: undefined, column: undefined },
    ]);
  });
});
