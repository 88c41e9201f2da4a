import { formatMessage } from '../messages.js';
import { findingsOf } from './findings.js';
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
  for (const finding of findingsOf(report, lang, results)) {
    const command = finding.level === 'warning' ? 'warning' : 'error';
    const props = [
      ...(finding.file ? [`file=${escapeWorkflowProperty(finding.file)}`] : []),
      ...(finding.line ? [`line=${finding.line}`] : []),
      ...(finding.column ? [`col=${finding.column}`] : []),
      `title=${escapeWorkflowProperty(`plancheck ${finding.rule}`)}`,
    ];
    yield `::${command} ${props.join(',')}::${escapeWorkflowData(finding.message)}\n`;
  }
  const summary = tallyLines(formatMessage('summary.all', {}, lang), report.summary, report, lang).map(escapeWorkflowData).join('%0A');
  yield `::notice title=plancheck::${summary}\n`;
  const verdict = verdictLine(report, lang);
  if (verdict) yield `::error title=plancheck::${escapeWorkflowData(verdict)}\n`;
};
