import type { Result } from '../report/types.js';
import { cellOf, isOffTrackOrFailing, type ResultCell } from './view-result.js';
import type { ReportView, ResultView } from './view.js';
import { rankOf, viewResult } from './view.js';

export type { ResultCell } from './view-result.js';

/** One target across regions: its words once, and the result in each region that lists it. */
export interface MatrixRow {
  id: string;
  indicator: string;
  target: string;
  unit: string;
  group: number;
  /** True when the region at this position of `ReportView.regions` lists this target. */
  has(region: number): boolean;
  /** The cell in the region at this position of `ReportView.regions`, worded when asked for; undefined where none. */
  cell(region: number): ResultCell | undefined;
  /** The result in that region, if any. */
  result(region: number): Result | undefined;
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
 * the index of its result in each region (one number per region), and a cell is worded only
 * when a format asks for it, so 3,000 regions hold no million cell objects.
 */
export function regionMatrix(view: ReportView, sort: 'plan' | 'status' = 'plan'): MatrixRow[] {
  const { results } = view.report;
  const lang = view.lang;
  const position = new Map<string, number>();
  view.regions.forEach((region, i) => position.set(region.key, i));
  const count = view.regions.length;
  const rows = new Map<string, MatrixRow>();
  const slots = new Map<string, Int32Array>();
  for (let index = 0; index < results.length; index++) {
    const result = results[index]!;
    const at = position.get(result.region);
    let row = rows.get(result.id);
    if (!row) {
      const first = viewResult(result, lang);
      const where = new Int32Array(count).fill(-1);
      slots.set(result.id, where);
      const of = (region: number): Result | undefined => {
        const i = where[region];
        return i === undefined || i < 0 ? undefined : results[i];
      };
      row = {
        id: first.id, indicator: first.indicator, target: first.target, unit: result.unit, group: first.group, rank: 9,
        has: (region) => (where[region] ?? -1) >= 0,
        cell: (region) => {
          const found = of(region);
          return found ? cellOf(found, lang) : undefined;
        },
        result: of,
      };
      rows.set(result.id, row);
    }
    // A region the view does not list has no column (as before: its cell was never read).
    if (at !== undefined) slots.get(result.id)![at] = index;
    row.rank = Math.min(row.rank, rankOf(result));
  }
  const ordered = [...rows.keys()].sort(compareIds).map((key) => rows.get(key)!);
  if (sort === 'status') ordered.sort((a, b) => a.rank - b.rank);
  return ordered;
}

/** A matrix cell's text: the status symbol and the figure (`✗ 950`), or '' when the region lists no result. */
export function matrixCell(cell: ResultCell | undefined): string {
  return cell ? cell.text : '';
}

/** The results of the matrix that are off track or failing, each in full, row by row. */
export function* offTrackOf(view: ReportView, rows: MatrixRow[]): Generator<ResultView> {
  for (const row of rows) {
    for (let region = 0; region < view.regions.length; region++) {
      const result = row.result(region);
      if (result && isOffTrackOrFailing(result)) yield viewResult(result, view.lang);
    }
  }
}
