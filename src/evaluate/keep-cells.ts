import { decodeFigure, NOT_SHORT, STATUS_NOT_MET, type FigureStore } from '../actuals/figure-store.js';
import { YearFigures } from '../actuals/year-figures.js';
import type { Target } from '../plan/types.js';
import { REGION_FINAL_LEVEL, REGION_NOT_JUDGED, severityOfMark, statusOfMark, type ListedCell } from '../report/listed-results.js';
import { decimalTermsOf, type TargetDecimals } from './compare.js';
import type { Parts } from './exact-decimal.js';
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
  /** The regions in report order: a key's region is the one at its position. */
  regions: readonly string[];
  /** A region's store slot by its position (`regionSlots`). */
  slotAt: (position: number) => number;
}

/** A region's store slot by its position in `regions`, each looked up once when first asked for (a format asks region by region). */
export function regionSlots(store: FigureStore, regions: readonly string[]): (position: number) => number {
  const slots = new Int32Array(regions.length).fill(-2);
  return (position) => {
    let slot = slots[position]!;
    if (slot === -2) slots[position] = slot = store.findSlot(regions[position]!);
    return slot;
  };
}

/**
 * The decimal parts (`figureParts`) of a figure the store keeps as a short decimal (`code`: m·16 + k
 * for m ÷ 10^k, see figure-code.ts), written into `into`, which it returns: k as the code has it,
 * which is the least k when the store encoded the figure and the places as written when a reader
 * did (1.50 is 150 at 2 places); the gaps and attainments worked out from them are exact in
 * value, so either gives the same answer.
 */
export function codeParts(code: number, into: Parts): Parts {
  const k = code & 15;
  const mantissa = (code - k) / 16;
  into.negative = mantissa < 0;
  into.mantissa = Math.abs(mantissa);
  into.exponent = -k;
  return into;
}

/**
 * What the first pass of `evaluateListed` keeps of each listed cell of a common shape
 * (`ListedCell`), one byte a cell: its shape and the year of its figure, so that a format reads
 * the cell from the store without judging it again (no search of years, no comparison: its
 * status and severity are its mark; a final level's gap and attainment from the figure's short
 * decimal and its target's decimals, read once). Cells of any other shape are not kept.
 */
export class KeptCells {
  /** By key: NOT_KEPT, NOT_JUDGED_NO_FIGURE, FINAL_LEVEL, or 2 + the year of a town's figure − the store's first year. */
  readonly codes: Uint8Array;
  /** By target index, its decimals (made when a final level of it is first read with them). */
  private readonly decimals: (TargetDecimals | undefined)[] = [];
  /** The parts of the figure being read: one object for every cell. */
  private readonly parts: Parts = { negative: false, mantissa: 0, exponent: 0 };

  constructor(size: number, private readonly ctx: KeptContext) {
    this.codes = new Uint8Array(size);
  }

  /**
   * Fills `into` with the cell of `key` (its region's position, its target and mark), as
   * `quickCellJudge` fills it, and says true; false when the cell was not kept (or its figure
   * is not where the first pass found it: then the general path reads it).
   */
  fill(key: number, position: number, target: Target, mark: number, into: ListedCell, decimals: boolean, place: boolean): boolean {
    const code = this.codes[key]!;
    if (code === NOT_KEPT) return false;
    const { ctx } = this;
    const final = code === FINAL_LEVEL;
    if (code === NOT_JUDGED_NO_FIGURE) {
      into.region = ctx.regions[position]!;
      into.target = target;
      into.shape = 'not_judged';
      into.final = ctx.asOf >= target.year;
      into.gap = null;
      into.attainment = null;
      into.targetSource = null;
      into.status = 'not_assessable';
      into.severity = 'info';
      into.hasActual = false;
      into.figureSource = null;
      return true;
    }
    const { store } = ctx;
    const slot = ctx.slotAt(position);
    const year = final ? target.year : store.firstYear + code - 2;
    const index = target.index;
    const block = store.yearFigures(slot, year);
    if (!(block instanceof YearFigures)) return false;
    // The figure's code read once: a short decimal is its value and its parts; another figure is the block's double.
    const figure = block.code(index);
    const value = keptValue(block, index, figure, final);
    if (Number.isNaN(value)) return false;
    into.region = ctx.regions[position]!;
    into.target = target;
    if (final) {
      into.shape = 'final_level';
      into.final = true;
      into.targetSource = ctx.regional ? 'intensive_plan' : 'plan';
      if (decimals) {
        let terms = this.decimals[index];
        if (terms === undefined || terms.target !== target) this.decimals[index] = terms = decimalTermsOf(target, ctx.tolerance);
        // A short decimal's parts are in its code; another figure's are worked out.
        const parts = figure > STATUS_NOT_MET ? codeParts(figure, this.parts) : undefined;
        into.gap = terms.gap(value, parts);
        into.attainment = terms.attainment(value, parts);
      } else {
        into.gap = null;
        into.attainment = null;
      }
    } else {
      into.shape = 'not_judged';
      into.final = ctx.asOf >= target.year;
      into.gap = null;
      into.attainment = null;
      into.targetSource = null;
    }
    into.value = value;
    into.status = statusOfMark(mark);
    into.severity = severityOfMark(mark);
    into.hasActual = true;
    into.figureSource = 'reported';
    into.year = year;
    if (place) {
      // As `sourceAtSlot` reads it, without an object per cell.
      into.file = ctx.fileName(block.files?.[index] ?? 0);
      into.row = block.row(index);
    }
    return true;
  }

  /**
   * The kept cells of one region at once, as `fill` (without decimals or place) reads each: for
   * the key `base + i` (the region at `position`, `targets[i]`), its figure into `values[i]` and
   * into `shapes[i]` REGION_FINAL_LEVEL or REGION_NOT_JUDGED when `fill` would fill a final level
   * or a town not judged with that figure as its actual; 0 where `fill` says false or fills a cell
   * without an actual (ask `fill` for those). The region's year blocks are looked up once a run of
   * cells of one year.
   */
  readRegion(position: number, base: number, targets: readonly Target[], values: Float64Array, shapes: Uint8Array): void {
    const { store } = this.ctx;
    const { codes } = this;
    const slot = this.ctx.slotAt(position);
    let year = Number.NaN;
    let block: ReturnType<FigureStore['yearFigures']> = undefined;
    for (let i = 0; i < targets.length; i++) {
      const code = codes[base + i]!;
      shapes[i] = 0;
      if (code === NOT_KEPT || code === NOT_JUDGED_NO_FIGURE) continue;
      const target = targets[i]!;
      const final = code === FINAL_LEVEL;
      const of = final ? target.year : store.firstYear + code - 2;
      if (of !== year) {
        year = of;
        block = store.yearFigures(slot, year);
      }
      if (!(block instanceof YearFigures)) continue;
      const index = target.index;
      const value = keptValue(block, index, block.code(index), final);
      if (Number.isNaN(value)) continue;
      values[i] = value;
      shapes[i] = final ? REGION_FINAL_LEVEL : REGION_NOT_JUDGED;
    }
  }
}

/**
 * The value of a kept cell whose figure in `block` has the code `figure`: a short decimal's own,
 * or the block's double (a town's rounded to 12 digits); NaN when the cell is not read from the
 * store this way (no figure of either kind).
 */
function keptValue(block: YearFigures, index: number, figure: number, final: boolean): number {
  if (figure > STATUS_NOT_MET) return decodeFigure(figure);
  if (figure !== NOT_SHORT) return Number.NaN;
  const value = block.exact?.[index] ?? Number.NaN;
  // A town's figure is its 12-digit rounding (a short decimal is its own).
  return final || Number.isNaN(value) ? value : cleanFigure(value);
}
