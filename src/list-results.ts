import type { Result, Status } from './report/types.js';

/** What the user asked to see listed. */
export interface ListOptions {
  /** List only these statuses (and then list results without figures too). */
  status?: Status[];
  /** List only what fails or is off track. */
  quiet: boolean;
  /** True when the data names more than one region. */
  manyRegions: boolean;
}

const OFF_TRACK = new Set<Status>(['not_met', 'insufficient', 'moving_away']);

/**
 * Which results a report lists. With many regions, a target without any figure in a region is
 * counted, not listed, unless `--status` asks for it: 3,000 regions would otherwise list 291 empty
 * rows each. `-q` lists failures and what is off track (not met, behind, moving away) even when
 * the policy only warns about it.
 */
export function listResults(options: ListOptions): (result: Result) => boolean {
  // A county figure that could not be rolled up from the towns is listed: its reason says what is missing.
  const noFigure = (result: Result): boolean =>
    result.actual === null && (result.status === 'no_data' || result.status === 'not_assessable') && !result.reason?.code.startsWith('reason.roll-up');
  const lists = listsFacts(options);
  return (result) => lists(result.status, result.severity, noFigure(result));
}

/** `listResults` from a result's status, its severity and whether it counts as "without any figure", without the result. */
export function listsFacts(options: ListOptions): (status: Status, severity: Result['severity'], noFigure: boolean) => boolean {
  return (status, severity, noFigure) =>
    (options.status ? options.status.includes(status) : !(options.manyRegions && noFigure)) && (!options.quiet || severity === 'failure' || OFF_TRACK.has(status));
}
