import type { Figure } from '../actuals/figure-store.js';
import type { Kind } from '../plan/types.js';
import type { Judgement, Progress, Reason } from '../report/types.js';

import { attainmentOf, clean, decimal, gapOf, meets } from './compare.js';
import { fastMean } from './exact-decimal.js';
import { judgeGrowth } from './judge-growth.js';
import { judgeChange, judgeLevel } from './judge-level.js';
import {
  atYear, because, finalOn, missingYears, noFigure, periodFigures, ref, verdict, type JudgeContext,
} from './judge-parts.js';

export type { JudgeContext } from './judge-parts.js';
export { elapsedShare, rateBand } from './judge-parts.js';

/** A direction with no figure: every year must move the required way. */
function judgeTrend(ctx: JudgeContext): Judgement {
  const { target, series, asOf } = ctx;
  const final = asOf >= target.year;
  const points = series.filter((figure) => figure.year <= target.year);
  if (points.length === 0) return noFigure(final, Math.min(asOf, target.year));
  if (points.length < 2) {
    return verdict(final ? 'no_data' : 'not_assessable', final, { reason: because('reason.one-point') });
  }
  const down = target.op === 'decrease';
  const wrong: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1]!.value;
    const after = points[i]!.value;
    if (down ? !(after < before) : !(after > before)) wrong.push(points[i]!.year);
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const overall = down ? last.value < first.value : last.value > first.value;
  // A count needs the status only: no references, progress or reason words (as below, without
  // them); but "no data" has its actual as below, for a list rule that asks whether there is one.
  if (!ctx.detail) {
    if (!final) return verdict(wrong.length === 0 ? 'on_track' : overall ? 'insufficient' : 'moving_away', false, {});
    if (wrong.length > 0) return verdict('not_met', true, {});
    if (missingYears(points, ctx.plan.baselineYear, target.year).length > 0) return verdict('no_data', true, { actual: ref(last, ctx) });
    return verdict('met', true, {});
  }
  const progress = progressOf('series', ref(first, ctx), ref(last, ctx), null);
  const reason = wrong.length > 0 ? because('reason.wrong-steps', { years: wrong.join(', ') }) : null;
  const rest = { actual: ref(last, ctx), progress, reason };
  if (final) {
    const missing = missingYears(points, ctx.plan.baselineYear, target.year);
    if (wrong.length === 0 && missing.length > 0) {
      return verdict('no_data', true, { ...rest, reason: because('reason.missing-years', { years: missing.join(', ') }) });
    }
    return verdict(wrong.length === 0 ? 'met' : 'not_met', true, rest);
  }
  if (wrong.length === 0) return verdict('on_track', false, rest);
  return verdict(overall ? 'insufficient' : 'moving_away', false, rest);
}

/** Every year of the period must meet the figure; a year that does not is a miss already. */
function judgeAnnual(ctx: JudgeContext): Judgement {
  const { target, plan } = ctx;
  const tol = plan.approxTolerance;
  const { points, final, until } = periodFigures(ctx);
  const failed = points.filter((figure) => !meets(figure.value, target, tol));
  const worst = points.reduce<Figure | undefined>((acc, figure) => {
    if (!acc) return figure;
    return (gapOf(figure.value, target, tol) ?? 0) < (gapOf(acc.value, target, tol) ?? 0) ? figure : acc;
  }, undefined);
  const rest = worst
    ? { actual: ref(worst, ctx), gap: gapOf(worst.value, target, tol), attainment: attainmentOf(worst.value, target, tol) }
    : {};
  if (failed.length > 0) {
    return verdict('not_met', final, { ...rest, reason: because('reason.failed-years', { years: failed.map((f) => f.year).join(', ') }) });
  }
  if (points.length === 0) return noFigure(final, until);
  const missing = missingYears(points, plan.period.start, until);
  if (final && missing.length > 0) return verdict('no_data', true, { ...rest, reason: because('reason.missing-years', { years: missing.join(', ') }) });
  return verdict(final ? 'met' : 'on_track', final, rest);
}

/** The mean over the period's years must meet the figure (年均 X% of a share). */
function judgeAverage(ctx: JudgeContext): Judgement {
  const { target, plan } = ctx;
  const tol = plan.approxTolerance;
  const { points, final, until } = periodFigures(ctx);
  if (points.length === 0) return noFigure(final, until);
  const missing = missingYears(points, plan.period.start, until);
  // A count needs the status only: no gap, attainment or references (nor a mean, when years are
  // missing); but "no data" has an actual as below (the last figure, not the mean), for a list
  // rule that asks whether there is one.
  if (!ctx.detail && final && missing.length > 0) return verdict('no_data', true, { actual: ref(points[points.length - 1], ctx) });
  // Summed in decimal; the quotient rounded once to 12 significant digits.
  const mean = fastMean(points.map((figure) => figure.value)) ?? Number(points.reduce((acc, figure) => acc.plus(decimal(figure.value)), decimal(0)).div(points.length).prec(12).toString());
  if (!ctx.detail) {
    const met = meets(mean, target, tol);
    return verdict(final ? (met ? 'met' : 'not_met') : met ? 'on_track' : 'insufficient', final, {});
  }
  const last = points[points.length - 1]!;
  const latest = ref(last, ctx)!;
  const progress = progressOf('mean', null, latest, mean);
  const rest = { actual: { year: latest.year, value: mean, file: latest.file, row: latest.row }, gap: gapOf(mean, target, tol), attainment: attainmentOf(mean, target, tol), progress };
  if (final && missing.length > 0) return verdict('no_data', true, { ...rest, reason: because('reason.missing-years', { years: missing.join(', ') }) });
  const ok = meets(mean, target, tol);
  if (final) return verdict(ok ? 'met' : 'not_met', true, rest);
  return verdict(ok ? 'on_track' : 'insufficient', false, rest);
}

/** A yes/no deliverable: done by the deadline or not. */
function judgeMilestone(ctx: JudgeContext): Judgement {
  const { target, series, asOf } = ctx;
  const final = asOf >= target.year;
  const upTo = series.filter((figure) => figure.year <= target.year);
  const done = upTo.find((figure) => figure.value === 1);
  const latest = upTo[upTo.length - 1];
  if (done) return verdict(final ? 'met' : 'achieved', final, { actual: ref(done, ctx), attainment: 1 });
  if (!final) return verdict('pending', false, { actual: ref(latest, ctx), reason: because('reason.not-done-yet') });
  const atDeadline = atYear(upTo, target.year);
  if (!atDeadline) return verdict('no_data', true, { actual: ref(latest, ctx), reason: because('reason.no-figure', { year: target.year }) });
  return finalOn(atDeadline, ctx);
}

/** The judge of each target kind, on its own. */
const byKind: Record<Kind, (ctx: JudgeContext) => Judgement> = {
  level: judgeLevel,
  cumulative: judgeLevel,
  cagr: judgeGrowth,
  change: judgeChange,
  trend: judgeTrend,
  annual: judgeAnnual,
  average: judgeAverage,
  milestone: judgeMilestone,
};

/**
 * Judges one target in one region, and says how old its newest figure is: a rating before the
 * deadline is made at the review year, and a figure of an earlier year is named as stale.
 */
export function judge(ctx: JudgeContext): Judgement {
  const judged = byKind[ctx.target.kind](ctx);
  if (!ctx.detail) return judged;
  const { target, series, asOf } = ctx;
  const until = Math.min(asOf, target.year);
  let newest: Figure | undefined;
  for (const figure of series) if (figure.year <= until) newest = figure;
  const figureAge = newest ? until - newest.year : null;
  const notes: Reason[] = [...(judged.notes ?? [])];
  // A milestone done stays done: only a rating that could change with newer figures is noted.
  const rated = judged.status !== 'no_data' && judged.status !== 'not_assessable' && !(target.kind === 'milestone' && judged.status === 'achieved');
  if (!judged.final && rated && newest && figureAge !== null && figureAge > 0) {
    notes.push(because('reason.stale-figure', { year: newest.year, asOf, age: figureAge }));
  }
  // The plan's own baseline wins over a submitted figure for its year (docs/progress.md): a
  // different figure is not silently set aside.
  const base = target.baseline;
  const usesBaseline = target.kind === 'change' || ((target.kind === 'level' || target.kind === 'cumulative') && !judged.final);
  if (base && usesBaseline) {
    // A change target's baseline is a level: a change in % submitted for its year is no rival to it.
    const submitted = series.find((figure) => figure.year === base.year && (target.kind !== 'change' || figure.level));
    if (submitted && clean(submitted.value) !== base.value) {
      notes.push(because('reason.plan-baseline', { year: base.year, submitted: clean(submitted.value), baseline: base.value }));
    }
  }
  // Named one by one rather than spread (a spread is slow in code not yet optimised, as a mean's
  // results are when a format judges a few thousand of them): every member a judgement has.
  return { status: judged.status, final: judged.final, actual: judged.actual, gap: judged.gap, attainment: judged.attainment, progress: judged.progress, reason: judged.reason, figureAge, notes };
}

/** `EMPTY_PROGRESS` with a method, a baseline, a latest figure and an observed rate, its members in its order (no spread). */
function progressOf(method: Progress['method'], baseline: Progress['baseline'], latest: Progress['latest'], observedRate: number | null): Progress {
  return {
    method, baseline, latest, targetValue: null, elapsedShare: null, completionShare: null, gapPoints: null, requiredRate: null, observedRate, ratio: null, projected: null, projectedGap: null,
  };
}

/** One judge per target kind, each also dating its figures as `judge` does. */
export const judges: Record<Kind, (ctx: JudgeContext) => Judgement> = {
  level: judge,
  cumulative: judge,
  cagr: judge,
  change: judge,
  trend: judge,
  annual: judge,
  average: judge,
  milestone: judge,
};
