import { formatMessage, messages, type Lang, type MessageCode, type MessageParams } from '../messages.js';
import type { Result } from '../report/types.js';
import { describeTarget } from './describe-target.js';
import { decimalsOf, displayNumber, fixed, fixedBeside, percent, targetDecimals } from './display-number.js';
import { showActual } from './show-number.js';

// Why a result stands where it does, in one sentence: part of the view (see view-result.ts).

/** A message in `lang`. */
export function say(code: MessageCode, params: MessageParams, lang: Lang): string {
  return formatMessage(code, params, lang);
}

/** The reason a judge gave, in words; an unknown code is worded generically rather than failing. */
function judgeReason(result: Result, lang: Lang): string {
  const reason = result.reason;
  if (!reason) return '';
  if (reason.code === 'reason.no-baseline') return say('view.no-baseline', reason.params, lang);
  if (Object.hasOwn(messages, reason.code)) return say(reason.code, reason.params, lang);
  return say('view.unknown-reason', { code: String(reason.code) }, lang);
}

/**
 * The numbers a sentence about a result holds that differ between regions, in words: the view's
 * own (`FIGURE_WORDS`), or marks where a template (`off-track-sentences.ts`) splices them in.
 * Each is asked for only where the sentence holds it (a result with an actual, a gap).
 */
export interface FigureWords {
  /** The actual beside its gap (`showActual`): `3.52`. */
  actual(result: Result): string;
  /** The gap beside the figures, signed (a band's from the target): `+0.12`. */
  gap(result: Result): string;
  /** The gap in a reason, unsigned, at the figures' precision: `0.12`. */
  shortfall(result: Result): string;
  /** The attainment in a reason: `95.0%`, or `—` when there is none. */
  attainment(result: Result): string;
  /** The actual in a reason that can say nothing more precise (`displayNumber`). */
  missed(result: Result): string;
}

/** The figures' precision: the target's, or the actual's when it has more decimals. */
function figureDecimals(result: Result): number {
  return Math.max(targetDecimals(result), decimalsOf(result.actual!.value));
}

/** The numbers of a sentence as the view words them: the one copy of their rounding rules. */
export const FIGURE_WORDS: FigureWords = {
  actual: (result) => showActual(result.actual!.value, result.gap),
  gap: (result) => {
    const gap = result.gap!;
    // A band reads from the target: above it is +, below it −, whatever way the gap is measured.
    const signed = (result.op === '~' || result.op === 'range') && aboveTarget(result) ? Math.abs(gap) : gap;
    const text = fixedBeside(signed, figureDecimals(result), signed);
    return signed > 0 ? `+${text}` : text;
  },
  shortfall: (result) => fixedBeside(Math.abs(result.gap!), figureDecimals(result), result.gap),
  attainment: (result) => (result.attainment === null ? '—' : `${percent(result.attainment, 1)}%`),
  missed: (result) => displayNumber(result.actual!.value),
};

/** What the numbers say about a shortfall: rates, time share, or distance from the target. */
function shortfall(result: Result, lang: Lang, unit: string, words: FigureWords): string {
  const p = result.progress;
  if (p && (p.method === 'growth-ratio' || p.method === 'rate-ratio') && p.requiredRate !== null && p.observedRate !== null && p.ratio !== null) {
    if (p.requiredRate < 0) {
      // A target that needs a fall reads as a fall ("需年均下降 4.36%"), never as growth of −4.36 %.
      const params = { required: fixed(-p.requiredRate, 2), observed: fixed(Math.abs(p.observedRate), 2), ratio: fixed(p.ratio * 100, 0) };
      return say(p.observedRate > 0 ? 'view.away-fall' : 'view.need-fall', params, lang);
    }
    const params = { required: fixed(p.requiredRate, 2), observed: fixed(p.observedRate, 2), ratio: fixed(p.ratio * 100, 0) };
    return say(p.ratio < 0 ? 'view.moving-away' : 'view.need-growth', params, lang);
  }
  if (p && p.method === 'linear-ratio' && p.requiredRate !== null && p.observedRate !== null && p.ratio !== null) {
    return say('view.need-change', { required: displayNumber(p.requiredRate), observed: displayNumber(p.observedRate), ratio: fixed(p.ratio * 100, 0), unit }, lang);
  }
  if (p && p.method === 'time-share' && p.completionShare !== null && p.elapsedShare !== null) {
    return say('view.time-share', { completion: percent(p.completionShare, 1), elapsed: percent(p.elapsedShare, 0) }, lang);
  }
  if (p && p.method === 'mean' && p.observedRate !== null && !result.final) {
    return say('view.mean-short', { observed: displayNumber(p.observedRate), unit, target: describeTarget(result, lang) }, lang);
  }
  if (result.kind === 'milestone') return say('view.not-done-by', { year: result.year }, lang);
  if (result.gap === null || result.actual === null) return '';
  // A strict bound met exactly (> 250, actual 250) falls short by nothing: "short by 0" says it wrong.
  if (result.gap === 0 && (result.op === '>' || result.op === '<')) {
    return say(result.op === '>' ? 'view.at-bound-above' : 'view.at-bound-below', { actual: words.missed(result), unit }, lang);
  }
  const gap = words.shortfall(result);
  // The difference of two percentages is in percentage points (个百分点), not a relative share.
  if (result.unit === '%') unit = say('view.points', {}, lang);
  switch (result.op) {
    case '<=':
    case '<':
      return say('view.over-limit', { gap, unit }, lang);
    case '~':
    case 'range':
      return say(aboveTarget(result) ? 'view.above-band' : 'view.below-band', { gap, unit }, lang);
    case '==':
      return say('view.off-exact', { gap, unit }, lang);
    default:
      return say('view.short', { gap, unit, attainment: words.attainment(result) }, lang);
  }
}

/**
 * A share in % (a level such as a coverage or a rate of 占比) cannot be projected past 100 %: a
 * trend that would cross it is shown as 100. Applies only to levels in % whose target and latest
 * figure lie within 0–100.
 */
export function shareCeiling(result: Result, projected: number): number {
  if (result.unit !== '%' || (result.kind !== 'level' && result.kind !== 'cumulative')) return projected;
  const target = Array.isArray(result.value) ? result.value[1] : result.value;
  const latest = result.actual?.value;
  if (target === null || target > 100 || latest === undefined || latest > 100 || latest < 0) return projected;
  return Math.min(100, projected);
}

/** For a band (`~`, range): true when the actual lies above it. */
export function aboveTarget(result: Result): boolean {
  const actual = result.actual?.value ?? 0;
  const { value } = result;
  if (Array.isArray(value)) return actual > value[1];
  return typeof value === 'number' && actual > value;
}

/** A reason when the figures say nothing more precise: never leave a result that needs one without. */
function fallback(result: Result, lang: Lang, words: FigureWords): string {
  switch (result.status) {
    case 'not_met':
      return say('view.missed', { actual: result.actual ? words.missed(result) : '—', target: describeTarget(result, lang) }, lang);
    case 'insufficient':
    case 'moving_away':
    case 'moderate':
      return say('view.behind', {}, lang);
    case 'no_data':
    case 'not_assessable':
      return say('view.cannot-assess', {}, lang);
    default:
      return '';
  }
}

/** Why, in one short sentence, for results not met, behind or not assessable (soft misses say so); '' otherwise. */
export function reasonOf(result: Result, lang: Lang, unit: string, words: FigureWords = FIGURE_WORDS): string {
  const explained = result.status === 'met' || result.status === 'achieved' || result.status === 'on_track';
  // A pending milestone's status says it all.
  if (result.status === 'pending' && result.reason?.code === 'reason.not-done-yet') return '';
  if (explained && !result.reason) return '';
  const because = judgeReason(result, lang);
  const detail = because || (explained ? '' : shortfall(result, lang, unit, words) || fallback(result, lang, words));
  if (result.soft && result.severity === 'warning') {
    const soft = say('view.soft-miss', {}, lang);
    return detail ? `${detail}${lang === 'zh' ? ';' : '; '}${soft}` : soft;
  }
  return detail;
}

/** The progress figures in words: 完成进度 against 时序进度; '' when there are none. */
export function progressOf(result: Result, lang: Lang): string {
  const p = result.progress;
  if (!p || p.elapsedShare === null) return '';
  if (p.method === 'time-share' && p.completionShare !== null) {
    return say('view.time-share', { completion: percent(p.completionShare, 1), elapsed: percent(p.elapsedShare, 0) }, lang);
  }
  if (p.completionShare !== null) return say('view.completion', { completion: percent(p.completionShare, 1), elapsed: percent(p.elapsedShare, 0) }, lang);
  return '';
}
