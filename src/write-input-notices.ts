import type { Actuals, Notice } from './actuals/read-actuals.js';
import { formatMessage, type Lang } from './messages.js';
import { describeProblem, type Problem } from './problem.js';
import { sanitize } from './format/describe-target.js';
import type { TextSink } from './run.js';
import type { Report } from './report/types.js';
import { REVIEW_NOTICE_CODES } from './evaluate/find-review-notices.js';

/** One line of text from input: controls shown escaped, line breaks too, so a cell cannot add lines. */
function oneLine(text: string): string {
  return sanitize(text).replace(/[\n\t\u2028\u2029\u0085]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Which notices go to stderr: warnings unless the report shows them where stderr is seen, notices unless `quiet`. */
export interface NoticeOptions {
  lang: Lang;
  quiet: boolean;
  /** At most this many are written, then a count of the rest. */
  max: number;
  /** False when the report written to the same destination lists the warnings itself; absent: true. */
  warnings?: boolean;
}

/** True when a notice is written to stderr under `options`. */
function shownOnStderr(notice: Notice, options: NoticeOptions): boolean {
  return notice.severity === 'warning' ? options.warnings !== false : !options.quiet;
}

/** Writes the reader's warnings and notices (as `NoticeOptions` says) to `sink`, at most `max` of them. */
export function writeInputNotices(actuals: Actuals, options: NoticeOptions, sink: TextSink): void {
  const { lang } = options;
  // Notes from a 备注 column are kept in the report (inputs[].notices), not repeated on the terminal.
  const shown = actuals.notices.filter((notice) => shownOnStderr(notice, options) && (notice.severity === 'warning' || notice.code !== 'notice.row-note'));
  for (const notice of shown.slice(0, options.max)) writeNotice(notice, lang, sink);
  const hidden = shown.length - Math.min(shown.length, options.max) + (actuals.noticeCount - actuals.notices.length);
  if (hidden > 0) sink.write(`${formatMessage('report.notices-more', { count: hidden }, lang)}\n`);
}

/**
 * Writes the notices the evaluation added about the input (figures after the review year, rates
 * that look like levels: `REVIEW_NOTICE_CODES`), as `writeInputNotices` writes the reader's.
 */
export function writeReviewNotices(report: Report, options: NoticeOptions, sink: TextSink): void {
  const notices = report.inputs.flatMap((input) => input.notices ?? []).filter((notice) => REVIEW_NOTICE_CODES.has(notice.code));
  const shown = notices.filter((notice) => shownOnStderr(notice, options));
  for (const notice of shown.slice(0, options.max)) writeNotice(notice, options.lang, sink);
  const hidden = shown.length - Math.min(shown.length, options.max);
  if (hidden > 0) sink.write(`${formatMessage('report.notices-more', { count: hidden }, options.lang)}\n`);
}

/** One notice on a line of its own, after its label: `警告:…` / `warning: …`. */
function writeNotice(notice: Notice, lang: Lang, sink: TextSink): void {
  const label = formatMessage(notice.severity === 'warning' ? 'severity.warning' : 'severity.info', {}, lang);
  sink.write(`${oneLine(`${label}${lang === 'zh' ? ':' : ': '}${describeProblem(notice, lang)}`)}\n`);
}

/**
 * When no row of any input could be read, the errors are all there is to say: they are written
 * with a hint and the verdict line, and no table of "no data" follows to scroll them away.
 */
export function writeNothingRead(actuals: Actuals, options: { lang: Lang; max: number }, sink: TextSink): void {
  const { lang } = options;
  const lines = actuals.problems.slice(0, options.max).map((problem: Problem) => oneLine(describeProblem(problem, lang)));
  for (const line of lines) sink.write(`${line}\n`);
  const hidden = actuals.problemCount - lines.length;
  if (hidden > 0) sink.write(`${formatMessage('report.errors-more', { count: hidden, total: actuals.problemCount }, lang)}\n`);
  sink.write(`${formatMessage('report.nothing-read', {}, lang)}\n`);
  sink.write(`${formatMessage('report.input-invalid', { count: actuals.problemCount }, lang)}\n`);
}

/** True when the inputs gave no figure at all and had errors: nothing could be read. */
export function nothingRead(actuals: Actuals): boolean {
  return actuals.problemCount > 0 && actuals.store.count() === 0;
}
