import { boundsFor } from '../evaluate/quick-count.js';
import { isPlanLevel, planLevelKeys } from '../plan/plan-level.js';
import { planTablesOf } from '../plan/plan-tables.js';
import type { Plan } from '../plan/types.js';
import type { FigureStore, StatusCells, YearPresence } from './figure-store.js';

/**
 * The cells a summary keeps as "met" or "not met" only (see `StatusCells`): each level or
 * cumulative target's figure of its own year, judged against the plan's terms as the summary's
 * counts judge it, except a target whose figures weigh a roll-up (their values are read).
 */
export function statusCells(plan: Plan): StatusCells {
  // The bundled plan's come prebuilt with it (plan-tables.ts): the same cells, shared, never changed.
  return planTablesOf(plan)?.statusCells ?? deriveStatusCells(plan);
}

/** `statusCells` worked out from the plan (the build's prebuilt ones too). */
export function deriveStatusCells(plan: Plan): StatusCells {
  const weights = new Set(plan.targets.flatMap((target) => (target.aggregate?.method === 'weighted' ? [target.aggregate.weight] : [])));
  const cells: StatusCells = { year: [], low: [], high: [], open: [], levelKeys: [...planLevelKeys(plan)] };
  for (const target of plan.targets) {
    const kept = (target.kind === 'level' || target.kind === 'cumulative') && !weights.has(target.id);
    const bounds = boundsFor(target, plan.approxTolerance);
    cells.year.push(kept ? target.year : -1);
    cells.low.push(bounds.low);
    cells.high.push(bounds.high);
    cells.open.push((bounds.lowOpen ? 1 : 0) | (bounds.highOpen ? 2 : 0));
  }
  return cells;
}

/**
 * True when the plan level's figure of a target kept as a status could be derived from its
 * towns' (every town has one, and the target adds up): the roll-up then reads their values, so
 * the files must be read again keeping them. The towns are the plan's and every other region
 * of the data, as the regional plan takes them (region-terms.ts; a run with decomposed targets
 * keeps no status cells).
 */
export function statusHidesRollUp(plan: Plan, store: FigureStore, cells: StatusCells): boolean {
  if (!plan.regions) return false;
  // Most files lack a town of the plan: then no roll-up is whole, and no region name need be looked at.
  if (plan.regions.units.some((town) => store.findSlot(town) < 0)) return false;
  const keys = new Set(cells.levelKeys);
  // As region-terms.ts takes them: the plan's towns, then every region of the data but the plan level's.
  const required = [...new Set([...plan.regions.units, ...store.regionNames().filter((name) => !isPlanLevel(name, keys))])];
  const slots = required.map((town) => store.findSlot(town));
  if (slots.some((slot) => slot < 0)) return false;
  const byYear = new Map<number, YearPresence>();
  return plan.targets.some((target) => {
    const year = cells.year[target.index] ?? -1;
    const method = target.aggregate?.method;
    if (year < 0 || !method || method === 'none') return false;
    let presence = byYear.get(year);
    if (!presence) byYear.set(year, (presence = store.presence(slots, year)));
    return presence.count(target.index) === slots.length;
  });
}
