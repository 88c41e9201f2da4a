// The leadership formats (html, xlsx) take every word, rounding and reason from the shared view
// (src/format/view.ts); this adapter only adds the exact numbers they also print as numbers.
import { formatMessage, type Lang } from '../messages.js';
import type { Report, Result, Tally } from '../report/types.js';
import { COUNT_KEYS, type CountKey } from './status-style.js';
import { isNotJudged } from './view-result.js';
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
  /** By status, then towns not judged (无分解目标) apart from 无法评估; only counts above 0. */
  counts: { status: CountKey; word: string; count: number }[];
}

/** The word for a count key in `lang`. */
export function countWord(key: CountKey, lang: Lang): string {
  return formatMessage(key === 'not_judged' ? 'word.not-judged' : `status.${key}`, {}, lang);
}

/** How many results of each count key: a not-judged result counts under `not_judged` only. */
export function countResults(results: readonly Result[], keys: readonly CountKey[]): number[] {
  const at = new Map(keys.map((key, i) => [key, i]));
  const counts = keys.map(() => 0);
  for (const result of results) {
    const i = at.get(isNotJudged(result) ? 'not_judged' : result.status);
    if (i !== undefined) counts[i]! += 1;
  }
  return counts;
}

/** A tally's count for a key: 无法评估 without the towns not judged, which have their own. */
export function tallyCount(tally: Tally, key: CountKey): number {
  const notJudged = tally.notJudged ?? 0;
  if (key === 'not_judged') return notJudged;
  return key === 'not_assessable' ? tally.byStatus.not_assessable - notJudged : tally.byStatus[key];
}

/** The report's headline figures in `lang`, from the shared view. */
export function viewHeader(report: Report, lang: Lang, maxErrors = 50, regions?: readonly string[]): HeaderView {
  const view = viewReport(report, { lang, maxErrors, regions });
  return {
    view,
    title: view.title,
    asOf: report.asOf,
    elapsed: report.elapsedShare,
    completionRate: report.summary.completionRate,
    summary: view.summary.length > 0 ? view.summary : tallyLines('', report.summary, report, lang),
    counts: COUNT_KEYS
      .map((status) => ({ status, word: countWord(status, lang), count: tallyCount(report.summary, status) }))
      .filter((count) => count.count > 0),
  };
}
