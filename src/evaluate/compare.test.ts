import { describe, expect, it } from 'vitest';
import type { Op, Target } from '../plan/types.js';
import { scaleDigits } from '../actuals/units.js';
import fc from 'fast-check';
import Big from 'big.js';
import { encodeFigure, NOT_SHORT } from '../actuals/figure-store.js';
import { MAX_SHORT_MANTISSA } from '../actuals/read-plain-number.js';
import { seededRandom } from '../seeded-random.test-helper.js';
import { attainmentOf, clean, gapOf, meets, meetsFor, TargetDecimals } from './compare.js';
import { partsOfFigure } from './exact-decimal.js';
import { codeParts } from './keep-cells.js';

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

describe('gapOf and attainmentOf of one target object under two default tolerances', () => {
  it('work each out under its own tolerance, whichever was asked for first', () => {
    // ~100 without a tolerance of its own: within 5 % the band is 95–105, within 20 % 80–120.
    const t = target('~', 100);
    expect(gapOf(110, t, 0.05)).toBe(-5);
    expect(gapOf(110, t, 0.2)).toBe(0);
    expect(gapOf(110, t, 0.05)).toBe(-5);
    expect(attainmentOf(110, t, 0.2)).toBe(1);
    // Above the band: its high edge ÷ the figure, 120 ÷ 126 and 105 ÷ 126, cut at 15 digits.
    expect(attainmentOf(126, t, 0.2)).toBe(0.952380952380952);
    expect(attainmentOf(126, t, 0.05)).toBe(0.833333333333333);
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

// The rules of gapOf and attainmentOf in big.js alone, as docs/progress.md states them: the
// reference the fast paths (exact-decimal.ts) and a target's decimals read once must equal.
const Exact = Big();
Exact.DP = 40;
const big = (x: number): Big => new Exact(Number.isFinite(x) ? x : x > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE);
const toNumber = (x: Big): number => {
  const n = Number(x.toString());
  return n === Infinity ? Number.MAX_VALUE : n === -Infinity ? -Number.MAX_VALUE : n;
};
const minus = (a: number, b: number): number => toNumber(big(a).minus(big(b)));
const share = (a: number, b: number): number | null => {
  if (b === 0) return null;
  const q = big(a).div(big(b));
  return q.eq(0) ? 0 : toNumber(q.prec(15, Big.roundDown));
};
function bandOf(t: Target): [number, number] | null {
  if (t.op === 'range' && Array.isArray(t.value)) return t.value;
  if (t.op !== '~' || typeof t.value !== 'number') return null;
  const spread = big(t.value).abs().times(big(t.tolerance ?? TOL));
  return [toNumber(big(t.value).minus(spread)), toNumber(big(t.value).plus(spread))];
}
function referenceGap(a: number, t: Target): number | null {
  const edges = t.op === 'range' || t.op === '~' ? bandOf(t) : undefined;
  if (edges !== undefined) return edges === null ? null : a < edges[0] ? minus(a, edges[0]) : a > edges[1] ? minus(edges[1], a) : 0;
  if (typeof t.value !== 'number') return null;
  if (t.op === '>=' || t.op === '>') return minus(a, t.value);
  if (t.op === '<=' || t.op === '<') return minus(t.value, a);
  if (t.op === '==') return minus(a, t.value) === 0 ? 0 : -Math.abs(minus(a, t.value));
  return null;
}
function referenceAttainment(a: number, t: Target): number | null {
  if (t.op === 'done') return a === 1 ? 1 : 0;
  const edges = t.op === 'range' || t.op === '~' ? bandOf(t) : undefined;
  if (edges !== undefined) {
    if (edges === null) return null;
    if (a >= edges[0] && a <= edges[1]) return 1;
    const edge = a < edges[0] ? edges[0] : edges[1];
    return a === 0 || edge === 0 ? null : a < edges[0] ? share(a, edge) : share(edge, a);
  }
  if (typeof t.value !== 'number') return null;
  if (t.op === '<=' || t.op === '<') return a > 0 && t.value >= 0 ? share(t.value, a) : null;
  return t.value > 0 ? share(a, t.value) : null;
}

describe('TargetDecimals: a target read once for the gap and attainment of many figures', () => {
  const targets = [
    target('>=', 3.4), target('>', 1000), target('<=', 3.5), target('<', 23.78), target('==', 100), target('==', 0), target('==', -2.5), target('>=', 0),
    target('<=', -1), target('>=', 1e-7), target('>=', 123456789.123), target('range', [3, 5]), target('range', [-2, 0]), target('~', 30), target('~', 0.7),
    target('~', 30, 0.1), target('~', -4), target('~', 0), target('done', null), target('increase', null), target('increase', 5), target('>=', null),
  ];
  /** A figure as submitted: short decimals mostly (as the store keeps them), then long ones, tiny, huge, zero and -0. */
  function figure(next: () => number): number {
    const pick = next();
    if (pick < 0.05) return [0, -0, 1, -1, 5e-324, 1.7976931348623157e308, 1e21, 0.1 + 0.2][Math.floor(next() * 8)]!;
    const places = Math.floor(next() * (pick < 0.8 ? 8 : 16));
    const value = Number((Math.floor(next() * 10 ** (1 + Math.floor(next() * 10))) / 10 ** places).toFixed(places));
    return next() < 0.2 ? -value : value;
  }

  it('gives what the rules give in big.js, for every comparator, with a figure\'s parts worked out or read from its short decimal', () => {
    const next = seededRandom(91);
    const parts = { negative: false, mantissa: 0, exponent: 0 };
    let short = 0;
    let padded10 = 0;
    for (const t of targets) {
      const terms = new TargetDecimals(t, TOL);
      for (let i = 0; i < 1000; i++) {
        const a = i < targets.length ? (typeof targets[i]!.value === 'number' ? (targets[i]!.value as number) : 2) : figure(next);
        const code = encodeFigure(a);
        const given = code === NOT_SHORT ? undefined : codeParts(code, parts);
        if (given) short++;
        const expected = [referenceGap(a, t), referenceAttainment(a, t)];
        expect([terms.gap(a, given), terms.attainment(a, given)], `${t.op} ${String(t.value)} of ${a}`).toEqual(expected);
        // The readers keep a decimal's places as written: 15.220 is 15220 at 3 places, not 1522 at 2.
        if (given && given.mantissa > 0 && given.mantissa * 10 < MAX_SHORT_MANTISSA && -given.exponent < 15) {
          const written = (given.negative ? -1 : 1) * given.mantissa * 10 * 16 + (1 - given.exponent);
          const padded = codeParts(written, { negative: false, mantissa: 0, exponent: 0 });
          expect(padded.mantissa).toBe(given.mantissa * 10);
          expect([terms.gap(a, padded), terms.attainment(a, padded)], `${t.op} ${String(t.value)} of ${a} with a trailing 0`).toEqual(expected);
          padded10++;
        }
        expect([gapOf(a, t, TOL), attainmentOf(a, t, TOL)], `${t.op} ${String(t.value)} of ${a}`).toEqual(expected);
      }
    }
    // Most figures are short decimals, read from their code.
    expect(short).toBeGreaterThan(targets.length * 500);
    expect(padded10).toBeGreaterThan(targets.length * 400);
  });

  it('a short decimal\'s code gives the parts its figure has (codeParts)', () => {
    const into = { negative: false, mantissa: 0, exponent: 0 };
    // An exponent is only added to and compared: -0 (a whole number's, as partsOfFigure gives it) is 0.
    const partsOf = (value: number) => {
      const { negative, mantissa, exponent } = codeParts(encodeFigure(value), into);
      return { negative, mantissa, exponent: exponent + 0 };
    };
    expect(partsOf(15.22)).toEqual({ negative: false, mantissa: 1522, exponent: -2 });
    expect(partsOf(-0.05)).toEqual({ negative: true, mantissa: 5, exponent: -2 });
    expect(partsOf(120)).toEqual({ negative: false, mantissa: 120, exponent: 0 });
    expect(partsOf(-7)).toEqual({ negative: true, mantissa: 7, exponent: 0 });
    expect(partsOf(0)).toEqual({ negative: false, mantissa: 0, exponent: 0 });
    expect(partsOf(1e-7)).toEqual({ negative: false, mantissa: 1, exponent: -7 });
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 27) + 1, max: 2 ** 27 - 1 }), fc.integer({ min: 0, max: 7 }), (mantissa, places) => {
        const value = places === 0 ? mantissa : mantissa / 10 ** places;
        const code = encodeFigure(value);
        return code === NOT_SHORT || JSON.stringify(codeParts(code, into)) === JSON.stringify(partsOfFigure(value));
      }),
      { numRuns: 20_000 },
    );
  });
});
