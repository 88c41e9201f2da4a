import type { Plan } from '../plan/types.js';

/** One figure of a target's series as charts draw it. */
export interface SeriesPoint {
  year: number;
  value: number;
  /** True when the figure is the indicator's level given for a rate target (see `Figure.level`). */
  level: boolean;
}

/**
 * What the leadership reports (html, xlsx) show beyond the report itself: the plan's wording
 * (原文, baselines), every year's figure for the charts, and when the report was made. Passed in
 * by `run` so that formatters stay pure.
 */
export interface ReportSources {
  plan: Plan;
  /** The figures of one target in one region up to the review year, oldest first. */
  series(region: string, targetId: string): SeriesPoint[];
  /** When the report was made (shown in the page header and the summary sheet). */
  madeAt: Date;
}
