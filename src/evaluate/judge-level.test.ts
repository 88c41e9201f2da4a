/**
 * Level, cumulative and change targets of the bundled plan, mid-term and final. Every expected
 * figure was computed by hand (a calculator) from the formulas of docs/progress.md.
 */
import { describe, expect, it } from 'vitest';
import { actualsFrom, bundledPlan, judgeOne } from './plan.test-helper.js';

const plan = bundledPlan();
const one = (csv: string, id: string, asOf?: number) => judgeOne(plan, `id,year,value\n${csv}`, id, asOf);

describe('a figure that crossed from the right side to the wrong side is moving away, whatever the formula', () => {
  it('G2.3 (≥ 3.4 %): 3.6 in 2020, 3.3 in 2023 → moving_away, not the on_track of a ratio of two falls', async () => {
    const r = await one('G2.3,2020,3.6\nG2.3,2023,3.3\n', 'G2.3', 2023);
    expect(r.status).toBe('moving_away');
    expect(r.reason).toEqual({ code: 'reason.crossed', params: { year: 2020 } });
    // required (3.4 ÷ 3.6)^(1/5) − 1 = −1.13666 %; observed (3.3 ÷ 3.6)^(1/3) − 1 = −2.85872 %
    expect(r.progress?.requiredRate).toBeCloseTo(-1.136659, 5);
    expect(r.progress?.observedRate).toBeCloseTo(-2.858722, 5);
    // 3.3 × (1 − 0.0285872)² = 3.11402: 0.28598 short
    expect(r.progress?.projected).toBeCloseTo(3.114021, 5);
    expect(r.progress?.projectedGap).toBeCloseTo(-0.285979, 5);
    expect(r.gap).toBe(-0.1);
    expect(r.attainment).toBe(0.970588235294117);
  });

  it('M35.4 (≤ 3.5 %): 3.0 → 3.8 → moving_away, gap −0.3', async () => {
    const r = await one('M35.4,2020,3.0\nM35.4,2023,3.8\n', 'M35.4', 2023);
    expect(r.status).toBe('moving_away');
    expect(r.reason?.code).toBe('reason.crossed');
    expect(r.gap).toBe(-0.3);
    // 3.5 ÷ 3.8 = 0.92105263157894736…, truncated at 15 significant digits
    expect(r.attainment).toBe(0.921052631578947);
  });

  it('a band crossed from one side to the other (M3.1, 30家左右 = [28.5, 31.5]): 20 → 40 is moving away', async () => {
    const r = await one('M3.1,2020,20\nM3.1,2023,40\n', 'M3.1', 2023);
    expect(r.status).toBe('moving_away');
    expect(r.gap).toBe(-8.5);
  });

  it('on the wrong side and moving further away is moving away by the ratio (no crossing)', async () => {
    const r = await one('G2.3,2020,3.0\nG2.3,2023,2.9\n', 'G2.3', 2023);
    expect(r.status).toBe('moving_away');
    expect(r.reason).toBeNull();
  });
});

describe('a figure on the right side is rated by whether the trend keeps it there at the deadline', () => {
  it('M35.4 (≤ 3.5 %): 3.0 → 3.3 reaches 3.5165 by 2025 → moving_away', async () => {
    const r = await one('M35.4,2020,3.0\nM35.4,2023,3.3\n', 'M35.4', 2023);
    // observed (3.3 ÷ 3.0)^(1/3) − 1 = 3.22801 %; 3.3 × 1.0322801² = 3.516487
    expect(r.progress?.observedRate).toBeCloseTo(3.228012, 5);
    expect(r.progress?.projected).toBeCloseTo(3.516487, 5);
    expect(r.status).toBe('moving_away');
    expect(r.reason?.code).toBe('reason.will-cross');
    // the projection in the message: the fewest digits (at least 4) that stay across the line
    expect(r.reason?.params).toEqual({ year: 2025, projected: 3.516 });
    expect(r.gap).toBe(0.2);
  });

  it('M35.4: 3.0 → 3.1 reaches 3.1685 by 2025 → achieved', async () => {
    const r = await one('M35.4,2020,3.0\nM35.4,2023,3.1\n', 'M35.4', 2023);
    expect(r.progress?.projected).toBeCloseTo(3.168512, 5);
    expect(r.status).toBe('achieved');
  });

  it('a figure that came to the right side from the wrong one is achieved, without projecting its approach', async () => {
    // G4.8 (法定人员社保覆盖率 == 100 %): 80 → 100; M3.1 (30家左右 = [28.5, 31.5]): 10 → 30
    const full = await one('G4.8,2020,80\nG4.8,2023,100\n', 'G4.8', 2023);
    expect(full).toMatchObject({ status: 'achieved', gap: 0, attainment: 1, progress: null, reason: null });
    expect((await one('M3.1,2020,10\nM3.1,2023,30\n', 'M3.1', 2023)).status).toBe('achieved');
    expect((await one('G4.8,2020,100\nG4.8,2023,100\n', 'G4.8', 2023)).status).toBe('achieved');
  });

  it('inside a band since the baseline and heading out of it by the deadline: M3.1 29 → 31 reaches 32.41 → moving_away', async () => {
    // both inside [28.5, 31.5]; (31 ÷ 29)^(1/3) − 1 = 2.24794 % a year; 31 × 1.0224794² = 32.4094
    const r = await one('M3.1,2020,29\nM3.1,2023,31\n', 'M3.1', 2023);
    expect(r.progress?.method).toBe('growth-ratio');
    expect(r.progress?.projected).toBeCloseTo(32.4094, 3);
    expect(r.status).toBe('moving_away');
    expect(r.reason?.code).toBe('reason.will-cross');
  });

  it('moving away from the line on the right side stays achieved', async () => {
    expect((await one('G2.3,2020,3.5\nG2.3,2023,3.6\n', 'G2.3', 2023)).status).toBe('achieved');
  });
});

describe('time share (时序进度) at the review year, with the age of the figure', () => {
  it('M12.1 (44 km in all): only 2021 = 10, reviewed in 2023 → 0.6 elapsed, insufficient', async () => {
    const r = await one('M12.1,2021,10\n', 'M12.1', 2023);
    expect(r.progress?.elapsedShare).toBe(0.6);
    // 10 ÷ 44 = 0.2272727…; ratio 10 × 5 ÷ (44 × 3) = 0.3787878…; 26.4 was needed
    expect(r.progress?.completionShare).toBe(0.227272727272727);
    expect(r.progress?.ratio).toBe(0.378787878787878);
    expect(r.progress?.gapPoints).toBeCloseTo(-37.2727272727273, 10);
    // the pace up to the review year: 10 ÷ 3 × 5 = 16.667
    expect(r.progress?.projected).toBe(16.6666666667);
    expect(r.status).toBe('insufficient');
    expect(r.figureAge).toBe(2);
    expect(r.notes).toEqual([{ code: 'reason.stale-figure', params: { year: 2021, asOf: 2023, age: 2 } }]);
  });

  it('an achieved figure of 2021 reviewed in 2023 is achieved, and noted as two years old', async () => {
    const r = await one('G2.3,2021,3.5\n', 'G2.3', 2023);
    expect(r).toMatchObject({ status: 'achieved', figureAge: 2 });
    expect(r.notes).toEqual([{ code: 'reason.stale-figure', params: { year: 2021, asOf: 2023, age: 2 } }]);
  });

  it('a figure of the review year has age 0 and no note', async () => {
    const r = await one('M12.1,2023,26.4\n', 'M12.1', 2023);
    expect(r.figureAge).toBe(0);
    expect(r.notes).toEqual([]);
  });

  it('a projection of exactly 44 has gap 0, not −7.1e-15: 26.4 in 2023 × 5 ÷ 3 = 44 → on track', async () => {
    const r = await one('M12.1,2023,26.4\n', 'M12.1', 2023);
    expect(r.progress?.projected).toBe(44);
    expect(r.progress?.projectedGap).toBe(0);
    expect(r.progress?.ratio).toBe(1);
    expect(r.progress?.gapPoints).toBe(0);
    expect(r.status).toBe('on_track');
  });

  it('a level target: the elapsed share is the review year\'s, the rates the figures\' own years', async () => {
    const r = await one('G2.3,2020,2.5\nG2.3,2021,3.0\n', 'G2.3', 2023);
    expect(r.progress?.elapsedShare).toBe(0.6);
    // observed 3.0 ÷ 2.5 − 1 = 20 % in one year
    expect(r.progress?.observedRate).toBe(20);
    expect(r.figureAge).toBe(2);
  });
});

describe('running totals, baselines and changes', () => {
  it('a running total that falls (2023 = 50, 2025 = 44) is met at 44 but noted', async () => {
    const r = await one('M12.1,2023,50\nM12.1,2025,44\n', 'M12.1', 2025);
    expect(r.status).toBe('met');
    expect(r.gap).toBe(0);
    expect(r.notes).toEqual([{ code: 'reason.total-fell', params: { years: '2025' } }]);
  });

  it('零增长 from 0 to 0 is met (M113.2, levels in 件)', async () => {
    const r = await judgeOne(plan, 'id,year,value,unit\nM113.2,2020,0,件\nM113.2,2025,0,件\n', 'M113.2', 2025);
    expect(r.status).toBe('met');
    expect(r.actual?.value).toBe(0);
    expect(r.gap).toBe(0);
  });

  it('零增长 from 0 to 0 mid-term is achieved; from 0 to 5 it cannot be judged', async () => {
    expect((await judgeOne(plan, 'id,year,value,unit\nM113.2,2020,0,件\nM113.2,2023,0,件\n', 'M113.2', 2023)).status).toBe('achieved');
    const r = await judgeOne(plan, 'id,year,value,unit\nM113.2,2020,0,件\nM113.2,2025,5,件\n', 'M113.2', 2025);
    expect(r.status).toBe('no_data');
    expect(r.reason).toEqual({ code: 'reason.zero-baseline', params: { year: 2020 } });
  });

  it('零增长: 500 → 510 件 is +2 %, not met, gap −2; 500 → 480 is −4 %, met', async () => {
    const up = await judgeOne(plan, 'id,year,value,unit\nM113.2,2020,500,件\nM113.2,2025,510,件\n', 'M113.2', 2025);
    expect(up).toMatchObject({ status: 'not_met', gap: -2 });
    const down = await judgeOne(plan, 'id,year,value,unit\nM113.2,2020,500,件\nM113.2,2025,480,件\n', 'M113.2', 2025);
    expect(down).toMatchObject({ status: 'met', gap: 4 });
  });

  it('零增长 mid-term: from 500 up to 510 crossed the line (0 %) → moving_away', async () => {
    const r = await judgeOne(plan, 'id,year,value,unit\nM113.2,2020,500,件\nM113.2,2023,510,件\n', 'M113.2', 2023);
    expect(r.status).toBe('moving_away');
  });

  it('a level target with no 2020 figure is not assessable mid-term and names 2020', async () => {
    const r = await one('G2.3,2021,3.0\nG2.3,2023,3.2\n', 'G2.3', 2023);
    expect(r.status).toBe('not_assessable');
    expect(r.reason).toEqual({ code: 'reason.no-baseline', params: { year: 2020 } });
  });

  it('M40.1 (技能人才 17万人) takes a figure in 人: 170000人 is met', async () => {
    const r = await judgeOne(plan, 'id,year,value,unit\nM40.1,2025,170000,人\n', 'M40.1', 2025);
    expect(r).toMatchObject({ status: 'met', gap: 0, attainment: 1 });
  });
});

describe('gaps, attainment and conversions are exact decimals, and agree with the status', () => {
  it('3.39999999 against ≥ 3.4 (G2.3): gap exactly −0.00000001, not met', async () => {
    const r = await one('G2.3,2025,3.39999999\n', 'G2.3', 2025);
    expect(r.status).toBe('not_met');
    expect(r.gap).toBe(-0.00000001);
    // 3.39999999 ÷ 3.4 = 0.99999999705882352…, truncated at 15 significant digits
    expect(r.attainment).toBe(0.999999997058823);
  });

  it('0.00150001亿元 against > 15万元 (G2.2): 15.0001万元, gap exactly 0.0001, met', async () => {
    const r = await judgeOne(plan, 'id,year,value,unit\nG2.2,2025,0.00150001,亿元\n', 'G2.2', 2025);
    expect(r.status).toBe('met');
    expect(r.actual?.value).toBe(15.0001);
    expect(r.gap).toBe(0.0001);
  });

  it('3.3999999999999 against ≥ 3.4: not met, and the report shows 3.3999999999999, gap −1e-13, attainment under 1', async () => {
    const r = await one('G2.3,2025,3.3999999999999\n', 'G2.3', 2025);
    expect(r.status).toBe('not_met');
    expect(r.actual?.value).toBe(3.3999999999999);
    expect(r.gap).toBe(-1e-13);
    // 3.3999999999999 ÷ 3.4 = 0.99999999999997058…
    expect(r.attainment).toBe(0.99999999999997);
  });

  it('exactly at the line is met with gap 0 and attainment 1', async () => {
    expect(await one('G2.3,2025,3.4\n', 'G2.3', 2025)).toMatchObject({ status: 'met', gap: 0, attainment: 1 });
  });

  it('a strict floor (G2.2, > 15万元) at exactly 15 is not met: gap 0, attainment 1, the line itself excluded', async () => {
    expect(await judgeOne(plan, 'id,year,value\nG2.2,2025,15\n', 'G2.2', 2025)).toMatchObject({ status: 'not_met', gap: 0, attainment: 1 });
  });
});

describe('the baseline is the baseline year\'s figure (2020), as docs/progress.md says', () => {
  it('a row for 2019 is refused as a located error, not taken as a baseline', async () => {
    const actuals = await actualsFrom(plan, 'id,year,value\nG2.3,2019,2.5\nG2.3,2023,3.0\n');
    expect(actuals.problems).toMatchObject([{ code: 'row.year-outside-period', params: { year: 2019, start: 2020, end: 2025 }, line: 2 }]);
  });
});

describe('change targets: a baseline-year figure among changes in % is a level without its unit', () => {
  const rows = (text: string) => `id,year,value,unit\n${text}`;

  it('M113.2 (零增长) 1000 → 990 without a unit: no data, naming 2020 and 1000, never "990 points over"', async () => {
    const r = await judgeOne(plan, rows('M113.2,2020,1000,\nM113.2,2025,990,\n'), 'M113.2', 2025);
    expect(r.status).toBe('no_data');
    expect(r.reason).toEqual({ code: 'reason.changes-look-like-levels', params: { year: 2020, value: 1000 } });
  });

  it('the same levels in 件: (990 − 1000) ÷ 1000 = −1 % → met, gap 1 point', async () => {
    const r = await judgeOne(plan, rows('M113.2,2020,1000,件\nM113.2,2025,990,件\n'), 'M113.2', 2025);
    expect(r.status).toBe('met');
    expect(r.actual?.value).toBe(-1);
    expect(r.gap).toBe(1);
  });

  it('M111.2 (翻一番) 20 → 45 with % mid-term: not assessable; in 个: +125 % → met', async () => {
    const asRates = await judgeOne(plan, rows('M111.2,2020,20,%\nM111.2,2023,45,%\n'), 'M111.2', 2023);
    expect(asRates.status).toBe('not_assessable');
    expect(asRates.reason?.code).toBe('reason.changes-look-like-levels');
    const asLevels = await judgeOne(plan, rows('M111.2,2020,20,个\nM111.2,2025,45,个\n'), 'M111.2', 2025);
    expect(asLevels.status).toBe('met');
    expect(asLevels.actual?.value).toBe(125);
  });

  it('changes in % with 0 for 2020 (no change against itself) are changes: −3 % for 零增长 → met, gap 3', async () => {
    const r = await judgeOne(plan, rows('M113.2,2020,0,%\nM113.2,2025,-3,%\n'), 'M113.2', 2025);
    expect(r.status).toBe('met');
    expect(r.gap).toBe(3);
  });
});

describe('change targets: levels and changes in % mixed', () => {
  it('M113.2 500件 (2020) and −2 without a unit (2025): no data, reason.mixed-rates-levels, the −2 never dropped silently', async () => {
    const r = await judgeOne(plan, 'id,year,value,unit\nM113.2,2020,500,件\nM113.2,2025,-2,\n', 'M113.2', 2025);
    expect(r.status).toBe('no_data');
    expect(r.reason?.code).toBe('reason.mixed-rates-levels');
  });
});
