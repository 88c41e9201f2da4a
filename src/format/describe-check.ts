import { formatMessage, type Lang } from '../messages.js';
import { formatNumber } from '../report/describe-target.js';
import type { RegionCheck, Result } from '../report/types.js';

/** A region check in words (分项之和与合计不符, shares short of the county target); plain text, not yet sanitised. */
export function describeCheck(check: RegionCheck, lang: Lang): string {
  const indicator = lang === 'zh' ? check.indicator : check.indicatorEn;
  if (check.kind === 'roll-up') {
    return formatMessage('check.roll-up-mismatch', {
      indicator, id: check.id, year: check.year, derived: formatNumber(check.actual), county: check.region,
      reported: formatNumber(check.expected), difference: formatNumber(check.difference, true),
    }, lang);
  }
  return formatMessage('check.decomposition-short', {
    indicator, id: check.id, sum: formatNumber(check.actual), target: formatNumber(check.expected),
    difference: formatNumber(check.difference, true), count: check.regions, total: check.total,
  }, lang);
}

/**
 * What a town's result was judged against, as a suffix for its target: "(分解目标)" or
 * "(县级目标)"; the plan level and plans without towns need none. "(乡镇汇总)" marks a derived figure.
 */
export function describeSources(result: Pick<Result, 'targetSource' | 'figureSource'>, lang: Lang): { target: string; figure: string } {
  const source = result.targetSource;
  const target = source === 'decomposed' || source === 'intensive_plan' ? ` (${formatMessage(`source.${source}`, {}, lang)})` : '';
  const figure = result.figureSource === 'derived' ? ` (${formatMessage('source.derived', {}, lang)})` : '';
  return { target, figure };
}
