import type { Result } from '../report/types.js';
import { cellOf, type ResultCell } from './view-result.js';
import type { ReportView, ResultView } from './view.js';
import { rankOf, viewResult } from './view.js';

export type { ResultCell } from './view-result.js';

/** One target across regions: its words once, and a cell for each region that lists it. */
export interface MatrixRow {
  id: string;
  indicator: string;
  target: string;
  unit: string;
  group: number;
  /** The cell in each region, keyed by the region as in the data (`RegionView.key`). */
  cells: Map<string, ResultCell>;
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
 * plan's order (or worst first with `--sort status`). Linear in the listed results; a cell holds
 * only what it shows, and a result's full view is made only when it is off track.
 */
export function regionMatrix(view: ReportView, sort: 'plan' | 'status' = 'plan'): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const result of view.report.results) {
    let row = rows.get(result.id);
    if (!row) {
      const first = viewResult(result, view.lang);
      row = { id: first.id, indicator: first.indicator, target: first.target, unit: result.unit, group: first.group, cells: new Map(), rank: 9 };
      rows.set(result.id, row);
    }
    row.cells.set(result.region, cellOf(result, view.lang));
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
    for (const region of view.regions) {
      const cell = row.cells.get(region.key);
      if (cell && (cell.offTrack || cell.tone === 'bad')) yield viewResult(cell.result as Result, view.lang);
    }
  }
}
