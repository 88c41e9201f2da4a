import type { Figure } from '../actuals/figure-store.js';
import type { Plan, Target } from '../plan/types.js';
import type { FigureRef, Judgement, Progress, Reason, ReasonCode, Status } from '../report/types.js';

import { attainmentOf, gapOf, meets } from './compare.js';

/** What a judge needs: the target, its figures in one region, and the review year. */
export interface JudgeContext {
  target: Target;
  /** Figures up to the review year, oldest first. */
  series: Figure[];
  asOf: number;
  plan: Plan;
  /** The input file name of a figure's source. */
  fileName: (index: number) => string;
  /**
   * False when only the status is wanted (a summary of a large run): gaps, progress and reasons
   * may be skipped; the status is the detailed judgement's, and so, for a status of no data or not
   * assessable, is whether there is an actual (a list rule reads it), though not always its value.
   */
  detail: boolean;
}

/** Progress with every number unknown, to be filled in by a judge. */
export const EMPTY_PROGRESS: Progress = {
  method: 'growth-ratio', baseline: null, latest: null, targetValue: null, elapsedShare: null, completionShare: null,
  gapPoints: null, requiredRate: null, observedRate: null, ratio: null, projected: null, projectedGap: null,
};

/** A figure as the report shows it: its value exactly as read, and where it came from. */
export function ref(figure: Figure | undefined, ctx: JudgeContext): FigureRef | null {
  if (!figure) return null;
  const given = figure.source.file >= 0;
  return { year: figure.year, value: figure.value, file: given ? ctx.fileName(figure.source.file) : null, row: given ? figure.source.row : null };
}

/** A judgement with the given status; every figure not given is null. */
export function verdict(status: Status, final: boolean, rest: Partial<Judgement> = {}): Judgement {
  return { status, final, actual: null, gap: null, attainment: null, progress: null, reason: null, ...rest };
}

/** A reason: a message code and its parameters, worded by the view. */
export function because(code: ReasonCode, params: Record<string, string | number> = {}): Reason {
  return { code, params };
}

/** Rates observed ÷ required with the plan's bands (Eurostat / Open SDG by default). */
export function rateBand(ratio: number, plan: Plan): Status {
  if (ratio >= plan.progressBands.onTrack) return 'on_track';
  if (ratio >= plan.progressBands.moderate) return 'moderate';
  if (ratio >= 0) return 'insufficient';
  return 'moving_away';
}

/**
 * Share of the time from the start of the plan period to a deadline (by default the period's
 * end) elapsed at the end of `year` (时序进度): 2023 in 2021–2025 is 0.6.
 */
export function elapsedShare(plan: Plan, year: number, deadline = plan.period.end): number {
  const { start } = plan.period;
  const span = deadline - start + 1;
  if (span <= 0) return 1;
  const years = Math.min(span, Math.max(0, year - start + 1));
  // A ratio of whole numbers, rounded once: 1 ÷ 3 is shown and used as 0.333333333333.
  return Number((years / span).toPrecision(12));
}

/** The judgement of a figure against the target at the deadline. */
export function finalOn(figure: Figure, ctx: JudgeContext, value = figure.value): Judgement {
  const tol = ctx.plan.approxTolerance;
  const status = meets(value, ctx.target, tol) ? 'met' : 'not_met';
  if (!ctx.detail) return verdict(status, true);
  return verdict(status, true, {
    actual: ref(figure, ctx),
    gap: gapOf(value, ctx.target, tol),
    attainment: attainmentOf(value, ctx.target, tol),
  });
}

/** The figure of one year, if submitted. */
export function atYear(series: Figure[], year: number): Figure | undefined {
  return series.find((figure) => figure.year === year);
}

/**
 * The baseline: the plan file's, else the figure submitted for the plan's baseline year. Never
 * another year: a later figure would silently shorten the span every rate is computed over.
 */
export function baselineOf(ctx: JudgeContext, series = ctx.series): Figure | undefined {
  const { target, plan } = ctx;
  if (target.baseline) {
    return { year: target.baseline.year, value: target.baseline.value, source: { file: -1, row: 0 }, level: true };
  }
  return atYear(series, plan.baselineYear);
}

/** The years from `from` to `to` with no figure in `series`. */
export function missingYears(series: Figure[], from: number, to: number): number[] {
  const have = new Set(series.map((figure) => figure.year));
  const missing: number[] = [];
  for (let year = from; year <= to; year++) if (!have.has(year)) missing.push(year);
  return missing;
}

/** The verdict when a target has no figure at all up to `until`. */
export function noFigure(final: boolean, until: number): Judgement {
  return verdict(final ? 'no_data' : 'not_assessable', final, { reason: because('reason.no-figure', { year: until }) });
}

/** The figures of the plan period up to the deadline, with the review's finality and last year. */
export function periodFigures(ctx: JudgeContext): { points: Figure[]; final: boolean; until: number } {
  const { target, series, asOf, plan } = ctx;
  const points = series.filter((figure) => figure.year >= plan.period.start && figure.year <= target.year);
  return { points, final: asOf >= target.year, until: Math.min(asOf, target.year) };
}
