import type { Figure } from '../actuals/figure-store.js';
import type { Kind, Plan, Target } from '../plan/types.js';
import type { FigureRef, Judgement, Progress, Reason, ReasonCode, Status } from '../report/types.js';

import { aimOf, attainmentOf, clean, gapOf, meets } from './compare.js';

/** What a judge needs: the target, its figures in one region, and the review year. */
export interface JudgeContext {
  target: Target;
  /** Figures up to the review year, oldest first. */
  series: Figure[];
  asOf: number;
  plan: Plan;
  /** The input file name of a figure's source. */
  fileName: (index: number) => string;
  /** False when only the status is wanted (a summary of a large run): gaps and figures are skipped. */
  detail: boolean;
}

const EMPTY_PROGRESS: Progress = {
  method: 'growth-ratio', baseline: null, latest: null, targetValue: null, elapsedShare: null, completionShare: null,
  gapPoints: null, requiredRate: null, observedRate: null, ratio: null, projected: null, projectedGap: null,
};

function ref(figure: Figure | undefined, ctx: JudgeContext): FigureRef | null {
  if (!figure) return null;
  const given = figure.source.file >= 0;
  return { year: figure.year, value: clean(figure.value), file: given ? ctx.fileName(figure.source.file) : null, row: given ? figure.source.row : null };
}

function verdict(status: Status, final: boolean, rest: Partial<Judgement> = {}): Judgement {
  return { status, final, actual: null, gap: null, attainment: null, progress: null, reason: null, ...rest };
}

function because(code: ReasonCode, params: Record<string, string | number> = {}): Reason {
  return { code, params };
}

/** Rates observed ÷ required with the plan's bands (Eurostat / Open SDG by default). */
export function rateBand(ratio: number, plan: Plan): Status {
  if (ratio >= plan.progressBands.onTrack) return 'on_track';
  if (ratio >= plan.progressBands.moderate) return 'moderate';
  if (ratio >= 0) return 'insufficient';
  return 'moving_away';
}

/** The judgement of a figure against the target at the deadline. */
function finalOn(figure: Figure, ctx: JudgeContext, value = figure.value): Judgement {
  const tol = ctx.plan.approxTolerance;
  const status = meets(value, ctx.target, tol) ? 'met' : 'not_met';
  if (!ctx.detail) return verdict(status, true);
  return verdict(status, true, {
    actual: ref(figure, ctx),
    gap: gapOf(value, ctx.target, tol),
    attainment: attainmentOf(value, ctx.target, tol),
  });
}

function atYear(series: Figure[], year: number): Figure | undefined {
  return series.find((figure) => figure.year === year);
}

function baselineOf(ctx: JudgeContext): Figure | undefined {
  const { target, plan, series } = ctx;
  if (target.baseline) {
    return { year: target.baseline.year, value: target.baseline.value, source: { file: -1, row: 0 }, level: true };
  }
  const first = series[0];
  if (first && first.year <= plan.baselineYear) return first;
  // A change is zero at the baseline by definition.
  if (target.kind === 'change') return { year: plan.baselineYear, value: 0, source: { file: -1, row: 0 }, level: false };
  return undefined;
}

function missingYears(series: Figure[], from: number, to: number): number[] {
  const have = new Set(series.map((figure) => figure.year));
  const missing: number[] = [];
  for (let year = from; year <= to; year++) if (!have.has(year)) missing.push(year);
  return missing;
}

/** Judges a level target, and serves `cumulative` (running totals) and `change` (levels via their aim). */
function judgeLevel(ctx: JudgeContext): Judgement {
  const { target, series, asOf, plan } = ctx;
  const tol = plan.approxTolerance;
  if (asOf >= target.year) {
    const figure = atYear(series, target.year);
    if (!figure) return verdict('no_data', true, { reason: because('reason.no-figure', { year: target.year }) });
    return finalOn(figure, ctx);
  }
  const latest = series[series.length - 1];
  if (!latest) return verdict('not_assessable', false, { reason: because('reason.no-figure', { year: asOf }) });
  const current = { actual: ref(latest, ctx), gap: gapOf(latest.value, target, tol), attainment: attainmentOf(latest.value, target, tol) };
  if (meets(latest.value, target, tol)) return verdict('achieved', false, current);
  if (target.kind === 'cumulative') return judgeShareOfPeriod(ctx, latest, current);
  const base = baselineOf(ctx);
  if (!base || base.year >= latest.year) {
    return verdict('not_assessable', false, { ...current, reason: because(base ? 'reason.one-point' : 'reason.no-baseline', { year: plan.baselineYear }) });
  }
  const aim = aimOf(target, latest.value, tol);
  if (aim === null) return verdict('not_assessable', false, current);
  const progress = pathProgress(base, latest, aim, target.year, ctx);
  const status = progress.ratio === null ? 'not_assessable' : rateBand(progress.ratio, plan);
  return verdict(status, false, { ...current, progress });
}

/**
 * Required and observed growth from the baseline: compound rates when every figure is positive
 * (Eurostat), else linear annual change (SDSN); the projection follows the same rule.
 */
function pathProgress(base: Figure, latest: Figure, aim: number, deadline: number, ctx: JudgeContext): Progress {
  const tol = ctx.plan.approxTolerance;
  const positive = base.value > 0 && latest.value > 0 && aim > 0;
  const spanNeeded = deadline - base.year;
  const spanSeen = latest.year - base.year;
  const required = positive ? (aim / base.value) ** (1 / spanNeeded) - 1 : (aim - base.value) / spanNeeded;
  const observed = positive ? (latest.value / base.value) ** (1 / spanSeen) - 1 : (latest.value - base.value) / spanSeen;
  const remaining = deadline - latest.year;
  const projected = positive ? latest.value * (1 + observed) ** remaining : latest.value + observed * remaining;
  let ratio: number | null = required === 0 ? null : observed / required;
  // A target met at the baseline and since left behind: any movement is away from it.
  if (required === 0) ratio = -1;
  const elapsed = elapsedShare(ctx.plan, latest.year);
  const completion = aim === base.value ? null : (latest.value - base.value) / (aim - base.value);
  return {
    ...EMPTY_PROGRESS,
    method: positive ? 'growth-ratio' : 'linear-ratio',
    baseline: ref(base, ctx) ?? null,
    latest: ref(latest, ctx),
    targetValue: clean(aim),
    elapsedShare: clean(elapsed),
    completionShare: completion === null ? null : clean(completion),
    gapPoints: completion === null ? null : clean((completion - elapsed) * 100),
    requiredRate: clean(positive ? required * 100 : required),
    observedRate: clean(positive ? observed * 100 : observed),
    ratio: ratio === null ? null : clean(ratio),
    projected: clean(projected),
    projectedGap: gapOf(projected, ctx.target, tol),
  };
}

/** Share of the plan period elapsed at the end of `year`: 2023 in 2021–2025 is 0.6. */
export function elapsedShare(plan: Plan, year: number): number {
  const { start, end } = plan.period;
  return Math.min(1, Math.max(0, (year - start + 1) / (end - start + 1)));
}

/** A running total against the share of the period elapsed (时间过半、任务过半). */
function judgeShareOfPeriod(ctx: JudgeContext, latest: Figure, current: Partial<Judgement>): Judgement {
  const { target, plan } = ctx;
  const aim = aimOf(target, latest.value, plan.approxTolerance);
  if (aim === null || aim === 0) return verdict('not_assessable', false, current);
  const elapsed = elapsedShare(plan, latest.year);
  const completion = latest.value / aim;
  const yearsSeen = latest.year - plan.period.start + 1;
  const projected = yearsSeen > 0 ? (latest.value / yearsSeen) * (target.year - plan.period.start + 1) : null;
  const ratio = elapsed > 0 ? completion / elapsed : null;
  const progress: Progress = {
    ...EMPTY_PROGRESS,
    method: 'time-share',
    latest: ref(latest, ctx),
    targetValue: aim,
    elapsedShare: clean(elapsed),
    completionShare: clean(completion),
    gapPoints: clean((completion - elapsed) * 100),
    ratio: ratio === null ? null : clean(ratio),
    projected: projected === null ? null : clean(projected),
    projectedGap: projected === null ? null : gapOf(projected, target, plan.approxTolerance),
  };
  return verdict(ratio === null ? 'not_assessable' : rateBand(ratio, plan), false, { ...current, progress });
}

/** Average annual growth: from yearly rates in %, or from levels of the indicator. */
function judgeGrowth(ctx: JudgeContext): Judgement {
  const { target, series, asOf, plan } = ctx;
  const final = asOf >= target.year;
  const until = Math.min(asOf, target.year);
  const inPeriod = series.filter((figure) => figure.year <= until);
  const levels = inPeriod.filter((figure) => figure.level);
  const rates = inPeriod.filter((figure) => !figure.level && figure.year >= plan.period.start);
  if (levels.length > 0 && rates.length > 0) {
    return verdict(final ? 'no_data' : 'not_assessable', final, { reason: because('reason.mixed-rates-levels') });
  }
  let observed: number;
  let latest: Figure | undefined;
  let base: Figure | undefined;
  let method: Progress['method'];
  if (levels.length > 0) {
    base = levels[0];
    latest = levels[levels.length - 1];
    if (!base || !latest || base === latest) {
      return verdict(final ? 'no_data' : 'not_assessable', final, { reason: because('reason.one-point') });
    }
    if (base.value <= 0 || latest.value <= 0) {
      return verdict(final ? 'no_data' : 'not_assessable', final, { reason: because('reason.non-positive') });
    }
    if (final && (latest.year !== target.year || base.year > plan.baselineYear)) {
      return verdict('no_data', true, { reason: because('reason.missing-years', { years: [plan.baselineYear, target.year].join(', ') }) });
    }
    observed = clean(((latest.value / base.value) ** (1 / (latest.year - base.year)) - 1) * 100);
    method = 'growth-ratio';
  } else {
    const missing = missingYears(rates, plan.period.start, until);
    if (rates.length === 0) return noFigure(final, until);
    if (final && missing.length > 0) return verdict('no_data', true, { reason: because('reason.missing-years', { years: missing.join(', ') }) });
    const product = rates.reduce((acc, figure) => acc * (1 + figure.value / 100), 1);
    observed = clean((product ** (1 / rates.length) - 1) * 100);
    latest = rates[rates.length - 1];
    method = 'rate-ratio';
  }
  const aim = typeof target.value === 'number' ? target.value : aimOf(target, observed, plan.approxTolerance);
  const tol = plan.approxTolerance;
  const progress: Progress = {
    ...EMPTY_PROGRESS,
    method,
    baseline: ref(base, ctx),
    latest: ref(latest, ctx),
    targetValue: aim,
    elapsedShare: clean(elapsedShare(plan, until)),
    requiredRate: aim,
    observedRate: clean(observed),
    ratio: aim ? clean(observed / aim) : null,
  };
  const figureRef = latest ? { ...ref(latest, ctx)!, value: clean(observed) } : null;
  const result = { actual: figureRef, gap: gapOf(observed, target, tol), attainment: attainmentOf(observed, target, tol), progress };
  if (final) return verdict(meets(observed, target, tol) ? 'met' : 'not_met', true, result);
  if (meets(observed, target, tol)) return verdict('on_track', false, result);
  return verdict(progress.ratio === null ? 'not_assessable' : rateBand(progress.ratio, plan), false, result);
}

/** Change against the baseline, in % of it; figures are either levels or the change itself. */
function judgeChange(ctx: JudgeContext): Judgement {
  const { target, series, plan } = ctx;
  const levels = series.filter((figure) => figure.level);
  if (levels.length === 0) return judgeLevel(ctx);
  const base = target.baseline
    ? baselineOf(ctx)
    : levels.find((figure) => figure.year <= plan.baselineYear);
  if (!base) {
    const final = ctx.asOf >= target.year;
    return verdict(final ? 'no_data' : 'not_assessable', final, { reason: because('reason.no-baseline', { year: plan.baselineYear }) });
  }
  if (base.value === 0) {
    const final = ctx.asOf >= target.year;
    return verdict(final ? 'no_data' : 'not_assessable', final, { reason: because('reason.non-positive') });
  }
  // Turn each later level into its change against the baseline and judge those as a level target.
  const changes: Figure[] = levels
    .filter((figure) => figure.year > base.year)
    .map((figure) => ({ ...figure, level: false, value: clean(((figure.value - base.value) / Math.abs(base.value)) * 100) }));
  const judged = judgeLevel({ ...ctx, target: { ...target, baseline: null }, series: [{ ...base, value: 0, level: false }, ...changes] });
  if (judged.progress) judged.progress.baseline = ref(base, ctx);
  return judged;
}

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
  const progress: Progress = { ...EMPTY_PROGRESS, method: 'series', baseline: ref(first, ctx), latest: ref(last, ctx) };
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

/** The figures of the plan period up to the deadline, with the review's finality and last year. */
function periodFigures(ctx: JudgeContext): { points: Figure[]; final: boolean; until: number } {
  const { target, series, asOf, plan } = ctx;
  const points = series.filter((figure) => figure.year >= plan.period.start && figure.year <= target.year);
  return { points, final: asOf >= target.year, until: Math.min(asOf, target.year) };
}

/** The verdict when a target has no figure at all up to `until`. */
function noFigure(final: boolean, until: number): Judgement {
  return verdict(final ? 'no_data' : 'not_assessable', final, { reason: because('reason.no-figure', { year: until }) });
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
  const mean = clean(points.reduce((sum, figure) => sum + figure.value, 0) / points.length);
  const last = points[points.length - 1]!;
  const progress: Progress = { ...EMPTY_PROGRESS, method: 'mean', latest: ref(last, ctx), observedRate: mean };
  const rest = { actual: { ...ref(last, ctx)!, value: mean }, gap: gapOf(mean, target, tol), attainment: attainmentOf(mean, target, tol), progress };
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

/** One judge per target kind. */
export const judges: Record<Kind, (ctx: JudgeContext) => Judgement> = {
  level: judgeLevel,
  cumulative: judgeLevel,
  cagr: judgeGrowth,
  change: judgeChange,
  trend: judgeTrend,
  annual: judgeAnnual,
  average: judgeAverage,
  milestone: judgeMilestone,
};
