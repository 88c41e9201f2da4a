import { formatMessage, messages, type Lang, type MessageCode, type MessageParams } from '../messages.js';
import type { Result } from '../report/types.js';
import { describeTarget } from './describe-target.js';
import { escapeControls } from './sanitize.js';

/** How a result reads at a glance: drives colours, icons and what counts as off track. */
export type Tone = 'good' | 'bad' | 'warn' | 'moderate' | 'neutral';

/**
 * Everything a person-facing format shows about one result, worded once in one language. Text
 * fields are plain text with control characters already escaped (`escapeControls`); a format
 * adds only its own escaping (Markdown, XML, HTML) on top.
 */
export interface ResultView {
  /** The exact data, for formats that also print numbers as numbers (CSV, xlsx). */
  result: Result;
  id: string;
  /** The region as given ('' when the data names none), escaped. */
  region: string;
  /** The indicator in the user's language. */
  indicator: string;
  /** 0 for development goals, else the action number: the group a result is listed under. */
  group: number;
  /** The target in words: `≥ 3.4 %`, `年均增长 ≥ 20 %`, `完成`. */
  target: string;
  /** The actual in words: `3.52`, `900 (2023)`, `已完成`/`未完成`; '' without a figure. */
  actual: string;
  /** The figure alone, for a matrix cell: `3.52`, `已完成`; '' without one. */
  figure: string;
  /** Distance from the target, signed, rounded for display: `+0.12`; '' when none. */
  gap: string;
  /** Actual as a share of the target, for display: `95.0%`; '' when none. */
  attainment: string;
  /** The status word, with `(警告)` or `(力争)` when the policy softens it. */
  status: string;
  /** One narrow character for a matrix cell: ✓ ✗ ! ~ ? -. */
  symbol: string;
  tone: Tone;
  /** Not met, behind or moving away: listed as a failure for display even when it does not fail the run. */
  offTrack: boolean;
  /** Why, in one short sentence, for results not met, behind or not assessable; '' otherwise. */
  reason: string;
  /** The progress figures in words (完成进度 against 时序进度, or rates); '' when none. */
  progress: string;
  /** `预计2025年 1028`, rounded to the target's precision; '' when there is no projection. */
  projection: string;
  /** True when the projection falls short of the target. */
  projectionMisses: boolean;
}

const OFF_TRACK = new Set<Result['status']>(['not_met', 'insufficient', 'moving_away']);

/** Decimal places of a number as written (3.4 → 1), at most 4. */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const text = String(Number(x.toFixed(4)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(4, text.length - dot - 1);
}

/** The target's own precision: the decimals of its figure (or of a range's ends). */
function targetDecimals(result: Result): number {
  const { value } = result;
  if (Array.isArray(value)) return Math.max(decimalsOf(value[0]), decimalsOf(value[1]));
  return typeof value === 'number' ? decimalsOf(value) : 0;
}

/** A number for display: up to 4 decimals without binary noise, a plus sign when asked. */
export function displayNumber(x: number | null | undefined, signed = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  const rounded = Number(x.toFixed(4));
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return signed && rounded > 0 ? `+${text}` : text;
}

/** A number with exactly `decimals` places (no exponent for plain sizes). */
function fixed(x: number, decimals: number): string {
  const text = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

function percent(share: number, decimals: number): string {
  return fixed(share * 100, decimals);
}

function say(code: MessageCode, params: MessageParams, lang: Lang): string {
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

/** What the numbers say about a shortfall: rates, time share, or distance from the target. */
function shortfall(result: Result, lang: Lang, unit: string): string {
  const p = result.progress;
  if (p && (p.method === 'growth-ratio' || p.method === 'rate-ratio') && p.requiredRate !== null && p.observedRate !== null && p.ratio !== null) {
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
  const decimals = Math.max(targetDecimals(result), decimalsOf(result.actual.value));
  const gap = fixed(Math.abs(result.gap), decimals);
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
      return say('view.short', { gap, unit, attainment: result.attainment === null ? '—' : `${percent(result.attainment, 1)}%` }, lang);
  }
}

/** For a band (`~`, range): true when the actual lies above it. */
function aboveTarget(result: Result): boolean {
  const actual = result.actual?.value ?? 0;
  const { value } = result;
  if (Array.isArray(value)) return actual > value[1];
  return typeof value === 'number' && actual > value;
}

function reasonOf(result: Result, lang: Lang, unit: string): string {
  const explained = result.status === 'met' || result.status === 'achieved' || result.status === 'on_track';
  // A pending milestone's status says it all.
  if (result.status === 'pending' && result.reason?.code === 'reason.not-done-yet') return '';
  if (explained && !result.reason) return '';
  const because = judgeReason(result, lang);
  const detail = because || (explained ? '' : shortfall(result, lang, unit));
  if (result.soft && result.severity === 'warning') {
    const soft = say('view.soft-miss', {}, lang);
    return detail ? `${detail}${lang === 'zh' ? ';' : '; '}${soft}` : soft;
  }
  return detail;
}

function progressOf(result: Result, lang: Lang): string {
  const p = result.progress;
  if (!p || p.elapsedShare === null) return '';
  if (p.method === 'time-share' && p.completionShare !== null) {
    return say('view.time-share', { completion: percent(p.completionShare, 1), elapsed: percent(p.elapsedShare, 0) }, lang);
  }
  if (p.completionShare !== null) return say('view.completion', { completion: percent(p.completionShare, 1), elapsed: percent(p.elapsedShare, 0) }, lang);
  return '';
}

function statusWord(result: Result, lang: Lang): string {
  const word = say(`status.${result.status}`, {}, lang);
  const open = lang === 'zh' ? '(' : ' (';
  if (result.soft && result.severity !== 'ok') return `${word}${open}${say('view.soft-tag', {}, lang)})`;
  if (result.severity === 'warning' && result.status === 'not_met') return `${word}${open}${say('view.warning-tag', {}, lang)})`;
  return word;
}

function toneOf(result: Result): Tone {
  if (result.status === 'met' || result.status === 'achieved' || result.status === 'on_track') return 'good';
  if (result.severity === 'failure') return 'bad';
  if (result.status === 'moderate') return 'moderate';
  if (result.severity === 'warning' || OFF_TRACK.has(result.status)) return 'warn';
  return 'neutral';
}

const SYMBOLS: Record<Tone, string> = { good: '✓', bad: '✗', warn: '!', moderate: '~', neutral: '?' };

/** The words of one result in `lang`: computed here once, laid out by every format. */
export function viewResult(result: Result, lang: Lang): ResultView {
  const unit = result.unit ? (lang === 'zh' || result.unit === '%' ? result.unit : ` ${result.unit}`) : '';
  let figure = '';
  if (result.actual) {
    figure = result.kind === 'milestone' ? say(result.actual.value === 1 ? 'view.done' : 'view.not-done', {}, lang) : displayNumber(result.actual.value);
  }
  const actual = result.actual && result.actual.year !== result.year && result.kind !== 'milestone' ? `${figure} (${result.actual.year})` : figure;
  let gap = '';
  if (result.gap !== null && result.actual) {
    const decimals = Math.max(targetDecimals(result), decimalsOf(result.actual.value));
    // A band reads from the target: above it is +, below it −, whatever way the gap is measured.
    const signed = (result.op === '~' || result.op === 'range') && aboveTarget(result) ? Math.abs(result.gap) : result.gap;
    gap = fixed(signed, decimals);
    if (signed > 0 && Number(gap) !== 0) gap = `+${gap}`;
  }
  const p = result.progress;
  let projection = '';
  let projectionMisses = false;
  if (p && p.projected !== null && !result.final) {
    projectionMisses = p.projectedGap !== null && p.projectedGap < 0;
    const value = fixed(p.projected, targetDecimals(result));
    projection = say(projectionMisses ? 'view.projected-miss' : 'view.projected', { year: result.year, value }, lang);
  }
  const tone = toneOf(result);
  const towns = townWords(result, lang);
  return {
    result,
    id: escapeControls(result.id),
    region: escapeControls(result.region),
    indicator: escapeControls(lang === 'zh' ? result.indicator : result.indicatorEn),
    group: result.goal !== null ? 0 : (result.action ?? 0),
    target: escapeControls(describeTarget(result, lang) + towns.targetTag),
    actual: escapeControls(actual + towns.figureTag),
    figure: escapeControls(towns.figureMark + figure + (figure === '' ? '' : towns.ownTarget)),
    gap,
    attainment: result.attainment === null ? '' : `${percent(result.attainment, 1)}%`,
    status: statusWord(result, lang),
    symbol: towns.notJudged ? '·' : result.status === 'pending' ? '-' : SYMBOLS[tone],
    tone,
    offTrack: OFF_TRACK.has(result.status),
    reason: escapeControls([towns.reasonHead, reasonOf(result, lang, unit)].filter((part) => part !== '').join(lang === 'zh' ? ';' : '; ')),
    progress: progressOf(result, lang),
    projection,
    projectionMisses,
  };
}

/**
 * How a result of a plan carried out by towns reads (docs/regions.md): which target it was
 * judged against (`(分解目标)`, `(县级目标)`), a figure rolled up from the towns (`Σ`, `(乡镇汇总)`),
 * and a town not judged (`·`). The target a town was judged against leads its reason, so a matrix line names it.
 */
function townWords(result: Result, lang: Lang): { targetTag: string; figureTag: string; figureMark: string; ownTarget: string; notJudged: boolean; reasonHead: string } {
  const open = lang === 'zh' ? '(' : ' (';
  const close = lang === 'zh' ? ')' : ')';
  const source = result.targetSource;
  const targetTag = source === 'decomposed' || source === 'intensive_plan' ? `${open}${say(`source.${source}`, {}, lang)}${close}` : '';
  const derived = result.figureSource === 'derived' && result.actual !== null;
  const notJudged = result.reason?.code === 'reason.no-decomposed-target';
  const explained = result.status === 'met' || result.status === 'achieved' || result.status === 'on_track';
  const reasonHead = (source === 'decomposed' || source === 'intensive_plan') && !explained
    ? `${say(`source.${source}`, {}, lang)} ${describeTarget(result, lang)}`
    : '';
  return {
    targetTag,
    figureTag: derived ? `${open}${say('source.derived', {}, lang)}${close}` : '',
    figureMark: derived ? 'Σ' : '',
    // A matrix cell of a town with its own target reads `37/40`: its figure against its target.
    ownTarget: source === 'decomposed' && typeof result.value === 'number' ? `/${displayNumber(result.value)}` : '',
    notJudged,
    reasonHead,
  };
}
