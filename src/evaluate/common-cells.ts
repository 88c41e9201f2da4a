import { withinEdges, type YearValues } from '../actuals/figure-store.js';
import type { Target } from '../plan/types.js';
import { FINAL_LEVEL, NOT_JUDGED_NO_FIGURE, NOT_KEPT, notJudgedCode } from './keep-cells.js';
import { boundsFor } from './quick-count.js';
import type { QuickTerms } from './region-terms.js';

/** How the first pass marks the common cells, fixed for a run. */
export interface MarkRules {
  /** The mark (`markOf`) of a town not judged. */
  notJudgedMark: number;
  /** Whether a town not judged is listed: [with a figure, without one]. */
  listsNotJudged: readonly boolean[];
  /** By softness (0, 1) and met (0) or not (1): a final level's mark, and whether it is listed. */
  finalMarks: readonly (readonly number[])[];
  listsFinal: readonly (readonly boolean[])[];
  /** The store's first year (a region's blocks are by year from it) and the latest year up to the review year. */
  firstYear: number;
  newest: number;
}

/**
 * How `evaluateListed`'s first pass goes through the cells of the regions that share one set of
 * quick terms (`RegionalPlan.quickTerms`), sorted once for all of them: the towns not judged and
 * the final levels on the plan's own terms, marked from the figure of their year (`mark`); the
 * others a quick count counts (`QuickCount`), marked by their judges; and the rest, left to the judges.
 */
export class CommonCells {
  /** Positions among the targets in scope (a key is region position × their count + position) of the towns not judged, and their targets' indexes. */
  private readonly notJudgedAt: Int32Array;
  private readonly notJudgedIndex: Int32Array;
  /** Level targets past their deadline judged on the plan's own terms: positions, indexes, years, softness (1) and the interval that meets them (`boundsFor`). */
  private readonly finalAt: Int32Array;
  private readonly finalIndex: Int32Array;
  private readonly finalYear: Int32Array;
  private readonly finalSoft: Uint8Array;
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  private readonly open: Uint8Array;
  /** Cells a quick count counts that are of no common shape (a cumulative target's final level): their positions. */
  readonly others: readonly number[];
  /** Cells a quick count leaves to the judges (its `rest`). */
  readonly rest: readonly number[];
  /** How many cells `mark` goes through. */
  readonly size: number;
  /** What the store keeps of each town's cell in a year (`YearValues.keptAll`), and the code found for it (-1: none yet). */
  private readonly kept: Uint8Array;
  private readonly found: Int16Array;

  constructor(terms: QuickTerms, targets: readonly Target[], tolerance: number) {
    const notJudged: number[] = [];
    const finals: number[] = [];
    const others: number[] = [];
    const rest: number[] = [];
    targets.forEach((target, at) => {
      const quick = terms[target.index] ?? null;
      if (quick === 'not_judged') notJudged.push(at);
      else if (quick === null) rest.push(at);
      else if (quick === target && target.kind === 'level') finals.push(at);
      else others.push(at);
    });
    this.notJudgedAt = Int32Array.from(notJudged);
    this.notJudgedIndex = Int32Array.from(notJudged, (at) => targets[at]!.index);
    this.finalAt = Int32Array.from(finals);
    this.finalIndex = Int32Array.from(finals, (at) => targets[at]!.index);
    this.finalYear = Int32Array.from(finals, (at) => targets[at]!.year);
    this.finalSoft = Uint8Array.from(finals, (at) => (targets[at]!.soft ? 1 : 0));
    const bounds = finals.map((at) => boundsFor(targets[at]!, tolerance));
    this.low = Float64Array.from(bounds, (b) => b.low);
    this.high = Float64Array.from(bounds, (b) => b.high);
    this.open = Uint8Array.from(bounds, (b) => (b.lowOpen ? 1 : 0) | (b.highOpen ? 2 : 0));
    this.others = others;
    this.rest = rest;
    this.size = notJudged.length + finals.length;
    this.kept = new Uint8Array(notJudged.length);
    this.found = new Int16Array(notJudged.length);
  }

  /**
   * Marks one region's towns not judged and final levels (`blocks`: its figures by year from the
   * rules' first year; `base`: its first key) as the cells' judges would, and keeps each listed
   * one's code (keep-cells.ts) in `codes`; a cell whose figure the store cannot give as a number
   * (or of a year out of the codes' reach, or without a figure of its year) is left to the
   * judges: its position is pushed onto `left` (towns not judged first, then final levels, from
   * `leftFinal`). Returns how many cells it counted as not listed.
   */
  mark(blocks: readonly (YearValues | undefined)[], base: number, marks: Uint8Array, codes: Uint8Array, rules: MarkRules, left: number[]): { unlisted: number; leftFinal: number } {
    const { notJudgedAt, notJudgedIndex, kept, found } = this;
    const { firstYear, newest } = rules;
    let unlisted = 0;
    found.fill(-1);
    // Each town's latest figure up to the review year: a year's block read for all of them at once.
    for (let year = newest; year >= firstYear; year--) {
      const block = blocks[year - firstYear];
      if (block === undefined) continue;
      block.keptAll(notJudgedIndex, kept);
      for (let j = 0; j < found.length; j++) {
        if (found[j] !== -1) continue;
        const k = kept[j]!;
        if (k === 0) continue;
        // A figure kept as a value, read as a number (NaN: none the store can give); a status alone is for the judges.
        found[j] = k === 3 && !Number.isNaN(block.value(notJudgedIndex[j]!)) ? notJudgedCode(year, firstYear) : NOT_KEPT;
      }
    }
    const [listsFigure, listsNone] = rules.listsNotJudged;
    for (let j = 0; j < found.length; j++) {
      const code = found[j] === -1 ? NOT_JUDGED_NO_FIGURE : found[j]!;
      if (code === NOT_KEPT) {
        left.push(notJudgedAt[j]!);
        continue;
      }
      // Without a figure, a town not judged is "no figure" to the list rule.
      if (code === NOT_JUDGED_NO_FIGURE ? listsNone : listsFigure) {
        const key = base + notJudgedAt[j]!;
        marks[key] = rules.notJudgedMark;
        codes[key] = code;
      } else unlisted++;
    }
    const leftFinal = left.length;
    const { finalAt, finalIndex, finalYear, finalSoft, low, high, open } = this;
    for (let j = 0; j < finalAt.length; j++) {
      // A final level on the plan's terms (no towns, or a town on a mean or weighted indicator), by the figure of its year.
      const y = finalYear[j]! - firstYear;
      const block = y >= 0 && y < blocks.length ? blocks[y] : undefined;
      const value = block === undefined ? Number.NaN : block.value(finalIndex[j]!);
      if (Number.isNaN(value)) {
        left.push(finalAt[j]!);
        continue;
      }
      const met = withinEdges(value, low[j]!, high[j]!, open[j]!) ? 0 : 1;
      const soft = finalSoft[j]!;
      if (rules.listsFinal[soft]![met]) {
        const key = base + finalAt[j]!;
        marks[key] = rules.finalMarks[soft]![met]!;
        codes[key] = FINAL_LEVEL;
      } else unlisted++;
    }
    return { unlisted, leftFinal };
  }
}
