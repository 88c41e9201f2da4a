import { formatMessage, type Lang } from '../messages.js';
import { emptyCell, listedOf, resultOfCell, type ListedResults } from '../report/listed-results.js';
import type { Problem } from '../problem.js';
import type { Report, Severity, Status } from '../report/types.js';
import { describeCheck } from './describe-check.js';
import type { OffTrackSentences } from './off-track-sentences.js';
import { escapeControls } from './sanitize.js';
import { findDoubts } from './find-doubts.js';
import { noteOf, readerWarnings, viewResult, type ResultView } from './view.js';

/** One thing a reader must act on: an input error, a failed target or a warning. */
export interface Finding {
  level: 'error' | 'failure' | 'warning';
  /** A message code (input errors) or a target id (results); escaped. */
  rule: string;
  /** The file it points at, escaped; null when none. */
  file: string | null;
  line: number | null;
  column: number | null;
  /** The message in words, escaped (`escapeControls`): a format adds only its own escaping. */
  message: string;
  /**
   * True when the message is the sentence the format's `OffTrackSentences` prepared last, escaped
   * for the format (`lastText`, `writeLast`): `message` is then ''.
   */
  sentence?: boolean;
}

/** The sentence of a result for line formats: `[region] indicator: status; actual, target, gap; reason`. */
export function describeResult(view: ResultView, lang: Lang): string {
  const prefix = view.region === '' ? '' : regionPrefix(view.region, lang);
  const note = noteOf(view, lang);
  const why = note ? `${lang === 'zh' ? ';' : '; '}${note}` : '';
  if (!view.actual) {
    return prefix + formatMessage('finding.result-no-actual', { indicator: view.indicator, status: view.status, reason: view.reason || '—', target: view.target }, lang);
  }
  const sentence = formatMessage('finding.result', { indicator: view.indicator, status: view.status, actual: view.actual, target: view.target, gap: view.gap || '—' }, lang);
  return prefix + sentence + why;
}

// The last region's prefix: findings come a region at a time.
let lastPrefix = { region: '', lang: 'en' as Lang, text: '' };

function regionPrefix(region: string, lang: Lang): string {
  if (lastPrefix.region !== region || lastPrefix.lang !== lang) lastPrefix = { region, lang, text: formatMessage('finding.in-region', { region }, lang) };
  return lastPrefix.text;
}

/** True when a result (its status and severity) is a finding of `level` ('failure' or 'warning', which takes results off track too). */
function isFindingOf(status: Status, severity: Severity, level: 'failure' | 'warning'): boolean {
  const offTrack = status === 'not_met' || status === 'insufficient' || status === 'moving_away';
  if (severity !== 'failure' && severity !== 'warning' && !offTrack) return false;
  return (severity === 'failure' ? 'failure' : 'warning') === level;
}

/** The keys of the listed results that are findings of `level`, in report order, without building any. */
export function findingKeys(listed: ListedResults, level: 'failure' | 'warning'): Iterable<number> {
  if (listed.keysOf) return listed.keysOf((status, severity) => isFindingOf(status, severity, level));
  return [...listed.keys()].filter((key) => isFindingOf(listed.status(key), listed.severity(key), level));
}

/** The rule of each finding, in the order of `findingsOf`, without wording any message. */
export function* findingRules(report: Report, results?: ListedResults): Generator<string> {
  const listed = listedOf(report, results);
  for (const problem of report.errors) yield problem.code;
  for (const level of ['failure', 'warning'] as const) {
    for (const key of findingKeys(listed, level)) yield escapeControls(listed.metaOf(key).id);
  }
  for (const problem of readerWarnings(report)) yield problem.code;
  for (const problem of report.inputWarnings ?? []) yield problem.code;
  for (const check of report.checks ?? []) if (check.severity === 'warning') yield escapeControls(check.id);
}

/**
 * Input errors first, then failing results, then warnings (results off track, the reader's, input
 * and regional warnings), each located at its CSV place. With `sentences`, a final level's message
 * is left to its template (`sentence`), to be written before the next finding is asked for.
 */
export function* findingsOf(report: Report, lang: Lang, results?: ListedResults, sentences?: OffTrackSentences): Generator<Finding> {
  const listed = listedOf(report, results);
  for (const problem of report.errors) yield problemFinding(problem, 'error', lang);
  // The file of the last finding, escaped: most findings of a run name the same file.
  let file = '';
  let escapedFile = '';
  const doubts = findDoubts(report);
  const cell = sentences && listed.cell ? emptyCell() : null;
  for (const level of ['failure', 'warning'] as const) {
    for (const key of findingKeys(listed, level)) {
      const isCell = cell !== null && listed.cell!(key, cell, true);
      // A figure a warning doubts is worded the general way, with its mark.
      if (isCell && cell.shape === 'final_level' && (doubts.size === 0 || doubts.of(resultOfCell(cell), lang) === '')) {
        if (sentences!.prepare(cell)) {
          const given = cell.file;
          if (given && given !== file) {
            file = given;
            escapedFile = escapeControls(given);
          }
          yield { level, rule: escapeControls(cell.target.id), file: given ? escapedFile : null, line: cell.row, column: null, message: '', sentence: true };
          continue;
        }
      }
      const result = isCell ? resultOfCell(cell) : listed.get(key);
      const view = viewResult(result, lang, doubts);
      const given = result.actual?.file;
      if (given && given !== file) {
        file = given;
        escapedFile = escapeControls(given);
      }
      yield {
        level,
        rule: view.id,
        file: given ? escapedFile : null,
        line: result.actual?.row ?? null,
        column: null,
        message: describeResult(view, lang),
      };
    }
  }
  yield* warningFindings(report, lang);
}

/** The warnings that are not results: the reader's (at their cell), input warnings, and regional checks (at the county row when reported). */
export function* warningFindings(report: Report, lang: Lang): Generator<Finding> {
  // The reader's warnings (a figure 10⁴ off its target's scale, a fraction for a percentage), at their cell.
  for (const problem of readerWarnings(report)) yield problemFinding(problem, 'warning', lang);
  for (const problem of report.inputWarnings ?? []) {
    yield {
      level: 'warning',
      rule: problem.code,
      file: problem.file ? escapeControls(problem.file) : null,
      line: problem.line ?? null,
      column: problem.column ?? null,
      message: escapeControls(formatMessage(problem.code, problem.params, lang)),
    };
  }
  // Roll-up and decomposition checks (docs/regions.md): warnings located at the county row when reported.
  for (const check of report.checks ?? []) {
    if (check.severity !== 'warning') continue;
    yield {
      level: 'warning',
      rule: escapeControls(check.id),
      file: check.reported?.file ? escapeControls(check.reported.file) : null,
      line: check.reported?.row ?? null,
      column: null,
      message: escapeControls(describeCheck(check, lang)),
    };
  }
}

/** A problem of the input (an error, or a reader's warning) at its cell, its field named before the message. */
function problemFinding(problem: Problem, level: 'error' | 'warning', lang: Lang): Finding {
  return {
    level,
    rule: problem.code,
    file: escapeControls(problem.file),
    line: problem.line ?? null,
    column: problem.column ?? null,
    message: escapeControls((problem.field ? `[${problem.field}] ` : '') + formatMessage(problem.code, problem.params, lang)),
  };
}
