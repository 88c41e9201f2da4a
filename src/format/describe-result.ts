// The one place the leadership formats (html, xlsx) decide wording, rounding and reasons. When the
// shared view of results lands (issue 12, src/format/view.ts), this module delegates to it.
import { formatMessage, type Lang, type MessageCode } from '../messages.js';
import { describeTarget, formatNumber, sanitize } from '../report/describe-target.js';
import { STATUSES, type Report, type Result, type Status } from '../report/types.js';

/** Everything a person-facing format shows about one result, worded and rounded once. */
export interface ResultView {
  result: Result;
  indicator: string;
  target: string;
  /** The actual in words: a figure, 已完成/未完成 for milestones, or empty. */
  actual: string;
  /** The figure compared, as a number (null for milestones and missing figures). */
  actualValue: number | null;
  actualYear: number | null;
  gap: string;
  attainment: string;
  status: string;
  /** Why it is not met, behind or not assessable; empty when there is nothing to explain. */
  reason: string;
  /** `预计2025年 15.9`, empty when there is no projection. */
  projected: string;
  projectedValue: number | null;
  /** True when the projection misses the target. */
  wouldMiss: boolean;
}

const word = (code: MessageCode, lang: Lang, params: Record<string, string | number> = {}): string => formatMessage(code, params, lang);

/** Decimals in a number's shortest form (capped at 4). */
function decimals(value: number): number {
  const text = String(Number(value.toFixed(4)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A figure rounded to one decimal more than the target states (at most 4). */
function roundLike(value: number, result: Result): string {
  const stated = typeof result.value === 'number' ? decimals(result.value) : Array.isArray(result.value) ? Math.max(...result.value.map(decimals)) : 1;
  return formatNumber(Number(value.toFixed(Math.min(4, stated + 1))));
}

const percent = (share: number, digits = 0): string => `${(share * 100).toFixed(digits)}%`;

function reasonOf(result: Result, lang: Lang): string {
  if (result.reason) return sanitize(formatMessage(result.reason.code, result.reason.params, lang));
  const off = result.severity !== 'ok' && result.status !== 'pending';
  if (!off && result.status !== 'moderate') return '';
  const p = result.progress;
  if (p && p.requiredRate !== null && p.observedRate !== null && p.ratio !== null && p.method !== 'rate-ratio') {
    const rate = (x: number): string => (p.method === 'growth-ratio' ? `${x.toFixed(2)}%` : `${roundLike(x, result)}${result.unit ? ` ${result.unit}` : ''}`);
    return word('leader.reason-rates', lang, { required: rate(p.requiredRate), observed: rate(p.observedRate), ratio: percent(p.ratio) });
  }
  if (p && p.completionShare !== null && p.elapsedShare !== null) {
    return word('leader.reason-shares', lang, { completion: percent(p.completionShare, 1), elapsed: percent(p.elapsedShare) });
  }
  if (result.soft && result.severity === 'warning') return word('leader.reason-soft', lang);
  return '';
}

/** Words and rounded figures of one result in `lang`. */
export function viewResult(result: Result, lang: Lang): ResultView {
  const milestone = result.kind === 'milestone';
  let actual = '';
  if (result.actual) actual = milestone ? word(result.actual.value === 1 ? 'word.done' : 'status.not_met', lang) : roundLike(result.actual.value, result);
  const projected = result.progress?.projected ?? null;
  const projectedGap = result.progress?.projectedGap ?? null;
  let status = word(`status.${result.status}`, lang);
  if (result.soft) status += `(${word('word.soft', lang)})`;
  return {
    result,
    indicator: sanitize(lang === 'zh' ? result.indicator : result.indicatorEn),
    target: sanitize(describeTarget(result, lang)),
    actual,
    actualValue: result.actual && !milestone ? result.actual.value : null,
    actualYear: result.actual?.year ?? null,
    gap: result.gap === null ? '' : formatNumber(Number(result.gap.toFixed(4)), true),
    attainment: result.attainment === null ? '' : percent(result.attainment, 1),
    status,
    reason: reasonOf(result, lang),
    projected: projected === null ? '' : `${word('leader.projected-year', lang, { year: result.year })} ${roundLike(projected, result)}`,
    projectedValue: projected,
    wouldMiss: projectedGap !== null && projectedGap < 0,
  };
}

/** One action's results (key 0: the plan's development goals), in report order. */
export interface ActionGroup {
  key: number;
  title: string;
  results: Result[];
}

/** Results grouped by action in the plan's order, goals first. */
export function groupByAction(report: Report, results: readonly Result[], lang: Lang): ActionGroup[] {
  const groups = new Map<number, ActionGroup>();
  const titles = new Map(report.plan.actions.map((a) => [a.number, sanitize(lang === 'zh' ? a.title : a.titleEn)]));
  for (const result of results) {
    const key = result.goal !== null ? 0 : (result.action ?? 0);
    let group = groups.get(key);
    if (!group) {
      const title = key === 0 ? word('word.goals', lang) : `${word('word.action', lang)} ${key} ${titles.get(key) ?? ''}`.trim();
      group = { key, title, results: [] };
      groups.set(key, group);
    }
    group.results.push(result);
  }
  return [...groups.values()].sort((a, b) => a.key - b.key);
}

/** The headline figures of a report: review year, 时序进度, 完成率 and counts by status. */
export interface HeaderView {
  title: string;
  asOf: number;
  /** Share of the plan period elapsed at the review year. */
  elapsed: number;
  completionRate: number | null;
  /** `已到期 3 项中达标 2 项` or `尚无到期指标`. */
  completionText: string;
  counts: { status: Status; word: string; count: number }[];
}

/** The report's headline figures in `lang`. */
export function viewHeader(report: Report, lang: Lang): HeaderView {
  const { start, end } = report.plan.period;
  const tally = report.summary;
  const met = tally.byStatus.met;
  const judged = met + tally.byStatus.not_met;
  return {
    title: sanitize(lang === 'zh' ? report.plan.title : report.plan.titleEn),
    asOf: report.asOf,
    elapsed: Math.min(1, Math.max(0, (report.asOf - start + 1) / (end - start + 1))),
    completionRate: tally.completionRate,
    completionText: judged > 0 ? word('leader.completion-of', lang, { met, judged }) : word('leader.none-judged', lang),
    counts: STATUSES.filter((status) => tally.byStatus[status] > 0).map((status) => ({ status, word: word(`status.${status}`, lang), count: tally.byStatus[status] })),
  };
}

/** A region's name as shown: sanitised, or the words for "no region". */
export function regionName(region: string, lang: Lang): string {
  return region === '' ? word('word.no-region', lang) : sanitize(region);
}
