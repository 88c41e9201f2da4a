/** A table's columns without a header, and the figure column each stands right of, if any. */
export interface UnnamedColumns {
  /** Columns whose header cell is blank, or that lie past the header's last cell. */
  columns: number[];
  /** By unnamed column right next to a figure column: that column (a stray note further right is no part of it). */
  owners: Map<number, number>;
  /** By unnamed column: the figure column its run of unnamed columns starts right of. */
  runs: Map<number, number>;
  /** In a wide table, by year column with unnamed columns right of it: the last of them (a header that may stand over them all). */
  spans: Map<number, number>;
}

/**
 * Finds the columns without a header among `width` columns (`names` are the header's texts).
 * A CSV saved from a sheet whose header `2025年` was merged over 目标值 | 完成值 has the year in
 * its first column and blank cells right of it: those are the columns a year's header may span.
 */
export function findUnnamedColumns(names: readonly string[], width: number, figureColumns: ReadonlySet<number>, wide: boolean): UnnamedColumns {
  const found: UnnamedColumns = { columns: [], owners: new Map(), runs: new Map(), spans: new Map() };
  let owner = -1;
  for (let c = 0; c < Math.max(names.length, width); c++) {
    if ((names[c] ?? '') !== '') {
      owner = figureColumns.has(c) ? c : -1;
      continue;
    }
    found.columns.push(c);
    if (owner < 0) continue;
    found.runs.set(c, owner);
    if (c === owner + 1) found.owners.set(c, owner);
    if (wide) found.spans.set(owner, c);
  }
  return found;
}
