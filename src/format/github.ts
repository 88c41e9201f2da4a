import { formatMessage } from '../messages.js';
import type { Report } from '../report/types.js';
import { ByteChunks, chunkTexts, utf8 } from './byte-chunks.js';
import { findingsOf } from './findings.js';
import type { FormatOptions, Formatter } from './formatter.js';
import { OffTrackSentences } from './off-track-sentences.js';
import { escapeWorkflowData, escapeWorkflowProperty } from './sanitize.js';
import { tallyLines, verdictLine } from './view.js';

export { escapeWorkflowData as escapeData, escapeWorkflowProperty as escapeProperty } from './sanitize.js';

/**
 * GitHub Actions workflow commands: an `::error` or `::warning` annotation on the CSV row of each
 * invalid or failing figure, with its reason; then a `::notice` with the summary, and the rule
 * that failed the run. Everything from the input is escaped, so no line can forge a command.
 */
export const formatGithub: Formatter = (report, options) => chunkTexts(githubChunks(report, options));

/** The workflow commands (`formatGithub`) as UTF-8 chunks of about a megabyte, each valid until the next is asked for. */
export function* githubChunks(report: Report, { lang, results }: FormatOptions): Generator<Uint8Array> {
  const out = new ByteChunks();
  const sentences = new OffTrackSentences(lang, escapeWorkflowData);
  // A file and a rule are escaped and encoded once each: findings repeat them.
  let file: string | null = null;
  let fileProperty = utf8('');
  const titles = new Map<string, Uint8Array>();
  for (const finding of findingsOf(report, lang, results, sentences)) {
    out.bytes(finding.level === 'warning' ? WARNING : ERROR);
    if (finding.file) {
      if (finding.file !== file) {
        file = finding.file;
        fileProperty = utf8(`file=${escapeWorkflowProperty(file)},`);
      }
      out.bytes(fileProperty);
    }
    if (finding.line) {
      out.bytes(LINE);
      out.number(finding.line);
      out.bytes(COMMA);
    }
    if (finding.column) {
      out.bytes(COLUMN);
      out.number(finding.column);
      out.bytes(COMMA);
    }
    let title = titles.get(finding.rule);
    if (title === undefined) {
      title = utf8(`title=${escapeWorkflowProperty(`plancheck ${finding.rule}`)}::`);
      if (titles.size < 4096) titles.set(finding.rule, title);
    }
    out.bytes(title);
    if (finding.sentence) sentences.writeLast(out);
    else out.text(escapeWorkflowData(finding.message));
    out.bytes(NEWLINE);
    if (out.full) yield out.take();
  }
  const summary = tallyLines(formatMessage('summary.all', {}, lang), report.summary, report, lang).map(escapeWorkflowData).join('%0A');
  out.text(`::notice title=plancheck::${summary}\n`);
  const verdict = verdictLine(report, lang);
  if (verdict) out.text(`::error title=plancheck::${escapeWorkflowData(verdict)}\n`);
  yield out.take();
}

const ERROR = utf8('::error ');
const WARNING = utf8('::warning ');
const LINE = utf8('line=');
const COLUMN = utf8('col=');
const COMMA = utf8(',');
const NEWLINE = utf8('\n');
