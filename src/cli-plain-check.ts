import type { CheckFlags } from './cli-check-options.js';
import { isFormatName } from './format/load-formatter.js';
import type { OutputRequest } from './write-outputs.js';

/** A `check` whose arguments the plain parser read: what commander would have handed its action. */
export interface PlainCheck {
  files: string[];
  flags: CheckFlags;
  /** The -f/-o pairs in the order given. */
  outputs: OutputRequest[];
  /** The last `--targets`, as commander keeps it. */
  targets?: string;
}

// Options taking a value, and the values the plain parser accepts for each (anything else is
// left to commander, which words the error). Values that start with "-" (but "-" itself) are
// commander's to judge too.
const LANGS = new Set(['zh', 'en']);
const SORTS = new Set(['plan', 'status']);
const LAYOUTS = new Set(['indicator', 'region']);

/**
 * Reads the arguments of the usual check (`[--lang L] [--targets FILE] check FILE… [-f F [-o OUT]]…
 * [-q] [--no-color] [--as-of YEAR] [--sort S] [--by B] [--require-complete]`, in any order after
 * `check`) without building commander's program, which costs a short run more than the check of
 * one region. Anything else (help, another command, any other option or spelling, an invalid
 * value, an -o without its -f) returns null: commander parses it, so its help and errors are
 * commander's own. Where this accepts, commander gives the action the same files and options
 * (cli-plain-check.test.ts compares them).
 */
export function parsePlainCheck(argv: readonly string[]): PlainCheck | null {
  const files: string[] = [];
  const outputs: OutputRequest[] = [];
  const flags: CheckFlags = { maxErrors: 50, color: true };
  let targets: string | undefined;
  let command = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-' || !arg.startsWith('-')) {
      if (command) files.push(arg);
      else if (arg === 'check') command = true;
      else return null;
      continue;
    }
    // A flag without a value.
    if (arg === '-q' || arg === '--quiet' || arg === '--no-color' || arg === '--require-complete') {
      if (!command) return null;
      if (arg === '--no-color') flags.color = false;
      else if (arg === '--require-complete') flags.requireComplete = true;
      else flags.quiet = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || (value.startsWith('-') && value !== '-')) return null;
    i++;
    switch (arg) {
      case '--lang':
        if (!LANGS.has(value)) return null;
        break;
      case '--targets':
        targets = value;
        break;
      case '-f':
      case '--format':
        if (!command || !isFormatName(value)) return null;
        outputs.push({ format: value });
        break;
      case '-o':
      case '--output': {
        const last = outputs[outputs.length - 1];
        if (!command || !last || last.path !== undefined) return null;
        last.path = value;
        break;
      }
      case '--as-of':
        if (!command || !/^\d{4}$/.test(value)) return null;
        flags.asOf = Number(value);
        break;
      case '--sort':
        if (!command || !SORTS.has(value)) return null;
        flags.sort = value as CheckFlags['sort'];
        break;
      case '--by':
        if (!command || !LAYOUTS.has(value)) return null;
        flags.by = value as CheckFlags['by'];
        break;
      default:
        return null;
    }
  }
  if (!command || files.length === 0) return null;
  return targets === undefined ? { files, flags, outputs } : { files, flags, outputs, targets };
}
