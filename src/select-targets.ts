import type { Kind, Plan, Target } from './plan/types.js';

/** Filters of `plancheck list`. */
export interface ListFilter {
  action?: number[];
  measure?: number[];
  goal?: number[];
  kind?: Kind[];
  soft?: boolean;
}

/** The targets a filter selects, in plan order. */
export function selectTargets(plan: Plan, filter: ListFilter): Target[] {
  return plan.targets.filter(
    (t) =>
      (!filter.action || (t.action !== null && filter.action.includes(t.action))) &&
      (!filter.measure || (t.measure !== null && filter.measure.includes(t.measure))) &&
      (!filter.goal || (t.goal !== null && filter.goal.includes(t.goal))) &&
      (!filter.kind || filter.kind.includes(t.kind)) &&
      (filter.soft === undefined || t.soft === filter.soft),
  );
}
