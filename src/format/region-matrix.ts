import { formatMessage, type Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import type { Result } from '../report/types.js';
import { emptyCell, rankAt, resultOfCell, type ListedGrid, type ListedMeta, type ListedResults } from '../report/listed-results.js';
import { describeTarget, type TargetTerms } from './describe-target.js';
import type { FigureDoubts } from './find-doubts.js';
import { escapeControls } from './sanitize.js';
import { cellOf, isOffTrackOrFailingAt, viewOffTrack, type OffTrackView, type ResultCell } from './view-result.js';
import type { ReportView } from './view.js';
import { viewResult } from './view.js';

export type { ResultCell } from './view-result.js';

/** One target across regions: its words once, and the result in each region that lists it. */
export interface MatrixRow {
  id: string;
  indicator: string;
  /** The plan's target in words (a town's own target shows in its cell, `37/40`), never a town's. */
  target: string;
  unit: string;
  group: number;
  /** True when the region at this position of `ReportView.regions` lists this target. */
  has(region: number): boolean;
  /** The cell in the region at this position of `ReportView.regions`, worded when asked for; undefined where none. */
  cell(region: number): ResultCell | undefined;
  /** The result in that region, if any (built when asked for). */
  result(region: number): Result | undefined;
  /**
   * The result in that region as a cell shows it: the same fields as `result`'s, but its gap and
   * attainment may be null (a cell shows only its figure and status, so the common shapes are not
   * judged again in full); never for a line that words the result.
   */
  figure(region: number): Result | undefined;
  /** True when the region's result is off track or failing, known without building it. */
  offTrack(region: number): boolean;
  /** The key (into `ReportView.listed`) of the result in that region; -1 where none. */
  key(region: number): number;
  /** `key` of every region, by position in `ReportView.regions` (read, never written). */
  keys: Int32Array;
  /** The worst rank among its cells, for `--sort status`. */
  rank: number;
}

/** Orders ids as the plan numbers them: G before M, then by each number (`M2.10` after `M2.9`). */
export function compareIds(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (i % 2 === 1 && Number.isFinite(nx) && Number.isFinite(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * The results as an indicator × region matrix: one row per target listed in any region, in the
 * plan's order (or worst first with `--sort status`). Linear in the listed results: a row keeps
 * the key of its result in each region (one number per region), and a cell is built and worded
 * only when a format asks for it, so 3,000 regions hold no million results or cell objects.
 */
export function regionMatrix(view: ReportView, sort: 'plan' | 'status' = 'plan'): MatrixRow[] {
  const { listed } = view;
  const lang = view.lang;
  const position = new Map<string, number>();
  view.regions.forEach((region, i) => position.set(region.key, i));
  const count = view.regions.length;
  const rows = new Map<string, MatrixRow>();
  const slots = new Map<string, Int32Array>();
  const outsides = new Map<string, { rank: number }>();
  const figureOf = figureResults(listed);
  // Rows whose plan target is not known yet: every result seen so far was judged on a town's own target.
  const pending = new Set<MatrixRow>();
  /** The row of a key's target (made from the key, the first of its target, when there is none), its keys by column, and the worst rank outside them. */
  const entryOf = (key: number): RowEntry => {
    const id = listed.metaOf(key).id;
    let row = rows.get(id);
    if (!row) {
      row = newRow(key);
      if (!planTerms(listed.metaOf(key))) pending.add(row);
    } else if (pending.size > 0 && pending.has(row)) {
      const plan = planTerms(listed.metaOf(key));
      if (plan) {
        row.target = planTarget(plan, lang);
        pending.delete(row);
      }
    }
    return { row, where: slots.get(id)!, outside: outsides.get(id)! };
  };
  const newRow = (key: number): MatrixRow => {
    // Its words are its target's: the first key's figure (not judged again in full) says them.
    const result = figureOf(key);
    const first = viewResult(result, lang);
    const where = new Int32Array(count).fill(-1);
    const id = listed.metaOf(key).id;
    slots.set(id, where);
    const keyAt = (region: number): number => where[region] ?? -1;
    const plan = planTerms(listed.metaOf(key));
    // The worst rank of keys of regions the view has no column for: they count in the row's rank, as every key does.
    const outside = { rank: 9 };
    outsides.set(id, outside);
    let rank = -1;
    const row: MatrixRow = {
      id: first.id, indicator: first.indicator, target: plan ? planTarget(plan, lang) : '', unit: result.unit, group: first.group,
      // Worked out when first asked for (--sort status), from the row's keys: not a lookup per key otherwise.
      get rank(): number {
        if (rank < 0) rank = worstRank(listed, where, outside.rank);
        return rank;
      },
      has: (region) => keyAt(region) >= 0,
      cell: (region) => {
        const found = keyAt(region);
        return found < 0 ? undefined : doubtedCell(figureOf(found), lang, view.doubts);
      },
      result: (region) => {
        const found = keyAt(region);
        return found < 0 ? undefined : listed.get(found);
      },
      figure: (region) => {
        const found = keyAt(region);
        return found < 0 ? undefined : figureOf(found);
      },
      key: keyAt,
      keys: where,
      offTrack: (region) => {
        const found = keyAt(region);
        return found >= 0 && isOffTrackOrFailingAt(listed.status(found), listed.severity(found));
      },
    };
    rows.set(id, row);
    return row;
  };
  const grid = listed.grid?.();
  if (grid && new Set(grid.metas.map((meta) => meta.id)).size === grid.metas.length) fillFromGrid(grid, position, entryOf, listed);
  else fillFromKeys(listed, position, entryOf, pending);
  // Every listed result of these rows was judged on a town's own target (a report's own results,
  // the plan level not listed): the row names no single target, each cell shows its own.
  for (const row of pending) row.target = formatMessage('view.target-per-cell', {}, lang);
  const ordered = [...rows.keys()].sort(compareIds).map((key) => rows.get(key)!);
  if (sort === 'status') ordered.sort((a, b) => a.rank - b.rank);
  return ordered;
}

/** A matrix row as it is filled: its keys by column, and the worst rank of its keys outside them. */
interface RowEntry {
  row: MatrixRow;
  where: Int32Array;
  outside: { rank: number };
}

/**
 * Puts every listed key into its row's column (`entryOf` gives a key's row), in the order of
 * `keys()`. A target's row is found by its object (the same for each of its keys when judged
 * again) and by the place of the key in its region, not by a lookup per key.
 */
function fillFromKeys(listed: ListedResults, position: ReadonlyMap<string, number>, entryOf: (key: number) => RowEntry, pending: ReadonlySet<MatrixRow>): void {
  // Keys come region by region: a region's position is looked up when the region changes.
  let lastRegion: string | null = null;
  let at: number | undefined;
  const byMeta = new Map<ListedMeta, RowEntry>();
  // The target met at each place of the region before (a region's keys most often name the same
  // targets in the same order as the one before): its row found by one comparison, not a lookup.
  const seenMeta: (ListedMeta | null)[] = [];
  const seenKnown: (RowEntry | undefined)[] = [];
  let place = 0;
  for (const key of listed.keys()) {
    const meta = listed.metaOf(key);
    const region = listed.regionOf(key);
    if (region !== lastRegion) {
      lastRegion = region;
      at = position.get(region);
      place = 0;
    }
    let known: RowEntry | undefined;
    if (place < seenMeta.length && seenMeta[place] === meta) known = seenKnown[place];
    else {
      known = byMeta.get(meta);
      seenMeta[place] = meta;
      seenKnown[place] = known;
    }
    place++;
    // A row whose plan target is not known yet is found again: a later key may name it.
    const entry = known && !(pending.size > 0 && pending.has(known.row)) ? known : entryOf(key);
    // A region the view does not list has no column (as before: its cell was never read).
    if (at !== undefined) entry.where[at] = key;
    else entry.outside.rank = Math.min(entry.outside.rank, rankAt(listed, key));
    // Bounded: results held in an array are a meta each.
    if (!known && byMeta.size < 10_000) {
      byMeta.set(meta, entry);
      seenKnown[place - 1] = entry;
    }
  }
}

/**
 * `fillFromKeys` for a listing that is a grid (`ListedGrid`, each target's id its own): the same
 * keys in the same order, read from the marks (in the order they lie), each target's row found
 * by its place among the targets.
 */
function fillFromGrid(grid: ListedGrid, position: ReadonlyMap<string, number>, entryOf: (key: number) => RowEntry, listed: ListedResults): void {
  const { regions, metas, marks } = grid;
  const places = metas.length;
  const entries: (RowEntry | undefined)[] = new Array<RowEntry | undefined>(places).fill(undefined);
  for (let r = 0, base = 0; r < regions.length; r++, base += places) {
    // -1: a region the view has no column for.
    const at = position.get(regions[r]!) ?? -1;
    for (let t = 0; t < places; t++) {
      const key = base + t;
      if (!marks[key]) continue;
      // A row is made from its target's first listed key, as `keys()` reaches it.
      const entry = (entries[t] ??= entryOf(key));
      if (at >= 0) entry.where[at] = key;
      else entry.outside.rank = Math.min(entry.outside.rank, rankAt(listed, key));
    }
  }
}

/** The worst rank (`rankAt`) among a row's keys in its columns (-1: none), and `outside` (the worst of its other keys'; 9 when none). */
function worstRank(listed: ListedResults, where: Int32Array, outside: number): number {
  let worst = outside;
  for (const key of where) {
    if (key < 0) continue;
    const rank = rankAt(listed, key);
    if (rank < worst) worst = rank;
  }
  return worst;
}

/** A listed result by key without its gap and attainment where it is of a common shape (`ListedResults.cell`), else in full. */
function figureResults(listed: ListedResults): (key: number) => Result {
  const cell = listed.cell?.bind(listed);
  if (!cell) return (key) => listed.get(key);
  const into = emptyCell();
  return (key) => {
    if (!cell(key, into, false)) return listed.get(key);
    // A figure within 0.0001 of a bound is shown in full beside its gap (showActual), so that it
    // never reads as on the line: such a cell is read with its gap.
    if (into.shape === 'final_level' && nearBound(into.value, into.target.value)) cell(key, into, true);
    return resultOfCell(into);
  };
}

/** True when `value` is within 0.001 of a bound of the target (wider than showActual's 0.0001: a double's error cannot hide a near figure). */
export function nearBound(value: number, target: Target['value']): boolean {
  if (target === null) return false;
  const bounds = Array.isArray(target) ? target : [target];
  return bounds.some((bound) => Math.abs(value - bound) < 0.001);
}

/** A matrix cell's text: the status symbol and the figure (`✗ 950`), or '' when the region lists no result. */
export function matrixCell(cell: ResultCell | undefined): string {
  return cell ? cell.text : '';
}

/** The results of the matrix that are off track or failing, row by row, each with the words its line shows. */
export function* offTrackOf(view: ReportView, rows: MatrixRow[]): Generator<OffTrackView> {
  for (const row of rows) {
    for (let region = 0; region < view.regions.length; region++) {
      if (row.offTrack(region)) yield viewOffTrack(row.result(region)!, view.lang, view.doubts);
    }
  }
}

/**
 * The plan's terms of a listed target, or null when they are a town's own: `metaOf` gives the
 * plan's target when results are judged again (`evaluateListed`), and a result itself when the
 * report holds its results, whose terms are a town's when it was judged on its decomposed target.
 */
function planTerms(meta: ListedMeta): TargetTerms | null {
  // Both a plan target and a result carry these terms; ListedMeta names only what every format needs.
  const terms = meta as ListedMeta & TargetTerms & { targetSource?: Result['targetSource'] };
  return terms.targetSource === 'decomposed' ? null : terms;
}

function planTarget(terms: TargetTerms, lang: Lang): string {
  return escapeControls(describeTarget(terms, lang));
}

/** A cell with the doubt mark after its figure when a warning doubts it (`✓ 156000 ⚠`). */
function doubtedCell(result: Result, lang: Lang, doubts: FigureDoubts): ResultCell {
  const cell = cellOf(result, lang);
  if (doubts.size === 0 || doubts.of(result, lang) === '') return cell;
  return { ...cell, text: `${cell.text} ⚠`, figure: cell.figure === '' ? '⚠' : `${cell.figure} ⚠` };
}
