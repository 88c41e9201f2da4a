import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ENCODING_NAMES, type Encoding } from './actuals/decode.js';
import { formatters, isFormatName, type FormatName } from './format/index.js';
import { findForShow, listJson, listTable, selectTargets, showText } from './list-targets.js';
import { escapeLines } from './format/sanitize.js';
import { detectLang, formatMessage, type Lang } from './messages.js';
import { KINDS, type Kind, type ProgressBands } from './plan/types.js';
import { PlancheckError } from './problem.js';
import { EXIT } from './report/exit-code.js';
import { FAIL_CONDITIONS, STATUSES, type FailCondition, type Status } from './report/types.js';
import { loadPlanFor, runCheck, runSchema, runValidate, toolVersion, type Io } from './run.js';
import { buildTemplate } from './template.js';
import type { OutputRequest } from './write-outputs.js';
import { writeOutputs } from './write-outputs.js';

const HELP = {
  zh: {
    program: '对照政府行动方案的量化目标检查实际数据',
    validate: '检查规划文件(默认:内置的象山县方案)',
    list: '列出规划中的指标',
    show: '显示一条措施(M24)、发展目标(G2)或指标(M24.3)及其原文',
    schema: '输出规划文件的 JSON Schema',
    check: '检查实际数据 CSV 是否达到规划目标',
    template: '生成供填报的 CSV 模板(UTF-8 带 BOM)',
  },
  en: {
    program: 'Check reported figures against the quantitative targets of a government action plan',
    validate: 'check a plan file (default: the bundled Xiangshan plan)',
    list: "list the plan's targets",
    show: 'show a measure (M24), a goal (G2) or a target (M24.3) with its source text',
    schema: 'print the JSON Schema of plan files',
    check: 'check actuals CSV files against the plan',
    template: 'write the CSV form analysts fill in (UTF-8 with BOM)',
  },
};

const EXAMPLES = `
Examples:
  plancheck validate
  plancheck list --action 7
  plancheck show M24
  plancheck template --years 2021-2025 > form.csv
  plancheck check fixtures/submission-2025.csv
  plancheck check data-2021.csv data-2022.csv data-2023.csv --as-of 2023 --fail-on not_met,off_track
  plancheck check form.csv -f table -f json -o report.json -f junit -o junit.xml

Exit codes: 0 nothing failed · 1 a target failed · 2 invalid input or could not evaluate`;

function integers(value: string, previous: number[] | undefined): number[] {
  const list = [...(previous ?? [])];
  for (const part of value.split(',')) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!range) throw new InvalidArgumentError(`"${part}" is not a number or range`);
    const low = Number(range[1]);
    const high = range[2] === undefined ? low : Number(range[2]);
    if (high < low || high - low > 1000) throw new InvalidArgumentError(`"${part}" is not a valid range`);
    for (let n = low; n <= high; n++) list.push(n);
  }
  return list;
}

function oneOf<T extends string>(choices: readonly T[]) {
  return (value: string, previous: T[] | undefined): T[] => {
    const list = [...(previous ?? [])];
    for (const part of value.split(',').map((p) => p.trim().replace(/-/g, '_'))) {
      if (!(choices as readonly string[]).includes(part)) {
        throw new InvalidArgumentError(`"${part}" is not one of ${choices.join(', ')}`);
      }
      list.push(part as T);
    }
    return list;
  };
}

function year(value: string): number {
  const n = Number(value);
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a year`);
  return n;
}

function bands(value: string): ProgressBands {
  const match = /^\s*(0?\.\d+|1(?:\.0+)?)\s*,\s*(0?\.\d+|0|1(?:\.0+)?)\s*$/.exec(value);
  const onTrack = Number(match?.[1]);
  const moderate = Number(match?.[2]);
  if (!match || !(moderate <= onTrack)) throw new InvalidArgumentError(`"${value}" is not two shares "on_track,moderate" with moderate ≤ on_track, e.g. 0.95,0.6`);
  return { onTrack, moderate };
}

function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number`);
  return Number(value);
}

/** A table width: 20 columns at least (the narrowest a stacked listing stays readable), 1,000 at most. */
function tableWidth(value: string): number {
  const width = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(width >= 20 && width <= 1000)) throw new InvalidArgumentError(`"${value}" is not a width between 20 and 1000 columns`);
  return width;
}

/** Builds the command-line program; each action hands its options to a runner and records the exit code. */
function buildProgram(io: Io, lang: Lang, setCode: (code: number) => void): Command {
  const help = HELP[lang];
  const program = new Command('plancheck')
    .description(help.program)
    .version(toolVersion(), '-V, --version')
    .addOption(new Option('--lang <lang>', 'zh | en (default: from the locale)').choices(['zh', 'en']))
    .option('--targets <file>', 'plan file (default: the bundled targets.yaml)')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  const common = () => ({ lang, targets: program.opts<{ targets?: string }>().targets });

  program
    .command('validate [file]')
    .description(help.validate)
    .action(async (file: string | undefined) => setCode(await runValidate(file, common(), io)));

  program
    .command('list')
    .description(help.list)
    .option('--action <n>', 'only these actions (e.g. 7 or 1-3)', integers)
    .option('--measure <n>', 'only these measures (e.g. 24)', integers)
    .option('--goal <n>', 'only these goals (e.g. 2)', integers)
    .option('--kind <kind>', `only these kinds: ${KINDS.join(', ')}`, oneOf(KINDS))
    .option('--soft', 'only hedged (力争) targets')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: { action?: number[]; measure?: number[]; goal?: number[]; kind?: Kind[]; soft?: boolean; format: string }) => {
      const plan = await loadPlanFor(common(), io);
      if (!plan) return setCode(EXIT.invalid);
      const targets = selectTargets(plan, { ...opts, soft: opts.soft ? true : undefined });
      io.stdout.write(opts.format === 'json' ? listJson(targets) : listTable(targets, lang));
      setCode(EXIT.ok);
    });

  program
    .command('show <id>')
    .description(help.show)
    .action(async (id: string) => {
      const plan = await loadPlanFor(common(), io);
      if (!plan) return setCode(EXIT.invalid);
      const found = findForShow(plan, id);
      if (found.kind === 'unknown') {
        io.stderr.write(`${formatMessage('usage.unknown-id', { id, suggestion: found.suggestion }, lang)}\n`);
        return setCode(EXIT.invalid);
      }
      io.stdout.write(showText(found, lang));
      setCode(EXIT.ok);
    });

  program.command('schema').description(help.schema).action(() => setCode(runSchema(io)));

  program
    .command('template')
    .description(help.template)
    .option('--years <years>', 'one column per year, e.g. 2021-2025 (default: a year and a value column)', integers)
    .option('--regions <names>', 'a block of rows per region, comma-separated')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--decomposition', formatMessage('help.opt.decomposition', {}, lang))
    .action(async (opts: { years?: number[]; regions?: string; output?: string; decomposition?: boolean }) => {
      const plan = await loadPlanFor(common(), io);
      if (!plan) return setCode(EXIT.invalid);
      const regions = opts.regions?.split(',').map((r) => r.trim()).filter((r) => r !== '');
      if (opts.decomposition && !plan.regions) {
        io.stderr.write(`${formatMessage('rt.no-regions', {}, lang)}\n`);
        return setCode(EXIT.invalid);
      }
      const text = opts.decomposition
        ? (await import('./build-decomposition-template.js')).buildDecompositionTemplate(plan, { lang, regions })
        : buildTemplate(plan, { lang, years: opts.years, regions });
      try {
        await writeOutputs([{ format: 'table', path: opts.output, text }], io);
      } catch (error) {
        if (!(error instanceof PlancheckError)) throw error;
        io.stderr.write(`${formatMessage(error.code, error.params, lang)}\n`);
        return setCode(EXIT.invalid);
      }
      setCode(EXIT.ok);
    });

  // -f and -o pair up in the order given: "-f json -o report.json -f junit -o junit.xml".
  const outputs: OutputRequest[] = [];
  program
    .command('check <files...>')
    .description(help.check)
    .option('-f, --format <format>', `output format, repeatable: ${Object.keys(formatters).join(', ')}`, (value: string) => {
      if (!isFormatName(value)) throw new InvalidArgumentError(`"${value}" is not one of ${Object.keys(formatters).join(', ')}`);
      outputs.push({ format: value });
      return value;
    })
    .option('-o, --output <file>', 'write the preceding --format to this file (atomically)', (value: string) => {
      const last = outputs[outputs.length - 1];
      if (last && last.path === undefined) last.path = value;
      else outputs.push({ format: 'json', path: value });
      return value;
    })
    .option('--as-of <year>', 'the review year (default: the latest year in the data)', year)
    .option('--bands <on_track,moderate>', 'progress bands for observed ÷ required (default: the plan\'s, else 0.95,0.6)', bands)
    .option('--fail-on <conditions>', `what fails the run: ${FAIL_CONDITIONS.join(', ')} (default: not_met)`, oneOf(FAIL_CONDITIONS))
    .option('--require-complete', 'missing figures fail the run (same as --fail-on no_data)')
    .option('--max-warnings <n>', 'fail when there are more warnings than this', count)
    .option('--action <n>', 'only these actions', integers)
    .option('--measure <n>', 'only these measures', integers)
    .option('--status <status>', `list only these statuses: ${STATUSES.join(', ')}`, oneOf(STATUSES))
    .option('-q, --quiet', 'list failures only')
    .option('--encoding <name>', `force the CSV encoding: ${Object.keys(ENCODING_NAMES).join(', ')}`)
    .option('--max-errors <n>', 'input errors to show before a count of the rest', count, 50)
    .option('--no-color', 'never colour the output')
    .option('--width <n>', 'table width in columns, 20–1000 (default: the terminal\'s, else 100)', tableWidth)
    .addOption(new Option('--sort <order>', 'order of results: plan, or status (failures first)').choices(['plan', 'status']))
    .addOption(new Option('--by <layout>', 'with regions: indicator (indicator × region, default) or region (one listing per region)').choices(['indicator', 'region']))
    .option('--region-targets <file>', formatMessage('help.opt.region-targets', {}, lang))
    .action(async (files: string[], opts: {
      width?: number; sort?: 'plan' | 'status'; by?: 'indicator' | 'region'; regionTargets?: string;
      asOf?: number; bands?: ProgressBands; failOn?: FailCondition[]; requireComplete?: boolean; maxWarnings?: number; action?: number[];
      measure?: number[]; status?: Status[]; quiet?: boolean; encoding?: string; maxErrors: number; color?: boolean;
    }) => {
      let encoding: Encoding | undefined;
      if (opts.encoding !== undefined) {
        encoding = ENCODING_NAMES[opts.encoding.toLowerCase()];
        if (!encoding) {
          io.stderr.write(`${formatMessage('usage.bad-option', { reason: `--encoding ${opts.encoding}` }, lang)}\n`);
          return setCode(EXIT.invalid);
        }
      }
      const failOn = new Set<FailCondition>(opts.failOn ?? ['not_met']);
      if (opts.requireComplete) failOn.add('no_data');
      const requested: OutputRequest[] = outputs.length > 0 ? outputs : [{ format: 'table' as FormatName }];
      setCode(
        await runCheck(
          {
            ...common(),
            files,
            outputs: requested,
            color: opts.color === false ? false : undefined,
            encoding,
            asOf: opts.asOf,
            bands: opts.bands,
            failOn: [...failOn],
            maxWarnings: opts.maxWarnings ?? null,
            action: opts.action,
            measure: opts.measure,
            status: opts.status,
            quiet: opts.quiet ?? false,
            maxErrors: opts.maxErrors,
            width: opts.width,
            sort: opts.sort,
            by: opts.by,
            regionTargets: opts.regionTargets,
          },
          io,
        ),
      );
    });
  return program;
}

/** Runs plancheck with `argv` (arguments after the program name) against `io`; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const langFlag = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const explicit = langFlag < 0 ? undefined : argv[langFlag]?.includes('=') ? argv[langFlag]?.split('=')[1] : argv[langFlag + 1];
  const lang = detectLang(io.env, explicit);
  let code: number = EXIT.ok;
  // Whatever reaches stderr (our messages, commander's) may quote the user's input: escape it once, here.
  const rawStderr = io.stderr;
  io = { ...io, stderr: { isTTY: rawStderr.isTTY, columns: rawStderr.columns, write: (text: string) => rawStderr.write(escapeLines(text)) } };
  const program = buildProgram(io, lang, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
    }
    if (error instanceof PlancheckError) {
      io.stderr.write(`${formatMessage(error.code, error.params, lang)}\n`);
      return EXIT.invalid;
    }
    throw error;
  }
  return code;
}

/** The bin's entry: runs against the real process and sets `process.exitCode` (never `process.exit`). */
export async function runFromProcess(): Promise<void> {
  // A reader that goes away (`| head`) is not an error of ours.
  const ignoreBrokenPipe = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') throw error;
  };
  process.stdout.on('error', ignoreBrokenPipe);
  process.stderr.on('error', ignoreBrokenPipe);
  const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (error) {
    const lang = detectLang(process.env);
    const detail = process.env.PLANCHECK_DEBUG ? (error instanceof Error ? error.stack : String(error)) : (error instanceof Error ? error.message : String(error));
    const head = lang === 'zh' ? 'plancheck 内部错误(请报告此问题)' : 'plancheck internal error (please report it)';
    process.stderr.write(`${head}: ${escapeLines(detail ?? '')}\n`);
    process.exitCode = EXIT.invalid;
  }
}
