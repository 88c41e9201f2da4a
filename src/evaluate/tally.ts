import { STATUSES, type Severity, type Status, type Tally } from '../report/types.js';

const TARGETS = 0;
const FAILURES = 1;
const WARNINGS = 2;
const SOFT_MISSES = 3;
const NOT_JUDGED = 4;
const BY_STATUS = 5;
// A record, not a Map: a status written as a literal at the call is a property read the JIT resolves.
const STATUS_INDEX = Object.fromEntries(STATUSES.map((status, i) => [status, BY_STATUS + i])) as Record<Status, number>;

function bump(counts: Int32Array, i: number, n = 1): void {
  counts[i] = (counts[i] as number) + n;
}

/** One region's counts, kept in a typed array while a run counts a million results, then made a `Tally`. */
export class TallyCounter {
  private readonly counts = new Int32Array(BY_STATUS + STATUSES.length);

  /** Counts one result (or `n` alike): its status, how it counts under the policy, and whether its target is soft. */
  add(status: Status, severity: Severity, soft: boolean, n = 1): void {
    const counts = this.counts;
    bump(counts, TARGETS, n);
    bump(counts, STATUS_INDEX[status], n);
    if (severity === 'failure') bump(counts, FAILURES, n);
    else if (severity === 'warning') {
      bump(counts, WARNINGS, n);
      if (soft) bump(counts, SOFT_MISSES, n);
    }
  }

  /** A counter that starts from this one's counts. */
  copy(): TallyCounter {
    const copy = new TallyCounter();
    copy.counts.set(this.counts);
    return copy;
  }

  /** Counts a result of a town not judged (no decomposed target); `add` counts its status. */
  addNotJudged(): void {
    bump(this.counts, NOT_JUDGED);
  }

  /** The counts as the report gives them, with the completion rate (完成率). */
  toTally(): Tally {
    const c = this.counts;
    const byStatus = {} as Record<Status, number>;
    STATUSES.forEach((status, i) => {
      byStatus[status] = c[BY_STATUS + i] ?? 0;
    });
    const tally: Tally = { targets: c[TARGETS] ?? 0, byStatus, failures: c[FAILURES] ?? 0, warnings: c[WARNINGS] ?? 0, softMisses: c[SOFT_MISSES] ?? 0, completionRate: null };
    if (c[NOT_JUDGED]) tally.notJudged = c[NOT_JUDGED];
    finishTally(tally);
    return tally;
  }
}

/** A tally of nothing. */
export function emptyTally(): Tally {
  const byStatus = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  return { targets: 0, byStatus, failures: 0, warnings: 0, softMisses: 0, completionRate: null };
}

/** Adds one tally's counts into another (the completion rate is left to `finishTally`). */
export function addTally(into: Tally, from: Tally): void {
  into.targets += from.targets;
  into.failures += from.failures;
  into.warnings += from.warnings;
  into.softMisses += from.softMisses;
  if (from.notJudged) into.notJudged = (into.notJudged ?? 0) + from.notJudged;
  for (const status of STATUSES) into.byStatus[status] += from.byStatus[status];
}

/** Sets the completion rate: targets met ÷ targets judged final with data, to 12 significant digits. */
export function finishTally(tally: Tally): void {
  const judged = tally.byStatus.met + tally.byStatus.not_met;
  tally.completionRate = judged > 0 ? Number((tally.byStatus.met / judged).toPrecision(12)) : null;
}
