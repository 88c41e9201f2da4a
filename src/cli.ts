import { CommanderError, Option, type Command } from 'commander';
import { ENCODING_NAMES, type Encoding } from './actuals/decode.js';
import { createLocalizedProgram } from './commands/localize-commander.js';
import { parseOptionValues } from './commands/parse-option-values.js';
import type { ListOptions } from './commands/run-list.js';
import type { TemplateCommandOptions } from './commands/run-template.js';
import { formatLoaders, isFormatName, type FormatName } from './format/load-formatter.js';
import { escapeLines } from './format/sanitize.js';
import { detectLang, formatMessage, type Lang, type MessageCode } from './messages.js';
import { KINDS, type ProgressBands } from './plan/types.js';
import { ioReason, PlancheckError } from './problem.js';
import { EXIT } from './report/exit-code.js';
import { FAIL_CONDITIONS, STATUSES, type FailCondition, type Status } from './report/types.js';
// The check, validate and schema runners (and what they import) load when a command runs: --help needs none.
import type { Io, TextSink } from './run.js';
import { sameDestination } from './same-destination.js';
import { toolVersion } from './tool-version.js';
import type { OutputRequest } from './write-outputs.js';

/** Options of `plancheck check` as commander parses them. */
interface CheckFlags {
  asOf?: number;
  bands?: ProgressBands;
  failOn?: FailCondition[];
  requireComplete?: boolean;
  maxWarnings?: number;
  action?: number[];
  measure?: number[];
  status?: Status[];
  quiet?: boolean;
  encoding?: string;
  maxErrors: number;
  sheet?: string[];
  region?: string[];
  regionTargets?: string;
  color?: boolean;
  width?: number;
  sort?: 'plan' | 'status';
  by?: 'indicator' | 'region';
}

/** Lets an option with `.choices()` take any letter case ("GBK" for "gbk"). */
function caseInsensitive(option: Option): Option {
  const strict = option.parseArg;
  if (strict) option.parseArg = <T>(value: string, previous: T): T => strict<T>(value.toLowerCase(), previous);
  return option;
}

/** Builds the command-line program; each action hands its options to a runner and records the exit code. */
function buildProgram(io: Io, lang: Lang, setCode: (code: number) => void): Command {
  const h = (code: MessageCode, params: Record<string, string> = {}): string => formatMessage(code, params, lang);
  const parse = parseOptionValues(lang);
  const program = createLocalizedProgram('plancheck', lang, { out: (s) => io.stdout.write(s), err: (s) => io.stderr.write(s) })
    .description(h('help.cmd.program'))
    .version(toolVersion(), '-V, --version', h('help.opt.version'))
    .addOption(new Option('--lang <lang>', h('help.opt.lang')).choices(['zh', 'en']))
    .option('--targets <file>', h('help.opt.targets'))
    .addHelpText('after', `\n${h('help.examples')}`);

  const common = () => ({ lang, targets: program.opts<{ targets?: string }>().targets });

  program
    .command('validate [file]')
    .description(h('help.cmd.validate'))
    .action(async (file: string | undefined) => setCode(await (await import('./run.js')).runValidate(file, common(), io)));

  // list, show and template load their modules (the target list, the form builders) only when run.
  program
    .command('list')
    .description(h('help.cmd.list'))
    .option('--action <n>', h('help.opt.list-action'), parse.integers)
    .option('--measure <n>', h('help.opt.list-measure'), parse.integers)
    .option('--goal <n>', h('help.opt.goal'), parse.integers)
    .option('--kind <kind>', h('help.opt.kind', { kinds: KINDS.join(', ') }), parse.oneOf(KINDS))
    .option('--soft', h('help.opt.soft'))
    .addOption(new Option('--format <format>', h('help.opt.list-format')).choices(['table', 'json']).default('table'))
    .option('--width <n>', h('help.opt.width'), parse.width)
    .action(async (opts: Omit<ListOptions, 'lang' | 'targets'>) =>
      setCode(await (await import('./commands/run-list.js')).runList({ ...common(), ...opts, soft: opts.soft ? true : undefined }, io)),
    );

  program
    .command('show <id>')
    .description(h('help.cmd.show'))
    .action(async (id: string) => setCode(await (await import('./commands/run-show.js')).runShow(id, common(), io)));

  program.command('schema').description(h('help.cmd.schema')).action(async () => setCode(await (await import('./run.js')).runSchema(io)));

  program
    .command('template')
    .description(h('help.cmd.template'))
    .option('--years <years>', h('help.opt.years'), parse.integers)
    .option('--regions <names>', h('help.opt.regions'))
    .option('-o, --output <file>', h('help.opt.template-output'))
    .option('--decomposition', h('help.opt.decomposition'))
    .action(async (opts: Omit<TemplateCommandOptions, 'lang' | 'targets'>) =>
      setCode(await (await import('./commands/run-template.js')).runTemplate({ ...common(), ...opts }, io)),
    );

  // -f and -o pair up in the order given: "-f json -o report.json -f junit -o junit.xml".
  const outputs: OutputRequest[] = [];
  const formatNames = Object.keys(formatLoaders).join(', ');
  program
    .command('check <files...>')
    .description(h('help.cmd.check'))
    .option('-f, --format <format>', h('help.opt.format', { formats: formatNames }), (value: string) => {
      if (!isFormatName(value)) throw parse.invalid('cli.not-one-of', { part: value, choices: formatNames });
      outputs.push({ format: value });
      return value;
    })
    .option('-o, --output <file>', h('help.opt.output'), (value: string) => {
      const last = outputs[outputs.length - 1];
      // A file with no format before it would get a format the user never chose.
      if (!last || last.path !== undefined) throw parse.invalid('cli.output-without-format', {});
      last.path = value;
      return value;
    })
    .option('--as-of <year>', h('help.opt.as-of'), parse.year)
    .option('--bands <on_track,moderate>', h('help.opt.bands'), parse.bands)
    .option('--fail-on <conditions>', h('help.opt.fail-on', { conditions: FAIL_CONDITIONS.join(', ') }), parse.oneOf(FAIL_CONDITIONS))
    .option('--require-complete', h('help.opt.require-complete'))
    .option('--max-warnings <n>', h('help.opt.max-warnings'), parse.count)
    .option('--action <n>', h('help.opt.action'), parse.integers)
    .option('--measure <n>', h('help.opt.measure'), parse.integers)
    .option('--status <status>', h('help.opt.status', { statuses: STATUSES.join(', ') }), parse.oneOf(STATUSES))
    .option('-q, --quiet', h('help.opt.quiet'))
    .option('--region <names>', h('help.opt.region'), (value: string, previous: string[] | undefined) => [
      ...(previous ?? []),
      ...value.split(',').map((name) => name.trim()).filter((name) => name !== ''),
    ])
    .addOption(caseInsensitive(new Option('--encoding <name>', h('help.opt.encoding')).choices(Object.keys(ENCODING_NAMES))))
    .option('--max-errors <n>', h('help.opt.max-errors'), parse.count, 50)
    .option('--region-targets <file>', h('help.opt.region-targets'))
    .option('--sheet <name>', h('help.opt.sheet'), (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .option('--no-color', h('help.opt.no-color'))
    .option('--width <n>', h('help.opt.width'), parse.width)
    .addOption(new Option('--sort <order>', h('help.opt.sort')).choices(['plan', 'status']))
    .addOption(new Option('--by <layout>', h('help.opt.by')).choices(['indicator', 'region']))
    .action(async (files: string[], opts: CheckFlags) => {
      const encoding: Encoding | undefined = opts.encoding === undefined ? undefined : ENCODING_NAMES[opts.encoding];
      const failOn = new Set<FailCondition>(opts.failOn ?? ['not_met']);
      if (opts.requireComplete) failOn.add('no_data');
      const requested: OutputRequest[] = outputs.length > 0 ? outputs : [{ format: 'table' as FormatName }];
      setCode(
        await (await import('./run.js')).runCheck(
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
            sheets: opts.sheet,
            region: opts.region,
            regionTargets: opts.regionTargets,
          },
          io,
        ),
      );
    });
  return program;
}

/** The value of `--lang` in `argv`, read before parsing so that commander's own messages speak it. */
function langFlag(argv: string[]): string | undefined {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (at < 0) return undefined;
  const arg = argv[at] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
}

/** Runs plancheck with `argv` (arguments after the program name) against `io`; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const lang = detectLang(io.env, langFlag(argv));
  let code: number = EXIT.ok;
  // Whatever reaches stderr (our messages, commander's) may quote the user's input: escape it once, here.
  const rawStderr = io.stderr;
  const stderr: TextSink = {
    write: (text: string) => rawStderr.write(escapeLines(text)),
    // Read when asked, not now: the real stderr is opened on first use.
    get isTTY() {
      return rawStderr.isTTY;
    },
    get columns() {
      return rawStderr.columns;
    },
  };
  io = { ...io, stderr };
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
  // A reader that goes away (`| head`) is not an error of ours. Any other failed write (a full
  // disk: ENOSPC) is exit 2 with its reason in words, never a stack trace nor the report's code.
  let finished = false;
  let writeFailed = false;
  let reported = false;
  let stdoutError: NodeJS.ErrnoException | null = null;
  const lang = (): Lang => detectLang(process.env, langFlag(process.argv.slice(2)));
  const reportStdout = (error: NodeJS.ErrnoException): void => {
    if (reported) return;
    reported = true;
    // stderr may be what failed too: nothing more can be said then, the exit code says it.
    openStderr().write(`${formatMessage('output.stdout-failed', ioReason(error), lang())}\n`);
  };
  const onStdoutError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') return;
    writeFailed = true;
    stdoutError ??= error;
    process.exitCode = EXIT.invalid;
    // While the run goes on it says so itself (run.ts stops writing and words it); after, here.
    if (finished) reportStdout(error);
  };
  const onStderrError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') return;
    writeFailed = true;
    process.exitCode = EXIT.invalid;
  };
  process.stdout.on('error', onStdoutError);
  // stderr and stdin are opened on first use: each costs a stream (and a pipe or TTY module) that
  // a run with nothing to say and nothing to read from stdin never needs.
  let stderr: NodeJS.WriteStream | undefined;
  const openStderr = (): NodeJS.WriteStream => {
    if (!stderr) (stderr = process.stderr).on('error', onStderrError);
    return stderr;
  };
  const io: Io = {
    stdout: process.stdout,
    stderr: {
      write: (text: string) => openStderr().write(text),
      get isTTY() {
        return openStderr().isTTY;
      },
      get columns() {
        return openStderr().columns;
      },
    },
    stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
    env: process.env,
    writeStdoutBytes: (bytes: Uint8Array) => process.stdout.write(bytes),
    stdoutIsStderr: () => sameDestination(1, 2),
  };
  try {
    const code = await main(process.argv.slice(2), io);
    finished = true;
    // A write that failed while the run went on and was not said (a command that writes its
    // stdout directly, such as list): said now, exit 2.
    if (stdoutError && code !== EXIT.invalid) reportStdout(stdoutError);
    // A run that ended with 2 has said why (run.ts words a failed write itself): a later error event adds nothing.
    reported ||= code === EXIT.invalid;
    process.exitCode = writeFailed ? EXIT.invalid : code;
  } catch (error) {
    finished = true;
    const lang = detectLang(process.env, langFlag(process.argv.slice(2)));
    const detail = process.env.PLANCHECK_DEBUG ? (error instanceof Error ? error.stack : String(error)) : (error instanceof Error ? error.message : String(error));
    openStderr().write(`${formatMessage('cli.internal-error', { detail: escapeLines(detail ?? '') }, lang)}\n`);
    process.exitCode = EXIT.invalid;
  }
}
