// Tables that the reader works out from a plan alone before it reads a row (the status cells'
// bounds, each target's scale reference, which ids are read as written, the fast reader's id
// table). For the bundled plan they are worked out at build time and kept in its prebuilt copy
// (bundled-plan.ts), so that a short check does not work them out again in cold code; a plan
// read from YAML has none, and each reader works its own out as before (derive-plan-tables.ts
// lists how each is made, from the very functions the readers call).
import type { StatusCells } from '../actuals/status-layout.js';
import type { Plan, Target } from './types.js';

/** What the fast reader's line scanner needs of a plan's targets (line-scanner.ts). */
export interface ScannerTables {
  /** By target: 1 where the fast reader reads its id as written (`scannedId`), else 0. */
  scanned: number[];
  /** The id table's slots after adding those ids in target order (byte-table.ts). */
  slots: number[];
  /** By target: 1 where its id is the first target of those bytes (the guess of the next id), else 0. */
  first: number[];
  /** By target: 1 for a milestone, else 0. */
  milestone: number[];
}

/** The plan-derived tables a check reads before its first row. */
export interface PlanTables {
  /** `statusCells(plan)` (status-cells.ts). */
  statusCells: StatusCells;
  /** By target: `scaleReference` and `scaleFractions` (1 or 0), as the read context keeps them. */
  scaleReferences: number[];
  scaleFractions: number[];
  /** Ids that `normaliseId` changes, in the plan's order (usually none): the read context's exact ids are the others. */
  inexactIds: string[];
  scanner: ScannerTables;
}

// Keyed by the plan object and by its targets array (the line scanner is given the targets
// alone). The plan's tables are used only while the plan still holds that very array: a copy of
// a plan (another scope, other bands) has none and works its own out. The scanner's tables,
// which depend on the targets alone, follow the array: a copy that shares it shares them.
const byPlan = new WeakMap<Plan, PlanTables>();
const byTargets = new WeakMap<readonly Target[], PlanTables>();

/** Keeps `tables` as the prebuilt tables of `plan` (made from this very plan: see derive-plan-tables.ts). */
export function keepPlanTables(plan: Plan, tables: PlanTables): void {
  byPlan.set(plan, tables);
  byTargets.set(plan.targets, tables);
}

/** The prebuilt tables of `plan`, or undefined: the caller then works them out. */
export function planTablesOf(plan: Plan): PlanTables | undefined {
  const tables = byPlan.get(plan);
  return tables !== undefined && byTargets.get(plan.targets) === tables ? tables : undefined;
}

/** The prebuilt tables of the plan whose targets array this is, or undefined. */
export function targetTablesOf(targets: readonly unknown[]): PlanTables | undefined {
  return byTargets.get(targets as readonly Target[]);
}

/**
 * The tables as JSON: JSON has no infinities, NaN or −0, which bounds hold (a `>=` target's high
 * edge is Infinity), so each such number is written as a string that `Number` reads back.
 */
export function encodePlanTables(tables: PlanTables): unknown {
  const numbers = (values: readonly number[]): (number | string)[] =>
    values.map((value) => (Number.isFinite(value) && !Object.is(value, -0) ? value : Object.is(value, -0) ? '-0' : String(value)));
  const { statusCells: cells } = tables;
  return {
    ...tables,
    statusCells: { ...cells, low: numbers(cells.low), high: numbers(cells.high) },
    scaleReferences: numbers(tables.scaleReferences),
  };
}

/** The tables `encodePlanTables` wrote, or undefined when `data` is not such tables for `targetCount` targets. */
export function decodePlanTables(data: unknown, targetCount: number): PlanTables | undefined {
  const tables = data as PlanTables | undefined;
  const cells = tables?.statusCells;
  const scanner = tables?.scanner;
  const sized = (values: unknown): values is unknown[] => Array.isArray(values) && values.length === targetCount;
  if (!tables || !cells || !scanner || !Array.isArray(tables.inexactIds) || !Array.isArray(cells.levelKeys) || !Array.isArray(scanner.slots)) return undefined;
  if (![cells.year, cells.low, cells.high, cells.open, tables.scaleReferences, tables.scaleFractions, scanner.scanned, scanner.first, scanner.milestone].every(sized)) return undefined;
  for (const values of [cells.low, cells.high, tables.scaleReferences]) {
    for (let i = 0; i < values.length; i++) if (typeof values[i] === 'string') values[i] = Number(values[i]);
  }
  return tables;
}
