/**
 * Trend, annual, average and milestone targets of the bundled plan, mid-term and final, and the
 * age of the newest figure. Expected figures computed by hand from docs/progress.md.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/types.js';
import { bundledPlan, judgeOne } from './plan.test-helper.js';

const plan = bundledPlan();
const one = (rows: string, id: string, asOf?: number) => judgeOne(plan, `id,year,value\n${rows}`, id, asOf);

describe('trend (G3.9 中等收入群体规模不断扩大)', () => {
  it('rising every year to 2023 is on track mid-term', async () => {
    const r = await one('G3.9,2020,10\nG3.9,2021,10.4\nG3.9,2023,11\n', 'G3.9', 2023);
    expect(r).toMatchObject({ status: 'on_track', final: false, figureAge: 0, notes: [] });
  });

  it('final with 2022 and 2024 missing: no data, naming exactly those years', async () => {
    const r = await one('G3.9,2020,10\nG3.9,2021,10.4\nG3.9,2023,11\nG3.9,2025,12\n', 'G3.9', 2025);
    expect(r.status).toBe('no_data');
    expect(r.reason).toEqual({ code: 'reason.missing-years', params: { years: '2022, 2024' } });
  });

  it('a fall below the first figure is moving away, the wrong step named', async () => {
    const r = await one('G3.9,2020,10\nG3.9,2021,10.4\nG3.9,2022,9.9\n', 'G3.9', 2022);
    expect(r.status).toBe('moving_away');
    expect(r.reason).toEqual({ code: 'reason.wrong-steps', params: { years: '2022' } });
  });
});

describe('annual (M35.1 每年新增创业实体1万家以上)', () => {
  it('a year missed is a miss already mid-term, with the worst year\'s gap: 0.9 − 1 = −0.1', async () => {
    const r = await one('M35.1,2021,1.2\nM35.1,2022,0.9\n', 'M35.1', 2023);
    expect(r).toMatchObject({ status: 'not_met', final: false, gap: -0.1, attainment: 0.9 });
    expect(r.reason).toEqual({ code: 'reason.failed-years', params: { years: '2022' } });
  });

  it('every year met so far, last figure 2022 reviewed in 2023: on track, noted as a year old', async () => {
    const r = await one('M35.1,2021,1.2\nM35.1,2022,1.1\n', 'M35.1', 2023);
    expect(r.status).toBe('on_track');
    expect(r.figureAge).toBe(1);
    expect(r.notes).toEqual([{ code: 'reason.stale-figure', params: { year: 2022, asOf: 2023, age: 1 } }]);
  });
});

describe('average (M22.4 年均养护工程实施比例不低于6%)', () => {
  it('5 and 7 average exactly 6: on track mid-term, gap 0', async () => {
    const r = await one('M22.4,2021,5\nM22.4,2022,7\n', 'M22.4', 2022);
    expect(r).toMatchObject({ status: 'on_track', gap: 0, attainment: 1 });
  });

  it('final: (6.1 + 5.9 + 6 + 5.8 + 6.1) ÷ 5 = 5.98, not met, gap −0.02', async () => {
    const r = await one('M22.4,2021,6.1\nM22.4,2022,5.9\nM22.4,2023,6\nM22.4,2024,5.8\nM22.4,2025,6.1\n', 'M22.4', 2025);
    expect(r).toMatchObject({ status: 'not_met', gap: -0.02 });
    expect(r.actual?.value).toBe(5.98);
  });
});

describe('milestone (G6.6 低风险社会基本建成, soft)', () => {
  it('not done mid-term is pending; done by 2024 is met at the deadline', async () => {
    expect((await one('G6.6,2022,否\n', 'G6.6', 2023)).status).toBe('pending');
    const r = await one('G6.6,2022,否\nG6.6,2024,是\n', 'G6.6', 2025);
    expect(r).toMatchObject({ status: 'met', attainment: 1, soft: true });
  });

  it('not done at the deadline is not met, and only warns: the target is soft', async () => {
    expect(await one('G6.6,2025,否\n', 'G6.6', 2025)).toMatchObject({ status: 'not_met', severity: 'warning' });
  });
});

describe('a plan baseline against a submitted figure for its year (M45.4: 16 周岁 in 2020 → 18 by 2025)', () => {
  it('mid-term, a different 2020 figure is set aside and said so: 16 → 17 in 2023 is on track', async () => {
    // Required 16 → 18 over 5 years; by 2023 three fifths, 17.2; observed 1 of 1.2: ratio 0.83, on track.
    const r = await one('M45.4,2020,15\nM45.4,2023,17\n', 'M45.4', 2023);
    expect(r.progress?.baseline).toMatchObject({ year: 2020, value: 16 });
    expect(r.notes).toEqual([{ code: 'reason.plan-baseline', params: { year: 2020, submitted: 15, baseline: 16 } }]);
  });

  it('a 2020 figure equal to the plan baseline, or a final review that needs no baseline, has no note', async () => {
    expect((await one('M45.4,2020,16\nM45.4,2023,17\n', 'M45.4', 2023)).notes).toEqual([]);
    expect((await one('M45.4,2020,15\nM45.4,2025,18\n', 'M45.4', 2025)).notes).toEqual([]);
  });
});

describe('a change target given a plan baseline (M111.2 翻一番, with the implied 26 of 2020 written into the plan)', () => {
  const withBase: Plan = {
    ...plan,
    targets: plan.targets.map((t) => (t.id === 'M111.2' ? { ...t, baseline: { year: 2020, value: 26 } } : t)),
  };
  withBase.targetsById = new Map(withBase.targets.map((t) => [t.id, t]));
  const judged = (rows: string, asOf: number) => judgeOne(withBase, `id,year,value,unit\n${rows}`, 'M111.2', asOf);

  it('26 → 52 is +100 %: met; a submitted 2020 level of 25 is set aside and said so', async () => {
    const r = await judged('M111.2,2020,25,个\nM111.2,2025,52,个\n', 2025);
    expect(r).toMatchObject({ status: 'met', gap: 0 });
    expect(r.notes).toEqual([{ code: 'reason.plan-baseline', params: { year: 2020, submitted: 25, baseline: 26 } }]);
  });

  it('a change in % submitted for 2020 is no level: no note', async () => {
    const r = await judged('M111.2,2020,0,%\nM111.2,2025,100,%\n', 2025);
    expect(r.notes).toEqual([]);
  });
});

describe('a judgement\'s progress lists its members in the order of EMPTY_PROGRESS (the JSON report writes them in that order)', () => {
  it('for a mean and for a trend, worked out member by member', async () => {
    const { EMPTY_PROGRESS } = await import('./judge-parts.js');
    const mean = await one('M22.4,2021,7\nM22.4,2022,8\nM22.4,2023,9\n', 'M22.4', 2023);
    const trend = await one('G3.9,2020,10\nG3.9,2021,10.4\nG3.9,2023,11\n', 'G3.9', 2023);
    for (const result of [mean, trend]) expect(Object.keys(result.progress!)).toEqual(Object.keys(EMPTY_PROGRESS));
    expect(mean.progress).toMatchObject({ method: 'mean', latest: { year: 2023, value: 9 }, observedRate: 8 });
    expect(mean.actual).toEqual({ year: 2023, value: 8, file: expect.any(String), row: 4 });
    expect(Object.keys(mean.actual!)).toEqual(['year', 'value', 'file', 'row']);
  });
});
