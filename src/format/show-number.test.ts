import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showActual, showNumber } from './show-number.js';

describe('showNumber: rounded for reading, never rounded to a zero it is not', () => {
  it.each([
    [3.4, false, '3.4'], [1028.123456, false, '1028.1235'], [0.1 + 0.2, false, '0.3'], [1e21, false, '1000000000000000000000'],
    [0.12, true, '+0.12'], [-40, true, '-40'], [0, true, '0'], [-0, false, '0'],
    // A gap that rounds to 0 at 4 decimals keeps its digits, and its sign.
    [-1e-13, true, '-0.0000000000001'], [1e-10, true, '+0.0000000001'], [-0.00001, false, '-0.00001'],
  ] as const)('%d (signed %s) → %s', (x, signed, text) => {
    expect(showNumber(x, signed)).toBe(text);
  });

  it('shows nothing for a missing or infinite number', () => {
    expect(showNumber(null)).toBe('');
    expect(showNumber(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('showActual: a figure near the line is shown in full', () => {
  it.each([
    [3.3999999999999, -1e-13, '3.3999999999999'], [44.0000000001, 1e-10, '44.0000000001'],
    [3.41, 0.01, '3.41'], [1028.123456, 28.123456, '1028.1235'], [3.4, 0, '3.4'], [2.5, null, '2.5'],
  ] as const)('%d with gap %s → %s', (x, gap, text) => {
    expect(showActual(x, gap)).toBe(text);
  });
});

describe('property: a number shown keeps its sign and is 0 only when it is 0', () => {
  it('holds for decimals of every size', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 15 }), (digits, shift) => {
        const x = Number(`${digits}e-${shift}`);
        const shown = Number(showNumber(x, true));
        expect(Math.sign(shown)).toBe(Math.sign(x));
      }),
      { numRuns: 500 },
    );
  });
});

describe('showNumber without big.js for plain numbers: the same text as big.js writes', () => {
  it('holds for numbers of every size, including those String() writes with an exponent', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        let rounded = Number(x.toFixed(4));
        if (Object.is(rounded, -0)) rounded = 0;
        const expected = rounded === 0 && x !== 0 ? new Big(x).toFixed() : new Big(rounded).toFixed();
        expect(showNumber(x)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(showNumber(1.5e21)).toBe('1500000000000000000000');
    expect(showNumber(-2.25)).toBe('-2.25');
  });
});
