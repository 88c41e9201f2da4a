import { formatMessage, type Lang } from '../messages.js';
import { displayNumber as formatNumber } from './view-result.js';
import type { RegionCheck } from '../report/types.js';

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

