import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate/evaluate.js';
import { actualsFrom, bundledPlan } from '../evaluate/plan.test-helper.js';
import { STATUSES, type Report } from '../report/types.js';
import { sampleReport } from './sample-report.test-helper.js';
import { countResults, headlineShare, onTrackShare, tallyCount, viewHeader } from './view-row.js';

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

describe('the headline share: 完成率 at the final review, met or on track (达标或符合进度) before it', () => {
  // Hand-counted tally: judged = met 1 + not met 1 + achieved 2 + on track 5 + moderate 1 +
  // insufficient 2 + moving away 1 = 13; good = met 1 + achieved 2 + on track 5 = 8. Pending, no
  // data and not assessable judge nothing.
  const byStatus = { met: 1, not_met: 1, achieved: 2, on_track: 5, moderate: 1, insufficient: 2, moving_away: 1, pending: 4, no_data: 3, not_assessable: 2 };
  const midTerm: Report = { ...sampleReport, asOf: 2023, elapsedShare: 0.6, summary: { ...sampleReport.summary, targets: 22, byStatus, completionRate: 0.5 } };

  it('at the final review the headline is 完成率, with no note', () => {
    const head = viewHeader(sampleReport, 'zh');
    expect(head.headline).toEqual({ label: '完成率', share: sampleReport.summary.completionRate, note: '' });
    expect(headlineShare(sampleReport, sampleReport.summary)).toBe(sampleReport.summary.completionRate);
  });

  it('mid-term it is 8 of 13 judged (0.615…), and the note gives 完成率 so far', () => {
    const zh = viewHeader(midTerm, 'zh').headline;
    expect(zh.label).toBe('达标或符合进度');
    expect(zh.share).toBeCloseTo(8 / 13, 12);
    expect(zh.note).toBe('已评判 13 个中 8 个;完成率 50.0%(仅计已到期评判的 2 个中达标 1 个)');
    expect(viewHeader(midTerm, 'en').headline).toMatchObject({ label: 'Met or on track', note: '8 of 13 judged; completion rate 50.0% (1 of 2 judged so far)' });
    expect(headlineShare(midTerm, midTerm.summary)).toBeCloseTo(8 / 13, 12);
  });

  it('with nothing judged the share is null (shown as —), never 0', () => {
    const none = { ...byStatus, met: 0, not_met: 0, achieved: 0, on_track: 0, moderate: 0, insufficient: 0, moving_away: 0 };
    expect(onTrackShare({ ...midTerm.summary, byStatus: none })).toBeNull();
  });
});
