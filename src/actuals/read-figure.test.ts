import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/load-plan.js';
import type { Target } from '../plan/types.js';
import { quietScale, scaleFractions, scaleReference, scaleWarning } from './read-figure.js';
import { unitScale } from './units.js';

const { plan } = parsePlan(readFileSync(new URL('../../targets.yaml', import.meta.url), 'utf8'), 'targets.yaml');
if (!plan) throw new Error('targets.yaml does not load');
const checked = plan.targets.filter((t) => !['cagr', 'change', 'milestone'].includes(t.kind) && (typeof t.value === 'number' || Array.isArray(t.value)));

function referenceOf(target: Target): number {
  return Math.abs(typeof target.value === 'number' ? target.value : Array.isArray(target.value) ? (target.value[0] + target.value[1]) / 2 : 0);
}

/** The rule as documented: 10^±4 or 10^±8 off within ×20, or a fraction (≤ 1) for a percentage of 5 or more. */
function shouldWarn(value: number, target: Target): boolean {
  const reference = referenceOf(target);
  if (reference === 0 || value === 0) return false;
  const size = Math.abs(value);
  if (unitScale(target.unit).base === '%') {
    const ratio = (size * 100) / reference;
    return size <= 1 && reference >= 5 && ratio >= 0.2 && ratio <= 5;
  }
  const ratio = size / reference;
  return [4, -4, 8, -8].some((power) => ratio / 10 ** power >= 0.05 && ratio / 10 ** power <= 20);
}

describe('the scale warning follows its rule at every magnitude', () => {
  it('near the edges of each window, for every target of the plan', () => {
    const multiples = [1e-9, 4e-10, 6e-10, 1.9e-7, 2.1e-7, 4e-6, 6e-6, 1.9e-3, 2.1e-3, 0.01, 1, 400, 480, 499, 501, 550, 1e4, 1.9e5, 2.1e5, 4e6, 6e6, 1.9e9, 2.1e9];
    let warned = 0;
    for (const target of checked) {
      for (const k of multiples) {
        for (const value of [referenceOf(target) * k, -referenceOf(target) * k, k]) {
          const warning = scaleWarning(value, target, false);
          if (warning) warned++;
          expect({ id: target.id, value, warns: warning !== null }).toEqual({ id: target.id, value, warns: shouldWarn(value, target) });
        }
      }
    }
    expect(warned).toBeGreaterThan(500);
  });

  it('property: at random magnitudes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...checked), fc.double({ min: -12, max: 12, noNaN: true }), fc.boolean(), (target, exponent, negative) => {
        const value = (negative ? -1 : 1) * 10 ** exponent;
        expect(scaleWarning(value, target, false) !== null).toBe(shouldWarn(value, target));
      }),
      { numRuns: 3000 },
    );
  });

  it('the quick check a reader makes first never passes over a figure that warns, with or without knowing the unit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...plan.targets), fc.double({ min: -12, max: 12, noNaN: true }), fc.boolean(), (target, exponent, negative) => {
        const value = (negative ? -1 : 1) * 10 ** exponent;
        const warns = scaleWarning(value, target, false) !== null;
        if (quietScale(value, scaleReference(target), scaleFractions(target))) expect(warns).toBe(false);
        if (quietScale(value, scaleReference(target))) expect(warns).toBe(false);
      }),
      { numRuns: 5000 },
    );
    // Below 1, a figure of a target not in % of 5 or more is passed over quickly: the case the unit decides.
    const small = plan.targets.find((t) => typeof t.value === 'number' && t.value > 0 && t.value < 1 && !scaleFractions(t));
    expect(small && quietScale(small.value as number, scaleReference(small), false)).toBe(true);
  });
});
