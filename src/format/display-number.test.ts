import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalsOf, fixed } from './display-number.js';

describe('decimalsOf: decimal places as written, at most 4', () => {
  it.each([
    [3.4, 1], [100, 0], [0.12, 2], [1028.1235, 4], [1028.123456, 4], [1.99999, 0], [0.00001, 0], [1e-7, 0], [-2.5, 1], [1e21, 0], [0.1 + 0.2, 1],
  ])('%d → %d', (x, places) => {
    expect(decimalsOf(x)).toBe(places);
  });

  it('agrees with the rule "the places of the number rounded to 4 decimals" for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = String(Number(x.toFixed(4)));
        const dot = text.indexOf('.');
        expect(decimalsOf(x)).toBe(dot < 0 ? 0 : Math.min(4, text.length - dot - 1));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fixed: exactly the places asked, never a negative zero', () => {
  it.each([
    [3.456, 2, '3.46'], [-0.001, 2, '0.00'], [-0.4, 0, '0'], [-1.5, 1, '-1.5'], [0, 1, '0.0'],
  ])('%d with %d places → %s', (x, places, text) => {
    expect(fixed(x, places)).toBe(text);
  });
});
