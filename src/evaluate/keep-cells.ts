import { NOT_SHORT, type FigureStore } from '../actuals/figure-store.js';
import { YearFigures } from '../actuals/year-figures.js';
import type { Target } from '../plan/types.js';
import { severityOfMark, statusOfMark, type ListedCell } from '../report/listed-results.js';
import { attainmentOf, gapOf } from './compare.js';
import { cleanFigure } from './judge-cell.js';

/** A listed cell not kept: judged again (`quickCellJudge`) when a format asks for it. */
export const NOT_KEPT = 0;
/** A town not judged, without a figure. */
export const NOT_JUDGED_NO_FIGURE = 1;
/** A final level judged on the region's own figure of its deadline year. */
export const FINAL_LEVEL = 255;

/** The code of a town not judged whose latest figure is of `year`; NOT_KEPT when the year is out of the codes' reach. */
export function notJudgedCode(year: number, firstYear: number): number {
  const code = 2 + year - firstYear;
  return code >= 2 && code < FINAL_LEVEL ? code : NOT_KEPT;
}

/** What filling a kept cell needs, fixed for a run. */
export interface KeptContext {
  store: FigureStore;
  asOf: number;
  /** Whether the run has towns (then a final level is judged on `intensive_plan` terms). */
  regional: boolean;
  fileName: (index: number) => string;
  /** The plan's tolerance of `~` targets. */
  tolerance: number;
}

/**
 * What the first pass of `evaluateListed` keeps of each listed cell of a common shape
 * (`ListedCell`), one byte a cell: its shape and the year of its figure, so that a format reads
 * the cell from the store without judging it again (no search of years, no comparison: its
 * status and severity are its mark). Cells of any other shape are not kept.
 */
export class KeptCells {
  /** By key: NOT_KEPT, NOT_JUDGED_NO_FIGURE, FINAL_LEVEL, or 2 + the year of a town's figure − the store's first year. */
  readonly codes: Uint8Array;

  constructor(size: number, private readonly ctx: KeptContext) {
    this.codes = new Uint8Array(size);
  }

  /**
   * Fills `into` with the cell of `key` (its region's name and store slot, its target and mark),
   * as `quickCellJudge` fills it, and says true; false when the cell was not kept.
   */
  fill(key: number, region: string, slot: number, target: Target, mark: number, into: ListedCell, decimals: boolean, place: boolean): boolean {
    const code = this.codes[key]!;
    if (code === NOT_KEPT) return false;
    const { store, fileName } = this.ctx;
    into.region = region;
    into.target = target;
    const final = code === FINAL_LEVEL;
    if (!final) {
      into.shape = 'not_judged';
      into.final = this.ctx.asOf >= target.year;
      into.gap = null;
      into.attainment = null;
      into.targetSource = null;
      if (code === NOT_JUDGED_NO_FIGURE) {
        into.status = 'not_assessable';
        into.severity = 'info';
        into.hasActual = false;
        into.figureSource = null;
        return true;
      }
    }
    const year = final ? target.year : store.firstYear + code - 2;
    const index = target.index;
    // The region's figures of the cell's year, read once for the figure and its place.
    const block = store.yearFigures(slot, year)!;
    const figures = block instanceof YearFigures ? block : null;
    let value = block.value(index);
    if (final) {
      into.shape = 'final_level';
      into.final = true;
      into.targetSource = this.ctx.regional ? 'intensive_plan' : 'plan';
      into.gap = decimals ? gapOf(value, target, this.ctx.tolerance) : null;
      into.attainment = decimals ? attainmentOf(value, target, this.ctx.tolerance) : null;
    } else if (figures === null || figures.code(index) === NOT_SHORT) {
      // A short decimal (the store's code) is its own 12-digit rounding: only another figure is rounded.
      value = cleanFigure(value);
    }
    into.value = value;
    into.status = statusOfMark(mark);
    into.severity = severityOfMark(mark);
    into.hasActual = true;
    into.figureSource = 'reported';
    into.year = year;
    if (place) {
      // As `sourceAtSlot` reads it, without an object per cell.
      if (figures !== null) {
        into.file = fileName(figures.files?.[index] ?? 0);
        into.row = figures.row(index);
      } else {
        const source = store.sourceAtSlot(slot, index, year)!;
        into.file = fileName(source.file);
        into.row = source.row;
      }
    }
    return true;
  }
}
