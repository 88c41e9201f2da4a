import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { miniPlan } from '../evaluate/plan.test-helper.js';
import { parallelReads } from './read-csv-parallel.js';
import { observableReading, readFileWith } from './csv-bytes.test-helper.js';
import type { Actuals } from './read-actuals.js';

// The worker is the built one (dist/bundle/scan-worker.cjs): `npm test` builds before testing.
const plan = miniPlan();
const dir = mkdtempSync(join(tmpdir(), 'plancheck-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));



/** Reads `text` as a file, in two threads (every size counts as large) or in one. */
const read = (text: string, parallel: boolean): Promise<Actuals> => readFileWith(dir, text, plan, { parallel: parallel ? 1 : false });
const observable = observableReading;

const ids = plan.targets.map((target) => target.id);

/** A long file: every target for many regions, then the odd lines asked for at given lines. */
function longFile(regions: number, odd: Map<number, string> = new Map(), newline = '\n'): string {
  const lines = ['region,id,year,value'];
  for (let r = 0; r < regions; r++) {
    for (const id of ids) lines.push(`区${r},${id},2025,${id === 'M2.5' ? '是' : String(3 + (r % 7) / 10)}`);
  }
  for (const [at, line] of odd) lines.splice(at, 0, line);
  return `${lines.join(newline)}${newline}`;
}

describe('reading a large file in two threads', () => {
  it('gives what one thread gives: figures, rows, regions in the order first seen', async () => {
    const text = longFile(300);
    const one = await read(text, false);
    const before = parallelReads.worker;
    const two = await read(text, true);
    expect(parallelReads.worker).toBe(before + 1);
    expect(two.store.count()).toBe(300 * ids.length);
    expect(observable(two, plan)).toEqual(observable(one, plan));
  });

  it('says a figure given in both halves at its row in the second, naming the first, with its cell as written', async () => {
    const lines = longFile(300).split('\n');
    const half = lines.length >> 1;
    // 区1's G1.1 again late in the file, twice; a region new in the second half, twice; a year outside the plan; a scale slip.
    const odd = new Map([
      [half + 40, '区1,G1.1,2025,3.50'],
      [half + 900, '区1,G1.1,2025,9'],
      [half + 50, '新区,M1.1,2025,1200'],
      [half + 60, '新区,M1.1,2025,1300'],
      [half + 70, '区2,M1.1,2019,5'],
      [30, '区2,M1.1,2030,5'],
      [half + 80, '区3,M1.1,2025,0.12'],
      [half + 90, '区4,M2.1,2024,45000'],
      [40, '区4,M2.1,2023,45000'],
    ]);
    const text = longFile(300, odd);
    const one = await read(text, false);
    const two = await read(text, true);
    expect(one.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['row.duplicate-in-region', 'row.year-outside-period']));
    expect(one.problems.filter((p) => p.code === 'row.duplicate-in-region')).toHaveLength(4);
    expect(one.notices.some((n) => n.code === 'warning.scale-off')).toBe(true);
    expect(one.inputs[0]?.rows).toBe(300 * ids.length + odd.size);
    expect(observable(two, plan)).toEqual(observable(one, plan));
  });

  it('hands the rest to the normal path at an odd line in either half, and reads CRLF files alike', async () => {
    for (const at of [20, 2500]) {
      for (const newline of ['\n', '\r\n']) {
        const text = longFile(300, new Map([[at, '区9,"G1.1",2025,"3,5"']]), newline);
        expect(observable(await read(text, true), plan)).toEqual(observable(await read(text, false), plan));
      }
    }
  });

  it('reads an odd but plain line in either half line by line, with duplicates of it both ways, as one thread and the normal path do', async () => {
    // Region r's k-th target is on line 2 + 12r + k; some lines are replaced (line n is index n - 1).
    const replace = new Map([
      [51, '区7,M1.1, 2025,900'], // a padded year: the table reader's; 区7's own M1.1 (line 87) repeats it
      [101, '区1,G1.1,2025,3.5%'], // a % in the value: the table reader's; it repeats line 14
      [2501, '区7,M1.1,2025,5'], // the worker's part: it repeats line 51 of the other part
      [2701, '区250,M1.1,2025,1200亿元'], // the worker sends it back; its figures after it are merged after it
      [2711, '区2,G1.1,2025,4'], // repeats line 26
      [2721, '区9,x9.9,2025,1'], // an unknown id
      [3501, '区250,M1.1,2025,1300'], // repeats line 2701, as 区250's own M1.1 (line 3003) does
    ]);
    for (const newline of ['\n', '\r\n']) {
      const all = longFile(300).split('\n');
      for (const [line, text] of replace) all[line - 1] = text;
      const text = all.join(newline);
      const one = await read(text, false);
      expect(one.problems.map((p) => [p.code, p.line, p.params.other ?? null])).toEqual([
        ['row.duplicate-in-region', 87, 'in.csv:51'],
        ['row.duplicate-in-region', 101, 'in.csv:14'],
        ['row.duplicate-in-region', 2501, 'in.csv:51'],
        ['row.duplicate-in-region', 2711, 'in.csv:26'],
        ['row.unknown-id', 2721, null],
        ['row.duplicate-in-region', 3003, 'in.csv:2701'],
        ['row.duplicate-in-region', 3501, 'in.csv:2701'],
      ]);
      const before = { ...parallelReads };
      expect(observable(await read(text, true), plan)).toEqual(observable(one, plan));
      // The worker read its part whole, sending back its two lines for the table reader (2701 and 2721).
      expect(parallelReads.worker).toBe(before.worker + 1);
      expect(parallelReads.workerLines).toBe(before.workerLines + 2);
      expect(observable(await readFileWith(dir, text, plan, { fast: false }), plan)).toEqual(observable(one, plan));
    }
  });

  it('property: random files with slips anywhere read the same in two threads as in one', async () => {
    const slip = fc.constantFrom(
      '区1,G1.1,2025,3.5', '区1,G1.1,2024,4', '区x,M1.1,2031,5', '区2,M1.1,2025,0.0001', '区3,M2.1,2025,45000', ',G1.1,2025,3', '区4,M2.5,2025,否', '区5,M1.3,2025,', '区6,M1.3,2025,"4"',
      '区1,G1.1,2025,3.5%', '区2,M1.1,2025,900亿元', '区3,g1.1,2025,3', '区4,G1.1, 2025,3', '区5,M1.3,2025,3,x', '合计', '区6,M1.1,2025,1,200',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 1, max: 1300 }), slip), { maxLength: 12 }), fc.integer({ min: 20, max: 110 }), async (slips, regions) => {
        const text = longFile(regions, new Map(slips));
        expect(observable(await read(text, true), plan)).toEqual(observable(await read(text, false), plan));
      }),
      { numRuns: 25 },
    );
  });
});
