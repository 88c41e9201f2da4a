import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFastLong, type FastLongLayout } from '../actuals/fast-long-reader.js';
import { ReadContext } from '../actuals/read-context.js';
import { statusCells } from '../actuals/status-cells.js';
import { bundledPlan, miniPlan } from '../evaluate/plan.test-helper.js';
import { readPrebuiltPlan, serialisePlan } from './bundled-plan.js';
import { derivePlanTables } from './derive-plan-tables.js';
import { parsePlan } from './load-plan.js';
import { planLevelKeys } from './plan-level.js';
import { decodePlanTables, encodePlanTables, planTablesOf, targetTablesOf, type PlanTables } from './plan-tables.js';
import type { Plan } from './types.js';

const temp = mkdtempSync(join(tmpdir(), 'plancheck-tables-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function planOf(file: string): Plan {
  const { plan, problems } = parsePlan(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file);
  if (!plan) throw new Error(`${file} invalid: ${JSON.stringify(problems)}`);
  return plan;
}

/** `plan` written as the build writes the bundled one (with its tables), and read back. */
function prebuiltCopy(name: string, plan: Plan, file: string): Plan {
  const json = join(temp, `${name}.json`);
  const { size, mtimeMs } = statSync(file);
  writeFileSync(json, serialisePlan(plan, readFileSync(file), { size, mtimeMs }, derivePlanTables(plan)));
  const read = readPrebuiltPlan(json, file);
  if (!read) throw new Error('prebuilt copy not read');
  return read;
}

const root = new URL('../../', import.meta.url).pathname;
const PLANS: [string, () => Plan, string][] = [
  ['bundled', bundledPlan, 'targets.yaml'],
  ['mini', miniPlan, 'fixtures/plans/mini.yaml'],
  ['towns', () => planOf('fixtures/plans/towns.yaml'), 'fixtures/plans/towns.yaml'],
];

/** Every figure the fast reader gives for `csv`, read with `targets`, and where it stopped. */
async function fastRead(csv: string, targets: Plan['targets']): Promise<unknown[]> {
  const layout: FastLongLayout = { fileIndex: 0, delimiter: ',', headerLine: 1, columns: 4, region: 0, id: 1, year: 2, value: 3 };
  const figures: unknown[] = [];
  const lines: unknown[] = [];
  const chunks = (async function* () {
    yield Buffer.from(csv);
  })();
  const result = await readFastLong(chunks, layout, targets, (f) => figures.push([f.row, f.regionName, f.target, f.year, f.value, f.code]), (cells, line) => {
    lines.push([line, ...cells]);
  });
  return [figures, lines, result.rows, result.figures, result.fallback?.line ?? null];
}

describe('the plan-derived tables prebuilt with a plan', () => {
  it.each(PLANS)('%s plan: read back from its prebuilt copy, they equal the tables worked out from the plan parsed from YAML', (name, load, file) => {
    const parsed = load();
    const read = prebuiltCopy(name, parsed, join(root, file));
    const tables = planTablesOf(read);
    expect(tables).toBeDefined();
    expect(targetTablesOf(read.targets)).toBe(tables);
    expect(tables).toEqual(derivePlanTables(parsed));
    // A plan read from YAML has none: each reader works its own out.
    expect(planTablesOf(parsed)).toBeUndefined();
  });

  it.each(PLANS)('%s plan: a reader given the prebuilt copy keeps what one given the YAML plan works out', async (name, load, file) => {
    const parsed = load();
    const read = prebuiltCopy(`${name}-reader`, parsed, join(root, file));
    // The status cells are the prebuilt ones (shared), equal to those worked out.
    expect(statusCells(read)).toBe(planTablesOf(read)?.statusCells);
    expect(statusCells(read)).toEqual(statusCells(parsed));
    const context = (plan: Plan) => new ReadContext(plan, () => {}, () => {});
    const [a, b] = [context(read), context(parsed)];
    expect([...a.scaleReferences]).toEqual([...b.scaleReferences]);
    expect([...a.scaleFractions]).toEqual([...b.scaleFractions]);
    expect([...a.exactIds].map(([id, target]) => [id, target.index])).toEqual([...b.exactIds].map(([id, target]) => [id, target.index]));
    // The line scanner's id table: every id in the plan's order (each guessed), then backwards
    // (each hashed), an id one byte longer, a lower-case one and an unknown one (lines for the table reader).
    const ids = parsed.targets.map((target) => target.id);
    const value = (id: string, i: number): string => (parsed.targetsById.get(id)?.kind === 'milestone' ? ['是', '否'][i % 2]! : String(i % 7));
    const rows = [...ids, ...[...ids].reverse(), `${ids[0]}0`, ids[1]?.toLowerCase() ?? 'x', 'Z9.9'].map((id, i) => `村,${id},${parsed.period.end},${value(id, i)}`);
    const csv = `region,id,year,value\n${rows.join('\n')}\n`;
    const fromPrebuilt = await fastRead(csv, read.targets);
    expect(fromPrebuilt).toEqual(await fastRead(csv, parsed.targets));
    expect((fromPrebuilt[0] as unknown[]).length).toBeGreaterThanOrEqual(ids.length * 2);
  });

  // Before the first build there is none to check: skipped, as the end-to-end tests would fail.
  const shipped = join(root, 'dist', 'bundled-plan.json');
  it.skipIf(!existsSync(shipped))('the shipped prebuilt plan (dist/bundled-plan.json, made by the build) holds the tables of targets.yaml as they are worked out now', () => {
    const read = readPrebuiltPlan(shipped, join(root, 'targets.yaml'));
    expect(read).not.toBeNull();
    expect(planTablesOf(read!)).toEqual(derivePlanTables(bundledPlan()));
  });

  it.each(PLANS)('%s plan: the names that mean its plan level are the prebuilt ones, equal to those worked out', (name, load, file) => {
    const parsed = load();
    const read = prebuiltCopy(`${name}-level`, parsed, join(root, file));
    expect([...planLevelKeys(read)]).toEqual(planTablesOf(read)?.statusCells.levelKeys);
    expect(planLevelKeys(read)).toEqual(planLevelKeys(parsed));
    // A set of its own each time: a caller that adds to it changes no other's.
    expect(planLevelKeys(read)).not.toBe(planLevelKeys(read));
  });

  it('a copy of a prebuilt plan, or one whose targets were replaced, has no tables: its readers work their own out', () => {
    const read = prebuiltCopy('copies', miniPlan(), join(root, 'fixtures/plans/mini.yaml'));
    expect(planTablesOf(read)).toBeDefined();
    expect(planTablesOf({ ...read, progressBands: read.progressBands })).toBeUndefined();
    const replaced = read;
    const targets = read.targets;
    replaced.targets = targets.slice(0, 3);
    expect(planTablesOf(replaced)).toBeUndefined();
    expect(targetTablesOf(replaced.targets)).toBeUndefined();
    replaced.targets = targets;
  });

  it('bounds that JSON cannot hold (infinities, NaN, −0) are read back as they were; tables of another size or shape are not used', () => {
    const tables = derivePlanTables(miniPlan());
    const count = miniPlan().targets.length;
    const odd: PlanTables = {
      ...tables,
      statusCells: { ...tables.statusCells, low: tables.statusCells.low.map((_, i) => [-Infinity, Number.NaN, -0, 1.5][i % 4]!), high: tables.statusCells.high.map(() => Infinity) },
      scaleReferences: tables.scaleReferences.map((_, i) => (i === 0 ? -0 : 0.1 + i)),
    };
    const back = decodePlanTables(JSON.parse(JSON.stringify(encodePlanTables(odd))), count);
    expect(back).toEqual(odd);
    expect(Object.is(back?.statusCells.low[2], -0)).toBe(true);
    expect(Object.is(back?.scaleReferences[0], -0)).toBe(true);
    expect(Number.isNaN(back?.statusCells.low[1])).toBe(true);
    // The bundled plan's `>=` targets have no high edge.
    expect(derivePlanTables(bundledPlan()).statusCells.high).toContain(Infinity);
    const encoded = (): PlanTables => JSON.parse(JSON.stringify(encodePlanTables(tables))) as PlanTables;
    expect(decodePlanTables(encoded(), count + 1)).toBeUndefined();
    expect(decodePlanTables({ ...encoded(), scanner: undefined }, count)).toBeUndefined();
    expect(decodePlanTables(undefined, count)).toBeUndefined();
  });
});
