import type { ActualsInput } from '../actuals/read-actuals.js';
import type { Target } from '../plan/types.js';
import type { Problem } from '../problem.js';

/** The JSON report's format version; bumped only when a field changes meaning or goes away. */
export const REPORT_SCHEMA_VERSION = 1;

/**
 * Where a target stands. `met`, `not_met` and `no_data` are final judgements (the review year
 * is the deadline or later); the others rate progress before the deadline.
 */
export type Status =
  | 'met'
  | 'not_met'
  | 'no_data'
  | 'achieved'
  | 'on_track'
  | 'moderate'
  | 'insufficient'
  | 'moving_away'
  | 'pending'
  | 'not_assessable';

/** Every status, in the order reports list them. */
export const STATUSES: readonly Status[] = [
  'met', 'not_met', 'no_data', 'achieved', 'on_track', 'moderate', 'insufficient', 'moving_away', 'pending', 'not_assessable',
];

/** How a result counts towards the exit code under the report's policy. */
export type Severity = 'ok' | 'failure' | 'warning' | 'info';

/** Conditions that `--fail-on` can make fail the run. */
export type FailCondition = 'not_met' | 'off_track' | 'moving_away' | 'soft' | 'no_data';

/** Every fail condition. */
export const FAIL_CONDITIONS: readonly FailCondition[] = ['not_met', 'off_track', 'moving_away', 'soft', 'no_data'];

/** What makes a run fail: the conditions, and how many warnings are tolerated. */
export interface Policy {
  failOn: FailCondition[];
  maxWarnings: number | null;
}

/** A figure the judgement rests on, and the CSV row it came from. */
export interface FigureRef {
  year: number;
  value: number;
  file: string | null;
  row: number | null;
}

/** The numbers behind a progress rating, so that anyone can recompute it. */
export interface Progress {
  /** How the rating was made; see docs/progress.md. */
  method: 'growth-ratio' | 'linear-ratio' | 'time-share' | 'rate-ratio' | 'series' | 'mean';
  baseline: FigureRef | null;
  latest: FigureRef | null;
  /** The value to reach at the deadline, in the target's unit. */
  targetValue: number | null;
  /** Share of the plan period elapsed at the review year (时序进度). */
  elapsedShare: number | null;
  /** Achievement so far as a share of what is to be achieved (完成进度). */
  completionShare: number | null;
  /** Completion minus time share, in percentage points (negative: behind). */
  gapPoints: number | null;
  requiredRate: number | null;
  observedRate: number | null;
  /** observed ÷ required: the figure the bands rate. */
  ratio: number | null;
  /** The value at the deadline if the observed trend goes on. */
  projected: number | null;
  /** The gap at the deadline if the observed trend goes on. */
  projectedGap: number | null;
}

/** Why a target could not be judged: a message code and its parameters. */
export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number>;
}

/** Codes of the reasons a target could not be judged. */
export type ReasonCode =
  | 'reason.no-figure'
  | 'reason.no-baseline'
  | 'reason.one-point'
  | 'reason.missing-years'
  | 'reason.non-positive'
  | 'reason.rate-below-minus-100'
  | 'reason.mixed-rates-levels'
  | 'reason.not-done-yet'
  | 'reason.failed-years'
  | 'reason.wrong-steps'
  // Issue 10: why a rating is what it is, and what a reader should know beside it.
  | 'reason.crossed'
  | 'reason.will-cross'
  | 'reason.zero-baseline'
  | 'reason.stale-figure'
  | 'reason.total-fell'
  | 'reason.no-decomposed-target'
  | 'reason.roll-up-none'
  | 'reason.roll-up-incomplete'
  | 'reason.roll-up-weights'
  | 'reason.roll-up-rates'
  // A note: the plan's baseline was used, not a different figure submitted for its year.
  | 'reason.plan-baseline'
  // Rates or changes in % with a figure for the baseline year: they look like levels without their unit.
  | 'reason.rates-look-like-levels'
  | 'reason.changes-look-like-levels';

/** A verdict on one target in one region, before the policy assigns a severity. */
export interface Judgement {
  status: Status;
  /** True when judged at or after the deadline. */
  final: boolean;
  /** The figure compared (the deadline-year or latest figure). */
  actual: FigureRef | null;
  /** Direction-aware distance from the target in its unit: ≥ 0 meets or has margin, < 0 falls short. */
  gap: number | null;
  /** Actual as a share of the target; see docs/progress.md for ceilings and ranges. */
  attainment: number | null;
  progress: Progress | null;
  reason: Reason | null;
  /**
   * Years between the review year and the latest figure the judgement rests on (0: a figure of
   * the review year); null when no figure was used. Always set by `evaluate`.
   */
  figureAge?: number | null;
  /** What a reader should know that does not change the status (a stale figure, a running total that fell). Always set by `evaluate`. */
  notes?: Reason[];
}

/** The judgement of one target in one region: the target's terms, the verdict and its severity. */
export interface Result
  extends Pick<Target, 'id' | 'measure' | 'goal' | 'action' | 'indicator' | 'indicatorEn' | 'kind' | 'op' | 'value' | 'unit' | 'year' | 'soft'>,
    Judgement {
  region: string;
  severity: Severity;
  /**
   * Which target the region was judged against: the plan's (the plan level itself), its own
   * decomposed target, or the plan's because the indicator is intensive; null when not judged.
   */
  targetSource?: TargetSource | null;
  /** Whether the figure was reported or derived from the towns' figures; null when there is none. */
  figureSource?: FigureSource | null;
}

/** Which target a result was judged against; see docs/regions.md. */
export type TargetSource = 'plan' | 'decomposed' | 'intensive_plan';

/** Where a result's figure comes from. */
export type FigureSource = 'reported' | 'derived';

/** A check across regions: towns against the county figure, or shares against the plan target. */
export interface RegionCheck {
  kind: 'roll-up' | 'decomposition';
  id: string;
  indicator: string;
  indicatorEn: string;
  unit: string;
  year: number;
  severity: 'ok' | 'warning';
  /** roll-up: the county figure reported; decomposition: the plan's target value. */
  expected: number;
  /** roll-up: the towns' figures rolled up; decomposition: the sum of the shares. */
  actual: number;
  /** actual − expected. */
  difference: number;
  /** Regions that went into `actual`, and how many there are in all. */
  regions: number;
  total: number;
  /** roll-up: where the county figure was reported. */
  reported: FigureRef | null;
  /** The region holding the plan level's figure (roll-up). */
  region: string;
}

/** How the regions of a submission were read: which one is the plan level, and the towns. */
export interface RegionRoles {
  /** The region reported or derived as the plan level (全县, the plan's region name). */
  planLevel: string;
  /** True when the submission had no plan-level row and its figures are derived where they can be. */
  derived: boolean;
  towns: string[];
}

/** Counts of results by status and severity. */
export interface Tally {
  targets: number;
  byStatus: Record<Status, number>;
  failures: number;
  warnings: number;
  /** Soft (力争) targets missed or off track that only warn: counted apart from failures. */
  softMisses: number;
  /** Targets met ÷ targets judged final with data (完成率); null when none. */
  completionRate: number | null;
  /**
   * Of the `not_assessable` results, those of towns not judged because they were given no
   * decomposed target of a total (无分解目标; docs/regions.md). Absent when there are none.
   */
  notJudged?: number;
}

/** The outcome of checking actuals against a plan: pure data, formatted at the edge. */
export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'plancheck'; version: string };
  plan: {
    id: string;
    title: string;
    titleEn: string;
    file: string;
    period: { start: number; end: number };
    baselineYear: number;
    actions: { number: number; title: string; titleEn: string }[];
  };
  asOf: number;
  /** Share of the plan period elapsed at the review year (时序进度), 0–1. */
  elapsedShare: number;
  policy: Policy;
  inputs: ActualsInput[];
  /** Regions seen in the data; [''] when the data names none. */
  regions: string[];
  /** Results listed (after display filters); the summary counts all evaluated targets. */
  results: Result[];
  /** Results evaluated but left out of `results` by the display filters or the no-figure rule. */
  unlisted: number;
  summary: Tally & { byRegion: Record<string, Tally> };
  /** With towns: which region is the plan level; null when the plan or the data has no towns. */
  regionRoles?: RegionRoles | null;
  /** Roll-up and decomposition checks across regions; their warnings count in `summary.warnings`. */
  checks?: RegionCheck[];
  /** Located warnings about the input that do not stop the evaluation (a region the plan does not list). */
  inputWarnings?: Problem[];
  /** Input errors found (the first of them, up to a cap). */
  errors: Problem[];
  errorCount: number;
}
