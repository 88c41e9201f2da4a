import type { Target } from '../plan/types.js';
import { STATUSES, type FigureSource, type Reason, type Report, type Result, type Severity, type Status, type TargetSource } from './types.js';

/** What a format may know of a listed result without it being built: its target and region. */
export interface ListedMeta {
  id: string;
  goal: number | null;
  action: number | null;
}

/**
 * The results a report lists, in report order, each reachable by a key: held in an array
 * (`Report.results`), or judged again each time one is asked for (`evaluateListed`), so a large
 * run never holds them all. Keys, ranks and targets are known without building a result: a
 * format that needs two passes (a matrix, JUnit's suites, `--sort status`) makes its first pass
 * over them.
 */
export interface ListedResults {
  /** How many results are listed. */
  readonly size: number;
  /** The key of every listed result, in report order. */
  keys(): Iterable<number>;
  /** The listed result of a key (a new object when it is judged again: keep it no longer than needed). */
  get(key: number): Result;
  /** The status of the result of a key, without building it. */
  status(key: number): Status;
  /** The severity of the result of a key, without building it. */
  severity(key: number): Severity;
  /** The region of the result of a key, as in the data. */
  regionOf(key: number): string;
  /** The target of the result of a key. */
  metaOf(key: number): ListedMeta;
  /**
   * The result of a key when it is of a common shape (`ListedCell`), filled into `into` without
   * building it, its gap and attainment worked out only when `decimals`, and its actual's file
   * and row only unless `place` is false (then `file` and `row` mean nothing); false for any
   * other result (then `get`). Absent for results held in an array.
   */
  cell?(key: number, into: ListedCell, decimals: boolean, place?: boolean): boolean;
  /**
   * The keys whose status and severity `accept` takes, in report order (as `keys()` filtered by
   * `status` and `severity`), `accept` asked once per status and severity rather than per key.
   * Absent for results held in an array.
   */
  keysOf?(accept: (status: Status, severity: Severity) => boolean): Iterable<number>;
  /**
   * The common cells of the region of `key`, read at once (`RegionCells`: one object again and
   * again, read it before the next call), for a format that reads a region's cells together.
   * Absent for results held in an array.
   */
  region?(key: number): RegionCells;
  /**
   * The listing as a grid (`ListedGrid`), for a format that goes through every key at once.
   * Absent for results held in an array.
   */
  grid?(): ListedGrid;
}

/**
 * Listed results whose keys are a grid (`ListedResults.grid`): the key of the target at place `t`
 * in the region at position `r` is `r × metas.length + t`, listed where `marks[key]` is not 0;
 * `regionOf` of it is `regions[r]`, `metaOf` is `metas[t]`, and `keys()` gives the listed keys
 * in that order. Read, never written.
 */
export interface ListedGrid {
  regions: readonly string[];
  metas: readonly ListedMeta[];
  marks: Uint8Array;
}

/** `RegionCells.shapes` of a final level judged on the region's own figure. */
export const REGION_FINAL_LEVEL = 2;
/** `RegionCells.shapes` of a town not judged, with its figure. */
export const REGION_NOT_JUDGED = 1;

/**
 * A region's listed cells read at once (`ListedResults.region`): for the key `base + i`, its
 * mark (`marks[i]`: 0 where the key is not listed, else its status and severity as one number:
 * keys of equal marks have equal statuses and severities, which `status` and `severity` give) and,
 * where `shapes[i]` is 1 (a town not judged) or 2 (a final level), the figure `cell` would give as
 * its actual (`values[i]`), the cell's other fields being those of every cell of the same place
 * `i` (the same target), shape and mark, in any region; where `shapes[i]` is 0, `cell` must be
 * asked (and `values[i]` means nothing).
 */
export interface RegionCells {
  /** The key of the region's first target. */
  base: number;
  /** How many keys the region has (one a target). */
  size: number;
  marks: Uint8Array;
  shapes: Uint8Array;
  values: Float64Array;
}

/**
 * A listed result of one of the two shapes that make up most of a large run, as its fields:
 * `not_judged`, a town with no decomposed target (status `not_assessable`, severity `info`,
 * reason `reason.no-decomposed-target` (shared), no gap, attainment, progress, figure age or
 * notes; its latest figure up to the review year as the actual, if any); `final_level`, a level
 * target past its deadline judged on the region's own figure of the deadline year (final, that
 * figure as the actual, figure age 0, no reason, progress or notes). The result's terms are the
 * target's. `get` of the same key gives a result with exactly these fields.
 */
export interface ListedCell {
  shape: 'not_judged' | 'final_level';
  target: Target;
  region: string;
  status: Status;
  severity: Severity;
  final: boolean;
  /** False when the result has no actual (then `year` … `row` mean nothing). */
  hasActual: boolean;
  year: number;
  value: number;
  file: string | null;
  row: number | null;
  /** Worked out only when asked for (`decimals`); null otherwise and for `not_judged`. */
  gap: number | null;
  attainment: number | null;
  targetSource: TargetSource | null;
  figureSource: FigureSource | null;
}

/** The reason of every town not judged: shared and frozen, as the evaluation gives it. */
const NO_DECOMPOSED_TARGET = Object.freeze({ code: 'reason.no-decomposed-target', params: Object.freeze({}) }) as Reason;

/** The result a `ListedCell` stands for: the one `get` gives for its key (without judging it again). */
export function resultOfCell(cell: ListedCell): Result {
  const { target } = cell;
  const notJudged = cell.shape === 'not_judged';
  return {
    id: target.id,
    measure: target.measure,
    goal: target.goal,
    action: target.action,
    region: cell.region,
    indicator: target.indicator,
    indicatorEn: target.indicatorEn,
    kind: target.kind,
    op: target.op,
    value: target.value,
    unit: target.unit,
    year: target.year,
    soft: target.soft,
    severity: cell.severity,
    status: cell.status,
    final: cell.final,
    actual: cell.hasActual ? { year: cell.year, value: cell.value, file: cell.file, row: cell.row } : null,
    gap: cell.gap,
    attainment: cell.attainment,
    progress: null,
    reason: notJudged ? NO_DECOMPOSED_TARGET : null,
    figureAge: notJudged ? undefined : 0,
    notes: notJudged ? undefined : [],
    targetSource: cell.targetSource,
    figureSource: cell.figureSource,
  };
}

/** A `ListedCell` to fill. */
export function emptyCell(): ListedCell {
  return {
    shape: 'not_judged', target: null as unknown as Target, region: '', status: 'not_assessable', severity: 'info', final: false, hasActual: false,
    year: 0, value: 0, file: null, row: null, gap: null, attainment: null, targetSource: null, figureSource: null,
  };
}

/** Rank for `--sort status`: failures, then off-track warnings, other warnings, moderate, no data, met. */
export function rankOf(result: Pick<Result, 'severity' | 'status'>): number {
  if (result.severity === 'failure') return 0;
  const offTrack = result.status === 'not_met' || result.status === 'insufficient' || result.status === 'moving_away';
  if (offTrack) return 1;
  if (result.severity === 'warning') return 2;
  if (result.status === 'moderate') return 3;
  if (result.status === 'met' || result.status === 'achieved' || result.status === 'on_track') return 5;
  return 4;
}

/** The highest rank `rankOf` gives. */
export const LAST_RANK = 5;

/** The listed results held in an array, keyed by their index. */
export function arrayListed(results: readonly Result[]): ListedResults {
  return {
    size: results.length,
    keys: function* () {
      for (let i = 0; i < results.length; i++) yield i;
    },
    get: (key) => results[key]!,
    status: (key) => results[key]!.status,
    severity: (key) => results[key]!.severity,
    regionOf: (key) => results[key]!.region,
    metaOf: (key) => results[key]!,
  };
}

/** The listed results a format lays out: those it was given, else the report's own array. */
export function listedOf(report: Report, given?: ListedResults): ListedResults {
  return given ?? arrayListed(report.results);
}

/** `rankOf` of the result of a key, without building it. */
export function rankAt(listed: ListedResults, key: number): number {
  return rankOf({ status: listed.status(key), severity: listed.severity(key) });
}

/** Every status and severity as one small number (1–40; 0 is left for "not listed"), and back. */
export const SEVERITIES: readonly Severity[] = ['ok', 'info', 'warning', 'failure'];
const STATUS_CODE = new Map<Status, number>(STATUSES.map((status, i) => [status, i]));
const SEVERITY_CODE = new Map<Severity, number>(SEVERITIES.map((severity, i) => [severity, i]));

/** A listed result's status and severity as one byte, never 0. */
export function markOf(result: Pick<Result, 'status' | 'severity'>): number {
  return 1 + (STATUS_CODE.get(result.status) ?? 0) * 4 + (SEVERITY_CODE.get(result.severity) ?? 0);
}

/** The status of a byte made by `markOf`. */
export function statusOfMark(mark: number): Status {
  return STATUSES[(mark - 1) >> 2]!;
}

/** The severity of a byte made by `markOf`. */
export function severityOfMark(mark: number): Severity {
  return SEVERITIES[(mark - 1) & 3]!;
}

/** Every listed result in report order, each built as it is reached. */
export function* listedValues(listed: ListedResults): Generator<Result> {
  for (const key of listed.keys()) yield listed.get(key);
}

/** The keys of the listed results in `--sort status` order: by rank, report order within a rank. */
export function* keysByRank(listed: ListedResults): Generator<number> {
  for (let rank = 0; rank <= LAST_RANK; rank++) {
    for (const key of listed.keys()) if (rankAt(listed, key) === rank) yield key;
  }
}
