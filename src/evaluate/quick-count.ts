import type { FigureStore } from '../actuals/figure-store.js';
import type { Target } from '../plan/types.js';
import type { Severity, Status } from '../report/types.js';
import { meetsFor } from './compare.js';
import type { QuickTerms } from './region-terms.js';
import { TallyCounter } from './tally.js';

/** One target a summary counts by its status alone: its deadline year's figure against the terms it is judged on. */
interface StatusOnly {
  index: number;
  year: number;
  meets: (value: number) => boolean;
  soft: boolean;
  met: Severity;
  notMet: Severity;
  noData: Severity;
}

/**
 * How a summary run (no detail) counts the regions that share one set of quick terms: the
 * targets not judged are counted once and copied, the final levels are judged by status from
 * the store; `rest` are the targets left to the judges.
 */
export class QuickCount {
  private readonly notJudged = new TallyCounter();
  private readonly statusOnly: StatusOnly[] = [];
  /** Targets whose status needs their judge (series, mid-term ratings, the plan level). */
  readonly rest: Target[] = [];

  constructor(quickTerms: QuickTerms, targets: readonly Target[], severityFor: (status: Status, soft: boolean) => Severity, tolerance: number) {
    for (const target of targets) {
      const quick = quickTerms[target.index] ?? null;
      if (quick === 'not_judged') {
        this.notJudged.add('not_assessable', 'info', target.soft);
        this.notJudged.addNotJudged();
      } else if (quick === null) this.rest.push(target);
      else {
        const { soft } = target;
        this.statusOnly.push({
          index: target.index, year: quick.year, meets: meetsFor(quick, tolerance), soft,
          met: severityFor('met', soft), notMet: severityFor('not_met', soft), noData: severityFor('no_data', soft),
        });
      }
    }
  }

  /** The counts of one region (its store slot) for every target but `rest`. */
  count(store: FigureStore, slot: number): TallyCounter {
    const tally = this.notJudged.copy();
    for (const judge of this.statusOnly) {
      const value = store.valueAtSlot(slot, judge.index, judge.year);
      if (value === undefined) tally.add('no_data', judge.noData, judge.soft);
      else if (judge.meets(value)) tally.add('met', judge.met, judge.soft);
      else tally.add('not_met', judge.notMet, judge.soft);
    }
    return tally;
  }
}
