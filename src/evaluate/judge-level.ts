import type { Figure } from '../actuals/figure-store.js';
import type { Judgement, Progress, Reason } from '../report/types.js';

import { aimOf, attainmentOf, clean, decimal, gapOf, meets, quotient, sideOf, toNumber } from './compare.js';
import {
  EMPTY_PROGRESS, atYear, baselineOf, because, elapsedShare, finalOn, rateBand, ref, verdict, type JudgeContext,
} from './judge-parts.js';
import { baselineYearRate } from './rates-look-like-levels.js';

/** Judges a level target, and serves `cumulative` (running totals) and `change` (levels via their aim). */
export function judgeLevel(ctx: JudgeContext): Judgement {
  const { target, series, asOf, plan } = ctx;
  const tol = plan.approxTolerance;
  const notes = target.kind === 'cumulative' ? totalFell(ctx) : [];
  if (asOf >= target.year) {
    const figure = atYear(series, target.year);
    if (!figure) return verdict('no_data', true, { reason: because('reason.no-figure', { year: target.year }), notes });
    return { ...finalOn(figure, ctx), notes };
  }
  const inPeriod = target.kind === 'cumulative' ? series.filter((figure) => figure.year >= plan.period.start) : series;
  const latest = inPeriod[inPeriod.length - 1];
  if (!latest) return verdict('not_assessable', false, { reason: because('reason.no-figure', { year: asOf }), notes });
  const current = { actual: ref(latest, ctx), gap: gapOf(latest.value, target, tol), attainment: attainmentOf(latest.value, target, tol), notes };
  if (target.kind === 'cumulative') {
    return meets(latest.value, target, tol) ? verdict('achieved', false, current) : judgeShareOfPeriod(ctx, latest, current);
  }
  const base = baselineOf(ctx);
  const side = sideOf(latest.value, target, tol);
  if (!base || base.year >= latest.year) {
    // Already on the right side: achieved, though with no baseline no trend can be projected.
    if (side === 0) return verdict('achieved', false, current);
    return verdict('not_assessable', false, { ...current, reason: because(base ? 'reason.one-point' : 'reason.no-baseline', { year: plan.baselineYear }) });
  }
  if (side === 0 && sideOf(base.value, target, tol) !== 0) {
    // It has come to the right side from the wrong one: achieved. Its approach speed says nothing
    // of where it will settle (a coverage that reached 100 % does not go on to 113 %).
    return verdict('achieved', false, current);
  }
  if (side === 0) {
    // On the right side since the baseline: achieved if the trend keeps it there at the deadline.
    const towards = aimOf(target, latest.value > base.value ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY, tol) ?? latest.value;
    // Only the trend and its projection mean anything here: nothing remains to be completed.
    const progress = { ...pathProgress(base, latest, towards, ctx), requiredRate: null, ratio: null, completionShare: null, gapPoints: null };
    if (progress.projected === null || meets(progress.projected, target, tol)) return verdict('achieved', false, { ...current, progress });
    const shown = shortestAcross(progress.projected, (x) => !meets(x, target, tol));
    return verdict('moving_away', false, { ...current, progress, reason: because('reason.will-cross', { year: target.year, projected: shown }) });
  }
  const aim = aimOf(target, latest.value, tol);
  if (aim === null) return verdict('not_assessable', false, current);
  const progress = pathProgress(base, latest, aim, ctx);
  if (sideOf(base.value, target, tol) !== side) {
    // It was on the right side (or beyond the other edge of a band) and has crossed to this one:
    // it is moving away, whatever a growth formula would make of the two figures.
    return verdict('moving_away', false, { ...current, progress, reason: because('reason.crossed', { year: base.year }) });
  }
  const status = progress.ratio === null ? 'not_assessable' : rateBand(progress.ratio, plan);
  return verdict(status, false, { ...current, progress });
}

/**
 * Required and observed growth from the baseline: compound rates when every figure is positive
 * (Eurostat), else linear annual change (SDSN); the projection follows the same rule. Rates are
 * rounded once to 12 significant digits and everything after is computed from the rounded rates.
 */
function pathProgress(base: Figure, latest: Figure, aim: number, ctx: JudgeContext): Progress {
  const { target, plan, asOf } = ctx;
  const tol = plan.approxTolerance;
  // Compound rates need ratios a double can hold: from a figure as small as 5e-324 (a decimal of
  // 323 zeros is a valid cell) the ratio to the aim is Infinity, and the linear rule is taken instead.
  const positive = base.value > 0 && latest.value > 0 && aim > 0 && Number.isFinite(aim / base.value) && Number.isFinite(latest.value / base.value);
  const spanNeeded = target.year - base.year;
  const spanSeen = latest.year - base.year;
  const remaining = target.year - latest.year;
  let required: number;
  let observed: number;
  let projected: number;
  if (positive) {
    required = clean(((aim / base.value) ** (1 / spanNeeded) - 1) * 100);
    observed = clean(((latest.value / base.value) ** (1 / spanSeen) - 1) * 100);
    projected = clean(toNumber(decimal(latest.value).times(decimal(observed).div(100).plus(1).pow(remaining))));
  } else {
    required = clean(toNumber(decimal(aim).minus(base.value).div(spanNeeded)));
    observed = clean(toNumber(decimal(latest.value).minus(base.value).div(spanSeen)));
    // L + (L − B) × remaining ÷ span: multiplied before dividing, so whole results stay whole.
    projected = clean(toNumber(decimal(latest.value).plus(decimal(latest.value).minus(base.value).times(remaining).div(spanSeen))));
  }
  let ratio: number | null;
  if (required === 0) {
    // The baseline sits on the line itself: no move is needed, so any move is away from it.
    ratio = observed === 0 ? 0 : -1;
  } else ratio = quotient(observed, required);
  const elapsed = elapsedShare(plan, Math.min(asOf, target.year), target.year);
  const completion = aim === base.value ? null : quotient(decimal(latest.value).minus(base.value), decimal(aim).minus(base.value));
  return {
    ...EMPTY_PROGRESS,
    method: positive ? 'growth-ratio' : 'linear-ratio',
    baseline: ref(base, ctx),
    latest: ref(latest, ctx),
    targetValue: aim,
    elapsedShare: elapsed,
    completionShare: completion,
    gapPoints: completion === null ? null : toNumber(decimal(completion).minus(elapsed).times(100)),
    requiredRate: required,
    observedRate: observed,
    ratio,
    projected,
    projectedGap: gapOf(projected, target, tol),
  };
}

/**
 * A running total against the share of the period elapsed at the review year (时间过半、任务过半).
 * A total last reported before the review year counts as the total at the review year: nothing
 * later is known to have been added.
 */
function judgeShareOfPeriod(ctx: JudgeContext, latest: Figure, current: Partial<Judgement>): Judgement {
  const { target, plan, asOf } = ctx;
  const aim = aimOf(target, latest.value, plan.approxTolerance);
  const op = target.op;
  if (aim === null || aim <= 0 || op === '<=' || op === '<') return verdict('not_assessable', false, current);
  const yearsInPeriod = target.year - plan.period.start + 1;
  const yearsElapsed = Math.min(asOf, target.year) - plan.period.start + 1;
  if (yearsElapsed <= 0 || yearsInPeriod <= 0) return verdict('not_assessable', false, current);
  const elapsed = elapsedShare(plan, Math.min(asOf, target.year), target.year);
  const completion = quotient(latest.value, aim) ?? 0;
  // completion ÷ time share = L × years in the period ÷ (aim × years elapsed), in one division.
  const ratio = quotient(decimal(latest.value).times(yearsInPeriod), decimal(aim).times(yearsElapsed)) ?? 0;
  const projected = clean(toNumber(decimal(latest.value).times(yearsInPeriod).div(yearsElapsed)));
  const progress: Progress = {
    ...EMPTY_PROGRESS,
    method: 'time-share',
    latest: ref(latest, ctx),
    targetValue: aim,
    elapsedShare: elapsed,
    completionShare: completion,
    gapPoints: toNumber(decimal(completion).minus(elapsed).times(100)),
    ratio,
    projected,
    projectedGap: gapOf(projected, target, plan.approxTolerance),
  };
  return verdict(rateBand(ratio, plan), false, { ...current, progress });
}

/** A note naming the years in which a running total fell below the year before. */
function totalFell(ctx: JudgeContext): Reason[] {
  const points = ctx.series.filter((figure) => figure.year >= ctx.plan.period.start && figure.year <= ctx.target.year);
  const fell: number[] = [];
  for (let i = 1; i < points.length; i++) if (points[i]!.value < points[i - 1]!.value) fell.push(points[i]!.year);
  return fell.length > 0 ? [because('reason.total-fell', { years: fell.join(', ') })] : [];
}

/** Change against the baseline, in % of it; figures are either levels or the change itself. */
export function judgeChange(ctx: JudgeContext): Judgement {
  const { target, series, plan, asOf } = ctx;
  const final = asOf >= target.year;
  const levels = series.filter((figure) => figure.level);
  // A change in % other than 0 for the baseline year: the figures look like levels without their unit.
  const looksLikeLevels = baselineYearRate(target, series.filter((figure) => figure.year <= target.year), plan);
  if (looksLikeLevels) return verdict(final ? 'no_data' : 'not_assessable', final, { reason: looksLikeLevels });
  // Levels and changes in % for one target: neither is set aside silently (as for growth rates).
  if (levels.length > 0 && series.some((figure) => !figure.level && figure.year <= target.year)) {
    return verdict(final ? 'no_data' : 'not_assessable', final, { reason: because('reason.mixed-rates-levels') });
  }
  // Changes in % submitted as such start from 0 % at the baseline year, by definition.
  if (levels.length === 0) return judgeLevel({ ...ctx, target: { ...target, baseline: { year: plan.baselineYear, value: 0 } } });
  const base = target.baseline ? baselineOf(ctx) : atYear(levels, plan.baselineYear);
  if (!base) return verdict(final ? 'no_data' : 'not_assessable', final, { reason: because('reason.no-baseline', { year: plan.baselineYear }) });
  const later = levels.filter((figure) => figure.year > base.year && figure.year <= target.year);
  if (base.value === 0) {
    // From zero, no change has a percentage, but no change at all is 0 %: 零增长 from 0 to 0 is met.
    const used = final ? atYear(later, target.year) : later[later.length - 1];
    if (used && used.value !== 0) {
      return verdict(final ? 'no_data' : 'not_assessable', final, { reason: because('reason.zero-baseline', { year: base.year }) });
    }
  }
  // Turn each later level into its change against the baseline and judge those as a level target.
  const changes: Figure[] = later
    .filter((figure) => base.value !== 0 || figure.value === 0)
    .map((figure) => ({ ...figure, level: false, value: changeOf(figure.value, base.value) }));
  const judged = judgeLevel({ ...ctx, target: { ...target, baseline: { year: base.year, value: 0 } }, series: changes });
  if (judged.progress) judged.progress.baseline = ref(base, ctx);
  return judged;
}

/** (V − B) ÷ |B| × 100 in decimal, rounded to 12 significant digits; 0 when both are 0. */
function changeOf(value: number, base: number): number {
  if (base === 0) return 0;
  return Number(decimal(value).minus(base).times(100).div(decimal(base).abs()).prec(12).toString());
}

/** `x` with the fewest significant digits (at least 4) that still satisfy `same`, for a message. */
function shortestAcross(x: number, same: (y: number) => boolean): number {
  for (let digits = 4; digits < 12; digits++) {
    const y = Number(x.toPrecision(digits));
    if (same(y)) return y;
  }
  return x;
}
