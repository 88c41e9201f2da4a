import { formatMessage } from '../messages.js';
import { describeProblem } from '../problem.js';
import { sanitize } from '../report/describe-target.js';
import type { Report } from '../report/types.js';
import type { FormatOptions } from './formatter.js';

/** The input errors as lines, capped at `maxErrors` with a count of the rest, then a verdict line. */
export function describeErrors(report: Report, { lang, maxErrors }: FormatOptions): string[] {
  if (report.errorCount === 0) return [];
  const lines = report.errors.slice(0, maxErrors).map((problem) => sanitize(describeProblem(problem, lang)));
  const hidden = report.errorCount - lines.length;
  if (hidden > 0) lines.push(formatMessage('report.errors-more', { count: hidden, total: report.errorCount }, lang));
  lines.push(formatMessage('report.input-invalid', { count: report.errorCount }, lang));
  return lines;
}
