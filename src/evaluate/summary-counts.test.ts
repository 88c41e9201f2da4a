import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { readRegionTargets } from '../actuals/read-region-targets.js';
import type { Plan } from '../plan/types.js';
import { FAIL_CONDITIONS } from '../report/types.js';
import { evaluate } from './evaluate.js';
import { miniPlan, townsPlan } from './plan.test-helper.js';

const plan = miniPlan();
const towns = townsPlan();
const decomposed = readRegionTargets(new URL('../../fixtures/towns/region-targets.csv', import.meta.url).pathname, towns);

const figures = (p: Plan, regions: string[]) =>
  fc.array(
    fc.record({
      region: fc.constantFrom(...regions),
      target: fc.integer({ min: 0, max: p.targets.length - 1 }),
      year: fc.oneof({ arbitrary: fc.constant(p.period.end), weight: 3 }, fc.integer({ min: p.baselineYear, max: p.period.end })),
      factor: fc.constantFrom(0, 0.5, 0.99, 1, 1.01, 2, -1, 1.0000001),
    }),
    { maxLength: 80 },
  );

function csvOf(p: Plan, rows: { region: string; target: number; year: number; factor: number }[]): string {
  const lines = rows.map(({ region, target, year, factor }) => {
    const t = p.targets[target];
    if (!t) throw new Error('no target');
    const base = typeof t.value === 'number' ? t.value : Array.isArray(t.value) ? t.value[0] : 1;
    const value = t.kind === 'milestone' ? (factor >= 1 ? '是' : '否') : String(base * factor);
    return `${region},${t.id},${year},${value}`;
  });
  return `region,id,year,value\n${lines.join('\n')}\n`;
}

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
          figures(p, regions),
          fc.integer({ min: p.baselineYear - 1, max: p.period.end + 2 }),
          fc.subarray([...FAIL_CONDITIONS]),
          fc.array(fc.boolean(), { minLength: p.targets.length, maxLength: p.targets.length }),
          async (rows, asOf, failOn, inScope) => {
            const actuals = await readActuals([{ name: 'r.csv', open: async function* () { yield Buffer.from(csvOf(p, rows)); } }], p);
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
