// The cells of a summary's store that keep a figure's status only (see `StatusCells`), and where a
// block's cells lie: the figure store's layouts, apart from its other work.

/** What `code` gives for a figure kept as its status only (see `StatusCells`): it met its target, or not. */
export const STATUS_MET = -0x7ffffffe;
export const STATUS_NOT_MET = -0x7ffffffd;
/** A status cell's byte: no figure, met, not met. */
export const NO_STATUS = 0;
export const MET = 1;
export const NOT_MET = 2;

/**
 * For a run that only counts (a summary): the cells of the figures kept as "met" or "not met"
 * instead of their value, as plain data (a worker thread gets it too). A cell is kept so when its
 * target is a level whose status is its deadline year's figure against it (`year[t]`, else -1),
 * in a region that is not the plan level's (`levelKeys`, see plan-level.ts): 2 bits instead of 32.
 * A figure met its target when it lies within `low`…`high` (`open`: bit 1 the low edge is open,
 * bit 2 the high edge), as the summary's counts judge it (quick-count.ts).
 */
export interface StatusCells {
  year: number[];
  low: number[];
  high: number[];
  open: number[];
  levelKeys: string[];
}

/** Whether `value` lies within the edges (`open`: bit 1 the low edge is open, bit 2 the high edge; NaN edges: never). */
export function withinEdges(value: number, low: number, high: number, open: number): boolean {
  return ((open & 1) !== 0 ? value > low : value >= low) && ((open & 2) !== 0 ? value < high : value <= high);
}

/** The error of a store asked for the value of a figure it kept as a status only: a bug of the caller. */
export function valueNotKept(): Error {
  return new Error('figure store: the value of a figure kept as its status only was asked for');
}

/** Status cell `i` of an array of them, 2 bits each (4 a byte). */
export function statusCell(status: Uint8Array, i: number): number {
  return ((status[i >> 2] as number) >> ((i & 3) << 1)) & 3;
}

export function setStatusCell(status: Uint8Array, i: number, value: number): void {
  const shift = (i & 3) << 1;
  status[i >> 2] = ((status[i >> 2] as number) & ~(3 << shift)) | (value << shift);
}

/** Where a year's cells are in a block: by target, a code column (≥ 0) or a status column `s` as `~s`. */
export interface BlockLayout {
  cols: Int32Array;
  /** The target of each code column, and of each status column. */
  codeTargets: Int32Array;
  statusTargets: Int32Array;
  codes: number;
  statuses: number;
  /** 0: every cell a code; 1: a summary's status cells. */
  kind: number;
}

/** Every cell a code: the layout of a block without status cells. */
export function fullLayout(targetCount: number): BlockLayout {
  const identity = Int32Array.from({ length: targetCount }, (_, t) => t);
  return { cols: identity, codeTargets: identity, statusTargets: new Int32Array(0), codes: targetCount, statuses: 0, kind: 0 };
}

/** The layout of a status region's block of `year`: status cells for the targets whose status is that year's figure. */
export function statusLayout(status: StatusCells, targetCount: number, year: number): BlockLayout {
  const cols = new Int32Array(targetCount);
  const codeTargets: number[] = [];
  const statusTargets: number[] = [];
  for (let t = 0; t < targetCount; t++) {
    if (status.year[t] === year) cols[t] = ~(statusTargets.push(t) - 1);
    else cols[t] = codeTargets.push(t) - 1;
  }
  return { cols, codeTargets: Int32Array.from(codeTargets), statusTargets: Int32Array.from(statusTargets), codes: codeTargets.length, statuses: statusTargets.length, kind: 1 };
}
