import { describe, expect, it } from 'vitest';
import { elapsedShare, rateBand } from './judge-parts.js';
import { miniPlan } from './plan.test-helper.js';

const plan = miniPlan();

describe('elapsedShare: the time share (时序进度) at the end of a review year', () => {
  it('is (year − start + 1) ÷ (deadline − start + 1): 2023 in 2021–2025 is 3 ÷ 5', () => {
    expect(elapsedShare(plan, 2023)).toBe(0.6);
    expect(elapsedShare(plan, 2021)).toBe(0.2);
  });

  it('runs to the target\'s own deadline: 2022 of a target due in 2023 is 2 ÷ 3, rounded once to 12 digits', () => {
    expect(elapsedShare(plan, 2022, 2023)).toBe(0.666666666667);
  });

  it('is 0 before the period and 1 from the deadline on', () => {
    expect(elapsedShare(plan, 2020)).toBe(0);
    expect(elapsedShare(plan, 2025)).toBe(1);
    expect(elapsedShare(plan, 2030)).toBe(1);
  });
});

describe('rateBand: the Eurostat bands, edges included in the better band', () => {
  it.each([
    [1.2, 'on_track'], [0.95, 'on_track'], [0.949999999999999, 'moderate'], [0.6, 'moderate'],
    [0.599999999999999, 'insufficient'], [0, 'insufficient'], [-0.000000000000001, 'moving_away'],
  ] as const)('%d → %s', (ratio, status) => {
    expect(rateBand(ratio, plan)).toBe(status);
  });
});
