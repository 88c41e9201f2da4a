import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { deriveEmptySeries, derivePlanTables } from '../plan/derive-plan-tables.js';
import { emptySeriesStatusesOf, keepPlanTables, planTablesOf } from '../plan/plan-tables.js';
import type { Plan } from '../plan/types.js';
import { FAIL_CONDITIONS, type Report } from '../report/types.js';
import { emptySeriesStatus } from './empty-plan-level.js';
import { evaluate } from './evaluate.js';
import { bundledPlan, csvOfFigures, miniPlan, randomFigures, townsPlan } from './plan.test-helper.js';
import { regionalPlan } from './region-terms.js';

/** A plan with its derived tables kept (as the prebuilt bundled plan has them), and a copy without. */
function withAndWithout(plan: Plan): [Plan, Plan] {
  keepPlanTables(plan, derivePlanTables(plan));
  const copy = { ...plan };
  expect(planTablesOf(plan)).toBeDefined();
  expect(planTablesOf(copy)).toBeUndefined();
  return [plan, copy];
}

const csvFile = (text: string) => [{ name: 'r.csv', open: async function* () { yield Buffer.from(text); } }];

// Each plan with towns, and regions that are not among its towns (villages) or only some of them.
const PLANS: [string, () => Plan, string[]][] = [
  ['bundled', bundledPlan, ['丹东街道0001村', '石浦镇东门村', '丹东街道']],
  ['towns', townsPlan, ['丁村', '甲镇', '乙镇']],
];

describe("the plan level's statuses on an empty series, prebuilt with the plan", () => {
  it.each(PLANS)('%s plan: each is the status the detailed judgement gives the plan level when no town reported (every target, every review year)', async (_, load, regions) => {
    const [plan, copy] = withAndWithout(load());
    const village = regions[0]!;
    const rows = plan.targets.map((target) => `${village},${target.id},${plan.period.end},${target.kind === 'milestone' ? '是' : '1'}`);
    const actuals = await readActuals(csvFile(`region,id,year,value\n${rows.join('\n')}\n`), copy);
    const empty = deriveEmptySeries(plan);
    for (let asOf = empty.first - 2; asOf <= empty.first + empty.byYear.length + 1; asOf++) {
      const report = evaluate(copy, actuals, { asOf, policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'p', toolVersion: '0' });
      const planLevel = report.regionRoles?.planLevel;
      expect(planLevel).toBe(plan.regions?.name);
      const detailed = new Map(report.results.filter((result) => result.region === planLevel).map((result) => [result.id, result.status]));
      expect(detailed.size).toBe(plan.targets.length);
      for (const target of plan.targets) expect(emptySeriesStatus(target, asOf, plan), `${target.id} ${asOf}`).toBe(detailed.get(target.id));
      // Within the years the tables hold, they hold these statuses; outside them, none.
      const letters = emptySeriesStatusesOf(plan, asOf);
      expect(letters === undefined, String(asOf)).toBe(asOf < empty.first || asOf >= empty.first + empty.byYear.length);
      if (letters) expect(letters).toBe(empty.byYear[asOf - empty.first]);
    }
    // Statuses of more than one kind: the test is not of a plan whose every target is "no data".
    expect(new Set(empty.byYear.join('')).size).toBeGreaterThan(1);
  });

  // (Also the prebuilt bounds a count reads for the plan's own targets, quick-count.ts's KnownBounds: the copy has none.)
  it.each(PLANS)('%s plan: a summary counts the plan level from them, and the towns from the prebuilt bounds, as it does judging each target (random figures, review years, scopes, policies)', async (_, load, regions) => {
    const [plan, copy] = withAndWithout(load());
    let prebuiltUsed = 0;
    await fc.assert(
      fc.asyncProperty(
        randomFigures(plan, regions),
        fc.integer({ min: plan.baselineYear - 2, max: plan.period.end + 3 }),
        fc.subarray([...FAIL_CONDITIONS]),
        fc.array(fc.boolean(), { minLength: plan.targets.length, maxLength: plan.targets.length }),
        async (rows, asOf, failOn, inScope) => {
          const text = csvOfFigures(plan, rows);
          const run = { policy: { failOn, maxWarnings: null }, planFile: 'p', toolVersion: '0', asOf, detail: false, scope: (t: { index: number }) => inScope[t.index] === true };
          const counted = evaluate(plan, await readActuals(csvFile(text), plan), run);
          const actuals = await readActuals(csvFile(text), copy);
          const judged: Report = evaluate(copy, actuals, run);
          expect(counted.summary).toEqual(judged.summary);
          const regional = regionalPlan(plan, actuals, null, () => '');
          if (regional?.planLevelEmpty(regional.roles.planLevel, asOf) && emptySeriesStatusesOf(plan, asOf) !== undefined) prebuiltUsed++;
        },
      ),
      { numRuns: 60 },
    );
    // Most runs name no town of every year: the prebuilt statuses were read, not only the judges.
    expect(prebuiltUsed).toBeGreaterThan(20);
  });

  it('a plan level with figures of its own, or of every town in a year, is not empty: it is judged target by target', async () => {
    const [plan] = withAndWithout(townsPlan());
    const target = plan.targets[0]!;
    const year = plan.period.end;
    const read = (lines: string[]) => readActuals(csvFile(`region,id,year,value\n${lines.join('\n')}\n`), plan);
    const level = (lines: string[]) => read(lines).then((actuals) => regionalPlan(plan, actuals, null, () => ''));
    expect((await level([`丁村,${target.id},${year},1`]))?.planLevelEmpty('示例县', year)).toBe(true);
    expect((await level([`丁村,${target.id},${year},1`]))?.planLevelEmpty('丁村', year)).toBe(false);
    expect((await level([`示例县,${target.id},${year},1`, `丁村,${target.id},${year},1`]))?.planLevelEmpty('示例县', year)).toBe(false);
    const everyTown = ['甲镇', '乙镇', '丙乡', '丁村'].map((town) => `${town},${target.id},${year},1`);
    const whole = await level(everyTown);
    expect(whole?.planLevelEmpty('示例县', year)).toBe(false);
    // A year before the one every town reported: nothing to derive yet.
    expect(whole?.planLevelEmpty('示例县', year - 1)).toBe(true);
  });

  it('statuses of another count of targets, or a letter that stands for no status, are not read', () => {
    const plan = miniPlan();
    const tables = derivePlanTables(plan);
    const year = plan.period.end;
    const first = tables.emptySeries!.first;
    const letters = tables.emptySeries!.byYear[year - first]!;
    const keep = (byYear: string[]) => keepPlanTables(plan, { ...tables, emptySeries: { first, byYear } });
    keep(tables.emptySeries!.byYear);
    expect(emptySeriesStatusesOf(plan, year)).toBe(letters);
    keep(tables.emptySeries!.byYear.map((s) => s.slice(1)));
    expect(emptySeriesStatusesOf(plan, year)).toBeUndefined();
    keep(tables.emptySeries!.byYear.map((s) => `z${s.slice(1)}`));
    expect(emptySeriesStatusesOf(plan, year)).toBeUndefined();
    keep(tables.emptySeries!.byYear.map((s) => `${s.slice(1)}\``));
    expect(emptySeriesStatusesOf(plan, year)).toBeUndefined();
  });
});
