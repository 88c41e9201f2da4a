import { nfkc } from '../nfkc.js';
import { planTablesOf } from './plan-tables.js';
import type { Plan, Target } from './types.js';

/**
 * Names that always mean the plan level (the county as a whole) in a region column. 县本级 is
 * not among them: it is the county's own departments, a part that adds up with the towns.
 */
const BUILT_IN = ['全县', '合计', '总计', '汇总', '全县合计', '全县总计', '全县汇总', '县合计', '县级', '全域', 'total', 'county', 'all', 'county total'];

/** A region name as compared: NFKC, no spaces, lower case. */
export function regionKey(name: string): string {
  return nfkc(name).replace(/\s+/g, '').toLowerCase();
}

/** The keys (see `regionKey`) of every name that means the plan level in this plan. */
export function planLevelKeys(plan: Plan): Set<string> {
  // The bundled plan's come prebuilt with it (its status cells' `levelKeys`, made by this very
  // function at build time): a one-region check does not normalise twenty names in cold code.
  const prebuilt = planTablesOf(plan)?.statusCells.levelKeys;
  if (prebuilt) return new Set(prebuilt);
  const names = [...BUILT_IN];
  if (plan.regions) names.push(plan.regions.name, plan.regions.nameEn, ...plan.regions.aliases);
  return new Set(names.map(regionKey));
}

/** True when a region named so stands for the plan level: blank, 全县, 合计, or the plan's region name. */
export function isPlanLevel(name: string, keys: Set<string>): boolean {
  return name.trim() === '' || keys.has(regionKey(name));
}

/** True when towns' shares of a target add up to it: an additive total with a figure (not a growth rate or change in %). */
export function sharesAddUp(target: Target): boolean {
  return (
    target.aggregate?.method === 'sum' &&
    target.kind !== 'milestone' && target.kind !== 'cagr' && target.kind !== 'change' && target.kind !== 'trend' &&
    (typeof target.value === 'number' || Array.isArray(target.value))
  );
}
