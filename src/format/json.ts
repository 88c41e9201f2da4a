import { formatMessage } from '../messages.js';
import { listedOf, listedValues } from '../report/listed-results.js';
import type { RegionCheck, Result } from '../report/types.js';
import { describeCheck } from './describe-check.js';
import type { Formatter } from './formatter.js';
import { prettyJson } from './pretty-json.js';
import { escapeJsonText } from './sanitize.js';

function indent(json: string, spaces: number): string {
  return json.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}

function resultJson(result: Result, lang: Parameters<typeof formatMessage>[2]): unknown {
  return {
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
    figure_age: result.figureAge ?? null,
    notes: (result.notes ?? []).map((note) => ({ ...note, message: formatMessage(note.code, note.params, lang) })),
    target_source: result.targetSource ?? null,
    figure_source: result.figureSource ?? null,
  };
}

function checkJson(check: RegionCheck, lang: Parameters<typeof formatMessage>[2]): unknown {
  return {
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
  };
}

/** A JSON array written element by element at `depth` spaces: `[` … `]`, its strings escaped. */
function* streamArray<T>(items: Iterable<T>, toJson: (item: T) => unknown, depth: number): Generator<string> {
  let first = true;
  const pad = ' '.repeat(depth + 2);
  for (const item of items) {
    yield `${first ? '[' : ','}\n${pad}${prettyJson(toJson(item), depth + 2, escapeJsonText)}`;
    first = false;
  }
  yield first ? '[]' : `\n${' '.repeat(depth)}]`;
}

/**
 * The versioned JSON report (docs/report.md): the report's data with snake_case keys and each
 * message rendered in the user's language beside its code; characters a viewer would act on
 * are written as escapes. Written result by result (and region by region), so its size is
 * bounded by the disk, not by the longest string a runtime can hold; the text is what
 * `JSON.stringify(report, null, 2)` would give.
 */
export const formatJson: Formatter = function* (report, { lang, results }) {
  const head = {
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
    elapsed_share: report.elapsedShare,
    policy: { fail_on: report.policy.failOn, max_warnings: report.policy.maxWarnings },
    valid: report.errorCount === 0,
    inputs: report.inputs,
  };
  const text = JSON.stringify(head, null, 2);
  yield escapeJsonText(`${text.slice(0, -2)},\n  "regions": `);
  yield* streamArray(report.regions, (region) => region, 2);
  const { byRegion, ...all } = report.summary;
  const allText = JSON.stringify(all, null, 2);
  yield escapeJsonText(`,\n  "summary": ${indent(allText.slice(0, -2), 2)},\n    "byRegion": {`);
  let first = true;
  for (const region of report.regions) {
    if (!Object.hasOwn(byRegion, region)) continue;
    yield `${first ? '' : ','}\n      ${escapeJsonText(JSON.stringify(region))}: ${prettyJson(byRegion[region], 6, escapeJsonText)}`;
    first = false;
  }
  yield `${first ? '}' : '\n    }'}\n  },\n  "results": `;
  yield* streamArray(listedValues(listedOf(report, results)), (result) => resultJson(result, lang), 2);
  const roles = report.regionRoles;
  const rolesJson = roles ? { plan_level: roles.planLevel, derived: roles.derived, towns: roles.towns } : null;
  yield `,\n  "region_roles": ${prettyJson(rolesJson, 2, escapeJsonText)},\n  "checks": `;
  yield* streamArray(report.checks ?? [], (check) => checkJson(check, lang), 2);
  yield `,\n  "input_warnings": `;
  yield* streamArray(report.inputWarnings ?? [], (problem) => ({ ...problem, message: formatMessage(problem.code, problem.params, lang) }), 2);
  yield `,\n  "unlisted": ${report.unlisted},\n  "errors": `;
  yield* streamArray(report.errors, (problem) => ({ ...problem, message: formatMessage(problem.code, problem.params, lang) }), 2);
  yield `,\n  "error_count": ${report.errorCount}\n}\n`;
};

