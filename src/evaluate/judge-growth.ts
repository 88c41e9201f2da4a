import type { Figure } from '../actuals/figure-store.js';
import type { Judgement, Progress } from '../report/types.js';

import { aimOf, attainmentOf, clean, gapOf, meets } from './compare.js';
import {
  EMPTY_PROGRESS, atYear, because, elapsedShare, missingYears, noFigure, rateBand, ref, verdict, type JudgeContext,
} from './judge-parts.js';
import { baselineYearRate } from './rates-look-like-levels.js';

/** Average annual growth: from yearly rates in %, or from levels of the indicator. */
export function judgeGrowth(ctx: JudgeContext): Judgement {
  const { target, series, asOf, plan } = ctx;
  const final = asOf >= target.year;
  const until = Math.min(asOf, target.year);
  const notAssessable = (rest: Partial<Judgement>): Judgement => verdict(final ? 'no_data' : 'not_assessable', final, rest);
  const inPeriod = series.filter((figure) => figure.year <= until);
  // A yearly rate for the baseline year: the figures look like levels without their unit (never judged as rates).
  const looksLikeLevels = baselineYearRate(target, inPeriod, plan);
  if (looksLikeLevels) return notAssessable({ reason: looksLikeLevels });
  const levels = inPeriod.filter((figure) => figure.level);
  const rates = inPeriod.filter((figure) => !figure.level && figure.year >= plan.period.start);
  if (levels.length > 0 && rates.length > 0) return notAssessable({ reason: because('reason.mixed-rates-levels') });
  let observed: number;
  let latest: Figure | undefined;
  let base: Figure | undefined;
  let method: Progress['method'];
  if (levels.length > 0) {
    // The average from levels runs from the baseline year's level, never from a later one.
    base = atYear(levels, plan.baselineYear);
    latest = final ? atYear(levels, target.year) : levels[levels.length - 1];
    if (final && (!base || !latest)) {
      const missing = [...(base ? [] : [plan.baselineYear]), ...(latest ? [] : [target.year])];
      if (missing.length === 1 && !base) return notAssessable({ reason: because('reason.no-baseline', { year: plan.baselineYear }) });
      return notAssessable({ reason: because('reason.missing-years', { years: missing.join(', ') }) });
    }
    // No actual: a level is in the indicator's unit (元), not the target's (% a year).
    if (!base) return notAssessable({ reason: because('reason.no-baseline', { year: plan.baselineYear }) });
    if (!latest || latest.year <= base.year) return notAssessable({ reason: because('reason.one-point') });
    if (base.value <= 0 || latest.value <= 0) return notAssessable({ reason: because('reason.non-positive') });
    observed = clean(((latest.value / base.value) ** (1 / (latest.year - base.year)) - 1) * 100);
    method = 'growth-ratio';
  } else {
    if (rates.length === 0) return noFigure(final, until);
    const missing = missingYears(rates, plan.period.start, until);
    if (final && missing.length > 0) return verdict('no_data', true, { reason: because('reason.missing-years', { years: missing.join(', ') }) });
    // A level cannot fall by more than all of it: such a rate has no compound mean (an even root of a negative).
    const impossible = rates.filter((figure) => figure.value < -100).map((figure) => figure.year);
    if (impossible.length > 0) return notAssessable({ reason: because('reason.rate-below-minus-100', { years: impossible.join(', ') }) });
    const product = rates.reduce((acc, figure) => acc * (1 + figure.value / 100), 1);
    observed = clean((product ** (1 / rates.length) - 1) * 100);
    latest = rates[rates.length - 1];
    method = 'rate-ratio';
  }
  const tol = plan.approxTolerance;
  const aim = aimOf(target, observed, tol);
  // Rated like a figure against its target: realised ÷ target rate for a floor, target ÷
  // realised for a ceiling or above a band, so an overshoot of a `~` rate is off track too.
  const attainment = attainmentOf(observed, target, tol);
  const progress: Progress = {
    ...EMPTY_PROGRESS,
    method,
    baseline: ref(base, ctx),
    latest: ref(latest, ctx),
    targetValue: aim,
    elapsedShare: elapsedShare(plan, until, target.year),
    requiredRate: aim,
    observedRate: observed,
    ratio: attainment,
  };
  const figureRef = latest ? { ...ref(latest, ctx)!, value: observed } : null;
  const result = { actual: figureRef, gap: gapOf(observed, target, tol), attainment, progress };
  const ok = meets(observed, target, tol);
  if (final) return verdict(ok ? 'met' : 'not_met', true, result);
  if (ok) return verdict('on_track', false, result);
  return verdict(attainment === null ? 'not_assessable' : rateBand(attainment, plan), false, result);
}
