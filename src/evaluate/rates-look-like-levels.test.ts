/**
 * Figures of growth and change targets read as rates: a baseline-year figure among them means
 * levels without their unit, and rates all far above the target look like levels too.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../actuals/figure-store.js';
import { bundledPlan } from './plan.test-helper.js';
import { baselineYearRate, implausibleRateLimit, implausibleRates } from './rates-look-like-levels.js';

const plan = bundledPlan();
const target = (id: string) => {
  const found = plan.targetsById.get(id);
  if (!found) throw new Error(id);
  return found;
};
const rates = (pairs: [number, number][], level = false): Figure[] =>
  pairs.map(([year, value], row) => ({ year, value, level, source: { file: 0, row: row + 2 } }));

describe('a rate for the baseline year', () => {
  it('a growth rate for 2020 is refused, naming the year and the figure', () => {
    expect(baselineYearRate(target('M1.2'), rates([[2020, 100], [2025, 161.1]]), plan)).toEqual({
      code: 'reason.rates-look-like-levels', params: { year: 2020, value: 100 },
    });
  });

  it('a change in % for 2020 other than 0 is refused; 0 (no change against itself) is a change', () => {
    expect(baselineYearRate(target('M113.2'), rates([[2020, 1000], [2025, 990]]), plan)).toEqual({
      code: 'reason.changes-look-like-levels', params: { year: 2020, value: 1000 },
    });
    expect(baselineYearRate(target('M113.2'), rates([[2020, 0], [2025, -3]]), plan)).toBeNull();
  });

  it('levels with their unit, rates of the period only, and other kinds say nothing', () => {
    expect(baselineYearRate(target('M1.2'), rates([[2020, 100], [2025, 260]], true), plan)).toBeNull();
    expect(baselineYearRate(target('M1.2'), rates([[2021, 21.5], [2022, 19]]), plan)).toBeNull();
    expect(baselineYearRate(target('G2.3'), rates([[2020, 2.5]]), plan)).toBeNull();
  });
});

describe('rates implausible for their target', () => {
  it('the limit is 5 times the target, at least 50 % a year or a change of 100 %', () => {
    expect(implausibleRateLimit(target('M1.2'))).toBe(100); // ≥ 20 % a year: 5 × 20
    expect(implausibleRateLimit(target('M24.6'))).toBe(50); // ≥ 4 %: 5 × 4 = 20 < 50
    expect(implausibleRateLimit(target('M111.2'))).toBe(500); // 翻一番 (+100 %): 5 × 100
    expect(implausibleRateLimit(target('M113.2'))).toBe(100); // 零增长 (≤ 0 %)
    expect(implausibleRateLimit(target('G2.3'))).toBeNull();
  });

  it('every rate above the limit (110, 121, 133.1 against ≥ 20 %) looks like levels', () => {
    const figures = rates([[2021, 110], [2022, 121], [2023, 133.1]]);
    expect(implausibleRates(target('M1.2'), figures, plan).map((f) => f.value)).toEqual([110, 121, 133.1]);
  });

  it('one plausible rate among them (19 % in 2022) clears them all', () => {
    expect(implausibleRates(target('M1.2'), rates([[2021, 110], [2022, 19], [2023, 133.1]]), plan)).toEqual([]);
  });

  it('a rate exactly at the limit is not above it', () => {
    expect(implausibleRates(target('M1.2'), rates([[2025, 100]]), plan)).toEqual([]);
    expect(implausibleRates(target('M1.2'), rates([[2025, 100.1]]), plan)).toHaveLength(1);
  });

  it('levels, and rates with a baseline-year figure (refused instead), give no warning', () => {
    expect(implausibleRates(target('M1.2'), rates([[2021, 110], [2025, 161]], true), plan)).toEqual([]);
    expect(implausibleRates(target('M1.2'), rates([[2020, 100], [2021, 110], [2025, 161]]), plan)).toEqual([]);
  });
});
