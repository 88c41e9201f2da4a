// Tables that the reader works out from a plan alone before it reads a row (the status cells'
// bounds, each target's scale reference, which ids are read as written, the fast reader's id
// table). For the bundled plan they are worked out at build time and kept in its prebuilt copy
// (bundled-plan.ts), so that a short check does not work them out again in cold code; a plan
// read from YAML has none, and each reader works its own out as before (derive-plan-tables.ts
// lists how each is made, from the very functions the readers call).
import type { StatusCells } from '../actuals/status-layout.js';
import { STATUSES, type Status } from '../report/types.js';
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
  /** Absent from tables of an older build: a count then judges the plan level's empty series one by one. */
  emptySeries?: EmptySeriesStatuses;
}

/**
 * A count's status of each target judged on an empty series at the plan level (`emptySeriesStatus`
 * in src/evaluate/empty-plan-level.ts), for each review year from `first`: `byYear[asOf - first]`
 * holds one character per target, `a` + its status's place in `STATUSES`. A summary of villages,
 * or of towns without a year that all of them reported, judges the plan level on nothing.
 */
export interface EmptySeriesStatuses {
  first: number;
  byYear: string[];
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

/**
 * The plan level's statuses on an empty series at review year `asOf` (see `EmptySeriesStatuses`):
 * one character per target, or undefined when `plan` has no prebuilt tables or none for that year.
 */
export function emptySeriesStatusesOf(plan: Plan, asOf: number): string | undefined {
  const empty = planTablesOf(plan)?.emptySeries;
  const statuses: unknown = empty?.byYear[asOf - empty.first];
  // Letters of another count, or one that stands for no status, are not used: the plan level is then judged target by target.
  if (typeof statuses !== 'string' || statuses.length !== plan.targets.length) return undefined;
  for (let i = 0; i < statuses.length; i++) {
    const code = statuses.charCodeAt(i) - 97;
    if (!(code >= 0 && code < STATUSES.length)) return undefined;
  }
  return statuses;
}

/** The status a character of `EmptySeriesStatuses` stands for. */
export function emptySeriesStatusAt(statuses: string, index: number): Status {
  return STATUSES[statuses.charCodeAt(index) - 97] as Status;
}

/** The character of `EmptySeriesStatuses` that stands for `status`. */
export function emptySeriesCode(status: Status): string {
  return String.fromCharCode(97 + STATUSES.indexOf(status));
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
  // (Each year's letters are checked when that year is read: emptySeriesStatusesOf.)
  const empty = tables.emptySeries;
  if (empty !== undefined && !(Number.isInteger(empty?.first) && Array.isArray(empty.byYear))) return undefined;
  for (const values of [cells.low, cells.high, tables.scaleReferences]) {
    for (let i = 0; i < values.length; i++) if (typeof values[i] === 'string') values[i] = Number(values[i]);
  }
  return tables;
}
