/** How a target's figure is compared with its value. */
export type Op = '>=' | '>' | '<=' | '<' | '==' | '~' | 'range' | 'done' | 'increase' | 'decrease';

/** What a target's figure measures over time; see docs/targets-format.md. */
export type Kind = 'level' | 'cumulative' | 'cagr' | 'change' | 'trend' | 'annual' | 'average' | 'milestone';

/** Every comparator, in the order documents list them. */
export const OPS: readonly Op[] = ['>=', '>', '<=', '<', '==', '~', 'range', 'done', 'increase', 'decrease'];

/** Every target kind. */
export const KINDS: readonly Kind[] = ['level', 'cumulative', 'cagr', 'change', 'trend', 'annual', 'average', 'milestone'];

/**
 * How towns' figures relate to the plan-level (county) figure: `sum` (totals and counts),
 * `mean` or `weighted` by a named weight (rates, shares, per-capita figures: intensive), or
 * `none` (cannot be derived: ratios, indices, standards, milestones). See docs/regions.md.
 */
export type Aggregate = { method: 'sum' } | { method: 'mean' } | { method: 'weighted'; weight: string } | { method: 'none' };

/** A figure the plan states as a starting point. */
export interface Baseline {
  value: number;
  year: number;
}

/** One quantitative (or yes/no) target of the plan. */
export interface Target {
  id: string;
  /** Position in `Plan.targets`, used to index figures compactly. */
  index: number;
  measure: number | null;
  goal: number | null;
  action: number | null;
  indicator: string;
  indicatorEn: string;
  kind: Kind;
  op: Op;
  /** A number, `[low, high]` for `range`, or null for `done`, `increase` and `decrease`. */
  value: number | [number, number] | null;
  unit: string;
  year: number;
  soft: boolean;
  quote: string;
  baseline: Baseline | null;
  /** Relative tolerance of a `~` target. */
  tolerance: number | null;
  figure: string | null;
  note: string | null;
  /** How regional figures add up to this target's figure; null when the plan does not use regions. */
  aggregate?: Aggregate | null;
}

/** A numbered measure of the plan. */
export interface Measure {
  number: number;
  action: number;
  text: string;
  summaryEn: string;
  qualitative: boolean;
  targets: Target[];
}

/** A headline development goal of the plan. */
export interface Goal {
  number: number;
  title: string;
  titleEn: string;
  text: string;
  qualitative: boolean;
  targets: Target[];
}

/** A group of consecutive measures. */
export interface Action {
  number: number;
  title: string;
  titleEn: string;
  firstMeasure: number;
  lastMeasure: number;
}

/** Cut-offs of the observed-to-required progress ratio. */
export interface ProgressBands {
  onTrack: number;
  moderate: number;
}

/** A weight that regional figures of intensive targets can be averaged by (常住人口). */
export interface RegionWeight {
  name: string;
  nameEn: string;
  unit: string;
}

/** How a plan that is carried out by regions (towns of a county) names them and rolls up. */
export interface PlanRegions {
  /** The plan level's own name (象山县); a region of this name is the plan level. */
  name: string;
  nameEn: string;
  /** More names of the plan level (全县, 合计) besides the built-in ones. */
  aliases: string[];
  /** The regions that make up the plan level, when the plan lists them. */
  units: string[];
  weights: RegionWeight[];
  /** Relative difference tolerated between the towns' roll-up and a reported county figure. */
  rollUpTolerance: number;
}

/** A whole plan, loaded and checked. */
export interface Plan {
  id: string;
  title: string;
  titleEn: string;
  issuer: string;
  issuerEn: string;
  period: { start: number; end: number };
  baselineYear: number;
  source: string | null;
  approxTolerance: number;
  progressBands: ProgressBands;
  /** Present when the plan is carried out by regions; then every target has an `aggregate`. */
  regions?: PlanRegions | null;
  actions: Action[];
  goals: Goal[];
  measures: Measure[];
  /** All targets: goals' first, then measures', in file order. */
  targets: Target[];
  targetsById: Map<string, Target>;
}
