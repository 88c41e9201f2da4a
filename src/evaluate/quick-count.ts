import { valueNotKept, withinEdges, type FigureStore, type YearValues } from '../actuals/figure-store.js';
import type { Target } from '../plan/types.js';
import type { Severity, Status } from '../report/types.js';
import { band } from './compare.js';
import type { QuickTerms } from './region-terms.js';
import { TallyCounter } from './tally.js';

/**
 * The bounds of a plan's own targets under the tolerance a count is given, by target index (the
 * prebuilt status cells of the bundled plan: `boundsFor` of each, `open` as `openBits`), so that a
 * count does not work them out again in cold code; `targets` are the very objects they are of.
 */
export interface KnownBounds {
  targets: readonly Target[];
  low: readonly number[];
  high: readonly number[];
  open: readonly number[];
}

/** One way a result counts: its status, its severity, whether its target is soft. */
export interface Outcome {
  status: Status;
  severity: Severity;
  soft: boolean;
}

/**
 * What `meetsFor` decides, as an interval: a figure meets the terms when it lies above `low`
 * (or at it, unless `lowOpen`) and below `high` (or at it, unless `highOpen`). NaN edges: nothing
 * meets. One comparison for every kind of terms, so a count of millions runs without calls.
 */
export interface Bounds {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

const NEVER: Bounds = { low: Number.NaN, high: Number.NaN, lowOpen: false, highOpen: false };

/** The interval of figures that meet `target` (see `Bounds`), as `meetsFor` judges them. */
export function boundsFor(target: Target, defaultTolerance: number): Bounds {
  const { op, value } = target;
  if (op === 'range' || op === '~') {
    const edges = band(target, defaultTolerance);
    return edges === null ? NEVER : { low: edges[0], high: edges[1], lowOpen: false, highOpen: false };
  }
  if (op === 'done') return { low: 1, high: 1, lowOpen: false, highOpen: false };
  if (typeof value !== 'number') return NEVER;
  switch (op) {
    case '>=': return { low: value, high: Infinity, lowOpen: false, highOpen: false };
    case '>': return { low: value, high: Infinity, lowOpen: true, highOpen: false };
    case '<=': return { low: -Infinity, high: value, lowOpen: false, highOpen: false };
    case '<': return { low: -Infinity, high: value, lowOpen: false, highOpen: true };
    case '==': return { low: value, high: value, lowOpen: false, highOpen: false };
    default: return NEVER;
  }
}

/** Whether `value` lies within `bounds`. */
export function within(value: number, bounds: Bounds): boolean {
  return inside(value, bounds.low, bounds.high, openBits(bounds));
}

function openBits(bounds: Bounds): number {
  return (bounds.lowOpen ? 1 : 0) | (bounds.highOpen ? 2 : 0);
}

/** `within` for edges kept flat (`open`: bit 1 the low edge is open, bit 2 the high edge): the store judges its status cells with the same. */
const inside = withinEdges;

/** The targets judged by the figure of one year, as flat arrays: one pass per region with no calls but the figure's. */
export class YearJudges {
  index: number[] = [];
  /** Their positions among the targets in scope (`evaluateListed`'s first pass marks the cells by them). */
  at: number[] = [];
  /** 1 where the cell is a final level on the plan's own terms, a `ListedCell` the first pass keeps (common-cells.ts). */
  finalLevel: number[] = [];
  low: number[] = [];
  high: number[] = [];
  /** Bit 1: the low edge is open; bit 2: the high edge is. */
  open: number[] = [];
  /** The outcomes (indexes into `QuickCount.outcomes`) of a figure that meets the terms, one that does not, and none. */
  met: number[] = [];
  notMet: number[] = [];
  noData: number[] = [];
  /** 1 where the terms are the plan's own target: only then may a figure kept as its status (figure-store.ts) be counted. */
  planTerms: number[] = [];
}

/**
 * How a summary run, and `evaluateListed`'s first pass, count the regions that share one set of quick terms: the
 * targets not judged are counted once and copied, the final levels are judged by status from
 * the store; `rest` are the targets left to the judges.
 */
export class QuickCount {
  /** The counts of the targets not judged, the same for every region. */
  readonly notJudged = new TallyCounter();
  /** Positions among the targets in scope of the targets not judged. */
  readonly notJudgedAt: number[] = [];
  /** The targets judged by status, by the year whose figure judges them (most share the plan's last year): `years[i]` judges `judges[i]`. */
  readonly years: number[] = [];
  readonly judges: YearJudges[] = [];
  /** Counts by outcome of the region being counted: one array for every region, cleared each time. */
  private readonly counts: Int32Array;
  /** What the store keeps of each target of a year's judges (`YearValues.kept`), read for all of them at once. */
  private kept = new Uint8Array(0);
  /** The distinct outcomes: a region's results are counted by outcome, then added to its tally once each. */
  readonly outcomes: readonly Outcome[];
  /** Targets whose status needs their judge (series, mid-term ratings, the plan level). */
  readonly rest: Target[] = [];

  constructor(quickTerms: QuickTerms, targets: readonly Target[], severityFor: (status: Status, soft: boolean) => Severity, tolerance: number, known?: KnownBounds) {
    const outcomes: Outcome[] = [];
    this.outcomes = outcomes;
    const outcomeOf = (status: Status, soft: boolean): number => {
      const severity = severityFor(status, soft);
      const found = outcomes.findIndex((o) => o.status === status && o.severity === severity && o.soft === soft);
      return found >= 0 ? found : outcomes.push({ status, severity, soft }) - 1;
    };
    // Counted once for all: an `info` result counts alike whether its target is soft or not.
    let notJudged = 0;
    for (const [at, target] of targets.entries()) {
      const quick = quickTerms[target.index] ?? null;
      if (quick === 'not_judged') {
        notJudged++;
        this.notJudgedAt.push(at);
      } else if (quick === null) this.rest.push(target);
      else {
        const { soft } = target;
        let judges = this.judges[this.years.indexOf(quick.year)];
        if (!judges) {
          this.years.push(quick.year);
          this.judges.push((judges = new YearJudges()));
        }
        judges.index.push(target.index);
        judges.at.push(at);
        judges.finalLevel.push(quick === target && target.kind === 'level' ? 1 : 0);
        // A town's own terms (a copy of the target) are worked out; the plan's, when known, read.
        const knownAt = known?.targets[quick.index] === quick ? quick.index : -1;
        if (knownAt >= 0) {
          judges.low.push(known!.low[knownAt] as number);
          judges.high.push(known!.high[knownAt] as number);
          judges.open.push(known!.open[knownAt] as number);
        } else {
          const bounds = boundsFor(quick, tolerance);
          judges.low.push(bounds.low);
          judges.high.push(bounds.high);
          judges.open.push(openBits(bounds));
        }
        judges.met.push(outcomeOf('met', soft));
        judges.notMet.push(outcomeOf('not_met', soft));
        judges.noData.push(outcomeOf('no_data', soft));
        judges.planTerms.push(quick === target ? 1 : 0);
      }
    }
    if (notJudged > 0) {
      this.notJudged.add('not_assessable', 'info', false, notJudged);
      this.notJudged.addNotJudged(notJudged);
    }
    this.counts = new Int32Array(this.outcomes.length);
  }

  /** The counts of one region (its store slot) for every target but `rest`, into `into` (its counts replaced), which it returns. */
  count(store: FigureStore, slot: number, into: TallyCounter): TallyCounter {
    const tally = into.reset(this.notJudged);
    const counts = this.counts.fill(0);
    for (let y = 0; y < this.years.length; y++) {
      // One lookup of the region's year; each target's figure is then read straight from it.
      const figures = store.yearFigures(slot, this.years[y] as number);
      const { index, low, high, open, met, notMet, noData, planTerms } = this.judges[y] as YearJudges;
      if (this.kept.length < index.length) this.kept = new Uint8Array(index.length);
      const keptOf = this.kept;
      if (figures) figures.keptAll(index, keptOf);
      else keptOf.fill(0);
      for (let j = 0; j < index.length; j++) {
        const t = index[j] as number;
        // 0: no figure; 1, 2: kept as met, not met (by the plan's terms); 3: a value, judged here.
        const kept = keptOf[j] as number;
        let outcome: number;
        if (kept === 0) outcome = noData[j] as number;
        else if (kept === 3) outcome = (inside((figures as YearValues).value(t), low[j] as number, high[j] as number, open[j] as number) ? met[j] : notMet[j]) as number;
        else if (planTerms[j] !== 1) throw valueNotKept();
        else outcome = (kept === 1 ? met[j] : notMet[j]) as number;
        counts[outcome] = (counts[outcome] as number) + 1;
      }
    }
    this.addOutcomes(counts, tally);
    return tally;
  }

  /** Adds counts by outcome (`counts[i]` results of `outcomes[i]`) to `tally`. */
  addOutcomes(counts: Int32Array, tally: TallyCounter): void {
    this.outcomes.forEach((outcome, i) => {
      const n = counts[i] as number;
      if (n > 0) tally.add(outcome.status, outcome.severity, outcome.soft, n);
    });
  }
}
