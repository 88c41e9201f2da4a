import { sanitize } from '../report/describe-target.js';
import { findingsOf } from './findings.js';
import type { Formatter } from './formatter.js';

/**
 * One line per finding, greppable: `file:row:col severity id message`. A finding with no CSV
 * place (a target with no figure) is reported against the plan file.
 */
export const formatText: Formatter = (report, { lang }) => {
  const lines = findingsOf(report, lang).map((finding) => {
    const file = finding.file ?? report.plan.file;
    const place = `${file}:${finding.line ?? 0}:${finding.column ?? 0}`;
    return sanitize(`${place} ${finding.level} ${finding.rule} ${finding.message}`);
  });
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
