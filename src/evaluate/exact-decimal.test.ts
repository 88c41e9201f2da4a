import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../seeded-random.test-helper.js';
import { fastDifference, fastMean, fastQuotient } from './exact-decimal.js';

// What compare.ts computes with big.js, the reference the fast paths must equal.
const Dec = Big();
Dec.DP = 40;
function bigQuotient(a: number, b: number): number {
  const q = new Dec(a).div(new Dec(b));
  return q.eq(0) ? 0 : Number(q.prec(15, Big.roundDown).toString());
}
function bigDifference(a: number, b: number): number {
  return Number(new Dec(a).minus(new Dec(b)).toString());
}

/** A figure as people write them: up to 12 digits, 0–6 decimals, sometimes negative, sometimes tiny or huge. */
function figure(next: () => number): number {
  const digits = 1 + Math.floor(next() * 12);
  const places = Math.floor(next() * 7);
  let mantissa = Math.floor(next() * 10 ** digits);
  if (next() < 0.05) mantissa = 0;
  const scale = next() < 0.05 ? 10 ** (Math.floor(next() * 40) - 20) : 1;
  const value = Number((mantissa / 10 ** places).toFixed(places)) * scale;
  return next() < 0.2 ? -value : value;
}

describe('fastQuotient: a ÷ b truncated toward zero at 15 significant digits, as big.js gives it', () => {
  it.each([
    [3.52, 3.4, 1.03529411764705],
    [1, 3, 0.333333333333333],
    [2, 3, 0.666666666666666],
    [-2, 3, -0.666666666666666],
    [950, 1000, 0.95],
    [1000, 950, 1.05263157894736],
    [0, 7, 0],
    [123456789012, 0.001, 123456789012000],
  ])('%d ÷ %d = %d', (a, b, expected) => {
    expect(fastQuotient(a, b)).toBe(expected);
  });

  it('leaves what it cannot do exactly to big.js: a zero divisor, 17 digits, a quotient below 1e-5', () => {
    expect(fastQuotient(1, 0)).toBeUndefined();
    expect(fastQuotient(0.1 + 0.2, 3)).toBeUndefined(); // 0.30000000000000004: 17 digits
    expect(fastQuotient(1e-30, 3)).toBeUndefined();
  });

  /** Checks `fastQuotient` against big.js on `count` pairs from `pair`; returns how many the fast path answered. */
  function agreeingWithBig(count: number, pair: () => [number, number]): number {
    let fast = 0;
    for (let i = 0; i < count; i++) {
      const [a, b] = pair();
      if (b === 0) continue;
      const answer = fastQuotient(a, b);
      if (answer === undefined) continue;
      fast++;
      if (!Object.is(answer, bigQuotient(a, b))) expect([a, b, answer]).toEqual([a, b, bigQuotient(a, b)]);
    }
    return fast;
  }

  it('equals big.js on 100,000 random pairs of figures', () => {
    const next = random(15);
    const fast = agreeingWithBig(100_000, () => [figure(next), figure(next)]);
    // The fast path is the common one, not a rarity.
    expect(fast).toBeGreaterThan(70_000);
  });

  it('equals big.js for divisors of 10 to 15 digits, whose digits are taken a few at a time (the most that stay exact)', () => {
    const next = random(16);
    const fast = agreeingWithBig(30_000, () => {
      const digits = 10 + Math.floor(next() * 6);
      const b = Math.floor(next() * 10 ** digits) / 10 ** Math.floor(next() * 8);
      return [figure(next), b];
    });
    expect(fast).toBeGreaterThan(10_000);
  });
});

describe('fastDifference: a − b of the decimals as written, as big.js gives it', () => {
  it.each([
    [3.52, 3.4, 0.12],
    [0.3, 0.1, 0.2],
    [3.4, 3.4, 0],
    [-1.5, 2.25, -3.75],
    [1e-7, 1e-8, 9e-8],
  ])('%d − %d = %d', (a, b, expected) => {
    expect(fastDifference(a, b)).toBe(expected);
  });

  it('equals big.js on 100,000 random pairs of figures', () => {
    const next = random(42);
    let fast = 0;
    for (let i = 0; i < 100_000; i++) {
      const a = figure(next);
      const b = next() < 0.1 ? a : figure(next);
      const answer = fastDifference(a, b);
      if (answer === undefined) continue;
      fast++;
      if (!Object.is(answer, bigDifference(a, b))) expect([a, b, answer]).toEqual([a, b, bigDifference(a, b)]);
    }
    expect(fast).toBeGreaterThan(70_000);
  });
});

describe('the fast paths in any order of figures (the parts of the last two figures are remembered)', () => {
  it('give big.js answers when figures repeat, alternate and change sign, as a gap and an attainment of each cell ask for them', () => {
    const next = random(7);
    // A few figures and targets, asked for again and again in shifting orders, -0 and 0 among them.
    const pool = [0, -0, 3.4, -3.4, 3.52, 1e-7, 123456.789, 0.1, 2, 17.7, 18, 1e21, 5e-324];
    for (let i = 0; i < 20_000; i++) {
      const a = pool[Math.floor(next() * pool.length)]!;
      const b = pool[Math.floor(next() * pool.length)]!;
      const difference = fastDifference(a, b);
      if (difference !== undefined && !Object.is(difference, bigDifference(a, b))) expect([a, b, difference]).toEqual([a, b, bigDifference(a, b)]);
      if (b === 0) continue;
      const share = fastQuotient(a, b);
      if (share !== undefined && !Object.is(share, bigQuotient(a, b))) expect([a, b, share]).toEqual([a, b, bigQuotient(a, b)]);
    }
  });

  it('a difference is the decimal big.js writes, read as a number, within and beyond the exact powers of ten (10^±22)', () => {
    expect(fastDifference(3e-20, 1e-20)).toBe(2e-20);
    expect(fastDifference(5e30, 2e30)).toBe(3e30);
    expect(fastDifference(0.3, 0.1)).toBe(0.2);
    expect(fastDifference(-0.1, 0.2)).toBe(-0.3);
    // 3e-30 and 1e-30 are 3 and 1 × 10^-30: the difference is read from its text.
    expect(fastDifference(3e-30, 1e-30)).toBe(2e-30);
    expect(fastDifference(123.456, 0.004)).toBe(123.452);
  });
});

describe('fastMean: the decimal sum of figures ÷ their count, at 12 significant digits, as big.js gives it', () => {
  const Dec40 = Big();
  Dec40.DP = 40;
  function bigMean(values: number[]): number {
    return Number(values.reduce((acc, v) => acc.plus(new Dec40(v)), new Dec40(0)).div(values.length).prec(12).toString());
  }

  it.each([
    [[1, 2], 1.5],
    [[1, 2, 2], 1.66666666667],
    [[-1, -2, -2], -1.66666666667],
    [[0.1, 0.2], 0.15],
    [[3.52, 3.4, 3.61], 3.51],
    [[2, -2], 0],
    // A 13th digit of 5 rounds away from zero.
    [[1.00000000005, 1.00000000006], 1.00000000006],
    [[-1.00000000005, -1.00000000006], -1.00000000006],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2], 1.08333333333],
  ])('mean of %j = %d', (values, expected) => {
    expect(fastMean(values)).toBe(expected);
  });

  it('leaves to big.js what it cannot do exactly: no figures, more than 12, 17 digits, a tiny mean, 13 whole digits at the figures\' places', () => {
    expect(fastMean([])).toBeUndefined();
    expect(fastMean(Array.from({ length: 13 }, () => 1))).toBeUndefined();
    expect(fastMean([0.1 + 0.2, 1])).toBeUndefined();
    expect(fastMean([1e-9, 2e-9])).toBeUndefined();
    expect(fastMean([1.000000000005])).toBeUndefined();
  });

  it('equals big.js on 60,000 random sets of 1–12 figures, halves and repeating decimals among them', () => {
    const next = random(99);
    let fast = 0;
    for (let i = 0; i < 60_000; i++) {
      const n = 1 + Math.floor(next() * 12);
      const values = Array.from({ length: n }, () => (next() < 0.3 ? Number((next() * 100).toFixed(Math.floor(next() * 4))) : figure(next)));
      // Sums that end in a half at the 13th digit: the rounding must go away from zero.
      if (next() < 0.05) values.splice(0, values.length, ...(next() < 0.5 ? [1.00000000005, 1.00000000006] : [-2.00000000005, -2.00000000006, -2.00000000006, -2.00000000005]));
      const answer = fastMean(values);
      if (answer === undefined) continue;
      fast++;
      if (!Object.is(answer, bigMean(values))) expect([values, answer]).toEqual([values, bigMean(values)]);
    }
    expect(fast).toBeGreaterThan(25_000);
  });
});
