import { scannerTables } from '../actuals/line-scanner.js';
import { normaliseId } from '../actuals/read-context.js';
import { scaleFractions, scaleReference } from '../actuals/read-figure.js';
import { deriveStatusCells } from '../actuals/status-cells.js';
import { emptySeriesStatus } from '../evaluate/empty-plan-level.js';
import { emptySeriesCode, type EmptySeriesStatuses, type PlanTables } from './plan-tables.js';
import type { Plan } from './types.js';

/**
 * Works out the plan-derived tables (see `PlanTables`) with the functions the readers call when a
 * plan has none: the build keeps them in the bundled plan's prebuilt copy.
 */
export function derivePlanTables(plan: Plan): PlanTables {
  return {
    statusCells: deriveStatusCells(plan),
    scaleReferences: plan.targets.map((target) => scaleReference(target)),
    scaleFractions: plan.targets.map((target) => (scaleFractions(target) ? 1 : 0)),
    inexactIds: [...plan.targetsById.keys()].filter((id) => normaliseId(id) !== id),
    scanner: scannerTables(plan.targets),
    emptySeries: deriveEmptySeries(plan),
  };
}

/**
 * The plan level's statuses on an empty series (`EmptySeriesStatuses`) for every review year from
 * the year before the plan's first (its baseline's or its period's) to the year after its last
 * deadline; a review year outside them is judged target by target.
 */
export function deriveEmptySeries(plan: Plan): EmptySeriesStatuses {
  const first = Math.min(plan.baselineYear, plan.period.start) - 1;
  const last = Math.max(plan.period.end, ...plan.targets.map((target) => target.year)) + 1;
  const byYear: string[] = [];
  for (let asOf = first; asOf <= last; asOf++) byYear.push(plan.targets.map((target) => emptySeriesCode(emptySeriesStatus(target, asOf, plan))).join(''));
  return { first, byYear };
}
