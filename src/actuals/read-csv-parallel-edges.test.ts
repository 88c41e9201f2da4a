import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { miniPlan } from '../evaluate/plan.test-helper.js';
import { fileChunks } from '../file-chunks.js';
import { observableReading, readFileWith } from './csv-bytes.test-helper.js';
import { readActuals, type Actuals } from './read-actuals.js';
import { parallelReads, WORKER_SHARE } from './read-csv-parallel.js';
import { MAX_RANGE_LINES } from './scan-range.js';

const plan = miniPlan();
const dir = mkdtempSync(join(tmpdir(), 'plancheck-parallel-edges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));



/** Reads `text` as a file, in two threads (every size counts as large) or in one. */
const read = (text: string | Buffer, parallel: boolean): Promise<Actuals> => readFileWith(dir, text, plan, { parallel: parallel ? 1 : false });
const observable = observableReading;

const ids = plan.targets.map((target) => target.id);

function lines(regions: number): string[] {
  const out = ['region,id,year,value'];
  for (let r = 0; r < regions; r++) for (const id of ids) out.push(`区${r},${id},2025,${id === 'M2.5' ? '是' : String(3 + (r % 7) / 10)}`);
  return out;
}

/** Index (0-based, in `all`) of the first line of the worker's part, as splitPoint finds it (at the reader's own share). */
function workerFirst(all: string[], newline = '\n'): number {
  const text = all.join(newline) + newline;
  const size = Buffer.byteLength(text);
  const middle = Math.floor(size * (1 - WORKER_SHARE));
  let at = 0;
  for (let i = 0; i < all.length; i++) {
    if (at > middle - 1 && i > 0) return i; // first line starting after byte middle-1 (a newline at or after middle)
    at += Buffer.byteLength((all[i] ?? '') + newline);
  }
  return all.length;
}

/** Replaces the worker's first line by `make(old)` (the split stays where it is: same length in bytes not needed, recomputed). */
function withWorkerFirst(regions: number, make: (old: string) => string, newline = '\n'): string {
  const all = lines(regions);
  for (let tries = 0; tries < 5; tries++) {
    const i = workerFirst(all, newline);
    const old = all[i] as string;
    all[i] = make(old.replace(/^\ufeff/, ''));
    if (workerFirst(all, newline) === i) break;
    all[i] = old;
  }
  return all.join(newline) + newline;
}

describe('two threads against one', () => {
  it('a U+FEFF at the start of the worker part\'s first line is reported as one thread reports it', async () => {
    const text = withWorkerFirst(300, (old) => `\ufeff${old}`);
    const one = await read(text, false);
    expect(one.problems.some((p) => p.code === 'csv.bom-inside')).toBe(true);
    expect(observable(await read(text, true), plan)).toEqual(observable(one, plan));
  });
});

describe('more two-thread cases', () => {
  const cases: [string, (old: string) => string][] = [
    ['blank line first in the worker part', () => ''],
    ['CR-only blank line first in the worker part', () => '\r'],
    ['quoted odd line first in the worker part', () => '区9,"G1.1",2025,3'],
    ['duplicate of line 2 first in the worker part', () => lines(1)[1] as string],
    ['year outside first in the worker part', () => '区9,G1.1,2019,3'],
    ['-0 first', () => '区9,G1.1,2025,-0'],
    ['007.50 first', () => '区9,G1.1,2025,007.50'],
    ['年 year first', () => '区9,G1.1,2025年,4'],
    ['empty year first', () => '区9,G1.1,,4'],
    ['full-width region first', () => '区１,G1.1,2025,4'],
    ['spaced region first', () => ' 区1 ,G1.1,2025,4'],
    ['big number first', () => '区9,G1.1,2025,1234567890123456789'],
    ['near 2^27', () => '区9,G1.1,2025,134217727'],
    ['near 2^27 neg', () => '区9,G1.1,2025,-13421772.8'],
  ];
  it.each(cases)('%s', async (_name, make) => {
    for (const newline of ['\n', '\r\n']) {
      const text = withWorkerFirst(300, make, newline);
      expect(observable(await read(text, true), plan)).toEqual(observable(await read(text, false), plan));
    }
  });

  it('a figure three times: once in each part, and again in the worker part', async () => {
    const all = lines(300);
    const i = workerFirst(all);
    all.splice(i + 5, 0, '区1,G1.1,2025,9', '区1,G1.1,2025,10');
    all.splice(i + 50, 0, '新,G1.1,2025,9', '新,G1.1,2025,10', '新,G1.1,2025,11');
    const text = all.join('\n');
    expect(observable(await read(text, true), plan)).toEqual(observable(await read(text, false), plan));
  });

  it('more than 10,000 problems, in both parts', async () => {
    const all = lines(300);
    for (let k = 0; k < 12_000; k++) all.push(`区${k % 300},G1.1,2025,${k}`);
    for (let k = 0; k < 12_000; k++) all.splice(1 + k, 0, `区${k},G1.1,2019,${k}`);
    const text = all.join('\n') + '\n';
    const one = await read(text, false);
    expect(one.problemCount).toBeGreaterThan(20_000);
    expect(observable(await read(text, true), plan)).toEqual(observable(one, plan));
  });
});

describe('lines the worker sends back to the table reader', () => {
  it('more of them than it sends back: the rest of its part is read here, line by line', async () => {
    const all = lines(300);
    // 40 lines with a % value in the worker's part, each repeating the G1.1 figure (in %) of the line before it.
    const first = Math.ceil(workerFirst(all) / ids.length) + 1;
    for (let k = 39; k >= 0; k--) {
      const at = 1 + (first + k) * ids.length; // region first + k's G1.1 line
      all.splice(at + 1, 0, `${all[at] as string}%`);
    }
    const text = all.join('\n') + '\n';
    const one = await read(text, false);
    expect(one.problems.filter((p) => p.code === 'row.duplicate-in-region')).toHaveLength(40);
    const before = { ...parallelReads };
    expect(observable(await read(text, true), plan)).toEqual(observable(one, plan));
    expect(parallelReads.worker).toBe(before.worker + 1);
    expect(parallelReads.workerLines).toBe(before.workerLines + MAX_RANGE_LINES);
  });
});

describe('files and overflow', () => {
  it('two files, the second read in two threads, duplicates across files', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, lines(20).join('\n') + '\n');
    const all = lines(300);
    all.splice(workerFirst(all) + 3, 0, '区1,G1.1,2025,9', '区1,G1.1,2025,10');
    writeFileSync(b, all.join('\n') + '\n');
    const go = (parallel: boolean) => readActuals([{ name: 'a.csv', path: a, open: () => fileChunks(a) }, { name: 'b.csv', path: b, open: () => fileChunks(b) }], plan, { parallel: parallel ? 1 : false });
    expect(observable(await go(true), plan)).toEqual(observable(await go(false), plan));
  });

  it('more than 100,000 remarks in the worker part', async () => {
    const all = lines(10);
    for (let k = 0; k < 260_000; k++) all.push(`区${k % 7},G1.1,2019,${k}`);
    const text = all.join('\n') + '\n';
    const before = parallelReads.inThread;
    const two = await read(text, true);
    expect(parallelReads.inThread).toBe(before + 1);
    expect(observable(two, plan)).toEqual(observable(await read(text, false), plan));
  }, 60_000);
});

describe('property, slips around the split', () => {
  it('random slips just around the worker part\'s start read the same in two threads', async () => {
    const fc = (await import('fast-check')).default;
    const slip = fc.constantFrom(
      '', '\r', '\ufeff区1,G1.1,2025,3', '区1,G1.1,2025,3.50', '区1,G1.1,2025,3.5', '区1,G1.1,2019,4', '新区,M1.1,2031,5', '新区,M1.1,2025,5', '新区,M1.1,2025,6',
      '区2,M1.1,2025,0.0001', '区3,M2.1,2025,45000', ',G1.1,2025,3', '区4,M2.5,2025,否', '区5,M1.3,2025,', '区6,M1.3,2025,"4"', '区7,G1.1,2025,-0',
      '区8,G1.1,2025,007.50', '区１,G1.1,2024,4', ' 区1 ,G1.1,2023,4', '区9,G1.1,2025年,4', '区9,G1.1,,4', '区1,G1.1,2025,3\r区2,G1.1,2025,4', '区x,G1.1,2025,12345678901234567',
      // Lines the table reader reads (the worker sends them back), some repeating a figure before or after them.
      '区1,G1.1,2025,3.5%', '区1,g1.1,2025,3', '区2,G1.1, 2025,4', '新区,M1.1,2025,900亿元', '区3,M1.1,2025,1,200', '合计', '区1,X9.9,2025,1',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: -4, max: 4 }), slip), { maxLength: 8 }), fc.integer({ min: 20, max: 80 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (slips, regions, newline, finalNewline) => {
        const all = lines(regions);
        const at = workerFirst(all, newline);
        for (const [d, s] of slips) all.splice(Math.max(1, at + d), 0, s);
        const text = all.join(newline) + (finalNewline ? newline : '');
        expect(observable(await read(text, true), plan)).toEqual(observable(await read(text, false), plan));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('the same file twice', () => {
  it('every figure of the second reading is a duplicate of the first file\'s', async () => {
    const a = join(dir, 'same.csv');
    const all = lines(200);
    all.splice(workerFirst(all) + 3, 0, '区1,G1.1,2025,9', '区x,G1.1,2019,10', '区2,G1.1,2025,0.0001');
    writeFileSync(a, all.join('\r\n') + '\r\n');
    const go = (parallel: boolean) => readActuals([1, 2, 3].map((k) => ({ name: `s${k}.csv`, path: a, open: () => fileChunks(a) })), plan, { parallel: parallel ? 1 : false });
    expect(observable(await go(true), plan)).toEqual(observable(await go(false), plan));
  });
});

describe('every fixture CSV in two threads', () => {
  it('reads as in one thread', async () => {
    const { fixtureFiles, root } = await import('./csv-bytes.test-helper.js');
    const { bundledPlan } = await import('../evaluate/plan.test-helper.js');
    const xiangshan = bundledPlan();
    for (const file of fixtureFiles(join(root, 'fixtures'))) {
      const p = file.includes('/xiangshan/') ? xiangshan : plan;
      const go = (parallel: boolean) => readActuals([{ name: 'f.csv', path: file, open: () => fileChunks(file) }], p, { parallel: parallel ? 1 : false });
      expect({ file, o: observable(await go(true), p) }).toEqual({ file, o: observable(await go(false), p) });
    }
  }, 120_000);
});
