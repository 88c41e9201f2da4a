import { isPlanLevel, planLevelKeys } from '../plan/plan-level.js';
import type { Plan } from '../plan/types.js';

/**
 * Which regions' rows a run without detail names (a summary): the plan level's (a roll-up check
 * names the row of the level reported) and the first few regions the plan does not list (each is
 * warned about at its first figure, while they are few). Plain data, so that a worker thread
 * gets it too. Every other figure's row is found again only when a duplicate names it.
 */
export interface RowPolicy {
  /** `planLevelKeys` of the plan. */
  levelKeys: string[];
  /** The towns the plan lists. */
  units: string[];
  /** How many regions the plan does not list are named one by one (`UNLISTED_NAMED`). */
  unlisted: number;
}

/** Regions the plan does not list that are each warned about at their first figure; more are one warning (region-terms.ts). */
export const UNLISTED_NAMED = 10;

/** The policy for a plan: null when no region's rows are needed (a plan without towns). */
export function rowPolicy(plan: Plan): RowPolicy | null {
  if (!plan.regions) return null;
  return { levelKeys: [...planLevelKeys(plan)], units: [...plan.regions.units], unlisted: UNLISTED_NAMED };
}

/**
 * Decides, region by region in the order first seen (as a store asks), whether a region's rows
 * are kept under `policy`: the plan level's, and the first `unlisted` regions the plan does not
 * list when it lists any.
 */
export function rowKeeper(policy: RowPolicy | null): (region: string, planLevel?: boolean) => boolean {
  if (policy === null) return () => false;
  const keys = new Set(policy.levelKeys);
  const listed = new Set(policy.units);
  let unlisted = 0;
  // `planLevel`: `isPlanLevel` of the region under the same keys, when the caller knows it (each is a Unicode normalisation).
  return (region, planLevel = isPlanLevel(region, keys)) => {
    if (planLevel) return true;
    if (listed.size === 0 || listed.has(region) || unlisted >= policy.unlisted) return false;
    unlisted++;
    return true;
  };
}
