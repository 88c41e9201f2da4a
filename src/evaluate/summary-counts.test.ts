import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { readRegionTargets } from '../actuals/read-region-targets.js';
import { FAIL_CONDITIONS } from '../report/types.js';
import { evaluate } from './evaluate.js';
import { csvOfFigures, miniPlan, randomFigures, townsPlan } from './plan.test-helper.js';

const plan = miniPlan();
const towns = townsPlan();
const decomposed = readRegionTargets(new URL('../../fixtures/towns/region-targets.csv', import.meta.url).pathname, towns);



describe('summary-only counts under any policy and scope', () => {
  it('equal the detailed tallies', async () => {
    const cases = [
      { p: plan, regions: ['', '甲', '乙', '__proto__'], terms: false },
      { p: towns, regions: ['示例县', '甲镇', '乙镇', '丙乡', '丁村'], terms: false },
      { p: towns, regions: ['甲镇', '乙镇', '丙乡', '丹东街道', '丹西街道', '示例县'], terms: true },
    ];
    const regionTargets = await decomposed;
    for (const { p, regions, terms } of cases) {
      await fc.assert(
        fc.asyncProperty(
          randomFigures(p, regions),
          fc.integer({ min: p.baselineYear - 1, max: p.period.end + 2 }),
          fc.subarray([...FAIL_CONDITIONS]),
          fc.array(fc.boolean(), { minLength: p.targets.length, maxLength: p.targets.length }),
          async (rows, asOf, failOn, inScope) => {
            const actuals = await readActuals([{ name: 'r.csv', open: async function* () { yield Buffer.from(csvOfFigures(p, rows)); } }], p);
            const run = { policy: { failOn, maxWarnings: null }, planFile: 'p', toolVersion: '0', asOf, regionTargets: terms ? regionTargets : null, scope: (t: { index: number }) => inScope[t.index] === true };
            const detailed = evaluate(p, actuals, run);
            const counted = evaluate(p, actuals, { ...run, detail: false });
            expect(counted.summary).toEqual(detailed.summary);
          },
        ),
        { numRuns: 80 },
      );
    }
  });
});
