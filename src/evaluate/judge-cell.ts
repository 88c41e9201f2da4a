import type { Actuals } from '../actuals/read-actuals.js';
import type { Plan, Target } from '../plan/types.js';
import type { Figure } from '../actuals/figure-store.js';
import type { FigureRef, FigureSource, Judgement, Reason, Result, Severity, Status, TargetSource } from '../report/types.js';
import type { ListedCell } from '../report/listed-results.js';
import { attainmentOf, clean, gapOf, meets } from './compare.js';
import { encodeFigure, NOT_SHORT } from '../actuals/figure-store.js';
import { judges } from './judge.js';
import type { RegionalPlan } from './region-terms.js';

/** What judging one region on one target needs, fixed for a run. */
export interface CellContext {
  plan: Plan;
  actuals: Actuals;
  asOf: number;
  regional: RegionalPlan | null;
  severityFor: (status: Status, soft: boolean) => Severity;
  fileName: (index: number) => string;
}

/**
 * The judge of one region on one target, with every detail: the result `evaluate` lists. Pure
 * and repeatable: judging a cell again gives an equal result, so a large run may judge a
 * listed result again when a format reaches it instead of holding it.
 */
export function cellJudge(ctx: CellContext, options: CellOptions = {}): (region: string, target: Target) => Result {
  const { plan, actuals, asOf, regional, severityFor, fileName } = ctx;
  const { store } = actuals;
  const finalLevel = options.finalLevels === false ? null : finalLevelJudge(plan, fileName);
  const notJudged = options.notJudged === false ? null : notJudgedJudge(actuals, asOf, fileName);
  return (region, target) => {
    if (notJudged && regional?.notJudged(region, target)) {
      const judgement = notJudged(region, target);
      if (judgement) return resultOf(region, target, target, judgement, 'info', null, judgement.actual ? 'reported' : null);
    }
    const terms = regional?.terms(region, target, asOf, true);
    const judged = terms?.target ?? target;
    const series = terms?.series ?? store.series(region, target.index, asOf);
    const final = !terms?.verdict && finalLevel && judged.kind === 'level' && asOf >= judged.year ? finalLevel(judged, series) : null;
    const judgement = terms?.verdict ?? final ?? judges[judged.kind]({ target: judged, series, asOf, plan, fileName, detail: true });
    if (terms?.reasonIfMissing && series.length === 0) judgement.reason = terms.reasonIfMissing;
    else if (terms?.reasonIfMissing && judgement.reason?.code === 'reason.no-figure') judgement.reason = terms.reasonIfMissing;
    const severity = terms?.verdict ? 'info' : severityFor(judgement.status, target.soft);
    const figureSource = terms ? terms.figureSource : judgement.actual ? 'reported' : null;
    return resultOf(region, target, judged, judgement, severity, terms ? terms.targetSource : 'plan', figureSource);
  };
}

/** The result of one region on one target: the target's terms (`judged`: the plan's or the town's own), the verdict and its severity. */
function resultOf(region: string, target: Target, judged: Target, judgement: Judgement, severity: Severity, targetSource: TargetSource | null, figureSource: FigureSource | null): Result {
  return {
      id: target.id,
      measure: target.measure,
      goal: target.goal,
      action: target.action,
      region,
      indicator: target.indicator,
      indicatorEn: target.indicatorEn,
      kind: judged.kind,
      op: judged.op,
      value: judged.value,
      unit: target.unit,
      year: judged.year,
      soft: target.soft,
      severity,
      // Named one by one rather than spread: a million results then share one object shape.
      status: judgement.status,
      final: judgement.final,
      actual: judgement.actual,
      gap: judgement.gap,
      attainment: judgement.attainment,
      progress: judgement.progress,
      reason: judgement.reason,
      figureAge: judgement.figureAge,
      notes: judgement.notes,
    targetSource,
    figureSource,
  };
}

/** How `cellJudge` judges. */
export interface CellOptions {
  /** False to leave final levels to the judges (tests compare both ways). */
  finalLevels?: boolean;
  /** False to leave towns not judged to `RegionalPlan.terms` (tests compare both ways). */
  notJudged?: boolean;
}

/**
 * The judgement of a level target at or after its deadline when its deadline year has a figure,
 * the most common result of a final review, as `judge` gives it (judgeLevel, then finalOn): met
 * or not, the gap and attainment of that figure, dated 0 years old, no notes. Anything else
 * (no figure that year, mid-term, other kinds) is left to the judges (null).
 */
function finalLevelJudge(plan: Plan, fileName: (index: number) => string): (target: Target, series: Figure[]) => Judgement | null {
  const tol = plan.approxTolerance;
  return (target, series) => {
    // As judgeLevel finds it (the first figure of the deadline year) and as judge dates it (the
    // last figure up to the deadline): the same figure in a series kept in year order.
    let figure: Figure | undefined;
    let newest: Figure | undefined;
    for (const point of series) {
      if (point.year === target.year && !figure) figure = point;
      if (point.year <= target.year) newest = point;
    }
    if (!figure || newest !== figure) return null;
    const value = figure.value;
    const given = figure.source.file >= 0;
    const actual: FigureRef = { year: figure.year, value, file: given ? fileName(figure.source.file) : null, row: given ? figure.source.row : null };
    // Worked out each time: a memo of figures measured slower (a Map keyed by doubles hashes
    // each key in the runtime), and so did a result whose decimals were getters worked out if read.
    return {
      status: meets(value, target, tol) ? 'met' : 'not_met', final: true, actual, gap: gapOf(value, target, tol), attainment: attainmentOf(value, target, tol),
      progress: null, reason: null, figureAge: 0, notes: [],
    };
  };
}

/** The reason of every town not judged: shared, never changed. */
const NO_DECOMPOSED_TARGET: Reason = Object.freeze({ code: 'reason.no-decomposed-target', params: Object.freeze({}) }) as Reason;

/**
 * The verdict on a town not judged on a target (no decomposed target of a total), as
 * `RegionalPlan.terms` gives it, read straight from the store: its latest figure up to the
 * review year as the actual, or null (then `terms` is asked) for a figure the store cannot give as a number.
 */
function notJudgedJudge(actuals: Actuals, asOf: number, fileName: (index: number) => string): (region: string, target: Target) => Judgement | null {
  const { store } = actuals;
  return (region, target) => {
    const final = asOf >= target.year;
    const slot = store.findSlot(region);
    let actual: FigureRef | null = null;
    for (let year = Math.min(asOf, store.lastYear); year >= store.firstYear; year--) {
      const source = store.sourceAt(region, target.index, year);
      if (!source) continue;
      const value = store.valueAtSlot(slot, target.index, year);
      if (value === undefined) return null;
      actual = { year, value: cleanFigure(value), file: fileName(source.file), row: source.row };
      break;
    }
    return { status: 'not_assessable', final, actual, gap: null, attainment: null, progress: null, reason: NO_DECOMPOSED_TARGET };
  };
}

/** `clean` of a figure: a short decimal (up to 9 digits, as most figures are) is its own 12-digit rounding. */
export function cleanFigure(value: number): number {
  return encodeFigure(value) === NOT_SHORT ? clean(value) : value;
}

/**
 * The judge of the two common shapes of a cell (`ListedCell`: a town not judged, a final level
 * on the region's own figure), filling `into` without building a result or, unless `decimals`,
 * working out a gap or an attainment; false for any other cell, which `cellJudge` must judge.
 * What it fills is what `cellJudge` gives for the same cell (a test holds them equal). With
 * `factsOnly` (a count that needs no figure: `evaluateListed`'s first pass) only `shape`,
 * `status`, `severity`, `final` and `hasActual` are filled, and the answer is the same; with
 * `place` false, all but the actual's `file` and `row`.
 */
export function quickCellJudge(ctx: CellContext): (region: string, slot: number, target: Target, into: ListedCell, decimals: boolean, factsOnly?: boolean, place?: boolean) => boolean {
  const { plan, actuals, asOf, regional, severityFor, fileName } = ctx;
  const { store } = actuals;
  const tol = plan.approxTolerance;
  const newest = Math.min(asOf, store.lastYear);
  return (region, slot, target, into, decimals, factsOnly = false, place = true) => {
    into.region = region;
    into.target = target;
    if (regional?.notJudged(region, target)) {
      // As notJudgedJudge: the latest figure up to the review year, if the store gives it as a number.
      into.shape = 'not_judged';
      into.status = 'not_assessable';
      into.severity = 'info';
      into.final = asOf >= target.year;
      into.hasActual = false;
      into.gap = null;
      into.attainment = null;
      into.targetSource = null;
      into.figureSource = null;
      for (let year = newest; year >= store.firstYear; year--) {
        // A figure read as a number has a source; only a year without one (or a figure the store
        // cannot give as a number) asks for the source, an object, to tell which.
        const value = store.valueAtSlot(slot, target.index, year);
        if (value === undefined) {
          if (store.sourceAtSlot(slot, target.index, year)) return false;
          continue;
        }
        into.hasActual = true;
        into.figureSource = 'reported';
        if (factsOnly) break;
        into.year = year;
        into.value = cleanFigure(value);
        // Where the figure came from only when asked for (a sentence without it reads no source, an object).
        if (!place) break;
        const source = store.sourceAtSlot(slot, target.index, year)!;
        into.file = fileName(source.file);
        into.row = source.row;
        break;
      }
      return true;
    }
    // A final level on the region's own figure of its deadline year, as finalLevelJudge judges it:
    // the plan's terms (no towns, or a town on a mean or weighted indicator).
    if (target.kind !== 'level' || asOf < target.year || (regional !== null && !regional.onPlanTerms(region, target))) return false;
    const value = store.valueAtSlot(slot, target.index, target.year);
    const source = value === undefined ? null : store.sourceAtSlot(slot, target.index, target.year);
    if (value === undefined || !source || source.file < 0) return false;
    const status: Status = meets(value, target, tol) ? 'met' : 'not_met';
    into.shape = 'final_level';
    into.status = status;
    into.severity = severityFor(status, target.soft);
    into.final = true;
    into.hasActual = true;
    into.targetSource = regional === null ? 'plan' : 'intensive_plan';
    into.figureSource = 'reported';
    if (factsOnly) return true;
    into.year = target.year;
    into.value = value;
    if (place) {
      into.file = fileName(source.file);
      into.row = source.row;
    }
    into.gap = decimals ? gapOf(value, target, tol) : null;
    into.attainment = decimals ? attainmentOf(value, target, tol) : null;
    return true;
  };
}
