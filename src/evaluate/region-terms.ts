import { closest } from 'fastest-levenshtein';
import type { Actuals } from '../actuals/read-actuals.js';
import type { Figure, YearPresence } from '../actuals/figure-store.js';
import type { RegionTargets } from '../actuals/interpret-region-targets.js';
import { UNLISTED_NAMED } from '../actuals/row-policy.js';
import { isPlanLevel, planLevelKeys, sharesAddUp } from '../plan/plan-level.js';
import type { Plan, Target } from '../plan/types.js';
import type { Problem } from '../problem.js';
import type { FigureSource, Judgement, Reason, RegionCheck, RegionRoles, TargetSource } from '../report/types.js';
import { clean, meets } from './compare.js';
import { rollUp, type RollUp } from './roll-up.js';

/** What one region is judged on for one target, decided before any judge runs. */
export interface RegionalTerms {
  /** The terms judged against: the plan's target, or the region's decomposed target. */
  target: Target;
  /** The figures to judge: the region's own, or the plan level's (reported or derived). */
  series: Figure[];
  targetSource: TargetSource | null;
  figureSource: FigureSource | null;
  /** A verdict given without judging (no decomposed target); its severity is always `info`. */
  verdict: Judgement | null;
  /** Replaces a "no figure" reason of the judgement (why the plan level could not be derived). */
  reasonIfMissing: Reason | null;
}

/** By target index: how a count without details judges a region on each target (see `RegionalPlan.quickTerms`). */
export type QuickTerms = readonly ('not_judged' | Target | null)[];

/** The regions of a submission read against a plan that is carried out by towns. */
export interface RegionalPlan {
  roles: RegionRoles;
  /** Regions in report order: the plan level first, then the towns. */
  regions: string[];
  /** `detail` false: only the status is wanted, so figures of towns not judged are not read. */
  terms(region: string, target: Target, asOf: number, detail?: boolean): RegionalTerms;
  /**
   * For a count without details, by target index: 'not_judged' for a town not judged on the
   * target, the target a town is judged on when its status is the figure of the deadline's year
   * against it, or null when `terms` must say. Null for a region that `terms` must judge whole.
   */
  quickTerms(region: string, asOf: number): QuickTerms | null;
  checks(targets: Target[], asOf: number): RegionCheck[];
  /** True when `terms` gives the region a verdict without judging: a town with no decomposed target of a total. */
  notJudged(region: string, target: Target): boolean;
  /** True when `terms` judges the region on the plan's own target and its own figures (`intensive_plan`: a town on a mean or weighted indicator). */
  onPlanTerms(region: string, target: Target): boolean;
  /** Regions of the data the plan does not list among its towns, each located at its first figure. */
  warnings: Problem[];
  /**
   * True when `region` is the plan level and a count (`terms` without detail) gives it an empty
   * series for every target at `asOf`: nothing reported for it, and no year up to `asOf` with a
   * figure of every town to derive it from.
   */
  planLevelEmpty(region: string, asOf: number): boolean;
}

const INTENSIVE = new Set(['mean', 'weighted']);
/** Regions the plan does not list that are each warned about; more are one warning (a summary keeps their rows: row-policy.ts). */
const MAX_UNLISTED_WARNINGS = UNLISTED_NAMED;
/** How many of them the one warning names. */
const SHOWN_UNLISTED = 5;
const NO_FIGURES: Figure[] = [];
/** A count's roll-up when no year has a figure of every town: no series (and, for a count, no reasons). */
const NOTHING_ROLLED: RollUp = Object.freeze({ series: NO_FIGURES, reasons: new Map<number, Reason>() });
/** The verdict on a town not judged, shared by the counts of a summary (never changed: no reason is replaced). */
const NOT_JUDGED_FINAL: Judgement = Object.freeze({
  status: 'not_assessable', final: true, actual: null, gap: null, attainment: null, progress: null, reason: { code: 'reason.no-decomposed-target', params: {} },
}) as Judgement;
const NOT_JUDGED_OPEN: Judgement = Object.freeze({ ...NOT_JUDGED_FINAL, final: false }) as Judgement;

/**
 * Sorts the regions of a submission into the plan level and its towns; null when the plan
 * declares no regions or the submission (with its decomposed targets) names no town.
 */
export function regionalPlan(
  plan: Plan,
  actuals: Actuals,
  decomposed: RegionTargets | null,
  fileName: (index: number) => string,
): RegionalPlan | null {
  if (!plan.regions) return null;
  const keys = planLevelKeys(plan);
  // Each name normalised once, and sorted in one pass: a large submission names thousands of
  // regions, and every array or set of them made on the way is memory held until a full collection.
  const levelNames: string[] = [];
  const towns: string[] = [];
  for (const name of actuals.store.regionNames()) (isPlanLevel(name, keys) ? levelNames : towns).push(name);
  // The towns the decomposed targets name besides, each once (the store's names are distinct).
  if (decomposed) {
    const known = new Set(towns);
    for (const name of decomposed.byRegion.keys()) {
      if (known.has(name)) continue;
      known.add(name);
      towns.push(name);
    }
  }
  if (towns.length === 0) return null;
  // Every town the plan lists or the data names must have a figure before a year is derived: the plan's first, each once.
  const units = new Set(plan.regions.units);
  const required = [...units];
  for (const town of towns) if (!units.has(town)) required.push(town);
  const planLevel = levelNames[0] ?? plan.regions.name;
  const roles: RegionRoles = { planLevel, derived: levelNames.length === 0, towns };
  const { store } = actuals;
  const rollUps = new Map<string, RollUp>();
  const seriesOnly = new Map<string, RollUp>();
  // Which towns have figures, year by year, looked up once for every target's roll-up.
  const townSlots = required.map((town) => store.findSlot(town));
  const presenceByYear = new Map<number, YearPresence>();
  const presence = (year: number): YearPresence => {
    let found = presenceByYear.get(year);
    if (!found) presenceByYear.set(year, (found = store.presence(townSlots, year)));
    return found;
  };
  // A roll-up with its reasons serves a count too; one for a count (`reasons` false: the series
  // alone, no towns named) is kept apart.
  // Whether some year up to a review year has a figure of every town: without one, a count's roll-up is empty for every target.
  const anyYearWhole = new Map<number, boolean>();
  const someYearWhole = (asOf: number): boolean => {
    let found = anyYearWhole.get(asOf);
    if (found === undefined) {
      found = false;
      for (let year = store.firstYear; year <= Math.min(asOf, store.lastYear) && !found; year++) found = presence(year).every;
      anyYearWhole.set(asOf, found);
    }
    return found;
  };
  const rolled = (target: Target, asOf: number, reasons = true): RollUp => {
    if (!reasons && !someYearWhole(asOf)) return NOTHING_ROLLED;
    const key = `${target.index}:${asOf}`;
    let found = rollUps.get(key) ?? (reasons ? undefined : seriesOnly.get(key));
    if (!found) {
      found = rollUp(target, asOf, { plan, store, towns: required, weights: decomposed?.weights ?? new Map(), presence, reasons });
      (reasons ? rollUps : seriesOnly).set(key, found);
    }
    return found;
  };
  const reportedLevel = (target: Target, asOf: number): Figure[] => {
    for (const name of levelNames) {
      const series = store.series(name, target.index, asOf);
      if (series.length > 0) return series;
    }
    return [];
  };

  const intensive = plan.targets.map((target) => target.aggregate !== null && target.aggregate !== undefined && INTENSIVE.has(target.aggregate.method));
  const countyTerms = (target: Target, asOf: number, detail: boolean): RegionalTerms => {
    const reported = reportedLevel(target, asOf);
    if (reported.length > 0) return { target, series: reported, targetSource: 'plan', figureSource: 'reported', verdict: null, reasonIfMissing: null };
    const derived = rolled(target, asOf, detail);
    // A count reads the status alone: no reason is worded.
    if (!detail) return { target, series: derived.series, targetSource: 'plan', figureSource: derived.series.length > 0 ? 'derived' : null, verdict: null, reasonIfMissing: null };
    const reason = derived.reasons.get(Math.min(asOf, target.year)) ?? lastReason(derived) ?? null;
    return {
      target,
      series: derived.series,
      targetSource: 'plan',
      figureSource: derived.series.length > 0 ? 'derived' : null,
      verdict: null,
      // A target no town reported needs no roll-up reason: "no figure" says it.
      reasonIfMissing: target.aggregate?.method === 'none' ? (derived.reasons.size > 0 ? { code: 'reason.roll-up-none', params: {} } : null) : reason,
    };
  };

  // Called for every town and target: no spreads, and a summary reads no figures of towns not judged.
  const terms = (region: string, target: Target, asOf: number, detail = true): RegionalTerms => {
    if (region === planLevel) return countyTerms(target, asOf, detail);
    const own = decomposed?.byRegion.get(region)?.get(target.id);
    const final = asOf >= target.year;
    if (!own && !intensive[target.index] && !detail) {
      return { target, series: NO_FIGURES, targetSource: null, figureSource: null, verdict: final ? NOT_JUDGED_FINAL : NOT_JUDGED_OPEN, reasonIfMissing: null };
    }
    const series = store.series(region, target.index, asOf);
    const figureSource: FigureSource | null = series.length > 0 ? 'reported' : null;
    if (own) {
      const kind = target.kind === 'trend' ? 'level' : target.kind;
      const mine: Target = { ...target, kind, op: own.op, value: own.value, year: own.year, baseline: null, tolerance: own.op === '~' ? target.tolerance : null };
      return { target: mine, series, targetSource: 'decomposed', figureSource, verdict: null, reasonIfMissing: null };
    }
    if (intensive[target.index]) return { target, series, targetSource: 'intensive_plan', figureSource, verdict: null, reasonIfMissing: null };
    const last = series[series.length - 1];
    const verdict: Judgement = {
      status: 'not_assessable', final, actual: last ? { year: last.year, value: clean(last.value), file: fileName(last.source.file), row: last.source.row } : null,
      gap: null, attainment: null, progress: null, reason: { code: 'reason.no-decomposed-target', params: {} },
    };
    return { target, series, targetSource: null, figureSource, verdict, reasonIfMissing: null };
  };

  // The same for every town without targets of its own: worked out once per review year.
  const plainTowns = new Map<number, QuickTerms>();
  const quickTerms = (region: string, asOf: number): QuickTerms | null => {
    if (region === planLevel || decomposed?.byRegion.has(region)) return null;
    let found = plainTowns.get(asOf);
    if (!found) {
      found = plan.targets.map((target) => (!intensive[target.index] ? 'not_judged' : asOf >= target.year && (target.kind === 'level' || target.kind === 'cumulative') ? target : null));
      plainTowns.set(asOf, found);
    }
    return found;
  };

  const checks = (targets: Target[], asOf: number): RegionCheck[] => {
    const out: RegionCheck[] = [];
    const tolerance = plan.regions?.rollUpTolerance ?? 0;
    for (const target of targets) {
      if (levelNames.length > 0 && target.aggregate && target.aggregate.method !== 'none') {
        const derived = new Map(rolled(target, asOf, false).series.map((figure) => [figure.year, figure]));
        for (const figure of reportedLevel(target, asOf)) {
          const mine = derived.get(figure.year);
          if (!mine || mine.level !== figure.level) continue;
          const difference = clean(mine.value - figure.value);
          const ok = Math.abs(difference) <= tolerance * Math.max(Math.abs(figure.value), Math.abs(mine.value)) + 1e-9;
          out.push({
            kind: 'roll-up', id: target.id, indicator: target.indicator, indicatorEn: target.indicatorEn, unit: target.unit, year: figure.year, severity: ok ? 'ok' : 'warning', expected: clean(figure.value), actual: mine.value,
            difference, regions: required.length, total: required.length, region: planLevel,
            reported: { year: figure.year, value: clean(figure.value), file: fileName(figure.source.file), row: figure.source.row },
          });
        }
      }
      const share = decomposition(target, decomposed, required.length, plan.approxTolerance);
      if (share) out.push({ ...share, region: planLevel });
    }
    return out;
  };

  const notJudged = (region: string, target: Target): boolean =>
    region !== planLevel && !intensive[target.index] && !decomposed?.byRegion.get(region)?.get(target.id);
  const onPlanTerms = (region: string, target: Target): boolean =>
    region !== planLevel && intensive[target.index] === true && !decomposed?.byRegion.get(region)?.get(target.id);
  const planLevelEmpty = (region: string, asOf: number): boolean => region === planLevel && levelNames.length === 0 && !someYearWhole(asOf);
  return { roles, regions: [planLevel, ...towns], terms, quickTerms, checks, notJudged, onPlanTerms, warnings: unlistedRegions(plan, actuals, towns, fileName), planLevelEmpty };
}

/**
 * A region the plan does not list is likely a misspelt town (丹东 for 丹东街道): it is kept as a
 * town of its own, and said so, at the first row that names it.
 */
function unlistedRegions(plan: Plan, actuals: Actuals, towns: string[], fileName: (index: number) => string): Problem[] {
  const units = plan.regions?.units ?? [];
  if (units.length === 0) return [];
  const listed = new Set(units);
  // Counted, and kept only as far as they can be named: no array of thousands of villages.
  const unlisted: string[] = [];
  let count = 0;
  for (const town of towns) {
    if (listed.has(town)) continue;
    count++;
    if (unlisted.length < Math.max(MAX_UNLISTED_WARNINGS, SHOWN_UNLISTED)) unlisted.push(town);
  }
  if (count > MAX_UNLISTED_WARNINGS) {
    // Most regions unknown: the data is at another level (villages?) or of another plan; one warning says so.
    return [{ code: 'rt.regions-not-in-plan', params: { count, regions: unlisted.slice(0, SHOWN_UNLISTED).join('、') }, file: actuals.inputs[0]?.file ?? '' }];
  }
  const out: Problem[] = [];
  for (const town of unlisted) {
    // The first of its targets' first figures (the store looks the region up once).
    const first = actuals.store.firstSourceOfAll(town) ?? undefined;
    out.push({
      code: 'rt.region-not-in-plan', params: { value: town, suggestion: closest(town, units) },
      file: first ? fileName(first.file) : '', line: first?.row, value: town,
    });
  }
  return out;
}

function lastReason(derived: RollUp): Reason | undefined {
  return [...derived.reasons.values()].pop();
}

/** Whether the shares of an additive target add up to the plan's value (for its deadline and comparator). */
function decomposition(target: Target, decomposed: RegionTargets | null, total: number, tolerance: number): Omit<RegionCheck, 'region'> | null {
  if (!decomposed || !sharesAddUp(target) || typeof target.value !== 'number') return null;
  const shares = [...decomposed.byRegion.values()].flatMap((mine) => {
    const own = mine.get(target.id);
    return own && own.year === target.year && typeof own.value === 'number' && direction(own.op) === direction(target.op) ? [own.value] : [];
  });
  if (shares.length === 0) return null;
  const sum = clean(shares.reduce((acc, value) => acc + value, 0));
  return {
    kind: 'decomposition', id: target.id, indicator: target.indicator, indicatorEn: target.indicatorEn, unit: target.unit, year: target.year, severity: meets(sum, target, tolerance) ? 'ok' : 'warning',
    expected: target.value, actual: sum, difference: clean(sum - target.value), regions: shares.length, total, reported: null,
  };
}

function direction(op: string): 'up' | 'down' | 'other' {
  if (op === '>=' || op === '>') return 'up';
  if (op === '<=' || op === '<') return 'down';
  return 'other';
}
