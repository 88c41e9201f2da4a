import type { Lang } from './messages.js';
import type { Target } from './plan/types.js';

/**
 * What the form writes in the unit column (计量单位) of a growth (`cagr`) or `change` target: its
 * figures are either rates in % or levels of the indicator in the indicator's own unit, which
 * the analyst names. A `%` there would invite levels marked as rates.
 */
const HINTS = {
  cagr: { zh: '年增长率(%)或指标水平值(填其单位)', en: 'growth % a year, or levels (give their unit)' },
  change: { zh: '较基期变化(%)或指标水平值(填其单位)', en: 'change on baseline %, or levels (give their unit)' },
} as const;

/** How the hints read after the reader's normalising of a unit cell (NFKC, trimmed). */
const READ_AS_BLANK = new Set(Object.values(HINTS).flatMap((hint) => [hint.zh, hint.en]).map((text) => text.normalize('NFKC').trim()));

/** The form's unit cell of a target: its unit, or for a growth or change target in % the hint to choose one. */
export function formUnit(target: Target, lang: Lang): string {
  if ((target.kind === 'cagr' || target.kind === 'change') && target.unit === '%') return HINTS[target.kind][lang];
  return target.unit;
}

/** True when a unit cell (NFKC, trimmed) still holds the form's hint: no unit was given, as if blank. */
export function isFormUnitHint(text: string): boolean {
  return READ_AS_BLANK.has(text);
}
