import { describe, expect, it } from 'vitest';
import type { Op, Target } from '../plan/types.js';
import { scaleDigits } from '../actuals/units.js';
import fc from 'fast-check';
import { attainmentOf, clean, gapOf, meets, meetsFor } from './compare.js';

function target(op: Op, value: Target['value'], tolerance: number | null = null): Target {
  return {
    id: 'T1.1', index: 0, measure: 1, goal: null, action: 1, indicator: 'x', indicatorEn: 'x', kind: 'level', op, value,
    unit: '%', year: 2025, soft: false, quote: 'x', baseline: null, tolerance, figure: null, note: null,
  };
}

const TOL = 0.05;

describe('meets: every comparator at, just above and just below its boundary', () => {
  it.each([
    ['>=', 3.4, 3.4, true], ['>=', 3.4, 3.41, true], ['>=', 3.4, 3.39, false],
    ['>', 1000, 1000, false], ['>', 1000, 1000.01, true], ['>', 1000, 999.99, false],
    ['<=', 3.5, 3.5, true], ['<=', 3.5, 3.49, true], ['<=', 3.5, 3.51, false],
    ['<', 23.78, 23.78, false], ['<', 23.78, 23.77, true], ['<', 23.78, 23.79, false],
    ['==', 100, 100, true], ['==', 100, 100.01, false], ['==', 100, 99.99, false],
    ['==', 0, 0, true], ['==', 0, 0.01, false],
  ] as const)('%s %d with actual %d → %s', (op, value, actual, expected) => {
    expect(meets(actual, target(op, value), TOL)).toBe(expected);
  });

  it.each([
    [3, true], [5, true], [4, true], [2.99, false], [5.01, false],
  ])('range [3, 5] with actual %d → %s', (actual, expected) => {
    expect(meets(actual, target('range', [3, 5]), TOL)).toBe(expected);
  });

  it.each([
    // 30 左右 with ±5 %: [28.5, 31.5], edges included.
    [28.5, true], [31.5, true], [30, true], [28.49, false], [31.51, false],
  ])('~ 30 with actual %d → %s', (actual, expected) => {
    expect(meets(actual, target('~', 30), TOL)).toBe(expected);
  });

  it('honours a target tolerance over the plan default, with decimal edges', () => {
    // 0.7 ± 5 % is [0.665, 0.735]; in binary 0.735 - 0.7 > 0.05 * 0.7.
    expect(meets(0.735, target('~', 0.7), TOL)).toBe(true);
    expect(meets(33, target('~', 30, 0.1), TOL)).toBe(true);
    expect(meets(33.01, target('~', 30, 0.1), TOL)).toBe(false);
  });

  it('compares decimal figures without float surprises', () => {
    // Computed values are cleaned before they are compared: 0.1 + 0.2 is 0.30000000000000004.
    expect(clean(0.1 + 0.2)).toBe(0.3);
    expect(meets(clean(0.1 + 0.2), target('<=', 0.3), TOL)).toBe(true);
    expect(meets(clean(0.1 + 0.2), target('>=', 0.3), TOL)).toBe(true);
    // Figures converted between units on their decimal digits land on the value exactly.
    expect(meets(scaleDigits('34000', -4), target('<=', 3.4), TOL)).toBe(true);
    expect(meets(3.4000000001, target('>=', 3.4), TOL)).toBe(true);
    expect(meets(3.3999999999, target('>=', 3.4), TOL)).toBe(false);
  });

  it('milestones are met by 1 only', () => {
    expect(meets(1, target('done', null), TOL)).toBe(true);
    expect(meets(0, target('done', null), TOL)).toBe(false);
  });
});

describe('meetsFor: the comparison of one target worked out once', () => {
  it('says what meets says, for every comparator, near its edges and at random', () => {
    const targets = [
      target('>=', 3.4), target('>', 1000), target('<=', 3.5), target('<', 23.78), target('==', 100), target('==', 0),
      target('range', [3, 5]), target('~', 30), target('~', 0.7), target('~', 30, 0.1), target('done', null), target('increase', null),
    ];
    const near = (t: Target): number[] => {
      const edges = Array.isArray(t.value) ? t.value : typeof t.value === 'number' ? [t.value, t.value * 0.95, t.value * 1.05, t.value * 0.9, t.value * 1.1] : [0, 1];
      return edges.flatMap((edge) => [edge, edge + 1e-9, edge - 1e-9, clean(edge * 1.0000001)]);
    };
    for (const t of targets) {
      const quick = meetsFor(t, TOL);
      for (const actual of [...near(t), 0, -0, 1, -1, Number.NaN, Infinity]) expect(quick(actual), `${t.op} ${String(t.value)} ${actual}`).toBe(meets(actual, t, TOL));
      fc.assert(fc.property(fc.double(), (actual) => quick(actual) === meets(actual, t, TOL)), { numRuns: 500 });
    }
  });
});

describe('gapOf: positive is margin, negative is shortfall, in the target unit', () => {
  it('floors and ceilings', () => {
    expect(gapOf(3.1, target('>=', 3.4), TOL)).toBe(-0.3);
    expect(gapOf(3.6, target('>=', 3.4), TOL)).toBe(0.2);
    expect(gapOf(4, target('<=', 3.5), TOL)).toBe(-0.5);
    expect(gapOf(3.2, target('<=', 3.5), TOL)).toBe(0.3);
  });

  it('exact values and bands', () => {
    expect(gapOf(95, target('==', 100), TOL)).toBe(-5);
    expect(gapOf(2, target('range', [3, 5]), TOL)).toBe(-1);
    expect(gapOf(7, target('range', [3, 5]), TOL)).toBe(-2);
    expect(gapOf(4, target('range', [3, 5]), TOL)).toBe(0);
    expect(gapOf(27, target('~', 30), TOL)).toBe(-1.5);
  });
});

describe('attainmentOf', () => {
  it('is actual ÷ value for floors and value ÷ actual for ceilings', () => {
    expect(attainmentOf(3.06, target('>=', 3.4), TOL)).toBe(0.9);
    expect(attainmentOf(4, target('<=', 3.5), TOL)).toBe(0.875);
    expect(attainmentOf(4, target('range', [3, 5]), TOL)).toBe(1);
    expect(attainmentOf(0, target('done', null), TOL)).toBe(0);
  });
});

describe('decimal arithmetic: gaps exact, shares truncated so they never cross 1', () => {
  it('gaps are exact differences of the figures as written', () => {
    expect(gapOf(3.39999999, target('>=', 3.4), TOL)).toBe(-0.00000001);
    expect(gapOf(15.0001, target('>', 15), TOL)).toBe(0.0001);
    expect(gapOf(0.3, target('<=', 0.1), TOL)).toBe(-0.2);
    expect(gapOf(100.01, target('==', 100), TOL)).toBe(-0.01);
    // ~6 ± 5 %: [5.7, 6.3] exactly; 10 is 3.7 above it
    expect(gapOf(10, target('~', 6), TOL)).toBe(-3.7);
  });

  it('a share is truncated toward zero at 15 significant digits', () => {
    // 3.3999999999999 ÷ 3.4 = 0.999999999999970588…; 3.4 ÷ 3.4000000000001 = 0.99999999999997058…
    expect(attainmentOf(3.3999999999999, target('>=', 3.4), TOL)).toBe(0.99999999999997);
    expect(attainmentOf(3.4000000000001, target('<=', 3.4), TOL)).toBe(0.99999999999997);
    // 2 ÷ 3 = 0.6666…: truncated, not rounded up
    expect(attainmentOf(2, target('>=', 3), TOL)).toBe(0.666666666666666);
    // 1e-25 ÷ 3 keeps its digits
    expect(attainmentOf(1e-25, target('>=', 3), TOL)).toBe(3.33333333333333e-26);
  });
});
