import { formatMessage, type Lang } from '../messages.js';
import { describeTarget, formatNumber } from '../report/describe-target.js';
import type { Report, Result } from '../report/types.js';
import { describeCheck, describeSources } from './describe-check.js';

/** One thing a reader must act on: an input error, a failed target or a warning. */
export interface Finding {
  level: 'error' | 'failure' | 'warning';
  /** A message code (input errors) or a target id (results). */
  rule: string;
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
}

/** The words of a result: status, actual against target, gap; or why there is no actual. */
export function describeResult(result: Result, lang: Lang): string {
  const indicator = lang === 'zh' ? result.indicator : result.indicatorEn;
  const status = formatMessage(`status.${result.status}`, {}, lang);
  const sources = describeSources(result, lang);
  const target = describeTarget(result, lang) + sources.target;
  const prefix = result.region === '' ? '' : formatMessage('finding.in-region', { region: result.region }, lang);
  if (!result.actual) {
    const reason = result.reason ? formatMessage(result.reason.code, result.reason.params, lang) : '';
    return prefix + formatMessage('finding.result-no-actual', { id: result.id, indicator, status, reason, target }, lang);
  }
  const actual = result.kind === 'milestone' ? formatMessage(result.actual.value === 1 ? 'word.done' : 'status.not_met', {}, lang) : formatNumber(result.actual.value);
  return prefix + formatMessage('finding.result', { id: result.id, indicator, status, actual, target, gap: formatNumber(result.gap, true) || '—' }, lang);
}

/** Input errors first, then failing results, then warnings, each with the CSV place it points at. */
export function findingsOf(report: Report, lang: Lang): Finding[] {
  const errors: Finding[] = report.errors.map((problem) => ({
    level: 'error',
    rule: problem.code,
    file: problem.file,
    line: problem.line ?? null,
    column: problem.column ?? null,
    message: (problem.field ? `[${problem.field}] ` : '') + formatMessage(problem.code, problem.params, lang),
  }));
  const results = (severity: 'failure' | 'warning'): Finding[] =>
    report.results
      .filter((result) => result.severity === severity)
      .map((result) => ({
        level: severity,
        rule: result.id,
        file: result.actual?.file ?? null,
        line: result.actual?.row ?? null,
        column: null,
        message: describeResult(result, lang),
      }));
  const checks: Finding[] = (report.checks ?? [])
    .filter((check) => check.severity === 'warning')
    .map((check) => ({
      level: 'warning',
      rule: check.id,
      file: check.reported?.file ?? null,
      line: check.reported?.row ?? null,
      column: null,
      message: describeCheck(check, lang),
    }));
  return [...errors, ...results('failure'), ...results('warning'), ...checks];
}
