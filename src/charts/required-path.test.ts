import { expect, test } from 'vitest';
import { requiredPath } from './required-path.js';

test('a linear path adds the same amount each year', () => {
  // From 12 in 2020 to 0 in 2025: −2.4 a year.
  expect(requiredPath({ fromYear: 2020, from: 12, toYear: 2025, to: 0 }, false).map((p) => p.value)).toEqual([12, 9.6, 7.2, 4.8, 2.4, 0]);
});

test('a compound path grows by the same factor each year', () => {
  // From 100 in 2020 to 121 in 2022: ×1.1 a year.
  expect(requiredPath({ fromYear: 2020, from: 100, toYear: 2022, to: 121 }, true)).toEqual([
    { year: 2020, value: 100 },
    { year: 2021, value: 110 },
    { year: 2022, value: 121 },
  ]);
});

test('compound growth from zero or below falls back to a straight line; no span, no path', () => {
  expect(requiredPath({ fromYear: 2020, from: 0, toYear: 2022, to: 10 }, true).map((p) => p.value)).toEqual([0, 5, 10]);
  expect(requiredPath({ fromYear: 2025, from: 1, toYear: 2025, to: 2 }, true)).toEqual([]);
});
