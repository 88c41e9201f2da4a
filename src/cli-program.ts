import { Option, type Command } from 'commander';
import { ENCODING_NAMES } from './actuals/decode.js';
import { checkOptionsOf, runCheckOf, type CheckFlags } from './cli-check-options.js';
import { createLocalizedProgram } from './commands/localize-commander.js';
import { parseOptionValues } from './commands/parse-option-values.js';
import type { ListOptions } from './commands/run-list.js';
import type { TemplateCommandOptions } from './commands/run-template.js';
import { formatLoaders, isFormatName } from './format/load-formatter.js';
import { formatMessage, type Lang, type MessageCode } from './messages.js';
import { KINDS } from './plan/types.js';
import { FAIL_CONDITIONS, STATUSES } from './report/types.js';
// The check, validate and schema runners (and what they import) load when a command runs: --help needs none.
import type { CheckOptions, Io } from './run.js';
import { toolVersion } from './tool-version.js';
import type { OutputRequest } from './write-outputs.js';

// commander's error class, for main() to tell its usage errors from ours.
export { CommanderError } from 'commander';

/** Lets an option with `.choices()` take any letter case ("GBK" for "gbk"). */
function caseInsensitive(option: Option): Option {
  const strict = option.parseArg;
  if (strict) option.parseArg = <T>(value: string, previous: T): T => strict<T>(value.toLowerCase(), previous);
  return option;
}

/** Builds the command-line program; each action hands its options to a runner and records the exit code. */
export function buildProgram(io: Io, lang: Lang, setCode: (code: number) => void, check: (options: CheckOptions) => Promise<number> = runCheckOf(io)): Command {
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
    .action(async (files: string[], opts: CheckFlags) => setCode(await check(checkOptionsOf(files, opts, outputs, common()))));
  return program;
}
