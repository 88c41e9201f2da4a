import { describe, expect, it } from 'vitest';
import type { Progress, Result } from '../report/types.js';
import { sampleReport } from './sample-report.test-helper.js';
import { rankOf, verdictLine, viewReport, viewResult } from './view.js';

const base: Result = {
  id: 'M9.1', measure: 9, goal: null, action: 3, region: '', indicator: '指标', indicatorEn: 'Indicator', kind: 'level', op: '>=', value: 100, unit: '亿元',
  year: 2025, soft: false, status: 'met', severity: 'ok', final: true, actual: null, gap: null, attainment: null, progress: null, reason: null,
};
const noProgress: Progress = {
  method: 'growth-ratio', baseline: null, latest: null, targetValue: null, elapsedShare: null, completionShare: null, gapPoints: null,
  requiredRate: null, observedRate: null, ratio: null, projected: null, projectedGap: null,
};
const fig = (value: number, year = 2025) => ({ year, value, file: 'in.csv', row: 2 });

describe('reasons in words', () => {
  it('mid-term growth: required and observed rates and their ratio', () => {
    const r: Result = { ...base, status: 'insufficient', severity: 'warning', final: false, actual: fig(120, 2023), gap: -30,
      progress: { ...noProgress, requiredRate: 5.9234, observedRate: 2.8, ratio: 0.4727, elapsedShare: 0.6, projected: 131.5, projectedGap: -18.5 } };
    expect(viewResult(r, 'zh').reason).toBe('需年均增长 5.92%,实际 2.80%,为所需的 47%');
    expect(viewResult(r, 'en').reason).toBe('needs 5.92 %/yr, observed 2.80 %/yr (47 % of needed)');
  });

  it('mid-term moving away: says the direction is wrong', () => {
    const r: Result = { ...base, status: 'moving_away', severity: 'warning', final: false, actual: fig(90, 2023),
      progress: { ...noProgress, requiredRate: 3, observedRate: -1.5, ratio: -0.5 } };
    expect(viewResult(r, 'zh').reason).toBe('需年均增长 3.00%,实际 -1.50%,方向相反');
  });

  it('a target that needs a fall reads as a fall, both when falling too slowly and when rising', () => {
    const slow: Result = { ...base, op: '<=', status: 'insufficient', severity: 'warning', final: false, actual: fig(0.6, 2023),
      progress: { ...noProgress, requiredRate: -4.3601, observedRate: -2.18, ratio: 0.5 } };
    expect(viewResult(slow, 'zh').reason).toBe('需年均下降 4.36%,实际年均下降 2.18%,为所需的 50%');
    expect(viewResult(slow, 'en').reason).toBe('needs a fall of 4.36 %/yr, observed a fall of 2.18 %/yr (50 % of needed)');
    const rising: Result = { ...slow, status: 'moving_away', progress: { ...noProgress, requiredRate: -4.36, observedRate: 0.75, ratio: -0.172 } };
    expect(viewResult(rising, 'zh').reason).toBe('需年均下降 4.36%,实际年均增长 0.75%,方向相反');
  });

  it('cumulative: completion against the time share', () => {
    const r: Result = { ...base, kind: 'cumulative', status: 'moderate', severity: 'info', final: false, actual: fig(2.6, 2023),
      progress: { ...noProgress, method: 'time-share', completionShare: 0.5778, elapsedShare: 0.6 } };
    expect(viewResult(r, 'zh').reason).toBe('累计完成 57.8%,时序进度 60%');
    expect(viewResult(r, 'en').reason).toBe('57.8 % done in total, 60 % of the period elapsed');
  });

  it('no data: the missing baseline year', () => {
    const r: Result = { ...base, status: 'not_assessable', severity: 'info', final: false, reason: { code: 'reason.no-baseline', params: { year: 2020 } } };
    expect(viewResult(r, 'zh').reason).toBe('缺少 2020 年基期数');
  });

  it('a soft miss says it does not fail the run, after the shortfall', () => {
    const r: Result = { ...base, soft: true, status: 'not_met', severity: 'warning', actual: fig(95), gap: -5, attainment: 0.95 };
    expect(viewResult(r, 'zh').reason).toBe('比目标少 5亿元(完成度 95.0%);力争目标,未达不计失败');
    expect(viewResult(r, 'zh').status).toBe('未达标(力争)');
  });

  it('a strict bound met exactly (> 250, actual 250) is not met by nothing: it says the figure equals the bound, never "short by 0"', () => {
    const above: Result = { ...base, op: '>', value: 250, status: 'not_met', severity: 'failure', actual: fig(250), gap: 0, attainment: 1 };
    expect(viewResult(above, 'zh').reason).toBe('恰好等于 250亿元,目标要求高于此值');
    expect(viewResult(above, 'en').reason).toBe('exactly 250 亿元: the target is more than that');
    const below: Result = { ...base, op: '<', unit: '%', value: 5.5, status: 'not_met', severity: 'failure', actual: fig(5.5), gap: 0, attainment: null };
    expect(viewResult(below, 'zh').reason).toBe('恰好等于 5.5%,目标要求低于此值');
    expect(viewResult(below, 'en').reason).toBe('exactly 5.5%: the target is less than that');
    // A floor or ceiling that admits its bound met exactly is met; a gap other than 0 is a shortfall as before.
    expect(viewResult({ ...above, actual: fig(249), gap: -1, attainment: 0.996 }, 'zh').reason).toBe('比目标少 1亿元(完成度 99.6%)');
  });

  it('a final shortfall on a floor, a ceiling and a band', () => {
    expect(viewResult({ ...base, status: 'not_met', severity: 'failure', actual: fig(950), value: 1000, gap: -50, attainment: 0.95 }, 'en').reason)
      .toBe('50 亿元 short of the target (95.0% attained)');
    expect(viewResult({ ...base, op: '<=', unit: '%', value: 5.5, status: 'not_met', severity: 'failure', actual: fig(6.25), gap: -0.75 }, 'zh').reason)
      .toBe('超出上限 0.75 个百分点');
    const band: Result = { ...base, kind: 'cagr', op: '~', unit: '%', value: 7, status: 'not_met', severity: 'failure', actual: fig(8.46), gap: -0.96 };
    expect(viewResult(band, 'zh').reason).toBe('高于目标 0.96 个百分点');
    // Above a band reads +, not as a shortfall.
    expect(viewResult(band, 'zh').gap).toBe('+0.96');
  });

  it('an unknown reason code from a newer judge is worded generically', () => {
    const r = { ...base, status: 'no_data', severity: 'info', reason: { code: 'reason.brand-new', params: {} } } as unknown as Result;
    expect(viewResult(r, 'en').reason).toBe('cannot be judged (reason.brand-new)');
  });

  it('met results need no reason', () => {
    expect(viewResult({ ...base, status: 'met', actual: fig(120), gap: 20 }, 'zh').reason).toBe('');
  });
});

describe('figures for display', () => {
  it('milestones read 已完成 / 未完成', () => {
    expect(viewResult({ ...base, kind: 'milestone', op: 'done', value: null, unit: '', actual: fig(1) }, 'zh').actual).toBe('已完成');
    const missed = viewResult({ ...base, kind: 'milestone', op: 'done', value: null, unit: '', status: 'not_met', severity: 'failure', actual: fig(0) }, 'zh');
    expect(missed.actual).toBe('未完成');
    expect(missed.reason).toBe('截至 2025 年未完成');
  });

  it('the gap is rounded to the finer of target and actual precision; attainment to 0.1 %', () => {
    const v = viewResult({ ...base, value: 3.4, unit: '%', actual: fig(3.52), gap: 0.12000000000000011, attainment: 1.035294 }, 'en');
    expect(v.gap).toBe('+0.12');
    expect(v.attainment).toBe('103.5%');
  });

  it('the projection is labelled with the deadline, rounded to the target precision, marked when it misses', () => {
    const r: Result = { ...base, value: 100, status: 'insufficient', severity: 'warning', final: false, actual: fig(90, 2023),
      progress: { ...noProgress, requiredRate: 3, observedRate: 1, ratio: 0.33, projected: 91.8009, projectedGap: -8.1991 } };
    expect(viewResult(r, 'zh').projection).toBe('预计2025年 92(将未达标)');
    expect(viewResult(r, 'en').projection).toBe('projected 2025: 92 (would miss)');
    const onTrack = { ...r, status: 'on_track', severity: 'ok', progress: { ...r.progress!, projected: 100.98, projectedGap: 0.98 } } as Result;
    expect(viewResult(onTrack, 'zh').projection).toBe('预计2025年 101');
    expect(viewResult(onTrack, 'zh').projectionMisses).toBe(false);
  });

  it('text from the input is shown with controls escaped', () => {
    const v = viewResult({ ...base, id: 'G3.2\n::error::x', region: '\u202e镇', indicatorEn: 'a\u001b[2J' }, 'en');
    expect(v.id).toBe('G3.2\\u000a:\\u003aerror:\\u003ax');
    expect(v.region).toBe('<U+202E>镇');
    expect(v.indicator).toBe('a\\u001b[2J');
  });
});

describe('the report view', () => {
  it('soft misses are counted apart from failures', () => {
    const view = viewReport(sampleReport, { lang: 'en', maxErrors: 50 });
    expect(view.summary[0]).toBe('All: 5 results (2 regions × targets), 1 met, 2 not met, 1 no data; 1 failing, 1 warning (1 of them a soft target, not failing); completion rate 33.3% (1 of 3)');
  });

  it('mid-term, 完成率 says it counts only targets judged so far', () => {
    const view = viewReport({ ...sampleReport, asOf: 2023, elapsedShare: 0.6 }, { lang: 'zh', maxErrors: 50 });
    expect(view.summary[0]).toContain('完成率 33.3%(仅计已到期评判的 3 个中达标 1 个)');
  });

  it('the last line names the rule that failed the run', () => {
    expect(verdictLine(sampleReport, 'en')).toBe('exit code 2: the submission has 1 error; it is not a valid submission');
    const valid = { ...sampleReport, errors: [], errorCount: 0 };
    expect(verdictLine(valid, 'zh')).toBe('退出码 1:1 个指标按 --fail-on not_met 判为失败');
    const warned = { ...valid, summary: { ...valid.summary, failures: 0 }, policy: { failOn: [], maxWarnings: 0 } } as typeof valid;
    expect(verdictLine(warned, 'en')).toBe('exit code 1: 1 warning, more than --max-warnings 0');
    const fine = { ...warned, policy: { failOn: [], maxWarnings: null } } as typeof valid;
    expect(verdictLine(fine, 'en')).toBe('');
  });

  it('--sort status lists failures first, then off-track warnings, keeping the plan order within a rank', () => {
    const view = viewReport(sampleReport, { lang: 'en', maxErrors: 50, sort: 'status' });
    expect([...view.results()].map((v) => `${v.id}${v.region}`)).toEqual(['M1.1', 'M1.2', 'M1.3', 'G1.1', 'M1.1丹东街道']);
    expect(sampleReport.results.map(rankOf)).toEqual([5, 0, 1, 4, 5]);
  });

  it('a region named __proto__ is an ordinary region', () => {
    const byRegion = Object.create(null) as Record<string, (typeof sampleReport.summary.byRegion)[string]>;
    byRegion.__proto__ = sampleReport.summary.byRegion['']!;
    const view = viewReport({ ...sampleReport, regions: ['__proto__'], summary: { ...sampleReport.summary, byRegion } }, { lang: 'en', maxErrors: 50 });
    expect(view.regions.map((r) => r.label)).toEqual(['__proto__']);
  });
});

describe('a reason for every result that needs one', () => {
  it.each(['not_met', 'insufficient', 'moving_away', 'moderate', 'no_data', 'not_assessable'] as const)('%s without figures or a judge reason still says why', (status) => {
    const r: Result = { ...base, status, severity: status === 'not_met' ? 'failure' : 'info', final: status === 'not_met' || status === 'no_data' };
    expect(viewResult(r, 'zh').reason).not.toBe('');
    expect(viewResult(r, 'en').reason).not.toBe('');
  });
});

describe('projections of shares', () => {
  it('a coverage in % is not projected past 100 %', () => {
    const r: Result = { ...base, unit: '%', value: 95, status: 'on_track', severity: 'ok', final: false, actual: fig(93, 2023),
      progress: { ...noProgress, projected: 100.98, projectedGap: 5.98 } };
    expect(viewResult(r, 'zh').projection).toBe('预计2025年 100');
    // Not a share: left as projected.
    expect(viewResult({ ...r, unit: '亿元' }, 'zh').projection).toBe('预计2025年 101');
  });
});

describe('count lines of many regions', () => {
  it('a region\'s lines worded once per set of counts are its own lines, whatever its name holds', async () => {
    const { regionTallyLines, tallyLines } = await import('./view.js');
    const { seededRandom } = await import('../seeded-random.test-helper.js');
    const random = seededRandom(15);
    const names = ['丹东街道', 'a$&b', '$1', 'x\u0000y', '', '石浦镇0001村', 'split'];
    for (const report of [sampleReport, { ...sampleReport, asOf: 2023, elapsedShare: 0.6 }]) {
      for (const lang of ['zh', 'en'] as const) {
        const lines = regionTallyLines(report, lang);
        for (let i = 0; i < 300; i++) {
          // Few distinct counts, so most regions share another's.
          const n = () => Math.floor(random() * 3);
          const byStatus = { met: n(), not_met: n(), no_data: n(), achieved: n(), on_track: 0, moderate: n(), insufficient: 0, moving_away: 0, pending: 0, not_assessable: n() };
          const judged = byStatus.met + byStatus.not_met;
          const tally = { targets: 9, byStatus, failures: n(), warnings: n(), softMisses: n(), completionRate: judged ? Number((byStatus.met / judged).toPrecision(12)) : null, ...(random() < 0.3 ? { notJudged: 1 } : {}) };
          const name = names[i % names.length]!;
          expect(lines(name, tally)).toEqual(tallyLines(name, tally, report, lang));
        }
        expect(lines('全部', report.summary)).toEqual(tallyLines('全部', report.summary, report, lang));
      }
    }
  });
});
