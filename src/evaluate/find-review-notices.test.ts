/**
 * What a review year leaves out is said once per input, never figure by figure, and never
 * silently: figures after the review year, figures dated by their deadline for want of a year
 * column, rates that look like levels. Counts are written by hand from the CSVs below.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../plan/types.js';
import { evaluate } from './evaluate.js';
import { actualsFrom, bundledPlan } from './plan.test-helper.js';

const plan = bundledPlan();
const policy = { failOn: ['not_met' as const], maxWarnings: null };

async function review(files: string[], asOf?: number, scope?: (target: Target) => boolean) {
  const actuals = await actualsFrom(plan, ...files);
  expect(actuals.problems).toEqual([]);
  const report = evaluate(plan, actuals, { asOf, scope, policy, planFile: 'targets.yaml', toolVersion: '0' });
  const notices = report.inputs.map((input) => (input.notices ?? []).map((n) => ({ code: n.code, params: n.params, severity: n.severity, line: n.line })));
  return { actuals, report, notices };
}

// G2.3 for 2020–2025 (6 figures), M35.3 for 2021–2025 (5): 2024 and 2025 hold 2 each.
const DATED = `id,year,value
${[2020, 2021, 2022, 2023, 2024, 2025].map((y) => `G2.3,${y},3.${y - 2019}`).join('\n')}
${[2021, 2022, 2023, 2024, 2025].map((y) => `M35.3,${y},${y - 2020}`).join('\n')}
`;
const UNDATED = 'id,value\nG2.3,3.0\nM35.3,2.6\n';

describe('figures after the review year', () => {
  it('reviewed in 2023, the 4 figures of 2024 and 2025 are named in one notice that does not count as a warning', async () => {
    const { notices, report } = await review([DATED], 2023);
    expect(notices[0]).toEqual([{ code: 'notice.after-review-year', params: { count: 4, asOf: 2023, years: '2024, 2025' }, severity: 'notice', line: undefined }]);
    expect(report.summary.warnings).toBe(0);
  });

  it('reviewed in 2024, only the 2 figures of 2025', async () => {
    const { notices } = await review([DATED], 2024);
    expect(notices[0]?.map((n) => n.params)).toEqual([{ count: 2, asOf: 2024, years: '2025' }]);
  });

  it('at the latest year of the data (the default review year) nothing is left out: no notice', async () => {
    expect((await review([DATED])).notices).toEqual([[]]);
    expect((await review([DATED], 2025)).notices).toEqual([[]]);
  });

  it('only the targets in scope are counted (--measure): G2.3 alone has 2', async () => {
    const { notices } = await review([DATED], 2023, (target) => target.id === 'G2.3');
    expect(notices[0]?.map((n) => n.params.count)).toEqual([2]);
  });

  it('the report carries the notice in its inputs; the actuals read are not changed', async () => {
    const { actuals, report } = await review([DATED], 2023);
    expect(report.inputs[0]?.notices?.map((n) => n.code)).toEqual(['notice.after-review-year']);
    expect(actuals.inputs[0]?.notices ?? []).toEqual([]);
    expect(report.inputs[0]).not.toBe(actuals.inputs[0]);
  });
});

describe('a file without a year column', () => {
  it('checked as of the end year: one notice at its header saying each figure is taken as of its deadline (2025)', async () => {
    const { notices, report } = await review([UNDATED]);
    expect(notices[0]).toEqual([{ code: 'notice.no-year-column', params: { year: 2025 }, severity: 'notice', line: 1 }]);
    expect(report.summary.warnings).toBe(0);
  });

  it('reviewed in 2023: its 2 figures, dated 2025, are not used: one warning (counted) naming the likely reading', async () => {
    const { notices, report } = await review([UNDATED], 2023);
    expect(notices[0]).toEqual([{ code: 'warning.undated-after-review', params: { count: 2, asOf: 2023, years: '2025' }, severity: 'warning', line: undefined }]);
    expect(report.summary.warnings).toBe(1);
    expect(report.summary.byStatus.not_assessable + report.summary.byStatus.pending).toBe(report.summary.targets);
  });

  it('beside a dated file, each input gets its own notice', async () => {
    const { notices } = await review([DATED, 'id,value\nM35.4,3.3\n'], 2023);
    expect(notices.map((list) => list.map((n) => [n.code, n.params.count]))).toEqual([
      [['notice.after-review-year', 4]],
      [['warning.undated-after-review', 1]],
    ]);
  });
});

describe('rates that look like levels', () => {
  it('M1.2 "rates" 110, 121, 133.1 (all above 5 × 20 %): judged, with one warning at the latest figure\'s row', async () => {
    const { notices, report } = await review(['id,year,value\nM1.2,2021,110\nM1.2,2022,121\nM1.2,2023,133.1\n'], 2023);
    expect(notices[0]).toEqual([{
      code: 'warning.rates-look-like-levels', params: { id: 'M1.2', values: '110, 121, 133.1', limit: 100, year: 2020 }, severity: 'warning', line: 4,
    }]);
    expect(report.summary.warnings).toBe(1);
    expect(report.results.find((r) => r.id === 'M1.2')?.status).toBe('on_track');
  });

  it('region by region: a rate at the limit (100) is plausible, so only the town whose rates are all above it is warned', async () => {
    const csv = 'region,id,year,value\n石浦镇,M1.2,2021,110\n石浦镇,M1.2,2022,100\n丹东街道,M1.2,2021,110\n丹东街道,M1.2,2022,121\n西周镇,M1.2,2022,5\n';
    const { notices } = await review([csv], 2022);
    expect(notices[0]?.filter((n) => n.code === 'warning.rates-look-like-levels')).toEqual([{
      code: 'warning.rates-look-like-levels', params: { id: 'M1.2', values: '110, 121', limit: 100, year: 2020 }, severity: 'warning', line: 5,
    }]);
  });

  it('a rate after the review year does not make the earlier ones plausible', async () => {
    const { notices } = await review(['id,year,value\nM1.2,2021,110\nM1.2,2022,121\nM1.2,2023,10\n'], 2022);
    expect(notices[0]?.filter((n) => n.code === 'warning.rates-look-like-levels').map((n) => n.params)).toEqual([{ id: 'M1.2', values: '110, 121', limit: 100, year: 2020 }]);
  });

  it('plausible rates (21.5, 19, 18) and levels with their unit give none', async () => {
    expect((await review(['id,year,value\nM1.2,2021,21.5\nM1.2,2022,19\nM1.2,2023,18\n'], 2023)).notices).toEqual([[]]);
    expect((await review(['id,year,value,unit\nM1.2,2020,100,亿元\nM1.2,2023,133.1,亿元\n'], 2023)).notices).toEqual([[]]);
  });
});
