import { statSync } from 'node:fs';
import { packagePath } from './package-root.js';
import { readActuals, type Actuals, type ActualsSource } from './actuals/read-actuals.js';
import { allowSteadyHeap, collectReadGarbage, steadyHeap } from './steady-heap.js';
import type { RegionTargets } from './actuals/interpret-region-targets.js';
import type { Encoding } from './actuals/decode.js';
import { evaluate, evaluateListed, type EvaluateOptions } from './evaluate/evaluate.js';
import { BINARY_FORMATS, chunkLoaders, loadFormatter, MACHINE_FORMATS, STREAMED_FORMATS } from './format/load-formatter.js';
import { listedValues, type ListedResults } from './report/listed-results.js';
import type { ReportSources } from './format/report-sources.js';
import { formatMessage, type Lang } from './messages.js';
import { readPrebuiltPlan } from './plan/bundled-plan.js';
import { describeProblem, PlancheckError } from './problem.js';
import type { Plan, ProgressBands, Target } from './plan/types.js';
import { EXIT, exitCode } from './report/exit-code.js';
import type { FailCondition, Report, Result, Status } from './report/types.js';
import { escapeControls as sanitize } from './format/sanitize.js';
import { fileChunks } from './file-chunks.js';
import { boundChunks, INPUT_SIZE_LIMIT } from './read-bounded.js';
import { checkSelection } from './check-selection.js';
import { checkOutputs } from './check-outputs.js';
import { suggestRegion } from './suggest-region.js';
import { writeOutputs, type OutputRequest } from './write-outputs.js';
import { nothingRead, writeInputNotices, writeNothingRead, writeReviewNotices } from './write-input-notices.js';
import { toolVersion } from './tool-version.js';

/** A writable text stream, such as process.stdout. */
export interface TextSink {
  /** Writes text; `false` (as a Node stream says) asks the writer to wait for `drain`. */
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width in columns, when it is a terminal. */
  columns?: number;
  /** A stream's events, when it is one: a large report waits for `drain` before writing on. */
  once?(event: 'drain' | 'close' | 'error', listener: (error?: Error) => void): unknown;
  removeListener?(event: 'drain' | 'close' | 'error', listener: (error?: Error) => void): unknown;
  /** True once the stream is closed (a reader that went away): nothing more drains. */
  destroyed?: boolean;
  /** The error of a write that failed, as a Node stream keeps it until its 'error' event (process.stdout then forgets it); null or absent while it writes. */
  errored?: Error | null;
  /** How many bytes a Node stream queues before its `write` returns false (then it emits 'drain' once it has let them go). */
  writableHighWaterMark?: number;
}

/** The process as plancheck sees it; tests pass a fake that captures everything. */
export interface Io {
  stdout: TextSink;
  stderr: TextSink;
  stdin: AsyncIterable<Uint8Array>;
  env: Record<string, string | undefined>;
  /**
   * Writes UTF-8 bytes to stdout, as `stdout.write` does text (`false`: wait for its `drain`).
   * When present, a machine format reaches stdout as the bytes it is laid out in, never decoded
   * to text and encoded again; a test's fake stdout without it is written text.
   */
  writeStdoutBytes?(bytes: Uint8Array): unknown;
  /**
   * True when stdout and stderr are one destination (one terminal, or `2>&1`): the warnings a
   * report on stdout lists are then not said on stderr first. Absent: they are two.
   */
  stdoutIsStderr?(): boolean;
}

/** The bundled plan: Xiangshan County's common-prosperity action plan. */
export const BUNDLED_PLAN = packagePath('targets.yaml');

export { toolVersion };

/** Options every command shares. */
export interface CommonOptions {
  lang: Lang;
  targets?: string;
}

/** Options of `plancheck check`. */
export interface CheckOptions extends CommonOptions {
  files: string[];
  outputs: OutputRequest[];
  color: boolean | undefined;
  encoding?: Encoding;
  asOf?: number;
  /** Overrides the plan's progress bands (observed ÷ required ratios). */
  bands?: ProgressBands;
  failOn: FailCondition[];
  maxWarnings: number | null;
  action?: number[];
  measure?: number[];
  status?: Status[];
  quiet: boolean;
  maxErrors: number;
  /** List only these regions (the summary still counts all). */
  region?: string[];
  /** Table width; default: the terminal's, then COLUMNS, then 100. */
  width?: number;
  sort?: 'plan' | 'status';
  by?: 'indicator' | 'region';
  /** Sheets of workbooks to read (--sheet); absent: every sheet with a header. */
  sheets?: string[];
  /** Towns' decomposed targets and weights (`--region-targets FILE`). */
  regionTargets?: string;
}

/** The bundled plan as checked at build time. */
const PREBUILT_PLAN = packagePath('dist', 'bundled-plan.json');

/**
 * Loads the plan named by the options; prints its problems and returns null when it is invalid.
 * The bundled plan comes prebuilt when its file is unchanged since the build, which spares the
 * YAML parser and the schema validator at start-up; any other plan is fully checked.
 */
export async function loadPlanFor(options: CommonOptions, io: Io, prebuilt = true): Promise<Plan | null> {
  const file = options.targets ?? BUNDLED_PLAN;
  if (prebuilt && options.targets === undefined) {
    const plan = readPrebuiltPlan(PREBUILT_PLAN, BUNDLED_PLAN);
    if (plan) return plan;
  }
  const { loadPlan } = await import('./plan/load-plan.js');
  const { plan, problems } = loadPlan(file);
  if (plan) return plan;
  for (const problem of problems) io.stderr.write(`${sanitize(describeProblem(problem, options.lang))}\n`);
  io.stderr.write(`${formatMessage('plan.invalid', { file, count: problems.length }, options.lang)}\n`);
  return null;
}

/** `plancheck validate [file]`: checks a plan file and says what it holds. */
export async function runValidate(file: string | undefined, options: CommonOptions, io: Io): Promise<number> {
  const plan = await loadPlanFor({ ...options, targets: file ?? options.targets ?? BUNDLED_PLAN }, io, false);
  if (!plan) return EXIT.invalid;
  const params = { file: file ?? options.targets ?? BUNDLED_PLAN, goals: plan.goals.length, measures: plan.measures.length, targets: plan.targets.length };
  io.stdout.write(`${formatMessage('plan.valid', params, options.lang)}\n`);
  return EXIT.ok;
}

/** `plancheck schema`: prints the JSON Schema of targets files. */
export async function runSchema(io: Io): Promise<number> {
  const { targetsSchema } = await import('./plan/targets-schema.js');
  io.stdout.write(`${JSON.stringify(targetsSchema, null, 2)}\n`);
  return EXIT.ok;
}

/** Decides whether to colour terminal output: --no-color, then NO_COLOR, FORCE_COLOR, then the TTY. */
export function wantsColor(flag: boolean | undefined, io: Io): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true;
}

/**
 * The terminal's width: stdout's columns when it is a terminal, else COLUMNS, else stderr's
 * columns when only stdout is piped (`plancheck check … | less` in a terminal), else unknown.
 */
export function terminalWidth(io: Io): number | undefined {
  if (io.stdout.isTTY && io.stdout.columns && io.stdout.columns > 0) return io.stdout.columns;
  const columns = Number(io.env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  if (io.stderr.isTTY && io.stderr.columns && io.stderr.columns > 0) return io.stderr.columns;
  return undefined;
}

/** The input size (bytes, of the files on disk) from which a run that lists results keeps V8's young generation steady: loading node:v8 for it costs a few milliseconds. */
const LARGE_LISTING_INPUT = 4 * 1024 * 1024;

/** The size of the named files on disk together (stdin and what cannot be looked at count 0). */
function inputBytes(files: readonly string[]): number {
  let total = 0;
  for (const file of files) {
    if (file === '-') continue;
    try {
      total += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    } catch {
      // The read says what is wrong with it.
    }
  }
  return total;
}

function sourcesFor(files: string[], io: Io): ActualsSource[] {
  return files.map((file) => {
    const name = file === '-' ? '<stdin>' : file;
    // The read itself is bounded: stdin, a FIFO or /dev/zero says nothing true about its size.
    // 64 KiB reads measured faster than 256 KiB.
    const open = (): AsyncIterable<Uint8Array> => boundChunks(file === '-' ? io.stdin : fileChunks(file, 64 * 1024), name, INPUT_SIZE_LIMIT);
    return file === '-' ? { name, open } : { name, open, path: file };
  });
}

/** `plancheck check FILE…`: reads actuals, evaluates the plan, writes every requested output. */
export async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  // A summary's read of a large file keeps V8's young generation from growing (steady-heap.ts),
  // and so does a whole run that lists the results of a large file, from its start.
  const summaryOnly = options.outputs.every((output) => output.format === 'summary');
  const largeListing = !summaryOnly && inputBytes(options.files) >= LARGE_LISTING_INPUT;
  allowSteadyHeap(summaryOnly || largeListing);
  if (largeListing) steadyHeap();
  const refused = outputRefusals(options);
  if (refused.length > 0) return usageErrors(refused, options.lang, io);
  const loaded = await loadPlanFor(options, io);
  if (!loaded) return EXIT.invalid;
  const refusals = checkSelection(loaded, { action: options.action, measure: options.measure, asOf: options.asOf });
  if (refusals.length > 0) return usageErrors(refusals, options.lang, io);
  const plan = options.bands ? { ...loaded, progressBands: options.bands } : loaded;
  // A summary names the rows of few figures: the others' are not kept (found again for a duplicate);
  // without decomposed targets its final levels keep only whether they met their target.
  const actuals = await readActuals(sourcesFor(options.files, io), plan, { encoding: options.encoding, sheets: options.sheets, keepRows: !summaryOnly, statusOnly: summaryOnly && options.regionTargets === undefined });
  await collectReadGarbage();
  // Nothing readable: the errors and a hint, exit 2, and no table of "no data" (machine formats are still written).
  const fatal = nothingRead(actuals);
  // They go where the table would have gone (stdout); machine formats carry the errors themselves.
  const humanOnStdout = options.outputs.some((output) => output.path === undefined && !MACHINE_FORMATS.has(output.format));
  // Every format for people lists the warnings at its end: where stdout is stderr (a terminal,
  // `2>&1` into a CI log), they are said there once, not first on stderr as well.
  const notices = { lang: options.lang, quiet: options.quiet, max: options.maxErrors, warnings: !(humanOnStdout && !fatal && io.stdoutIsStderr?.() === true) };
  writeInputNotices(actuals, notices, io.stderr);
  if (fatal && humanOnStdout) writeNothingRead(actuals, { lang: options.lang, max: options.maxErrors }, io.stdout);
  const unknownRegion = regionRefusal(options, actuals);
  if (unknownRegion) return usageErrors([unknownRegion], options.lang, io);
  const regionTargets = await readRegionTargetsInto(options, plan, actuals);
  const evaluation = {
    asOf: options.asOf,
    policy: { failOn: options.failOn, maxWarnings: options.maxWarnings },
    scope: inScope(options),
    listing: listingOf(options, actuals),
    planFile: options.targets ?? BUNDLED_PLAN,
    toolVersion: toolVersion(),
    regionTargets,
  };
  // A summary lists nothing, so a large run builds no per-target results at all; the other
  // formats are given the listed results judged again as they reach them, never all at once.
  const { report, listed } = options.outputs.every((output) => output.format === 'summary')
    ? { report: evaluate(plan, actuals, { ...evaluation, detail: false }), listed: undefined }
    : evaluateListed(plan, actuals, evaluation);
  writeReviewNotices(report, notices, io.stderr);
  const outputs = options.outputs.filter((output) => !fatal || MACHINE_FORMATS.has(output.format));
  try {
    await writeOutputs(await renderOutputs(outputs, report, listed, sourcesOf(plan, actuals, report), options, io), io);
  } catch (error) {
    if (!(error instanceof PlancheckError)) throw error;
    io.stderr.write(`${sanitize(formatMessage(error.code, error.params, options.lang))}\n`);
    return EXIT.invalid;
  }
  return fatal ? EXIT.invalid : exitCode(report);
}

/** Refusals known before anything is read: an output onto an input, bytes to a terminal, stdin twice. */
function outputRefusals(options: CheckOptions): PlancheckError[] {
  const inputs = [...options.files, options.targets ?? BUNDLED_PLAN, ...(options.regionTargets === undefined ? [] : [options.regionTargets])];
  const refusals = checkOutputs(options.outputs, inputs);
  const binary = options.outputs.find((output) => BINARY_FORMATS.has(output.format) && (output.path === undefined || output.path === '-'));
  if (binary) refusals.push(new PlancheckError('usage.binary-needs-file', { format: binary.format }));
  const stdinCount = options.files.filter((file) => file === '-').length;
  if (stdinCount > 1) refusals.push(new PlancheckError('usage.stdin-twice', { count: stdinCount }));
  return refusals;
}

/** A `--region` the data does not name: a mistyped region would list nothing and look like a region without data. */
function regionRefusal(options: CheckOptions, actuals: Actuals): PlancheckError | null {
  if (!options.region) return null;
  const names = actuals.store.regionNames();
  const known = new Set(names);
  const unknown = options.region.filter((name) => !known.has(name));
  if (unknown.length === 0) return null;
  // The first regions, and that there are more: a list cut without a word reads as the whole list.
  const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? ', …' : '');
  const region = unknown.join(', ');
  const suggestion = unknown.length === 1 ? suggestRegion(unknown[0]!, names) : undefined;
  const params = { region, known: shown || '—', count: names.length };
  return suggestion ? new PlancheckError('usage.unknown-region-suggest', { ...params, suggestion }) : new PlancheckError('usage.unknown-region', params);
}

/** Reads `--region-targets`; its faults are input errors like any other: located, and exit 2. */
async function readRegionTargetsInto(options: CheckOptions, plan: Plan, actuals: Actuals): Promise<RegionTargets | null> {
  if (options.regionTargets === undefined) return null;
  const { readRegionTargets } = await import('./actuals/read-region-targets.js');
  const regionTargets = await readRegionTargets(options.regionTargets, plan, options.encoding);
  // One by one: a spread of many would exceed the arguments a call takes.
  for (const problem of regionTargets.problems) actuals.problems.push(problem);
  actuals.problemCount += regionTargets.problems.length;
  return regionTargets;
}

/** The targets `--action` and `--measure` select. */
function inScope(options: CheckOptions): (target: Target) => boolean {
  return (target) =>
    (!options.action || (target.action !== null && options.action.includes(target.action))) &&
    (!options.measure || (target.measure !== null && options.measure.includes(target.measure)));
}

/** The results a report lists: by `--status`, `-q` and `--region`; the summary counts all. */
function listingOf(options: CheckOptions, actuals: Actuals): NonNullable<EvaluateOptions['listing']> {
  return { status: options.status, quiet: options.quiet, manyRegions: actuals.store.regionNames().length > 1, regions: options.region };
}

/** What the page and workbook formats read beyond the report: the plan and each target's yearly figures. */
function sourcesOf(plan: Plan, actuals: Actuals, report: Report): ReportSources {
  return {
    plan,
    series: (region, id) => {
      const target = plan.targetsById.get(id);
      return target ? actuals.store.series(region, target.index, report.asOf).map(({ year, value, level }) => ({ year, value, level })) : [];
    },
    madeAt: new Date(),
  };
}

/** Each requested format laid out, coloured only for a terminal, as wide as the terminal unless `--width` says. */
async function renderOutputs(outputs: OutputRequest[], report: Report, listed: ListedResults | undefined, sources: ReportSources, options: CheckOptions, io: Io) {
  const rendered = [];
  // The page and the workbook read every result from the report: built for them, once.
  let whole: Report | null = null;
  const wholeReport = (): Report => (whole ??= listed ? { ...report, results: [...listedValues(listed)] } : report);
  for (const output of outputs) {
    const machine = MACHINE_FORMATS.has(output.format);
    // The text formats take the listed results as they reach them; the page and the workbook the whole report.
    const streams = STREAMED_FORMATS.has(output.format);
    const color = !machine && output.path === undefined && wantsColor(options.color, io);
    const formatOptions = {
      lang: options.lang,
      color,
      maxErrors: options.maxErrors,
      // Found when a format asks: the terminal's width may need stderr, which a summary never opens.
      get width() {
        return options.width ?? (output.path === undefined ? terminalWidth(io) : undefined);
      },
      sort: options.sort,
      by: options.by,
      regions: options.region,
      sources,
      results: streams ? listed : undefined,
    };
    // A file, or a stdout that takes bytes, takes a machine format as UTF-8 chunks: the same text,
    // without a string per piece.
    const toFile = output.path !== undefined && output.path !== '-';
    const chunked = toFile || (io.writeStdoutBytes !== undefined && !color) ? chunkLoaders[output.format] : undefined;
    if (chunked) {
      rendered.push({ ...output, text: { chunks: (await chunked())(report, formatOptions) } });
      continue;
    }
    const format = await loadFormatter(output.format);
    rendered.push({ ...output, text: await format(streams ? report : wholeReport(), formatOptions) });
  }
  return rendered;
}

/** Prints usage errors (refused options), each on a line in the user's language; exit 2. */
export function usageErrors(errors: readonly PlancheckError[], lang: Lang, io: Io): number {
  // Worded as commander words its own errors: `错误:` before each, the help hint after a misused option.
  for (const error of errors) io.stderr.write(`${sanitize(formatMessage('cli.error', { message: formatMessage(error.code, error.params, lang) }, lang))}\n`);
  if (errors.some((error) => error.code.startsWith('usage.'))) io.stderr.write(`${formatMessage('cli.help-hint', {}, lang)}\n`);
  return EXIT.invalid;
}
