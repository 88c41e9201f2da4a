import { NOT_SHORT, valueNotKept, withinEdges, type FigureStore, type YearValues } from '../actuals/figure-store.js';
import { YearFigures } from '../actuals/year-figures.js';
import type { Target } from '../plan/types.js';
import { markOf } from '../report/listed-results.js';
import type { Severity, Status } from '../report/types.js';
import { FINAL_LEVEL, NOT_JUDGED_NO_FIGURE, NOT_KEPT, notJudgedCode } from './keep-cells.js';
import type { QuickCount } from './quick-count.js';
import type { QuickTerms } from './region-terms.js';
import type { TallyCounter } from './tally.js';

/** How the first pass marks the common cells, fixed for a run. */
export interface MarkRules {
  /** Whether a result of a status and severity is listed, and whether it counts as without any figure (`listsFacts`). */
  lists: (status: Status, severity: Severity, noFigure: boolean) => boolean;
  /** The store's first year (a region's blocks are by year from it) and the latest year up to the review year. */
  firstYear: number;
  newest: number;
}

/** What `CommonCells.countAndMark` did with a region's cells. */
export interface Marked {
  /** The region's counts (the counter it was given). */
  tally: TallyCounter;
  /** How many of its cells it counted as not listed. */
  unlisted: number;
  /** The cells it left to the judges (`left`) from this one on are no towns not judged. */
  leftFinal: number;
}

/**
 * How `evaluateListed`'s first pass goes through the cells of the regions that share one set of
 * quick terms (`RegionalPlan.quickTerms`), sorted once for all of them by their quick count
 * (`QuickCount`): the cells it counts are counted and marked in one pass from the figure of their
 * year (`countAndMark`), the towns not judged and the final levels on the plan's own terms kept
 * (keep-cells.ts); the rest are left to the judges.
 */
export class CommonCells {
  /** Positions among the targets in scope (a key is region position × their count + position) of the towns not judged, and their targets' indexes. */
  private readonly notJudgedAt: Int32Array;
  private readonly notJudgedIndex: Int32Array;
  /** The mark of a town not judged, and whether one is listed: [with a figure, without one]. */
  private readonly notJudgedMark: number;
  private readonly listsNotJudged: readonly [boolean, boolean];
  /** By outcome of the quick count: the mark of a result of it, and 1 where such a result is listed. */
  private readonly outcomeMarks: Uint8Array;
  private readonly outcomeListed: Uint8Array;
  /** Cells the quick count leaves to the judges (its `rest`), by position. */
  readonly rest: readonly number[];
  /** How many cells `countAndMark` counts. */
  readonly size: number;
  /** What the store keeps of each cell of a year (`YearValues.keptAll`), and the code found for each town not judged (-1: none yet). */
  private readonly kept: Uint8Array;
  private readonly found: Int16Array;
  /** Counts by outcome of the region being counted. */
  private readonly counts: Int32Array;

  constructor(private readonly quick: QuickCount, terms: QuickTerms, targets: readonly Target[], private readonly rules: MarkRules) {
    this.rest = [...targets.keys()].filter((at) => (terms[targets[at]!.index] ?? null) === null);
    this.notJudgedAt = Int32Array.from(quick.notJudgedAt);
    this.notJudgedIndex = Int32Array.from(quick.notJudgedAt, (at) => targets[at]!.index);
    this.notJudgedMark = markOf({ status: 'not_assessable', severity: 'info' });
    this.listsNotJudged = [rules.lists('not_assessable', 'info', false), rules.lists('not_assessable', 'info', true)];
    // A figure that meets its terms or not has a figure; no data has none.
    this.outcomeMarks = Uint8Array.from(quick.outcomes, (outcome) => markOf(outcome));
    this.outcomeListed = Uint8Array.from(quick.outcomes, ({ status, severity }) => (rules.lists(status, severity, status === 'no_data') ? 1 : 0));
    this.size = targets.length - this.rest.length;
    this.kept = new Uint8Array(Math.max(this.notJudgedAt.length, ...quick.judges.map((judges) => judges.index.length)));
    this.found = new Int16Array(this.notJudgedAt.length);
    this.counts = new Int32Array(quick.outcomes.length);
  }

  /**
   * Counts one region's cells (its store slot; `blocks`: its figures by year from the rules'
   * first year) into `into`, as `QuickCount.count` counts them, and marks each as its judge would
   * (`base`: the region's first key), keeping each listed one's code in `codes`; a cell whose
   * figure the store cannot give as a number, or of a year out of the codes' reach, is left to
   * the judges: its position is pushed onto `left` (towns not judged first, then from `leftFinal`
   * the others).
   */
  countAndMark(store: FigureStore, slot: number, into: TallyCounter, blocks: readonly (YearValues | undefined)[], base: number, marks: Uint8Array, codes: Uint8Array, left: number[]): Marked {
    const { quick, kept, counts, outcomeMarks, outcomeListed } = this;
    const tally = into.reset(quick.notJudged);
    counts.fill(0);
    let unlisted = this.markNotJudged(blocks, base, marks, codes, left);
    const leftFinal = left.length;
    for (let y = 0; y < quick.years.length; y++) {
      // One lookup of the region's year; each target's figure is then read straight from it.
      const figures = store.yearFigures(slot, quick.years[y]!);
      const { index, at, finalLevel, low, high, open, met, notMet, noData, planTerms } = quick.judges[y]!;
      if (figures) figures.keptAll(index, kept);
      else kept.fill(0, 0, index.length);
      for (let j = 0; j < index.length; j++) {
        // As QuickCount.count: 0 no figure; 1, 2 kept as met, not met (by the plan's terms); 3 a value, judged here.
        const k = kept[j]!;
        let outcome: number;
        let code = NOT_KEPT;
        let judged = false;
        if (k === 0) outcome = noData[j]!;
        else if (k === 3) {
          const value = figures!.value(index[j]!);
          outcome = withinEdges(value, low[j]!, high[j]!, open[j]!) ? met[j]! : notMet[j]!;
          // A final level on the plan's terms is read again from the store; a figure it cannot give as a number is the judges'.
          if (Number.isNaN(value)) judged = true;
          else if (finalLevel[j] === 1) code = FINAL_LEVEL;
        } else if (planTerms[j] !== 1) throw valueNotKept();
        else {
          outcome = k === 1 ? met[j]! : notMet[j]!;
          judged = true;
        }
        counts[outcome]!++;
        if (judged) left.push(at[j]!);
        else if (outcomeListed[outcome] === 1) {
          const key = base + at[j]!;
          marks[key] = outcomeMarks[outcome]!;
          codes[key] = code;
        } else unlisted++;
      }
    }
    quick.addOutcomes(counts, tally);
    return { tally, unlisted, leftFinal };
  }

  /** Marks the region's towns not judged from the latest figure of each up to the review year; returns how many are not listed. */
  private markNotJudged(blocks: readonly (YearValues | undefined)[], base: number, marks: Uint8Array, codes: Uint8Array, left: number[]): number {
    const { notJudgedAt, notJudgedIndex, kept, found } = this;
    const { firstYear, newest } = this.rules;
    // The years with figures, newest first: most regions have one, whose block then says it all.
    let years = 0;
    let latest = 0;
    for (let year = newest; year >= firstYear; year--) {
      if (blocks[year - firstYear] === undefined) continue;
      if (years++ === 0) latest = year;
    }
    if (years <= 1) {
      const block = blocks[latest - firstYear];
      if (block) block.keptAll(notJudgedIndex, kept);
      else kept.fill(0, 0, notJudgedIndex.length);
      const code = notJudgedCode(latest, firstYear);
      let unlisted = 0;
      for (let j = 0; j < notJudgedAt.length; j++) {
        const k = kept[j]!;
        unlisted += this.markTown(base, notJudgedAt[j]!, k === 0 ? NOT_JUDGED_NO_FIGURE : k === 3 && readsAsNumber(block!, notJudgedIndex[j]!) ? code : NOT_KEPT, marks, codes, left);
      }
      return unlisted;
    }
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
        found[j] = k === 3 && readsAsNumber(block, notJudgedIndex[j]!) ? notJudgedCode(year, firstYear) : NOT_KEPT;
      }
    }
    let unlisted = 0;
    for (let j = 0; j < found.length; j++) unlisted += this.markTown(base, notJudgedAt[j]!, found[j] === -1 ? NOT_JUDGED_NO_FIGURE : found[j]!, marks, codes, left);
    return unlisted;
  }

  /** Marks a town not judged at position `at` by its code (keep-cells.ts; NOT_KEPT: left to the judges); 1 when it is not listed. */
  private markTown(base: number, at: number, code: number, marks: Uint8Array, codes: Uint8Array, left: number[]): number {
    if (code === NOT_KEPT) {
      left.push(at);
      return 0;
    }
    // Without a figure, a town not judged is "no figure" to the list rule.
    if (!this.listsNotJudged[code === NOT_JUDGED_NO_FIGURE ? 1 : 0]) return 1;
    marks[base + at] = this.notJudgedMark;
    codes[base + at] = code;
    return 0;
  }
}

/** Whether a figure kept as a value (`kept` 3) reads as a number: a short decimal always does; another is the block's double (NaN: none). */
function readsAsNumber(block: YearValues, target: number): boolean {
  if (block instanceof YearFigures && block.code(target) !== NOT_SHORT) return true;
  return !Number.isNaN(block.value(target));
}
