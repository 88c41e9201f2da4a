import { formatMessage } from '../messages.js';
import { findingsOf } from './findings.js';
import type { Formatter } from './formatter.js';

/** Escapes a workflow command's message as @actions/core does: `%`, CR, LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: an `::error` or `::warning` annotation on the CSV row of each
 * invalid or failing figure, then a `::notice` with the summary.
 */
export const formatGithub: Formatter = (report, { lang }) => {
  const lines = findingsOf(report, lang).map((finding) => {
    const command = finding.level === 'warning' ? 'warning' : 'error';
    const props = [
      ...(finding.file ? [`file=${escapeProperty(finding.file)}`] : []),
      ...(finding.line ? [`line=${finding.line}`] : []),
      ...(finding.column ? [`col=${finding.column}`] : []),
      `title=${escapeProperty(`plancheck ${finding.rule}`)}`,
    ];
    return `::${command} ${props.join(',')}::${escapeData(finding.message)}`;
  });
  const s = report.summary;
  const summary = formatMessage(
    'summary.line',
    { scope: formatMessage('summary.all', {}, lang), targets: s.targets, met: s.byStatus.met, notMet: s.byStatus.not_met, warnings: s.warnings, noData: s.byStatus.no_data },
    lang,
  );
  lines.push(`::notice title=plancheck::${escapeData(summary)}`);
  return `${lines.join('\n')}\n`;
};
