import { formatMessage } from '../messages.js';
import { findingsOf } from './findings.js';
import { OffTrackSentences } from './off-track-sentences.js';
import type { Formatter } from './formatter.js';
import { escapeWorkflowData, escapeWorkflowProperty } from './sanitize.js';
import { tallyLines, verdictLine } from './view.js';

export { escapeWorkflowData as escapeData, escapeWorkflowProperty as escapeProperty } from './sanitize.js';

/**
 * GitHub Actions workflow commands: an `::error` or `::warning` annotation on the CSV row of each
 * invalid or failing figure, with its reason; then a `::notice` with the summary, and the rule
 * that failed the run. Everything from the input is escaped, so no line can forge a command.
 */
export const formatGithub: Formatter = function* (report, { lang, results }) {
  // A file and a rule are escaped once each: findings repeat them.
  let file: string | null = null;
  let fileProperty = '';
  const titles = new Map<string, string>();
  for (const finding of findingsOf(report, lang, results, new OffTrackSentences(lang, escapeWorkflowData))) {
    const command = finding.level === 'warning' ? 'warning' : 'error';
    if (finding.file && finding.file !== file) {
      file = finding.file;
      fileProperty = `file=${escapeWorkflowProperty(file)},`;
    }
    let title = titles.get(finding.rule);
    if (title === undefined) {
      title = `title=${escapeWorkflowProperty(`plancheck ${finding.rule}`)}`;
      if (titles.size < 4096) titles.set(finding.rule, title);
    }
    const props = `${finding.file ? fileProperty : ''}${finding.line ? `line=${finding.line},` : ''}${finding.column ? `col=${finding.column},` : ''}${title}`;
    yield `::${command} ${props}::${finding.escaped ? finding.message : escapeWorkflowData(finding.message)}\n`;
  }
  const summary = tallyLines(formatMessage('summary.all', {}, lang), report.summary, report, lang).map(escapeWorkflowData).join('%0A');
  yield `::notice title=plancheck::${summary}\n`;
  const verdict = verdictLine(report, lang);
  if (verdict) yield `::error title=plancheck::${escapeWorkflowData(verdict)}\n`;
};
