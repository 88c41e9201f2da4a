import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../evaluate/evaluate.js';
import { csvOfFigures, miniPlan, randomFigures, townsPlan } from '../evaluate/plan.test-helper.js';
import { fileChunks } from '../file-chunks.js';
import type { Plan } from '../plan/types.js';
import { observableReading, randomLongCsv } from './csv-bytes.test-helper.js';
import { FigureStore, UNKNOWN_ROW } from './figure-store.js';
import { readActuals, type Actuals, type ReadActualsOptions } from './read-actuals.js';
import { parallelReads } from './read-csv-parallel.js';
import { rowKeeper, rowPolicy } from './row-policy.js';

// A summary run reads with keepRows false: only the plan level's rows and those of the first ten
// regions the plan does not list are kept; the row a duplicate repeats is found by reading the
// files again. Everything a summary shows must be what a reading keeping every row gives.
// The two-thread reading uses the built worker (dist/bundle/scan-worker.cjs): `npm test` builds first.

const towns = townsPlan();
const mini = miniPlan();
const dir = mkdtempSync(join(tmpdir(), 'plancheck-keep-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Writes each text to a file of its own and reads them all, in order, as files on disk. */
function readFiles(plan: Plan, texts: (string | Buffer)[], options: ReadActualsOptions): Promise<Actuals> {
  const sources = texts.map((text, i) => {
    const path = join(dir, `f${n++}.csv`);
    writeFileSync(path, text);
    return { name: `in${i + 1}.csv`, path, open: () => fileChunks(path) };
  });
  return readActuals(sources, plan, options);
}

/** Figures whose row the reading that keeps few rows does not have. */
const rowHidden = (less: Actuals) => (region: string, target: number, year: number): boolean => less.store.sourceAt(region, target, year)?.row === UNKNOWN_ROW;

/** Asserts that `less` (keepRows false) reads as `full` does, but for rows it does not keep, and keeps every row its policy asks for. */
function expectSameReading(less: Actuals, full: Actuals, plan: Plan): void {
  const hide = rowHidden(less);
  expect(observableReading(less, plan, hide)).toEqual(observableReading(full, plan, hide));
  // Every duplicate names its earlier row: none is left with '?'.
  expect(less.problems.filter((p) => String(p.params.other ?? '').endsWith(':?'))).toEqual([]);
  const keep = rowKeeper(rowPolicy(plan));
  for (const region of less.store.regionNames()) {
    const kept = keep(region);
    for (const target of plan.targets) {
      for (const figure of less.store.series(region, target.index)) expect({ region, kept: figure.source.row !== UNKNOWN_ROW }).toEqual({ region, kept });
    }
  }
}

const run = { policy: { failOn: ['not_met' as const], maxWarnings: null }, planFile: 'p', toolVersion: '0', detail: false };

const modes: [string, ReadActualsOptions][] = [
  ['one thread', { parallel: false }],
  ['two threads', { parallel: 1 }],
  ['the normal path', { fast: false }],
];

describe('a reading that keeps few rows', () => {
  const regions = ['全县', '示例县', '甲镇', '乙镇', '丙乡', ...Array.from({ length: 12 }, (_, i) => `村${i}`)];

  it.each(modes)('property (%s): the same reading and the same summary report as keeping every row, duplicates naming their earlier rows', async (_name, options) => {
    const before = parallelReads.worker;
    await fc.assert(
      fc.asyncProperty(randomFigures(towns, regions), randomFigures(towns, regions), fc.integer({ min: 1, max: 2 }), async (a, b, files) => {
        // Duplicates within a file and, with two files, across them; enough rows for the worker to have a part.
        const texts = files === 1 ? [csvOfFigures(towns, [...a, ...b, ...a.slice(0, 5)])] : [csvOfFigures(towns, a), csvOfFigures(towns, [...b, ...a.slice(-3)])];
        const less = await readFiles(towns, texts, { ...options, keepRows: false });
        const full = await readFiles(towns, texts, options);
        expectSameReading(less, full, towns);
        expect(evaluate(towns, less, run)).toEqual(evaluate(towns, full, run));
      }),
      // Two threads start a worker for each reading: fewer runs.
      { numRuns: Number(process.env.PLANCHECK_PROPERTY_RUNS ?? (options.parallel === 1 ? 25 : 60)) },
    );
    if (options.parallel === 1) expect(parallelReads.worker - before).toBeGreaterThan(10);
  }, 120_000);

  it('property: random files with odd cells (hand-overs to the normal path anywhere) read alike in one thread and two', async () => {
    await fc.assert(
      fc.asyncProperty(randomLongCsv(mini, 60), fc.boolean(), async ({ bytes }, two) => {
        const options = { parallel: two ? 1 : false };
        const less = await readFiles(mini, [bytes], { ...options, keepRows: false });
        const full = await readFiles(mini, [bytes], options);
        // The mini plan has no towns: no row is kept, every duplicate's row is found again.
        expectSameReading(less, full, mini);
      }),
      { numRuns: Number(process.env.PLANCHECK_PROPERTY_RUNS ?? 150) },
    );
  }, 120_000);

  it('names the earlier row of duplicates within each part and across the split of a two-thread reading', async () => {
    const lines = ['region,id,year,value'];
    for (let r = 0; r < 200; r++) for (const target of mini.targets) lines.push(`区${r},${target.id},2025,${target.kind === 'milestone' ? '是' : 3}`);
    // 区1's G1.1 again near the start, past the middle (in the worker's part) and at the end; 新区 twice in the worker's part.
    const near = Math.floor(lines.length * 0.1);
    lines.splice(near, 0, '区1,G1.1,2025,4');
    const late = Math.floor(lines.length * 0.8);
    lines.splice(late, 0, '区1,G1.1,2025,5', '新区,M1.1,2025,1', '新区,M1.1,2025,2');
    lines.push('区1,G1.1,2025,6');
    const text = `${lines.join('\n')}\n`;
    const before = parallelReads.worker;
    const less = await readFiles(mini, [text], { parallel: 1, keepRows: false });
    expect(parallelReads.worker).toBe(before + 1);
    const full = await readFiles(mini, [text], { parallel: false });
    expectSameReading(less, full, mini);
    const others = less.problems.filter((p) => p.code === 'row.duplicate-in-region').map((p) => `${p.line}→${p.params.other}`);
    // Rows are 1 + the index in lines (the header is row 1); 区1's G1.1 is row 2 + the targets of 区0 + its place.
    const first = 2 + mini.targets.length + mini.targets.findIndex((t) => t.id === 'G1.1');
    expect(first).toBe(14);
    expect(others).toEqual([`${near + 1}→in1.csv:14`, `${late + 1}→in1.csv:14`, `${late + 3}→in1.csv:${late + 2}`, `${lines.length}→in1.csv:14`]);
  });

  it('finds the rows of a kept region whose figures the worker read without them', async () => {
    // 村0 is the first region the plan does not list (its rows are kept) and comes back in the
    // worker's part after ten others, so the worker did not keep its rows there.
    const lines = ['region,id,year,value'];
    const ids = towns.targets.map((t) => t.id);
    const milestone = new Set(towns.targets.filter((t) => t.kind === 'milestone').map((t) => t.id));
    const row = (region: string, id: string, year: number): string => `${region},${id},${year},${milestone.has(id) ? '是' : 5}`;
    lines.push(row('村0', ids[0] as string, 2025));
    for (let k = 0; k < 400; k++) for (const id of ids) lines.push(row('甲镇', id, 2021 + (k % 5)), row('乙镇', id, 2021 + (k % 5)));
    const worker = [];
    for (let v = 1; v <= 10; v++) worker.push(row(`村${v}`, ids[0] as string, 2025));
    for (const id of ids.slice(1)) worker.push(row('村0', id, 2024));
    // The worker's part begins after the first 56 % of the bytes: its own lines come last, with filler before them.
    const text = `${[...lines, ...worker].join('\n')}\n`;
    const before = parallelReads.worker;
    const missing = vi.spyOn(FigureStore.prototype, 'takeRowsMissing');
    const less = await readFiles(towns, [text], { parallel: 1, keepRows: false });
    expect(parallelReads.worker).toBe(before + 1);
    // The merge did note 村0's figures without rows (then found again).
    expect(missing.mock.results.map((r) => (r.value as { region: string }[]).length)).toEqual([ids.length - 1]);
    missing.mockRestore();
    const full = await readFiles(towns, [text], { parallel: false });
    expectSameReading(less, full, towns);
    const second = towns.targets[1];
    if (!second) throw new Error('towns plan has one target');
    expect(less.store.sourceAt('村0', second.index, 2024)?.row).toBe(lines.length + 11);
    expect(evaluate(towns, less, run)).toEqual(evaluate(towns, full, run));
  });

  it('keeps every row when a source is not a file on disk (stdin cannot be read again)', async () => {
    const text = 'region,id,year,value\n甲,G1.1,2025,3\n乙,G1.1,2025,4\n甲,G1.1,2025,5\n';
    const actuals = await readActuals([{ name: '<stdin>', open: async function* () { yield Buffer.from(text); } }], mini, { keepRows: false });
    expect(actuals.store.sourceAt('乙', 0, 2025)).toEqual({ file: 0, row: 3 });
    expect(actuals.problems.map((p) => p.params.other)).toEqual(['<stdin>:2']);
  });
});
