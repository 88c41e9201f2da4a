import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate/evaluate.js';
import { actualsFrom, bundledPlan } from '../evaluate/plan.test-helper.js';
import { STATUSES } from '../report/types.js';
import { countResults, tallyCount, viewHeader } from './view-row.js';

describe('leadership counts: towns not judged (无分解目标) are counted apart from 无法评估', async () => {
  // M1.1 (> 1000 亿元, aggregate sum) has no decomposed target: both towns are not judged, and the
  // county, derived from 18 towns of which 2 reported, has no figure.
  const plan = bundledPlan();
  const actuals = await actualsFrom(plan, 'region,id,year,value\n丹东街道,M1.1,2025,600\n丹西街道,M1.1,2025,500\n');
  const report = evaluate(plan, actuals, { scope: (t) => t.id === 'M1.1', policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'targets.yaml', toolVersion: '0' });

  it('the headline: 1 no data, 2 not judged, no 无法评估', () => {
    const head = viewHeader(report, 'zh');
    expect(head.counts.map(({ status, word, count }) => [status, word, count])).toEqual([['no_data', '无数据', 1], ['not_judged', '无分解目标', 2]]);
  });

  it('results and tallies count the same way', () => {
    const keys = [...STATUSES, 'not_judged' as const];
    const counts = countResults(report.results, keys);
    expect(counts[keys.indexOf('not_judged')]).toBe(2);
    expect(counts[keys.indexOf('not_assessable')]).toBe(0);
    expect(counts[keys.indexOf('no_data')]).toBe(1);
    expect(tallyCount(report.summary, 'not_assessable')).toBe(0);
    expect(tallyCount(report.summary, 'not_judged')).toBe(2);
  });
});
