import { formatMessage, type Lang } from '../messages.js';
import { STATUSES, type Result } from '../report/types.js';
import { describeTarget } from './describe-target.js';
import type { FigureDoubts } from './find-doubts.js';
import { decimalsOf, displayNumber, fixed, fixedBeside, percent, targetDecimals } from './display-number.js';
import { showActual } from './show-number.js';
import { escapeControls } from './sanitize.js';
import { FIGURE_WORDS, progressOf, reasonOf, say, shareCeiling, type FigureWords } from './word-reason.js';

export { decimalsOf, displayNumber } from './display-number.js';

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
  /** The status word, with `(警告)` or `(力争)` when the policy softens it, then the doubt's mark when its figure is doubted. */
  status: string;
  /** `⚠ 数值疑似单位错误` when a warning doubts the figure (docs/report.md), else ''; already part of `status`. */
  doubt: string;
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
  /** What the judges noted beside the status (a stale figure, a running total that fell), worded. */
  notes: string;
}

/** Not met, behind or moving away: a result `offTrack` (`ResultView.offTrack`). */
export function isOffTrackStatus(status: Result['status']): boolean {
  return status === 'not_met' || status === 'insufficient' || status === 'moving_away';
}

// Status words depend on four small things only: word them once per combination.
const STATUS_WORDS = new Map<number, string>();
const STATUS_INDEX = new Map<string, number>(STATUSES.map((status, i) => [status, i]));
const SEVERITY_INDEX = new Map<string, number>(['ok', 'info', 'warning', 'failure'].map((severity, i) => [severity, i]));

function statusWord(result: Result, lang: Lang): string {
  // A number, not a string, as key: no string is built per result.
  const key = (STATUS_INDEX.get(result.status) ?? 99) * 32 + (SEVERITY_INDEX.get(result.severity) ?? 7) * 4 + (result.soft ? 2 : 0) + (lang === 'zh' ? 1 : 0);
  let word = STATUS_WORDS.get(key);
  if (word === undefined) {
    word = wordStatus(result, lang);
    STATUS_WORDS.set(key, word);
  }
  return word;
}

function wordStatus(result: Result, lang: Lang): string {
  const word = say(`status.${result.status}`, {}, lang);
  const open = lang === 'zh' ? '(' : ' (';
  if (result.soft && result.severity !== 'ok') return `${word}${open}${say('view.soft-tag', {}, lang)})`;
  if (result.severity === 'warning' && result.status === 'not_met') return `${word}${open}${say('view.warning-tag', {}, lang)})`;
  return word;
}

/** How a result of this status and severity reads: its colour, icon and matrix symbol's tone. */
export function toneOf(result: Pick<Result, 'status' | 'severity'>): Tone {
  if (result.status === 'met' || result.status === 'achieved' || result.status === 'on_track') return 'good';
  if (result.severity === 'failure') return 'bad';
  if (result.status === 'moderate') return 'moderate';
  if (result.severity === 'warning' || isOffTrackStatus(result.status)) return 'warn';
  return 'neutral';
}

const SYMBOLS: Record<Tone, string> = { good: '✓', bad: '✗', warn: '!', moderate: '~', neutral: '?' };

/** What a matrix cell shows of a result: the parts of its view that a cell needs, cheaply. */
export interface ResultCell {
  result: Result;
  /** `✗ 950`: the symbol and the figure. */
  text: string;
  /** The figure alone: `950`, `已完成`; '' without one. */
  figure: string;
  symbol: string;
  tone: Tone;
  status: string;
  offTrack: boolean;
}

function figureOf(result: Result, lang: Lang, words: FigureWords = FIGURE_WORDS): string {
  if (!result.actual) return '';
  return result.kind === 'milestone' ? say(result.actual.value === 1 ? 'view.done' : 'view.not-done', {}, lang) : words.actual(result);
}

/** True for a town not judged on a target (无分解目标: no decomposed target), told apart from 无法评估. */
export function isNotJudged(result: Result): boolean {
  return result.reason?.code === 'reason.no-decomposed-target';
}

function symbolOf(result: Result, tone: Tone): string {
  // A town not judged (无分解目标) is neither good nor missing: a dot.
  if (isNotJudged(result)) return '·';
  return result.status === 'pending' ? '-' : SYMBOLS[tone];
}

/** The figure of a cell: `Σ` before a figure rolled up from towns, `/40` after a town's figure when it had its own target. */
export function cellFigure(result: Result, lang: Lang, figure = figureOf(result, lang)): string {
  if (figure === '') return '';
  const mark = result.figureSource === 'derived' ? 'Σ' : '';
  const own = result.targetSource === 'decomposed' && typeof result.value === 'number' ? `/${displayNumber(result.value)}` : '';
  return `${mark}${figure}${own}`;
}

/** True when a result's cell reads off track (not met, behind, moving away) or failing (its tone is bad). */
export function isOffTrackOrFailing(result: Result): boolean {
  return isOffTrackOrFailingAt(result.status, result.severity);
}

/** `isOffTrackOrFailing` from a result's status and severity alone. */
export function isOffTrackOrFailingAt(status: Result['status'], severity: Result['severity']): boolean {
  // As toneOf reads 'bad' (a failure that is not met, achieved or on track), without an object per call.
  return isOffTrackStatus(status) || (severity === 'failure' && status !== 'met' && status !== 'achieved' && status !== 'on_track');
}

// `cellMark`'s words by the few things they depend on.
const CELL_MARKS = new Map<number, string>();

/** A matrix cell's symbol and status word, `✗ 未达标`, as `cellOf` gives them: worded once per status, severity, softness and language. */
export function cellMark(result: Result, lang: Lang): string {
  const notJudged = isNotJudged(result);
  const key = (STATUS_INDEX.get(result.status) ?? 99) * 32 + (SEVERITY_INDEX.get(result.severity) ?? 7) * 4 + (result.soft ? 2 : 0) + (lang === 'zh' ? 1 : 0) + (notJudged ? 16384 : 0);
  let mark = CELL_MARKS.get(key);
  if (mark === undefined) {
    const cell = cellOf(result, lang);
    CELL_MARKS.set(key, (mark = `${cell.symbol} ${cell.status}`));
  }
  return mark;
}

/** A result as a matrix cell: the same symbol, figure, tone and status as its full view. */
export function cellOf(result: Result, lang: Lang): ResultCell {
  const tone = toneOf(result);
  // A figure is a number or one of our words: nothing from the input to escape.
  const figure = cellFigure(result, lang);
  const symbol = symbolOf(result, tone);
  return { result, text: figure ? `${symbol} ${figure}` : symbol, figure, symbol, tone, status: statusWord(result, lang), offTrack: isOffTrackStatus(result.status) };
}

/** What a line of the results off track shows: a result's region, target, status and reason. */
export type OffTrackView = Pick<ResultView, 'region' | 'id' | 'indicator' | 'status' | 'symbol' | 'tone' | 'reason'>;

/** The parts of `viewResult` that a line of the results off track shows, the same words, without the figures it does not show. */
export function viewOffTrack(result: Result, lang: Lang, doubts?: FigureDoubts): OffTrackView {
  const unit = unitWords(result, lang);
  const doubt = doubts && doubts.size > 0 ? doubts.of(result, lang) : '';
  const tone = toneOf(result);
  const words = targetWords(result, lang);
  const explained = result.status === 'met' || result.status === 'achieved' || result.status === 'on_track';
  return {
    region: escapedRegion(result.region),
    id: words.id,
    indicator: words.indicator,
    status: doubt === '' ? statusWord(result, lang) : `${statusWord(result, lang)} ${doubt}`,
    symbol: symbolOf(result, tone),
    tone,
    reason: reasonWords(result, lang, unit, explained ? '' : words.reasonHead),
  };
}

/** The unit as a reason reads it: `%` and Chinese units close up, others after a space. */
function unitWords(result: Result, lang: Lang): string {
  return result.unit ? (lang === 'zh' || result.unit === '%' ? result.unit : ` ${result.unit}`) : '';
}

/**
 * The words of one result in `lang`: computed here once, laid out by every format. `doubts`
 * marks a figure a warning doubts; `figures` words its numbers (a template passes marks in their place).
 */
export function viewResult(result: Result, lang: Lang, doubts?: FigureDoubts, figures: FigureWords = FIGURE_WORDS): ResultView {
  const unit = unitWords(result, lang);
  const figure = figureOf(result, lang, figures);
  const actual = result.actual && result.actual.year !== result.year && result.kind !== 'milestone' ? `${figure} (${result.actual.year})` : figure;
  const gap = result.gap !== null && result.actual ? figures.gap(result) : '';
  const p = result.progress;
  let projection = '';
  let projectionMisses = false;
  if (p && p.projected !== null && !result.final) {
    // A coverage cannot pass 100 %: a trend projected past it reaches 100, which meets "= 100 %".
    const capped = shareCeiling(result, p.projected);
    const reachesCap = capped !== p.projected && capped === result.value;
    projectionMisses = p.projectedGap !== null && p.projectedGap < 0 && !reachesCap;
    const value = fixedBeside(capped, targetDecimals(result), reachesCap ? 0 : p.projectedGap);
    projection = say(projectionMisses ? 'view.projected-miss' : 'view.projected', { year: result.year, value }, lang);
  }
  const tone = toneOf(result);
  const words = targetWords(result, lang);
  // How a result of a plan carried out by towns reads (docs/regions.md): the target a town was
  // judged against leads its reason, so a matrix line names it; a figure rolled up from the towns says so.
  const explained = result.status === 'met' || result.status === 'achieved' || result.status === 'on_track';
  const reasonHead = explained ? '' : words.reasonHead;
  const figureTag = result.figureSource === 'derived' && result.actual !== null ? DERIVED_TAG[lang] : '';
  const doubt = doubts && doubts.size > 0 ? doubts.of(result, lang) : '';
  const status = statusWord(result, lang);
  return {
    result,
    id: words.id,
    region: escapedRegion(result.region),
    indicator: words.indicator,
    group: words.group,
    target: words.target,
    actual: escapeControls(figureTag === '' ? actual : actual + figureTag),
    figure: escapeControls(cellFigure(result, lang, figure)),
    gap,
    attainment: result.attainment === null ? '' : `${percent(result.attainment, 1)}%`,
    status: doubt === '' ? status : `${status} ${doubt}`,
    doubt,
    symbol: symbolOf(result, tone),
    tone,
    offTrack: isOffTrackStatus(result.status),
    reason: reasonWords(result, lang, unit, reasonHead, figures),
    progress: progressOf(result, lang),
    projection,
    projectionMisses,
    notes: result.notes && result.notes.length > 0 ? escapeControls(result.notes.map((note) => formatMessage(note.code, note.params, lang)).join(lang === 'zh' ? ';' : '; ')) : '',
  };
}

// The last region escaped: results come a region at a time, or a target at a time across few regions.
let lastRegion = '';
let lastEscaped = '';

function escapedRegion(region: string): string {
  if (region !== lastRegion) {
    lastEscaped = escapeControls(region);
    lastRegion = region;
  }
  return lastEscaped;
}

/** The words of a result that come from its target alone, escaped: the same for every region. */
interface TargetWords {
  id: string;
  indicator: string;
  group: number;
  /** The target in words, with the tag of the target a town was judged against (`(县级目标)`). */
  target: string;
  /** That target named before the reason of a result not met, behind or not assessable (`县级目标 ≥ 52.3 %`); '' for the plan's own target. */
  reasonHead: string;
}

/** The terms the words of `TargetWords` were made from, to tell whether a result has the same. */
type WordedTerms = Pick<Result, 'id' | 'indicator' | 'indicatorEn' | 'goal' | 'action' | 'kind' | 'op' | 'value' | 'unit' | 'year' | 'targetSource'>;

// By language and id: the last terms worded and their words. A run lists each target once per
// region; a result whose terms differ (a town's own target) is worded anew.
const TARGET_WORDS: Record<Lang, Map<string, { terms: WordedTerms; words: TargetWords }>> = { zh: new Map(), en: new Map() };

/** `(乡镇汇总)`: after a figure rolled up from the towns. */
const DERIVED_TAG: Record<Lang, string> = {
  zh: `(${formatMessage('source.derived', {}, 'zh')})`,
  en: ` (${formatMessage('source.derived', {}, 'en')})`,
};

function targetWords(result: Result, lang: Lang): TargetWords {
  const known = TARGET_WORDS[lang].get(result.id);
  if (known && sameTerms(known.terms, result)) return known.words;
  const source = result.targetSource;
  const own = source === 'decomposed' || source === 'intensive_plan';
  const described = describeTarget(result, lang);
  const targetTag = own ? `${lang === 'zh' ? '(' : ' ('}${say(`source.${source}`, {}, lang)})` : '';
  const words: TargetWords = {
    id: escapeControls(result.id),
    indicator: escapeControls(lang === 'zh' ? result.indicator : result.indicatorEn),
    group: result.goal !== null ? 0 : (result.action ?? 0),
    target: escapeControls(described + targetTag),
    // Escaped with the reason it leads (`reasonWords`).
    reasonHead: own ? `${say(`source.${source}`, {}, lang)} ${described}` : '',
  };
  const { id, indicator, indicatorEn, goal, action, kind, op, value, unit, year, targetSource } = result;
  if (TARGET_WORDS[lang].size < 65536) TARGET_WORDS[lang].set(result.id, { terms: { id, indicator, indicatorEn, goal, action, kind, op, value, unit, year, targetSource }, words });
  return words;
}

function sameTerms(a: WordedTerms, b: Result): boolean {
  return a.id === b.id && a.indicator === b.indicator && a.indicatorEn === b.indicatorEn && a.goal === b.goal && a.action === b.action && a.kind === b.kind &&
    a.op === b.op && a.value === b.value && a.unit === b.unit && a.year === b.year && a.targetSource === b.targetSource;
}

// The words of a reason shared by many results (a frozen object, such as "no decomposed target"
// of every town not judged), by the parts of the result `reasonOf` reads beside it.
const SHARED_REASONS = new WeakMap<object, Map<number, string>>();

/** The reason of a result in words, escaped, after the target a town was judged against. */
function reasonWords(result: Result, lang: Lang, unit: string, head: string, words: FigureWords = FIGURE_WORDS): string {
  const reason = result.reason;
  // A frozen reason with no progress reads the same for the same status, severity and softness.
  if (!reason || !Object.isFrozen(reason) || !Object.isFrozen(reason.params) || result.progress !== null || head !== '' || words !== FIGURE_WORDS) {
    return wordReason(result, lang, unit, head, words);
  }
  let known = SHARED_REASONS.get(reason);
  if (!known) SHARED_REASONS.set(reason, (known = new Map()));
  // A number, not a string, as key: no string is built per result.
  const key = (STATUS_INDEX.get(result.status) ?? 99) * 32 + (SEVERITY_INDEX.get(result.severity) ?? 7) * 4 + (result.soft ? 2 : 0) + (lang === 'zh' ? 1 : 0);
  let text = known.get(key);
  if (text === undefined) known.set(key, (text = wordReason(result, lang, unit, head)));
  return text;
}

function wordReason(result: Result, lang: Lang, unit: string, head: string, words: FigureWords = FIGURE_WORDS): string {
  const because = reasonOf(result, lang, unit, words);
  if (head === '') return escapeControls(because);
  return escapeControls(because === '' ? head : `${head}${lang === 'zh' ? ';' : '; '}${because}`);
}
