/**
 * Average annual growth (年均增长) targets of the bundled plan, mid-term and final. Expected
 * figures computed by hand from docs/progress.md.
 */
import { describe, expect, it } from 'vitest';
import { bundledPlan, judgeOne } from './plan.test-helper.js';

const plan = bundledPlan();
const csv = (rows: string) => `id,year,value,unit\n${rows}`;

describe('compound growth from levels never guesses the base year', () => {
  it('M1.2 levels for 2021 and 2023 only: not assessable mid-term, naming the 2020 baseline', async () => {
    const r = await judgeOne(plan, csv('M1.2,2021,100,亿元\nM1.2,2023,150,亿元\n'), 'M1.2', 2023);
    expect(r.status).toBe('not_assessable');
    expect(r.reason).toEqual({ code: 'reason.no-baseline', params: { year: 2020 } });
    // A level (in 元) is no actual for a rate in % a year.
    expect(r.actual).toBeNull();
  });

  it('M1.2 levels for 2021 and 2025: no data at the deadline, naming only 2020 (2025 was submitted)', async () => {
    const r = await judgeOne(plan, csv('M1.2,2021,100,亿元\nM1.2,2025,260,亿元\n'), 'M1.2', 2025);
    expect(r.status).toBe('no_data');
    expect(r.reason).toEqual({ code: 'reason.no-baseline', params: { year: 2020 } });
  });

  it('M1.2 levels for 2020 and 2023 reviewed in 2025: only 2025 is missing', async () => {
    const r = await judgeOne(plan, csv('M1.2,2020,100,亿元\nM1.2,2023,150,亿元\n'), 'M1.2', 2025);
    expect(r.status).toBe('no_data');
    expect(r.reason).toEqual({ code: 'reason.missing-years', params: { years: '2025' } });
  });

  it('M1.2 levels for 2021 and 2023 reviewed in 2025: both 2020 and 2025 are missing', async () => {
    const r = await judgeOne(plan, csv('M1.2,2021,100,亿元\nM1.2,2023,150,亿元\n'), 'M1.2', 2025);
    expect(r.reason).toEqual({ code: 'reason.missing-years', params: { years: '2020, 2025' } });
  });

  it('M1.2 levels 100 (2020) and 260 (2025): 2.6^(1/5) − 1 = 21.0583 % → met', async () => {
    const r = await judgeOne(plan, csv('M1.2,2020,100,亿元\nM1.2,2025,260,亿元\n'), 'M1.2', 2025);
    expect(r.status).toBe('met');
    expect(r.actual?.value).toBeCloseTo(21.0583, 3);
  });

  it('M1.2 levels 100 (2020) and 172.8 (2023): 1.728^(1/3) − 1 = 20 % → on track', async () => {
    const r = await judgeOne(plan, csv('M1.2,2020,100,亿元\nM1.2,2023,172.8,亿元\n'), 'M1.2', 2023);
    expect(r.progress?.observedRate).toBe(20);
    expect(r.status).toBe('on_track');
  });
});

describe('an approximate rate (M35.6, 年均增长6%左右 = [5.7, 6.3] % a year) is rated by its band, both ways', () => {
  it('10 % a year for three years is off the band: 6.3 ÷ 10 = 0.63 → moderate, not on track', async () => {
    const r = await judgeOne(plan, csv('M35.6,2021,10,%\nM35.6,2022,10,%\nM35.6,2023,10,%\n'), 'M35.6', 2023);
    expect(r.progress?.observedRate).toBe(10);
    expect(r.progress?.ratio).toBe(0.63);
    expect(r.gap).toBe(-3.7);
    expect(r.status).toBe('moderate');
  });

  it('20 % a year: 6.3 ÷ 20 = 0.315 → insufficient', async () => {
    const r = await judgeOne(plan, csv('M35.6,2021,20,%\nM35.6,2022,20,%\nM35.6,2023,20,%\n'), 'M35.6', 2023);
    expect(r.progress?.ratio).toBe(0.315);
    expect(r.status).toBe('insufficient');
  });

  it('the same path fails at the deadline', async () => {
    const rows = [2021, 2022, 2023, 2024, 2025].map((year) => `M35.6,${year},10,%`).join('\n');
    expect((await judgeOne(plan, csv(`${rows}\n`), 'M35.6', 2025)).status).toBe('not_met');
  });

  it('below the band: 5 % a year → 5 ÷ 5.7 = 0.877 → moderate; 3 % → 0.526 → insufficient', async () => {
    const five = await judgeOne(plan, csv('M35.6,2021,5,%\nM35.6,2022,5,%\n'), 'M35.6', 2022);
    expect(five.progress?.ratio).toBe(0.87719298245614);
    expect(five.status).toBe('moderate');
    const three = await judgeOne(plan, csv('M35.6,2021,3,%\nM35.6,2022,3,%\n'), 'M35.6', 2022);
    expect(three.progress?.ratio).toBe(0.526315789473684);
    expect(three.status).toBe('insufficient');
  });

  it('inside the band: 6 % a year → on track; a fall (−1 %) → moving away', async () => {
    expect((await judgeOne(plan, csv('M35.6,2021,6,%\nM35.6,2022,6,%\n'), 'M35.6', 2022)).status).toBe('on_track');
    expect((await judgeOne(plan, csv('M35.6,2021,-1,%\nM35.6,2022,-1,%\n'), 'M35.6', 2022)).status).toBe('moving_away');
  });
});

describe('yearly rates that no level can have', () => {
  it('M1.2 rates 0 % (2021) and −100.01 % (2022): not assessable, naming 2022, never a crash', async () => {
    const r = await judgeOne(plan, csv('M1.2,2021,0,%\nM1.2,2022,-100.01,%\n'), 'M1.2', 2023);
    expect(r.status).toBe('not_assessable');
    expect(r.reason).toEqual({ code: 'reason.rate-below-minus-100', params: { years: '2022' } });
  });

  it('a rate of exactly −100 % is a level that fell to nothing: averaged, not refused', async () => {
    // (1 + 0) × (1 − 1) = 0 over two years: the mean rate is 0^(1/2) − 1 = −100 %.
    const r = await judgeOne(plan, csv('M1.2,2021,0,%\nM1.2,2022,-100,%\n'), 'M1.2', 2023);
    expect(r.status).not.toBe('not_assessable');
    expect(r.progress?.observedRate).toBe(-100);
  });
});

describe('figures without a unit that cannot be yearly rates (docs/progress.md, "Rates that look like levels")', () => {
  const wide = (unit: string, values: number[]) => values.map((v, i) => `M1.2,${2020 + i},${v},${unit}`).join('\n');

  it('levels 100 … 161.1 for 2020–2025 written with % are refused as rates: no data, naming 2020 and its figure', async () => {
    const r = await judgeOne(plan, csv(`${wide('%', [100, 110, 121, 133.1, 146.4, 161.1])}\n`), 'M1.2', 2025);
    expect(r.status).toBe('no_data');
    expect(r.reason).toEqual({ code: 'reason.rates-look-like-levels', params: { year: 2020, value: 100 } });
    expect(r.actual).toBeNull();
  });

  it('the same without any unit, mid-term (2020–2023): not assessable with the same reason', async () => {
    const rows = 'id,year,value\nM1.2,2020,100\nM1.2,2021,110\nM1.2,2022,121\nM1.2,2023,133.1\n';
    const r = await judgeOne(plan, rows, 'M1.2', 2023);
    expect(r.status).toBe('not_assessable');
    expect(r.reason?.code).toBe('reason.rates-look-like-levels');
  });

  it('the same levels with their unit (亿元) give 1.611^(1/5) − 1 = 10.0067 % a year: not met against ≥ 20 %', async () => {
    const r = await judgeOne(plan, csv(`${wide('亿元', [100, 110, 121, 133.1, 146.4, 161.1])}\n`), 'M1.2', 2025);
    expect(r.status).toBe('not_met');
    expect(r.actual?.value).toBeCloseTo(10.0067, 3);
  });

  it('mid-term with their unit: 1.331^(1/3) − 1 = 10 % a year, ratio 10 ÷ 20 = 0.5 → insufficient', async () => {
    const r = await judgeOne(plan, csv(`${wide('亿元', [100, 110, 121, 133.1])}\n`), 'M1.2', 2023);
    expect(r.progress?.observedRate).toBe(10);
    expect(r.progress?.ratio).toBe(0.5);
    expect(r.status).toBe('insufficient');
  });

  it('yearly rates for 2021–2023 with 2020 left blank are still rates: the worked example, 19.49 % → on track', async () => {
    const r = await judgeOne(plan, csv('M1.2,2021,21.5,%\nM1.2,2022,19,%\nM1.2,2023,18,%\n'), 'M1.2', 2023);
    expect(r.progress?.observedRate).toBeCloseTo(19.49, 2);
    expect(r.status).toBe('on_track');
  });

  it('a figure without a unit for 2020 beside levels with one is refused the same way, not taken as a mix', async () => {
    const r = await judgeOne(plan, 'id,year,value,unit\nM1.2,2020,100,\nM1.2,2025,260,亿元\n', 'M1.2', 2025);
    expect(r.reason).toEqual({ code: 'reason.rates-look-like-levels', params: { year: 2020, value: 100 } });
  });
});
