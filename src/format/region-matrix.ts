import type { ReportView, ResultView } from './view.js';
import { rankOf } from './view.js';

/** One target across regions: its words once, and its result in each region that lists it. */
export interface MatrixRow {
  id: string;
  indicator: string;
  target: string;
  group: number;
  /** The result in each region, keyed by the region as in the data (`RegionView.key`). */
  cells: Map<string, ResultView>;
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
 * plan's order (or worst first with `--sort status`). Linear in the listed results.
 */
export function regionMatrix(view: ReportView, sort: 'plan' | 'status' = 'plan'): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const result of view.results()) {
    const key = result.result.id;
    let row = rows.get(key);
    if (!row) {
      row = { id: result.id, indicator: result.indicator, target: result.target, group: result.group, cells: new Map(), rank: 9 };
      rows.set(key, row);
    }
    row.cells.set(result.result.region, result);
    row.rank = Math.min(row.rank, rankOf(result.result));
  }
  const keys = [...rows.keys()].sort(compareIds);
  const ordered = keys.map((key) => rows.get(key)!);
  if (sort === 'status') ordered.sort((a, b) => a.rank - b.rank);
  return ordered;
}

/** A matrix cell: the status symbol and the figure (`✗ 950`), or '' when the region lists no result. */
export function matrixCell(result: ResultView | undefined): string {
  if (!result) return '';
  return result.figure ? `${result.symbol} ${result.figure}` : result.symbol;
}
