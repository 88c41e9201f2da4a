import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { fileChunks } from '../file-chunks.js';
import type { Plan } from '../plan/types.js';
import { FAIL_CONDITIONS } from '../report/types.js';
import { evaluate } from './evaluate.js';
import { csvOfFigures, miniPlan, randomFigures, townsPlan, type RandomFigure } from './plan.test-helper.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-status-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Every town with a figure of every target in the plan's last year: a roll-up adds their values up. */
function everyTown(p: Plan, towns: string[]): RandomFigure[] {
  return towns.flatMap((region) => p.targets.map((t) => ({ region, target: t.index, year: p.period.end, factor: (t.index % 3) * 0.5 + 0.5 })));
}

// The rule: a summary that keeps each town's final level only as "met" or "not met" (a reading
// with statusOnly, in one thread or two) reports exactly what a reading keeping every value
// reports with detail: the same counts, the same input errors and warnings.
describe('a summary from status cells', () => {
  const cases = [
    { p: miniPlan(), regions: ['', '甲', '乙', '__proto__'], complete: [] as string[] },
    { p: townsPlan(), regions: ['示例县', '甲镇', '乙镇', '丙乡', '丁村'], complete: [] as string[] },
    // Every town of the plan reports every target: the plan level is derived, so values are read again.
    { p: townsPlan(), regions: ['甲镇', '乙镇', '丙乡', '示例县'], complete: ['甲镇', '乙镇', '丙乡'] },
  ];
  it('counts what a reading of every value counts with detail', async () => {
    let statusKept = 0;
    let readAgain = 0;
    for (const { p, regions, complete } of cases) {
      await fc.assert(
        fc.asyncProperty(
          randomFigures(p, regions),
          fc.integer({ min: p.baselineYear - 1, max: p.period.end + 2 }),
          fc.subarray([...FAIL_CONDITIONS]),
          fc.array(fc.boolean(), { minLength: p.targets.length, maxLength: p.targets.length }),
          fc.constantFrom<false | number>(false, 1),
          async (rows, asOf, failOn, inScope, parallel) => {
            const path = join(dir, `s${n++}.csv`);
            writeFileSync(path, csvOfFigures(p, [...everyTown(p, complete), ...rows]));
            const source = { name: 'r.csv', path, open: () => fileChunks(path) };
            const full = await readActuals([source], p, { parallel: false });
            const counted = await readActuals([source], p, { keepRows: false, statusOnly: true, parallel });
            if (counted.store.status) statusKept++;
            else readAgain++;
            const run = { policy: { failOn, maxWarnings: null }, planFile: 'p', toolVersion: '0', asOf, scope: (t: { index: number }) => inScope[t.index] === true };
            const detailed = evaluate(p, full, run);
            const summary = evaluate(p, counted, { ...run, detail: false });
            expect(summary.summary).toEqual(detailed.summary);
            expect(summary.inputWarnings).toEqual(detailed.inputWarnings);
            expect(summary.checks).toEqual(detailed.checks);
            expect(counted.problems).toEqual(full.problems);
            expect(counted.notices).toEqual(full.notices);
            expect(counted.inputs).toEqual(full.inputs);
          },
        ),
        { numRuns: 60 },
      );
    }
    // Both ways are taken: status cells, and the second reading for a roll-up.
    expect(statusKept).toBeGreaterThan(60);
    expect(readAgain).toBeGreaterThan(30);
  }, 120_000);
});
