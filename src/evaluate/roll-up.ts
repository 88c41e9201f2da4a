import type { Figure, FigureStore, YearPresence } from '../actuals/figure-store.js';
import type { RegionWeights } from '../actuals/interpret-region-targets.js';
import type { Plan, Target } from '../plan/types.js';
import type { Reason } from '../report/types.js';
import { clean } from './compare.js';

/** Towns named in a reason; more are counted. */
const SHOWN_NAMES = 5;

/** What a roll-up needs: the figures, the towns that make up the plan level, and weights. */
export interface RollUpInput {
  plan: Plan;
  store: FigureStore;
  /** Every town that adds up to the plan level: all must have a figure for a year to be derived. */
  towns: string[];
  /** Weight name → region → figures by year, from the decomposed-targets file. */
  weights: Map<string, RegionWeights>;
  /** Which towns have figures in a year, when the caller keeps them for every target. */
  presence?: (year: number) => YearPresence;
  /** False when only the series is wanted (a count): the reasons, with the towns they name, are not worded. */
  reasons?: boolean;
}

/** The plan-level figures derived from the towns' figures, and why the other years could not be. */
export interface RollUp {
  series: Figure[];
  /** Why a year with towns' figures was not derived, by year. */
  reasons: Map<number, Reason>;
}

/** Derives the plan-level series of a target from its towns' figures (sum, mean or weighted mean), year by year. */
export function rollUp(target: Target, until: number, input: RollUpInput): RollUp {
  const aggregate = target.aggregate;
  const out: RollUp = { series: [], reasons: new Map() };
  const { store, towns } = input;
  // Figures are looked up only for a year every town has (a summary's store may keep no value of the others).
  const figureOf = (i: number, year: number): Figure | undefined => store.figureAt(towns[i]!, target.index, year);
  const growth = target.kind === 'cagr' || target.kind === 'change';
  const presenceOf = input.presence ?? ((year: number) => store.presence(towns.map((town) => store.findSlot(town)), year));
  for (let year = store.firstYear; year <= Math.min(until, store.lastYear); year++) {
    const presence = presenceOf(year);
    const present = presence.count(target.index);
    if (present === 0) continue;
    if (!aggregate || aggregate.method === 'none') {
      out.reasons.set(year, { code: 'reason.roll-up-none', params: {} });
      continue;
    }
    if (present < towns.length) {
      if (input.reasons === false) continue;
      // Only the first names are shown: they are all that is looked for.
      const missing: string[] = [];
      for (let i = 0; i < towns.length && missing.length < SHOWN_NAMES; i++) if (!presence.has(i, target.index)) missing.push(towns[i] as string);
      const count = towns.length - present;
      out.reasons.set(year, { code: 'reason.roll-up-incomplete', params: { year, count, regions: listNames(missing, count) } });
      continue;
    }
    const figures = towns.map((_, i) => figureOf(i, year)!);
    const level = figures[0]?.level ?? false;
    // Growth rates and changes in % do not add up; the levels they come from do.
    if ((growth && !level) || figures.some((figure) => figure.level !== level)) {
      out.reasons.set(year, { code: 'reason.roll-up-rates', params: {} });
      continue;
    }
    let value: number;
    if (aggregate.method === 'sum') value = figures.reduce((sum, figure) => sum + figure.value, 0);
    else if (aggregate.method === 'mean') value = figures.reduce((sum, figure) => sum + figure.value, 0) / figures.length;
    else {
      const weights = towns.map((town) => weightOf(aggregate.weight, town, year, input));
      const lacking = towns.filter((_, i) => weights[i] === undefined);
      const total = weights.reduce<number>((sum, weight) => sum + (weight ?? 0), 0);
      if (lacking.length > 0 || !(total > 0)) {
        const named = lacking.length > 0 ? lacking : towns;
        out.reasons.set(year, { code: 'reason.roll-up-weights', params: { weight: aggregate.weight, year, count: named.length, regions: listNames(named, named.length) } });
        continue;
      }
      value = figures.reduce((sum, figure, i) => sum + figure.value * (weights[i] ?? 0), 0) / total;
    }
    out.series.push({ year, value: clean(value), source: { file: -1, row: 0 }, level });
  }
  return out;
}

/**
 * A town's weight for a year: a target's figure when the weight is a target id, else the
 * decomposed-targets file's figure of that year, else one given without a year, else the nearest year's.
 */
function weightOf(name: string, town: string, year: number, input: RollUpInput): number | undefined {
  const asTarget = input.plan.targetsById.get(name);
  if (asTarget) return input.store.valueAt(town, asTarget.index, year);
  const byYear = input.weights.get(name)?.get(town);
  if (!byYear) return undefined;
  const exact = byYear.get(year) ?? byYear.get(null);
  if (exact !== undefined) return exact;
  let best: { distance: number; value: number } | undefined;
  for (const [at, value] of byYear) {
    if (at === null) continue;
    const distance = Math.abs(at - year);
    if (!best || distance < best.distance || (distance === best.distance && at > year)) best = { distance, value };
  }
  return best?.value;
}

/** Up to five names, then how many more of `total`: reasons stay one line. */
function listNames(names: string[], total: number): string {
  const shown = names.slice(0, SHOWN_NAMES).join('、');
  return total > SHOWN_NAMES ? `${shown} … (+${total - SHOWN_NAMES})` : shown;
}
