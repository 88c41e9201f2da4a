/**
 * A count (a summary) asks the judges for a status only (`detail: false`): each judge may skip
 * references, gaps and reason words then, but must give the status it gives with them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../actuals/figure-store.js';
import { judge } from './judge.js';
import { bundledPlan } from './plan.test-helper.js';

const plan = bundledPlan();
const years = Array.from({ length: plan.period.end - plan.baselineYear + 1 }, (_, i) => plan.baselineYear + i);

/**
 * A series of some of the period's years, oldest first: decimals as readers give them, near 1
 * so that steps go either way and sometimes stay equal.
 */
const decimals = fc.oneof(fc.constantFrom(0, 1, 1, 2), fc.integer({ min: -300, max: 300 }).map((n) => n / 100), fc.integer({ min: -3_000_000, max: 3_000_000 }).map((n) => n / 1_000_000));
const series = fc
  .tuple(fc.subarray(years), fc.array(decimals, { minLength: years.length, maxLength: years.length }))
  .map(([some, values]): Figure[] => some.map((year, i) => ({ year, value: values[i]!, source: { file: 0, row: i + 2 }, level: false })));

describe('a status-only judgement', () => {
  it('has the status the detailed judgement has, for every kind of target, mid-term and final (and, without data, an actual when it has one)', () => {
    const withoutData = [0, 0];
    fc.assert(
      fc.property(fc.constantFrom(...plan.targets), series, fc.integer({ min: plan.baselineYear, max: plan.period.end + 1 }), (target, figures, asOf) => {
        // A target's value times a decimal near 1: figures about it, met or not.
        const scaled = figures.map((figure) => ({ ...figure, value: target.kind === 'milestone' ? (figure.value > 1 ? 1 : 0) : figure.value * (typeof target.value === 'number' && target.value !== 0 ? target.value : 1) }));
        const upTo = scaled.filter((figure) => figure.year <= asOf);
        const context = { target, series: upTo, asOf, plan, fileName: () => 'in.csv' };
        const counted = judge({ ...context, detail: false });
        const detailed = judge({ ...context, detail: true });
        expect(counted.status).toBe(detailed.status);
        // Without data, whether there is an actual too: a list rule leaves out a result without a figure.
        if (detailed.status === 'no_data' || detailed.status === 'not_assessable') {
          expect(counted.actual === null).toBe(detailed.actual === null);
          const which = detailed.actual === null ? 0 : 1;
          withoutData[which] = withoutData[which]! + 1;
        }
      }),
      { numRuns: 20000 },
    );
    // Both kinds of results without data were met: with an actual (a mean or trend with years missing) and without.
    expect(Math.min(...withoutData)).toBeGreaterThan(200);
  });

  it('never fails on finite figures, however large or small (a decimal of 323 zeros reads as 5e-324)', () => {
    const finite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 0));
    const wild = fc.tuple(fc.subarray(years), fc.array(finite, { minLength: years.length, maxLength: years.length }))
      .map(([some, values]): Figure[] => some.map((year, i) => ({ year, value: values[i]!, source: { file: 0, row: i + 2 }, level: false })));
    fc.assert(
      fc.property(fc.constantFrom(...plan.targets), wild, fc.integer({ min: plan.baselineYear, max: plan.period.end + 1 }), (target, figures, asOf) => {
        const context = { target, series: figures.filter((figure) => figure.year <= asOf), asOf, plan, fileName: () => 'in.csv' };
        const counted = judge({ ...context, detail: false });
        const detailed = judge({ ...context, detail: true });
        expect(counted.status).toBe(detailed.status);
        if (detailed.status === 'no_data' || detailed.status === 'not_assessable') expect(counted.actual === null).toBe(detailed.actual === null);
      }),
      { numRuns: 20000 },
    );
  });
});
