import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActuals, type Actuals } from '../actuals/read-actuals.js';
import { readRegionTargets } from '../actuals/read-region-targets.js';
import { listResults } from '../list-results.js';
import type { Plan } from '../plan/types.js';
import type { Result } from '../report/types.js';
import { arrayListed, emptyCell, listedValues, rankOf, REGION_FINAL_LEVEL, severityOfMark, statusOfMark, type ListedCell } from '../report/listed-results.js';
import type { EvaluateOptions } from './evaluate.js';
import { evaluate, evaluateListed, severityOf } from './evaluate.js';
import { cellJudge, quickCellJudge } from './judge-cell.js';
import { csvOfFigures, miniPlan, randomFigures, townsPlan } from './plan.test-helper.js';
import { regionalPlan } from './region-terms.js';

// The streamed evaluation must be the whole evaluation, judged again: the same results, in the
// same order, with the same keys (JSON text compared, so key order and -0 count too).
const plan = miniPlan();
const towns = townsPlan();
const decomposed = readRegionTargets(new URL('../../fixtures/towns/region-targets.csv', import.meta.url).pathname, towns);
const base: EvaluateOptions = { policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'p', toolVersion: '0' };

/** The figures of `csv` read as one file, or as two (its rows dealt alternately, each with the header); every row kept or only some. */
async function actualsOf(p: Plan, csv: string, twoFiles = false, keepRows = true): Promise<Actuals> {
  const source = (name: string, text: string) => ({ name, open: async function* () { yield Buffer.from(text); } });
  if (!twoFiles) return readActuals([source('r.csv', csv)], p, { keepRows });
  const [header, ...rows] = csv.trimEnd().split('\n');
  const part = (odd: number) => `${[header, ...rows.filter((_, i) => i % 2 === odd)].join('\n')}\n`;
  return readActuals([source('r1.csv', part(0)), source('r2.csv', part(1))], p, { keepRows });
}

let cellsRead = 0;
let regionCellsRead = 0;
let regionFinalLevels = 0;

/** The fields of a result a `ListedCell` gives. */
function pick(result: Result): Record<string, unknown> {
  const { id, region, kind, op, value, year, status, severity, final, actual, gap, attainment, progress, reason, targetSource, figureSource } = result;
  return { id, region, kind, op, value, year, status, severity, final, actual, gap, attainment, progress, reason, figureAge: result.figureAge, notes: result.notes, targetSource, figureSource };
}

/** A cell as the result it stands for, by the shapes `ListedCell` documents. */
function cellAsResult(cell: ListedCell): Record<string, unknown> {
  const { id, kind, op, value, year } = cell.target;
  const actual = cell.hasActual ? { year: cell.year, value: cell.value, file: cell.file, row: cell.row } : null;
  const common = { id, region: cell.region, kind, op, value, year, status: cell.status, severity: cell.severity, final: cell.final, actual, gap: cell.gap, attainment: cell.attainment, progress: null };
  return cell.shape === 'not_judged'
    ? { ...common, reason: { code: 'reason.no-decomposed-target', params: {} }, figureAge: undefined, notes: undefined, targetSource: cell.targetSource, figureSource: cell.figureSource }
    : { ...common, reason: null, figureAge: 0, notes: [], targetSource: cell.targetSource, figureSource: cell.figureSource };
}

function sameEvaluation(p: Plan, actuals: Actuals, options: EvaluateOptions): number {
  // The list filter sees the same results both ways (a first pass works decimals out only when read).
  const seen: string[][] = [[], []];
  const listBy = (i: number) => (result: Result): boolean => {
    seen[i]!.push(JSON.stringify(result), JSON.stringify({ ...result }), String(result.gap), String(result.attainment));
    return options.list ? options.list(result) : true;
  };
  const whole = evaluate(p, actuals, { ...options, list: listBy(0) });
  const { report, listed } = evaluateListed(p, actuals, { ...options, list: listBy(1) });
  expect(seen[1]).toEqual(seen[0]);
  expect(report.results).toEqual([]);
  if (options.listing) {
    // The filter given as data: the common cells counted and listed from their facts alone, the same report.
    const byData = evaluateListed(p, actuals, { ...options, list: undefined });
    expect(JSON.stringify(byData.report)).toBe(JSON.stringify(report));
    expect(JSON.stringify([...listedValues(byData.listed)])).toBe(JSON.stringify(whole.results));
    expect([...byData.listed.keys()]).toEqual([...listed.keys()]);
    // A cell read without its result says what its result says.
    const cell = emptyCell();
    const bare = emptyCell();
    for (const key of byData.listed.keys()) {
      // Without decimals or place (kept cells and cells judged again alike): the same answer, and
      // every field but the gap, the attainment (null) and the actual's file and row (left as they were).
      Object.assign(bare, { file: 'stale.csv', row: -7, gap: 5, attainment: 5 });
      const answer = byData.listed.cell!(key, bare, false, false);
      if (!byData.listed.cell!(key, cell, true)) {
        expect(answer).toBe(false);
        continue;
      }
      expect(answer).toBe(true);
      expect([bare.file, bare.row, bare.gap, bare.attainment]).toEqual(['stale.csv', -7, null, null]);
      expect({ ...bare, file: cell.file, row: cell.row, gap: cell.gap, attainment: cell.attainment }).toEqual(cell);
      const result = byData.listed.get(key);
      expect(cellAsResult(cell)).toEqual(pick(result));
      cellsRead++;
    }
    // A region read at once says of each of its keys what `cell` says (without decimals or place):
    // its mark, and for a cell with an actual that it reads, its shape and figure; every other
    // field of such a cell is that of every cell of its place, shape and mark.
    const others = new Map<string, string>();
    for (const key of byData.listed.keys()) {
      const region = byData.listed.region!(key);
      const i = key - region.base;
      expect(i >= 0 && i < region.size).toBe(true);
      expect([statusOfMark(region.marks[i]!), severityOfMark(region.marks[i]!)]).toEqual([byData.listed.status(key), byData.listed.severity(key)]);
      const shape = region.shapes[i]!;
      const value = region.values[i]!;
      if (shape === 0) continue;
      expect(byData.listed.cell!(key, cell, false, false)).toBe(true);
      expect([cell.hasActual, cell.shape, cell.value]).toEqual([true, shape === REGION_FINAL_LEVEL ? 'final_level' : 'not_judged', value]);
      expect([cell.status, cell.severity, cell.target]).toEqual([byData.listed.status(key), byData.listed.severity(key), byData.listed.metaOf(key)]);
      expect(cell.target).toBe(byData.listed.metaOf(key));
      const kind = `${i} ${shape} ${region.marks[i]}`;
      const fields = JSON.stringify([cell.target.id, cell.final, cell.targetSource, cell.figureSource, cell.shape === 'final_level' ? cell.year : null]);
      expect(others.get(kind) ?? fields, kind).toBe(fields);
      others.set(kind, fields);
      regionCellsRead++;
      if (shape === REGION_FINAL_LEVEL) regionFinalLevels++;
    }
  }
  expect(JSON.stringify({ ...report, results: null })).toBe(JSON.stringify({ ...whole, results: null }));
  expect(listed.size).toBe(whole.results.length);
  const again = [...listedValues(listed)];
  expect(JSON.stringify(again)).toBe(JSON.stringify(whole.results));
  // keysOf is keys() filtered by status and severity, whatever it accepts.
  for (const accept of [
    (status: Result['status'], severity: Result['severity']) => severity === 'failure' || status === 'met',
    (status: Result['status'], severity: Result['severity']) => severity === 'warning' || status === 'not_met' || status === 'not_assessable',
    () => false,
  ]) {
    expect([...listed.keysOf!(accept)]).toEqual([...listed.keys()].filter((key) => accept(listed.status(key), listed.severity(key))));
  }
  // Each iteration of the keys has its own place: two at once, and one begun again, give every key.
  const keys = [...listed.keys()];
  const pairs: number[] = [];
  for (const a of listed.keys()) for (const b of listed.keys()) if (a === b) pairs.push(a);
  expect(pairs).toEqual(keys);
  const iterator = listed.keys()[Symbol.iterator]();
  expect([...listed.keys()].length === keys.length && (keys.length === 0 ? iterator.next().done : iterator.next().value === keys[0])).toBe(true);
  // Keys, statuses, severities, regions and targets are known without building a result.
  [...listed.keys()].forEach((key, i) => {
    const result = whole.results[i]!;
    expect([listed.status(key), listed.severity(key), listed.regionOf(key), listed.metaOf(key).id]).toEqual([result.status, result.severity, result.region, result.id]);
  });
  return whole.results.length;
}

describe('evaluateListed: the results of evaluate, judged again when reached', () => {
  it('a plain plan with three regions: 36 results, listed in report order', async () => {
    const csv = 'region,id,year,value\n甲,G1.1,2025,3.5\n乙,G1.1,2025,3.0\n丙,M1.1,2025,900\n';
    const actuals = await actualsOf(plan, csv);
    // 3 regions × 12 targets; with several regions a target without a figure is counted, not listed.
    const list = listResults({ quiet: false, manyRegions: true });
    expect(sameEvaluation(plan, actuals, { ...base, list })).toBe(3);
    expect(sameEvaluation(plan, actuals, base)).toBe(36);
  });

  it('property: any figures, review year, list filter and towns give the same report', async () => {
    const regionTargets = await decomposed;
    const cases = [
      { p: plan, regions: ['', '甲', '乙'], terms: false },
      { p: towns, regions: ['示例县', '甲镇', '乙镇', '丙乡', '丁村'], terms: false },
      { p: towns, regions: ['甲镇', '乙镇', '丙乡', '丹东街道', '丹西街道'], terms: true },
    ];
    let listed = 0;
    for (const { p, regions, terms } of cases) {
      await fc.assert(
        fc.asyncProperty(
          randomFigures(p, regions),
          fc.oneof({ arbitrary: fc.constant(p.period.end), weight: 3 }, fc.integer({ min: p.baselineYear, max: p.period.end + 1 })),
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: fc.array(fc.boolean(), { minLength: p.targets.length, maxLength: p.targets.length }), weight: 1 }),
          fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.subarray(regions, { minLength: 1 }), weight: 1 }),
          async (rows, asOf, quiet, twoFiles, keepRows, inScope, only) => {
            // Figures from two files, or with their rows not kept: each cell's file and row as the general path gives them.
            const actuals = await actualsOf(p, csvOfFigures(p, rows), twoFiles, keepRows);
            // Some targets out of scope (a cell's key is then by its position among those in scope), some regions listed only.
            const scope = inScope && ((target: { index: number }) => inScope[target.index] === true);
            const listing = { quiet, manyRegions: regions.length > 1, regions: only };
            const filter = listResults(listing);
            const list = (result: Result): boolean => filter(result) && (!only || only.includes(result.region));
            listed += sameEvaluation(p, actuals, { ...base, asOf, list, listing, scope, regionTargets: terms ? regionTargets : null });
          },
        ),
        { numRuns: 60 },
      );
    }
    expect(listed).toBeGreaterThan(150);
    expect(cellsRead).toBeGreaterThan(100);
    expect(regionCellsRead).toBeGreaterThan(100);
    // Both shapes: towns not judged and final levels.
    expect(regionFinalLevels).toBeGreaterThan(20);
    expect(regionCellsRead - regionFinalLevels).toBeGreaterThan(20);
  });
});

describe('cellJudge: final levels and towns not judged, read straight from the store', () => {
  it('property: the same result as the general judges and RegionalPlan.terms, for every region and target', async () => {
    const regionTargets = await decomposed;
    let fast = 0;
    let factsRead = 0;
    for (const { p, regions, terms } of [
      { p: plan, regions: ['', '甲'], terms: false },
      { p: towns, regions: ['示例县', '甲镇', '乙镇', '丁村'], terms: false },
      { p: towns, regions: ['甲镇', '乙镇', '丹东街道'], terms: true },
    ]) {
      await fc.assert(
        fc.asyncProperty(randomFigures(p, regions), fc.integer({ min: p.baselineYear, max: p.period.end + 1 }), async (rows, asOf) => {
          const actuals = await actualsOf(p, csvOfFigures(p, rows));
          const fileName = (i: number): string => actuals.inputs[i]?.file ?? '';
          const regional = regionalPlan(p, actuals, terms ? regionTargets : null, fileName);
          const severityFor = (status: Parameters<typeof severityOf>[0], soft: boolean) => severityOf(status, soft, base.policy);
          const context = { plan: p, actuals, asOf, regional, severityFor, fileName };
          const quick = cellJudge(context);
          const general = cellJudge(context, { finalLevels: false, notJudged: false });
          const cell = quickCellJudge(context);
          for (const region of regional?.regions ?? actuals.store.regionNames()) {
            for (const target of p.targets) {
              const result = quick(region, target);
              expect(JSON.stringify(result)).toBe(JSON.stringify(general(region, target)));
              // Twice: judging a cell again gives the same result.
              expect(JSON.stringify(quick(region, target))).toBe(JSON.stringify(result));
              if (result.status === 'met' || result.status === 'not_met' || result.reason?.code === 'reason.no-decomposed-target') fast++;
              // A count's facts alone: the same answer and the same facts as the cell read in full.
              const slot = actuals.store.findSlot(region);
              const full = emptyCell();
              const facts = emptyCell();
              const isCell = cell(region, slot, target, full, true);
              expect(cell(region, slot, target, facts, false, true)).toBe(isCell);
              // Without its place: every field but the actual's file and row, and the same answer.
              const unplaced = emptyCell();
              Object.assign(unplaced, { file: 'stale.csv', row: -7 });
              expect(cell(region, slot, target, unplaced, true, false, false)).toBe(isCell);
              if (isCell) {
                expect({ ...unplaced, file: full.file, row: full.row }).toEqual(full);
                expect([facts.shape, facts.status, facts.severity, facts.final, facts.hasActual]).toEqual([full.shape, full.status, full.severity, full.final, full.hasActual]);
                expect(cellAsResult(full)).toEqual(pick(result));
                factsRead++;
              }
            }
          }
        }),
        { numRuns: 40 },
      );
    }
    expect(fast).toBeGreaterThan(200);
    expect(factsRead).toBeGreaterThan(200);
  });
});

describe('rankOf', () => {
  it('orders failures, off track, warnings, moderate, the rest, met', () => {
    expect(rankOf({ status: 'met', severity: 'failure' })).toBe(0);
    expect(rankOf({ status: 'insufficient', severity: 'warning' })).toBe(1);
    expect(rankOf({ status: 'no_data', severity: 'warning' })).toBe(2);
    expect(rankOf({ status: 'moderate', severity: 'info' })).toBe(3);
    expect(rankOf({ status: 'pending', severity: 'info' })).toBe(4);
    expect(rankOf({ status: 'on_track', severity: 'ok' })).toBe(5);
  });
});
