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

  /** Sets this counter's counts to another's (or to none), and returns it: one counter serves region after region. */
  reset(from?: TallyCounter): this {
    if (from) this.counts.set(from.counts);
    else this.counts.fill(0);
    return this;
  }

  /** Adds another counter's counts to this one's (a whole is the sum of its regions). */
  addCounts(other: TallyCounter): void {
    const counts = this.counts;
    const more = other.counts;
    for (let i = 0; i < counts.length; i++) counts[i] = (counts[i] as number) + (more[i] as number);
  }

  /** Sets `into`'s counts to this counter's, in place (its other keys kept), with the completion rate. */
  writeInto(into: Tally): void {
    const c = this.counts;
    into.targets = c[TARGETS] ?? 0;
    into.failures = c[FAILURES] ?? 0;
    into.warnings = c[WARNINGS] ?? 0;
    into.softMisses = c[SOFT_MISSES] ?? 0;
    STATUSES.forEach((status, i) => {
      into.byStatus[status] = c[BY_STATUS + i] ?? 0;
    });
    if (c[NOT_JUDGED]) into.notJudged = c[NOT_JUDGED];
    else delete into.notJudged;
    finishTally(into);
  }

  /** Counts a result of a town not judged (no decomposed target), or `n` of them; `add` counts its status. */
  addNotJudged(n = 1): void {
    bump(this.counts, NOT_JUDGED, n);
  }

  /** The counts as the report gives them, with the completion rate (完成率). */
  toTally(): Tally {
    const c = this.counts;
    const at = (status: Status): number => c[STATUS_INDEX[status]] ?? 0;
    // Written out in STATUSES' order (tally.test.ts checks it): every key in the object itself,
    // not in a store beside it, for a summary that keeps a tally per region of 16,000.
    const byStatus: Record<Status, number> = {
      met: at('met'), not_met: at('not_met'), no_data: at('no_data'), achieved: at('achieved'), on_track: at('on_track'),
      moderate: at('moderate'), insufficient: at('insufficient'), moving_away: at('moving_away'), pending: at('pending'), not_assessable: at('not_assessable'),
    };
    const met = byStatus.met;
    const rate = completionRate(met, met + byStatus.not_met);
    const notJudged = c[NOT_JUDGED] ?? 0;
    return notJudged
      ? { targets: c[TARGETS] ?? 0, byStatus, failures: c[FAILURES] ?? 0, warnings: c[WARNINGS] ?? 0, softMisses: c[SOFT_MISSES] ?? 0, completionRate: rate, notJudged }
      : { targets: c[TARGETS] ?? 0, byStatus, failures: c[FAILURES] ?? 0, warnings: c[WARNINGS] ?? 0, softMisses: c[SOFT_MISSES] ?? 0, completionRate: rate };
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
  tally.completionRate = completionRate(tally.byStatus.met, tally.byStatus.met + tally.byStatus.not_met);
}

/** Counts below this share their completion rate: a run of 16,000 regions of 311 targets has a few thousand pairs. */
const RATE_KEPT_BELOW = 1024;
/** The most pairs kept: a bound on memory whatever the counts. */
const RATES_KEPT_MOST = 65_536;
const ratesKept = new Map<number, number>();

/** Met ÷ judged to 12 significant digits (null when nothing was judged), worked out once per pair of small counts. */
export function completionRate(met: number, judged: number): number | null {
  if (!(judged > 0)) return null;
  // Rounding through a decimal string costs a microsecond: most regions share a pair.
  if (judged >= RATE_KEPT_BELOW || met < 0 || met >= RATE_KEPT_BELOW) return Number((met / judged).toPrecision(12));
  const key = met * RATE_KEPT_BELOW + judged;
  let rate = ratesKept.get(key);
  if (rate === undefined) {
    rate = Number((met / judged).toPrecision(12));
    if (ratesKept.size < RATES_KEPT_MOST) ratesKept.set(key, rate);
  }
  return rate;
}
