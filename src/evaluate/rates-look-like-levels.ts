import type { Figure } from '../actuals/figure-store.js';
import type { Plan, Target } from '../plan/types.js';
import type { Reason } from '../report/types.js';

/**
 * Figures read as rates of a growth (`cagr`) or `change` target are yearly growth rates, or
 * changes against the baseline, in %. Such a figure has no meaning for the baseline year itself
 * (a change against the baseline is 0 % there), so a figure other than that for a year before
 * the period means the figures are almost surely levels of the indicator whose unit was not
 * given (or was given as %): the reason that says so and how to give their unit, else null.
 */
export function baselineYearRate(target: Target, figures: readonly Figure[], plan: Plan): Reason | null {
  if (target.kind !== 'cagr' && target.kind !== 'change') return null;
  for (const figure of figures) {
    if (figure.level || figure.year >= plan.period.start) continue;
    // A change against the baseline in its own year is 0 %: consistent with changes in %.
    if (target.kind === 'change' && figure.value === 0) continue;
    const code = target.kind === 'cagr' ? 'reason.rates-look-like-levels' : 'reason.changes-look-like-levels';
    return { code, params: { year: figure.year, value: figure.value } };
  }
  return null;
}

/** The smallest a growth rate (% a year) or a change (% of the baseline) must be to look implausible. */
const IMPLAUSIBLE = { cagr: 50, change: 100 } as const;
/** How many times the target's value every figure must be, too, to look implausible. */
const TIMES_TARGET = 5;

/**
 * The size above which every figure read as a rate of `target` makes the rates implausible, so
 * that they look like levels without their unit: 5 times the target's largest value, and at
 * least 50 % a year for a growth rate (more than one and a half times the level each year) or
 * 100 % for a change (double the baseline). Null for other kinds.
 */
export function implausibleRateLimit(target: Target): number | null {
  if (target.kind !== 'cagr' && target.kind !== 'change') return null;
  const { value } = target;
  const size = typeof value === 'number' ? Math.abs(value) : Array.isArray(value) ? Math.max(Math.abs(value[0]), Math.abs(value[1])) : 0;
  return Math.max(IMPLAUSIBLE[target.kind], TIMES_TARGET * size);
}

/**
 * The figures read as rates of the period (none for the baseline year: `baselineYearRate` speaks
 * of those) when every one of them is above `implausibleRateLimit`: judged as rates, but they
 * look like levels of the indicator; an empty list when they do not.
 */
export function implausibleRates(target: Target, figures: readonly Figure[], plan: Plan): Figure[] {
  const limit = implausibleRateLimit(target);
  if (limit === null) return [];
  const rates = figures.filter((figure) => !figure.level && figure.year >= plan.period.start && figure.year <= target.year);
  // Levels among them are `reason.mixed-rates-levels`; a baseline-year rate is `baselineYearRate`'s refusal.
  if (rates.length === 0 || figures.some((figure) => figure.level) || baselineYearRate(target, figures, plan)) return [];
  return rates.every((figure) => figure.value > limit) ? rates : [];
}
