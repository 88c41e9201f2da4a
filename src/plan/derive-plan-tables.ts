import { scannerTables } from '../actuals/line-scanner.js';
import { normaliseId } from '../actuals/read-context.js';
import { scaleFractions, scaleReference } from '../actuals/read-figure.js';
import { deriveStatusCells } from '../actuals/status-cells.js';
import type { PlanTables } from './plan-tables.js';
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
  };
}
