import { Command, Help, type Argument, type Option } from 'commander';
import { displayWidth } from '../format/text-width.js';
import { formatMessage, type Lang, type MessageCode } from '../messages.js';
import { sanitize } from '../format/describe-target.js';

/** Where commander writes: help to `out`, errors to `err`. */
export interface CommanderSinks {
  out: (text: string) => void;
  err: (text: string) => void;
}

// Placeholder words in usage lines and option terms, as the user reads them.
const PLACEHOLDERS: ReadonlyMap<string, MessageCode> = new Map<string, MessageCode>([
  ['options', 'placeholder.options'],
  ['command', 'placeholder.command'],
  ['file', 'placeholder.file'],
  ['files', 'placeholder.files'],
  ['id', 'placeholder.id'],
  ['n', 'placeholder.n'],
  ['year', 'placeholder.year'],
  ['years', 'placeholder.years'],
  ['names', 'placeholder.names'],
  ['name', 'placeholder.name'],
  ['format', 'placeholder.format'],
  ['lang', 'placeholder.lang'],
  ['kind', 'placeholder.kind'],
  ['status', 'placeholder.status'],
  ['conditions', 'placeholder.conditions'],
  ['on_track,moderate', 'placeholder.bands'],
  ['key', 'placeholder.key'],
  ['sheet', 'placeholder.sheet'],
  ['sheets', 'placeholder.sheets'],
  ['width', 'placeholder.width'],
  ['cols', 'placeholder.cols'],
  ['columns', 'placeholder.columns'],
  ['region', 'placeholder.region'],
  ['order', 'placeholder.order'],
  ['layout', 'placeholder.layout'],
  ['field', 'placeholder.field'],
  ['dir', 'placeholder.dir'],
  ['path', 'placeholder.path'],
  ['value', 'placeholder.value'],
  ['count', 'placeholder.count'],
]);

/** Rewrites `<word>`, `[word]` and `<word...>` placeholders into `lang`; other text is kept. */
export function localizePlaceholders(text: string, lang: Lang): string {
  return text.replace(/([<[])([\w,]+)(\.\.\.)?([>\]])/g, (whole, open: string, word: string, dots: string | undefined, close: string) => {
    const code = PLACEHOLDERS.get(word);
    return code ? `${open}${formatMessage(code, {}, lang)}${dots ?? ''}${close}` : whole;
  });
}

const TITLES: ReadonlyMap<string, MessageCode> = new Map<string, MessageCode>([
  ['Usage:', 'help.title.usage'],
  ['Options:', 'help.title.options'],
  ['Commands:', 'help.title.commands'],
  ['Arguments:', 'help.title.arguments'],
  ['Global Options:', 'help.title.global-options'],
]);

function describeExtras(description: string, choices: readonly string[] | undefined, defaultValue: unknown, lang: Lang): string {
  const extras: string[] = [];
  if (choices) extras.push(formatMessage('help.choices', { choices: choices.join(', ') }, lang));
  if (defaultValue !== undefined && typeof defaultValue !== 'boolean') extras.push(formatMessage('help.default', { value: String(defaultValue) }, lang));
  if (extras.length === 0) return description;
  return `${description}${lang === 'zh' ? `(${extras.join(';')})` : ` (${extras.join('; ')})`}`;
}

/** Help in `lang`: titles, placeholders, choices and defaults; widths counted as the terminal shows them. */
export function localizedHelp(lang: Lang): Partial<Help> {
  const base = Help.prototype;
  return {
    styleTitle: (title: string) => {
      const code = TITLES.get(title);
      return code ? formatMessage(code, {}, lang) : title;
    },
    displayWidth: (text: string) => displayWidth(text),
    commandUsage: (cmd: Command) => localizePlaceholders(base.commandUsage.call(new Help(), cmd), lang),
    subcommandTerm: (cmd: Command) => localizePlaceholders(base.subcommandTerm.call(new Help(), cmd), lang),
    optionTerm: (option: Option) => localizePlaceholders(option.flags, lang),
    argumentTerm: (argument: Argument) => localizePlaceholders(`<${argument.name()}>`, lang).slice(1, -1),
    optionDescription: (option: Option) => {
      const showDefault = option.required || option.optional;
      return describeExtras(option.description, option.argChoices, showDefault ? option.defaultValue : undefined, lang);
    },
    argumentDescription: (argument: Argument) => describeExtras(argument.description, argument.argChoices, argument.defaultValue, lang),
  };
}

/** What commander said in English, re-worded in `lang` from the message table; unknown errors keep commander's text. */
export function translateCommanderError(message: string, code: string, lang: Lang): string {
  const clean = (text: string): string => sanitize(localizePlaceholders(text, lang));
  const say = (messageCode: MessageCode, params: Record<string, string | number>): string =>
    formatMessage('cli.error', { message: formatMessage(messageCode, params, lang) }, lang);
  let m: RegExpExecArray | null;
  switch (code) {
    case 'commander.missingArgument':
      if ((m = /^error: missing required argument '(.*)'$/s.exec(message))) return say('cli.missing-argument', { name: clean(`<${m[1]}>`) });
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^error: option '(.*)' argument missing$/s.exec(message))) return say('cli.option-missing-value', { option: clean(m[1] ?? '') });
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = /^error: required option '(.*)' not specified$/s.exec(message))) return say('cli.option-required', { option: clean(m[1] ?? '') });
      break;
    case 'commander.unknownOption':
      if ((m = /^error: unknown option '(.*)'(?:\n\(Did you mean (.*)\?\))?$/s.exec(message))) {
        return say(m[2] ? 'cli.unknown-option-suggest' : 'cli.unknown-option', { option: clean(m[1] ?? ''), suggestion: clean(m[2] ?? '') });
      }
      break;
    case 'commander.unknownCommand':
      if ((m = /^error: unknown command '(.*)'(?:\n\(Did you mean (.*)\?\))?$/s.exec(message))) {
        return say(m[2] ? 'cli.unknown-command-suggest' : 'cli.unknown-command', { command: clean(m[1] ?? ''), suggestion: clean(m[2] ?? '') });
      }
      break;
    case 'commander.excessArguments':
      if ((m = /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(message))) {
        return say('cli.excess-arguments', { command: clean(m[1] ?? 'plancheck'), expected: Number(m[2]), received: Number(m[3]) });
      }
      break;
    case 'commander.invalidArgument': {
      const option = /^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/s.exec(message);
      const argument = /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. (.*)$/s.exec(message);
      const [what, value, reason] = option ? [option[1], option[2], option[3]] : argument ? [`<${argument[2]}>`, argument[1], argument[3]] : [];
      if (what !== undefined && reason !== undefined) {
        const choices = /^Allowed choices are (.*)\.$/s.exec(reason);
        const why = choices ? formatMessage('cli.choices', { choices: choices[1] ?? '' }, lang) : reason;
        return say('cli.invalid-value', { option: clean(what), value: sanitize(value ?? ''), reason: sanitize(why) });
      }
      break;
    }
  }
  return sanitize(message.replace(/^error: /, formatMessage('cli.error', { message: '' }, lang)));
}

/** A commander command that speaks `lang`: help and every commander error come from the message table. */
export class LocalizedCommand extends Command {
  constructor(
    name: string,
    private readonly lang: Lang,
  ) {
    super(name);
  }

  override createCommand(name: string): Command {
    return new LocalizedCommand(name, this.lang);
  }

  /**
   * `help NAME`: commander prints the whole help, as an error, for a name it does not know; say
   * which name is unknown instead (`help help` is the program's help).
   */
  _dispatchHelpCommand(name?: string): unknown {
    // commander's private members, absent from its typings.
    const self = this as unknown as { _findCommand(n: string): Command | undefined; unknownCommand(): never };
    if (name === 'help') return this.help();
    if (name !== undefined && !self._findCommand(name)) {
      this.args = [name];
      self.unknownCommand();
    }
    const original = (Command.prototype as unknown as { _dispatchHelpCommand(n?: string): unknown })._dispatchHelpCommand;
    return original.call(this, name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    return super.error(translateCommanderError(message, errorOptions?.code ?? 'commander.error', this.lang), errorOptions);
  }
}

/** The root command in `lang`: localised help, help and version options, errors, output to `sinks`; never exits the process. */
export function createLocalizedProgram(name: string, lang: Lang, sinks: CommanderSinks): Command {
  return new LocalizedCommand(name, lang)
    .configureHelp(localizedHelp(lang))
    .helpOption('-h, --help', formatMessage('help.opt.help', {}, lang))
    .helpCommand('help [command]', formatMessage('help.cmd.help', {}, lang))
    .showHelpAfterError(formatMessage('cli.help-hint', {}, lang))
    .exitOverride()
    .configureOutput({ writeOut: sinks.out, writeErr: sinks.err });
}
