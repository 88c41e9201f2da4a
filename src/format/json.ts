import { formatMessage, type Lang } from '../messages.js';
import { listedOf } from '../report/listed-results.js';
import type { RegionCheck, Report, Result } from '../report/types.js';
import { describeCheck } from './describe-check.js';
import { ByteChunks, chunkTexts } from './byte-chunks.js';
import type { FormatOptions, Formatter } from './formatter.js';
import { prettyJson } from './pretty-json.js';
import { escapeJsonText } from './sanitize.js';
import { JsonResultWriter } from './write-json-result.js';

function indent(json: string, spaces: number): string {
  return json.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}

/** A result as the JSON report gives it: snake_case keys, each message worded beside its code. */
export function resultJson(result: Result, lang: Lang): Record<string, unknown> {
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

/** Text of a value inside a result object (6 spaces deep), as `prettyJson` writes it. */
function inResult(value: unknown): string | undefined {
  return value === undefined ? undefined : prettyJson(value, 6, escapeJsonText);
}

/** The fields of a result that come from its target, from `measure` to `soft`. */
type TargetTerms = Pick<Result, 'measure' | 'goal' | 'action' | 'indicator' | 'indicatorEn' | 'kind' | 'op' | 'value' | 'unit' | 'year' | 'soft'>;
const TERM_KEYS: [keyof TargetTerms, string][] = [
  ['measure', 'measure'], ['goal', 'goal'], ['action', 'action'], ['indicator', 'indicator'], ['indicatorEn', 'indicator_en'], ['kind', 'kind'],
  ['op', 'op'], ['value', 'value'], ['unit', 'unit'], ['year', 'year'], ['soft', 'soft'],
];

/**
 * One result as `prettyJson(resultJson(result, lang), 4, escapeJsonText)` writes it (a test
 * holds them equal), with what repeats written once: the fields of each target (the same in
 * every region) and a shared frozen reason with its message (every town not judged).
 */
export function resultText(result: Result, lang: Lang, cache = new JsonCache()): string {
  // A result not as evaluate makes them (a field left undefined is left out): written the general way.
  const { status, severity, final, actual, gap, attainment, progress, reason } = result;
  if (typeof result.id !== 'string' || [status, severity, final, actual, gap, attainment, progress, reason].some((field) => field === undefined)) {
    return prettyJson(resultJson(result, lang), 4, escapeJsonText);
  }
  let out = `{\n      "id": ${inResult(result.id)}`;
  const region = inResult(result.region);
  if (region !== undefined) out += `,\n      "region": ${region}`;
  out += cache.terms(result);
  out += `,\n      "status": ${inResult(result.status)},\n      "severity": ${inResult(result.severity)},\n      "final": ${inResult(result.final)}`;
  out += `,\n      "actual": ${inResult(result.actual)},\n      "gap": ${inResult(result.gap)},\n      "attainment": ${inResult(result.attainment)}`;
  out += `,\n      "progress": ${inResult(result.progress)},\n      "reason": ${cache.reason(result, lang)}`;
  const notes = result.notes ?? [];
  out += `,\n      "figure_age": ${inResult(result.figureAge ?? null)},\n      "notes": ${notes.length === 0 ? '[]' : inResult(resultJson(result, lang).notes)}`;
  return `${out},\n      "target_source": ${inResult(result.targetSource ?? null)},\n      "figure_source": ${inResult(result.figureSource ?? null)}\n    }`;
}

/** What `resultText` writes once and uses again: by target id, and by shared reason. */
export class JsonCache {
  private readonly byId = new Map<string, { terms: TargetTerms; text: string }>();
  private readonly reasons = new WeakMap<object, Map<Lang, string>>();

  /** The target's fields of a result, from `,\n      "measure": …` to `"soft": …`. */
  terms(result: Result): string {
    const known = this.byId.get(result.id);
    if (known && TERM_KEYS.every(([key]) => known.terms[key] === result[key])) return known.text;
    let text = '';
    const terms = {} as Record<string, unknown>;
    for (const [key, name] of TERM_KEYS) {
      terms[key] = result[key];
      const value = inResult(result[key]);
      if (value !== undefined) text += `,\n      "${name}": ${value}`;
    }
    if (this.byId.size < 65536) this.byId.set(result.id, { terms: terms as TargetTerms, text });
    return text;
  }

  /** The reason with its message; a frozen one (shared by many results) written once per language. */
  reason(result: Result, lang: Lang): string {
    const reason = result.reason;
    const write = (): string => inResult(reason && { ...reason, message: formatMessage(reason.code, reason.params, lang) }) ?? 'null';
    if (!reason || !Object.isFrozen(reason) || !Object.isFrozen(reason.params)) return write();
    let known = this.reasons.get(reason);
    if (!known) this.reasons.set(reason, (known = new Map()));
    let text = known.get(lang);
    if (text === undefined) known.set(lang, (text = write()));
    return text;
  }
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
export const formatJson: Formatter = (report, options) => chunkTexts(jsonChunks(report, options));

/** The JSON report (`formatJson`) as UTF-8 chunks of about a megabyte, each valid until the next is asked for: what the CLI writes to a file. */
export function* jsonChunks(report: Report, { lang, results }: FormatOptions): Generator<Uint8Array> {
  const out = new ByteChunks();
  for (const piece of jsonPieces(report, lang)) {
    if (piece !== RESULTS) {
      out.text(piece);
      continue;
    }
    const writer = new JsonResultWriter(out, lang);
    const listed = listedOf(report, results);
    const keys = listed.keys()[Symbol.iterator]();
    // Written by a plain method a chunk at a time: a generator's loop is optimised by on-stack
    // replacement, and again after each deoptimisation.
    while (writer.writeKeys(listed, keys)) if (out.full) yield out.take();
    out.text(writer.count === 0 ? '[]' : '\n  ]');
  }
  yield out.take();
}

/** Where the results go among the pieces of `jsonPieces`. */
const RESULTS = Symbol('results');

/** The JSON report's text but its results, piece by piece, with `RESULTS` where they go. */
function* jsonPieces(report: Report, lang: Lang): Generator<string | typeof RESULTS> {
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
    // Each notice in words beside its code, as errors are.
    inputs: report.inputs.map((input) =>
      input.notices ? { ...input, notices: input.notices.map((notice) => ({ ...notice, message: formatMessage(notice.code, notice.params, lang) })) } : input,
    ),
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
  yield RESULTS;
  const roles = report.regionRoles;
  const rolesJson = roles ? { plan_level: roles.planLevel, derived: roles.derived, towns: roles.towns } : null;
  yield `,\n  "region_roles": ${prettyJson(rolesJson, 2, escapeJsonText)},\n  "checks": `;
  yield* streamArray(report.checks ?? [], (check) => checkJson(check, lang), 2);
  yield `,\n  "input_warnings": `;
  yield* streamArray(report.inputWarnings ?? [], (problem) => ({ ...problem, message: formatMessage(problem.code, problem.params, lang) }), 2);
  yield `,\n  "unlisted": ${report.unlisted},\n  "errors": `;
  yield* streamArray(report.errors, (problem) => ({ ...problem, message: formatMessage(problem.code, problem.params, lang) }), 2);
  yield `,\n  "error_count": ${report.errorCount}\n}\n`;
}

