// The leadership formats (html, xlsx) take every word, rounding and reason from the shared view
// (src/format/view.ts); this adapter only adds the exact numbers they also print as numbers.
import { formatMessage, type Lang } from '../messages.js';
import { STATUSES, type Report, type Result, type Status } from '../report/types.js';
import { tallyLines, viewReport, viewResult as viewOne, type ReportView, type ResultView } from './view.js';

/** The shared view of a result plus the exact figures a workbook stores in number cells. */
export interface LeaderRow extends ResultView {
  /** The figure compared, as a number (null for milestones and missing figures). */
  actualValue: number | null;
  actualYear: number | null;
  projectedValue: number | null;
}

/** The shared view of one result, with its exact figures. */
export function viewRow(result: Result, lang: Lang): LeaderRow {
  const view = viewOne(result, lang);
  return {
    ...view,
    actualValue: result.actual && result.kind !== 'milestone' ? result.actual.value : null,
    actualYear: result.actual?.year ?? null,
    projectedValue: view.projection === '' ? null : (result.progress?.projected ?? null),
  };
}

/** One group's results (key 0: the plan's development goals), in report order. */
export interface ActionGroup {
  key: number;
  title: string;
  results: Result[];
}

/** Results grouped as the view groups them (goals first, then actions), titled by the view. */
export function groupByAction(view: ReportView, results: readonly Result[]): ActionGroup[] {
  const groups = new Map<number, ActionGroup>();
  for (const result of results) {
    const key = result.goal !== null ? 0 : (result.action ?? 0);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, title: view.groupTitle(key), results: [] }));
    group.results.push(result);
  }
  return [...groups.values()].sort((a, b) => a.key - b.key);
}

/** The headline figures of a report: review year, 时序进度, 完成率 and counts by status. */
export interface HeaderView {
  view: ReportView;
  title: string;
  asOf: number;
  elapsed: number;
  completionRate: number | null;
  /** The view's count lines for all regions (with 完成率 worded as final or so far). */
  summary: string[];
  counts: { status: Status; word: string; count: number }[];
}

/** The report's headline figures in `lang`, from the shared view. */
export function viewHeader(report: Report, lang: Lang, maxErrors = 50): HeaderView {
  const view = viewReport(report, { lang, maxErrors });
  return {
    view,
    title: view.title,
    asOf: report.asOf,
    elapsed: report.elapsedShare,
    completionRate: report.summary.completionRate,
    summary: view.summary.length > 0 ? view.summary : tallyLines('', report.summary, report, lang),
    counts: STATUSES.filter((status) => report.summary.byStatus[status] > 0).map((status) => ({
      status,
      word: formatMessage(`status.${status}`, {}, lang),
      count: report.summary.byStatus[status],
    })),
  };
}
