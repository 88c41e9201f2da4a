import type { Target } from '../plan/types.js';
import type { QuickTerms } from './region-terms.js';

/** Positions of cells among a region's targets in scope, with what marking them needs. */
export interface CellPositions {
  /** The position of each among the targets in scope (a key is region position × their count + this). */
  at: Int32Array;
  /** Its target's index in the plan (a store's column). */
  index: Int32Array;
}

/**
 * How `evaluateListed`'s first pass goes through the cells of the regions that share one set of
 * quick terms (`RegionalPlan.quickTerms`), sorted once for all of them: the towns not judged and
 * the final levels on the plan's own terms, each marked from the figure of its year; the others a
 * quick count counts (`QuickCount`), marked by their judges; and the rest, left to the judges.
 */
export class CommonCells {
  /** Cells of a town not judged on the target. */
  readonly notJudged: CellPositions;
  /** Level targets past their deadline judged on the plan's own terms, with the year of their figure and whether they are soft (1). */
  readonly finalLevels: CellPositions & { year: Int32Array; soft: Uint8Array };
  /** Cells a quick count counts that are of no common shape (a cumulative target's final level). */
  readonly others: readonly number[];
  /** Cells a quick count leaves to the judges (its `rest`). */
  readonly rest: readonly number[];

  constructor(terms: QuickTerms, targets: readonly Target[]) {
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
    const positions = (list: number[]): CellPositions => ({ at: Int32Array.from(list), index: Int32Array.from(list, (at) => targets[at]!.index) });
    this.notJudged = positions(notJudged);
    this.finalLevels = {
      ...positions(finals),
      year: Int32Array.from(finals, (at) => targets[at]!.year),
      soft: Uint8Array.from(finals, (at) => (targets[at]!.soft ? 1 : 0)),
    };
    this.others = others;
    this.rest = rest;
  }
}
