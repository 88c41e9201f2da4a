// The leadership formats (html, xlsx) take every word, rounding and reason from the shared view
// (src/format/view.ts); this adapter only adds the exact numbers they also print as numbers.
import { formatMessage, type Lang } from '../messages.js';
import { STATUSES, type Report, type Result, type Tally } from '../report/types.js';
import { COUNT_KEYS, GOOD_STATUSES, UNJUDGED_STATUSES, type CountKey } from './status-style.js';
import type { FigureDoubts } from './find-doubts.js';
import { isNotJudged } from './view-result.js';
import { tallyLines, viewReport, viewResult as viewOne, type ReportView, type ResultView } from './view.js';

/** The shared view of a result plus the exact figures a workbook stores in number cells. */
export interface LeaderRow extends ResultView {
  /** The figure compared, as a number (null for milestones and missing figures). */
  actualValue: number | null;
  actualYear: number | null;
  projectedValue: number | null;
}

/** The shared view of one result, with its exact figures; `doubts` marks a figure a warning doubts. */
export function viewRow(result: Result, lang: Lang, doubts?: FigureDoubts): LeaderRow {
  const view = viewOne(result, lang, doubts);
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
  /**
   * The share shown large: 完成率 at the final review; before it, met or on track ÷ judged
   * (达标或符合进度, as the heat map counts), since few targets are due mid-term and 完成率 would
   * read 0%. `note` says what it counts, and mid-term the 完成率 so far.
   */
  headline: { label: string; share: number | null; note: string };
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

/** Targets met or on track (达标或符合进度), and all judged, of a tally. */
function onTrackCounts(tally: Tally): { good: number; judged: number } {
  let judged = 0;
  let good = 0;
  for (const status of STATUSES) {
    if (UNJUDGED_STATUSES.has(status)) continue;
    judged += tally.byStatus[status];
    if (GOOD_STATUSES.has(status)) good += tally.byStatus[status];
  }
  return { good, judged };
}

/** Met or on track ÷ targets judged (达标或符合进度): the mid-term headline; null when none is judged. */
export function onTrackShare(tally: Tally): number | null {
  const { good, judged } = onTrackCounts(tally);
  return judged > 0 ? Number((good / judged).toPrecision(12)) : null;
}

/** Whether a report is the final review (its year at or after the plan's end): 完成率 is then the headline. */
export function isFinalReview(report: Report): boolean {
  return report.asOf >= report.plan.period.end;
}

/** The headline share of a tally: 完成率 at the final review, else the share met or on track. */
export function headlineShare(report: Report, tally: Tally): number | null {
  return isFinalReview(report) ? tally.completionRate : onTrackShare(tally);
}

function headline(report: Report, lang: Lang): HeaderView['headline'] {
  const tally = report.summary;
  if (isFinalReview(report)) return { label: formatMessage('leader.completion', {}, lang), share: tally.completionRate, note: '' };
  const { good, judged } = onTrackCounts(tally);
  const notes = [formatMessage('view.on-track-share', { good, judged }, lang)];
  if (tally.completionRate !== null) {
    const rate = `${(tally.completionRate * 100).toFixed(1)}%`;
    notes.push(formatMessage('view.completion-so-far', { rate, met: tally.byStatus.met, judged: tally.byStatus.met + tally.byStatus.not_met }, lang));
  }
  return { label: formatMessage('leader.on-track-share', {}, lang), share: onTrackShare(tally), note: notes.join(lang === 'zh' ? ';' : '; ') };
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
    headline: headline(report, lang),
    summary: view.summary.length > 0 ? view.summary : tallyLines('', report.summary, report, lang),
    counts: COUNT_KEYS
      .map((status) => ({ status, word: countWord(status, lang), count: tallyCount(report.summary, status) }))
      .filter((count) => count.count > 0),
  };
}
