import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { miniPlan } from '../evaluate/plan.test-helper.js';
import { fileRange } from '../file-chunks.js';
import { observableReading, randomLongCsv } from './csv-bytes.test-helper.js';
import { readActuals } from './read-actuals.js';
import { parallelReads } from './read-csv-parallel.js';

const mini = miniPlan();
const dir = mkdtempSync(join(tmpdir(), 'plancheck-rt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


const observable = observableReading;

let n = 0;
async function modes(bytes: Buffer, chunk: number): Promise<unknown[]> {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, bytes);
  const src = { name: 'in.csv', path, open: () => fileRange(path, 0, Infinity, chunk) };
  const normal = await readActuals([src], mini, { fast: false });
  const one = await readActuals([src], mini, { parallel: false });
  const two = await readActuals([src], mini, { parallel: 1 });
  return [observable(normal, mini), observable(one, mini), observable(two, mini)];
}

describe('whole readings, normal vs fast vs two threads', () => {
  const file = randomLongCsv(mini, 60);

  it('property: the three readings are the same', async () => {
    const before = parallelReads.worker;
    await fc.assert(
      fc.asyncProperty(file, async ({ bytes, chunk }) => {
        const [normal, one, two] = await modes(bytes, chunk);
        expect(one).toEqual(normal);
        expect(two).toEqual(normal);
      }),
      { numRuns: Number(process.env.PLANCHECK_PROPERTY_RUNS ?? 250) },
    );
    // The two-thread reading is reached often (the fast path's plain header).
    expect(parallelReads.worker - before).toBeGreaterThan(50);
  }, 120_000);
});
