import { describe, expect, it } from 'vitest';
import { miniPlan } from './evaluate/plan.test-helper.js';
import { checkSelection, ranges } from './check-selection.js';

// The mini plan: actions 1 (measures 1-2) and 2 (measure 3, qualitative); goal 1; period 2021-2025, baseline 2020.
const plan = miniPlan();
/** The one refusal of a selection as plain data, or null when there is none. */
const refusal = (selection: Parameters<typeof checkSelection>[1]) => {
  const errors = checkSelection(plan, selection);
  expect(errors.length).toBeLessThanOrEqual(1);
  const error = errors[0];
  return error ? { code: error.code, params: error.params } : null;
};

describe('checkSelection: a selection a typo would make empty is a usage error', () => {
  it('accepts numbers the plan has, and no selection at all', () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ action: [1, 2] })).toBeNull();
    expect(refusal({ measure: [2] })).toBeNull();
    expect(refusal({ goal: [1] })).toBeNull();
  });

  it('names a number the plan does not have, and the valid range', () => {
    expect(refusal({ measure: [999] })).toEqual({ code: 'usage.no-such-number', params: { option: 'measure', values: '999', range: '1-3' } });
    expect(refusal({ action: [0] })).toEqual({ code: 'usage.no-such-number', params: { option: 'action', values: '0', range: '1-2' } });
    expect(refusal({ goal: [2, 3, 7] })).toEqual({ code: 'usage.no-such-number', params: { option: 'goal', values: '2-3,7', range: '1' } });
  });

  it('one bad number among good ones is still refused', () => {
    expect(refusal({ measure: [1, 2, 4] })).toMatchObject({ code: 'usage.no-such-number', params: { values: '4' } });
  });

  it('options that each exist but together select no target', () => {
    // Measure 3 is qualitative: it has no target to check.
    expect(refusal({ measure: [3] })).toEqual({ code: 'usage.selects-nothing', params: { selection: '--measure 3' } });
    // Measure 1 is in action 1, not action 2.
    expect(refusal({ action: [2], measure: [1] })).toEqual({ code: 'usage.selects-nothing', params: { selection: '--action 2 --measure 1' } });
    expect(refusal({ measure: [1], kind: ['milestone'] })).toEqual({ code: 'usage.selects-nothing', params: { selection: '--measure 1 --kind milestone' } });
  });

  it('--as-of lies between the baseline year and five years after the period', () => {
    for (const year of [2020, 2021, 2023, 2025, 2030]) expect(refusal({ asOf: year })).toBeNull();
    for (const year of [1800, 2019, 2031, 9999]) {
      expect(refusal({ asOf: year })).toEqual({
        code: 'usage.as-of-range',
        params: { year, start: 2021, end: 2025, low: 2020, high: 2030 },
      });
    }
  });
});

describe('checkSelection: every refusal at once', () => {
  it('names each unknown option and a bad review year together', () => {
    const errors = checkSelection(plan, { action: [9], measure: [0, 4], asOf: 1999 });
    expect(errors.map((e) => [e.code, e.params])).toEqual([
      ['usage.no-such-number', { option: 'action', values: '9', range: '1-2' }],
      ['usage.no-such-number', { option: 'measure', values: '0,4', range: '1-3' }],
      ['usage.as-of-range', { year: 1999, start: 2021, end: 2025, low: 2020, high: 2030 }],
    ]);
  });
});

describe('ranges', () => {
  it('writes numbers as sorted runs', () => {
    expect(ranges([9, 1, 2, 3, 12, 14, 13, 3])).toBe('1-3,9,12-14');
    expect(ranges([])).toBe('');
  });
});
