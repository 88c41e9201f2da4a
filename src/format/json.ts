import { formatMessage } from '../messages.js';
import { describeCheck } from './describe-check.js';
import type { Formatter } from './formatter.js';

/**
 * The versioned JSON report (docs/report.md): the report's data with snake_case keys and each
 * message rendered in the user's language beside its code.
 */
export const formatJson: Formatter = (report, { lang }) => {
  const json = {
    schemaVersion: report.schemaVersion,
    tool: report.tool,
    plan: {
      id: report.plan.id,
      title: report.plan.title,
      title_en: report.plan.titleEn,
      file: report.plan.file,
      period: report.plan.period,
      baseline_year: report.plan.baselineYear,
    },
    as_of: report.asOf,
    policy: { fail_on: report.policy.failOn, max_warnings: report.policy.maxWarnings },
    valid: report.errorCount === 0,
    inputs: report.inputs,
    regions: report.regions,
    summary: report.summary,
    results: report.results.map((result) => ({
      id: result.id,
      region: result.region,
      measure: result.measure,
      goal: result.goal,
      action: result.action,
      indicator: result.indicator,
      indicator_en: result.indicatorEn,
      kind: result.kind,
      op: result.op,
      value: result.value,
      unit: result.unit,
      year: result.year,
      soft: result.soft,
      status: result.status,
      severity: result.severity,
      final: result.final,
      actual: result.actual,
      gap: result.gap,
      attainment: result.attainment,
      progress: result.progress,
      reason: result.reason && { ...result.reason, message: formatMessage(result.reason.code, result.reason.params, lang) },
      target_source: result.targetSource ?? null,
      figure_source: result.figureSource ?? null,
    })),
    region_roles: report.regionRoles
      ? { plan_level: report.regionRoles.planLevel, derived: report.regionRoles.derived, towns: report.regionRoles.towns }
      : null,
    checks: (report.checks ?? []).map((check) => ({
      kind: check.kind,
      id: check.id,
      indicator: check.indicator,
      indicator_en: check.indicatorEn,
      unit: check.unit,
      year: check.year,
      region: check.region,
      severity: check.severity,
      expected: check.expected,
      actual: check.actual,
      difference: check.difference,
      regions: check.regions,
      total: check.total,
      reported: check.reported,
      message: check.severity === 'warning' ? describeCheck(check, lang) : null,
    })),
    errors: report.errors.map((problem) => ({ ...problem, message: formatMessage(problem.code, problem.params, lang) })),
    error_count: report.errorCount,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
};
