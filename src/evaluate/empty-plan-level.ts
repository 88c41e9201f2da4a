// The plan level of a summary that names no figure of its own and has no year with a figure of
// every town (a file of villages, or of some towns only) is judged on an empty series for every
// target. Its statuses then depend on the plan and the review year alone: the bundled plan's are
// worked out at build time (plan-tables.ts), and such a count reads them instead of running 311
// judges cold at each start.
import { emptySeriesStatusAt } from '../plan/plan-tables.js';
import type { Plan, Target } from '../plan/types.js';
import type { Severity, Status } from '../report/types.js';
import type { Figure } from '../actuals/figure-store.js';
import { judges } from './judge.js';
import type { TallyCounter } from './tally.js';

const NO_FIGURES: readonly Figure[] = Object.freeze([]);
const NO_FILE = (): string => '';

/**
 * The status a count gives `target` at the plan level when its series is empty at review year
 * `asOf`, as `evaluate`'s status-only judgement gives it: a level past its deadline by its figure
 * of that year (none), any other by its judge.
 */
export function emptySeriesStatus(target: Target, asOf: number, plan: Plan): Status {
  if (asOf >= target.year && (target.kind === 'level' || target.kind === 'cumulative')) return 'no_data';
  return judges[target.kind]({ target, series: NO_FIGURES as Figure[], asOf, plan, fileName: NO_FILE, detail: false }).status;
}

/**
 * Counts `targets` into `tally` as judged on an empty series, each by its letter in `statuses`
 * (`EmptySeriesStatuses`, by target index) and with its severity, as the status-only loop counts them.
 */
export function countEmptySeries(tally: TallyCounter, targets: readonly Target[], statuses: string, severityFor: (status: Status, soft: boolean) => Severity): void {
  for (const target of targets) {
    const status = emptySeriesStatusAt(statuses, target.index);
    tally.add(status, severityFor(status, target.soft), target.soft);
  }
}
