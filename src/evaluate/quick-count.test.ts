import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Op, Target } from '../plan/types.js';
import { clean, meetsFor } from './compare.js';
import { boundsFor, within } from './quick-count.js';

function target(op: Op, value: Target['value'], tolerance: number | null = null): Target {
  return {
    id: 'T1.1', index: 0, measure: 1, goal: null, action: 1, indicator: 'x', indicatorEn: 'x', kind: 'level', op, value,
    unit: '%', year: 2025, soft: false, quote: 'x', baseline: null, tolerance, figure: null, note: null,
  };
}

const TOL = 0.05;

describe('boundsFor: the terms of a status-only count as an interval', () => {
  it('has the edges a reader expects of each comparator', () => {
    expect(boundsFor(target('>=', 3.4), TOL)).toEqual({ low: 3.4, high: Infinity, lowOpen: false, highOpen: false });
    expect(boundsFor(target('<', 23.78), TOL)).toEqual({ low: -Infinity, high: 23.78, lowOpen: false, highOpen: true });
    // 30 ± 5 % is 28.5 to 31.5, both in.
    expect(boundsFor(target('~', 30), TOL)).toEqual({ low: 28.5, high: 31.5, lowOpen: false, highOpen: false });
    expect(within(28.5, boundsFor(target('~', 30), TOL))).toBe(true);
    expect(within(1000, boundsFor(target('>', 1000), TOL))).toBe(false);
    expect(within(1, boundsFor(target('done', null), TOL))).toBe(true);
    expect(within(0, boundsFor(target('done', null), TOL))).toBe(false);
    expect(within(5, boundsFor(target('increase', null), TOL))).toBe(false);
  });

  it('says what meetsFor says, for every comparator, near its edges and at random', () => {
    const targets = [
      target('>=', 3.4), target('>', 1000), target('<=', 3.5), target('<', 23.78), target('==', 100), target('==', 0), target('==', -2.5),
      target('range', [3, 5]), target('~', 30), target('~', 0.7), target('~', 30, 0.1), target('~', -4), target('done', null), target('increase', null),
    ];
    const near = (t: Target): number[] => {
      const edges = Array.isArray(t.value) ? t.value : typeof t.value === 'number' ? [t.value, t.value * 0.95, t.value * 1.05, t.value * 0.9, t.value * 1.1] : [0, 1];
      return edges.flatMap((edge) => [edge, edge + 1e-9, edge - 1e-9, clean(edge * 1.0000001)]);
    };
    for (const t of targets) {
      const meets = meetsFor(t, TOL);
      const bounds = boundsFor(t, TOL);
      for (const actual of [...near(t), 0, -0, 1, -1, Infinity, -Infinity]) expect(within(actual, bounds), `${t.op} ${String(t.value)} ${actual}`).toBe(meets(actual));
      fc.assert(fc.property(fc.double({ noNaN: true }), (actual) => within(actual, bounds) === meets(actual)), { numRuns: 500 });
    }
  });
});
