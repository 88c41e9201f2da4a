import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalsOf, fixed, fixedBeside } from './display-number.js';

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

describe('fixedBeside: rounded to the target\'s places, never onto the line when the gap says it is off it', () => {
  it.each([
    // A projection of 17.70… against 18 (0 places) would read 18: one more place is enough.
    [17.7011526442, 0, -0.2988473558, '17.7'],
    [17.96, 0, -0.04, '17.96'],
    [18.4, 0, 0.4, '18.4'],
    // The gap itself, whose line is 0.
    [-0.2988473558, 0, -0.2988473558, '-0.3'],
    [3.3999999999999, 1, -1e-13, '3.3999999999999'],
    // Far enough from the line: the target's places, nothing more.
    [17.2, 0, -0.8, '17'],
    [17.7, 1, -0.3, '17.7'],
    [42, 0, 0, '42'],
  ])('%d with %d places beside a gap of %d reads %s', (x, places, gap, text) => {
    expect(fixedBeside(x, places, gap)).toBe(text);
  });

  it('for any figure off a line with up to 3 places, the figure shown is off the line on the same side', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 3 }), fc.double({ min: -2, max: 2, noNaN: true }), (units, places, offset) => {
        const line = units / 10 ** places;
        const x = line + offset;
        const gap = x - line;
        fc.pre(gap !== 0);
        const shown = Number(fixedBeside(x, places, gap));
        expect(Math.sign(shown - line)).toBe(Math.sign(gap));
      }),
      { numRuns: 3000 },
    );
  });
});
