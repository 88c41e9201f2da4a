import type { CommanderError } from 'commander';
import { checkOptionsOf, runCheckOf } from './cli-check-options.js';
import { parsePlainCheck } from './cli-plain-check.js';
import { directStdout, writesDirectly } from './cli-stdout.js';
import { escapeLines } from './format/sanitize.js';
import { detectLang, formatMessage, type Lang } from './messages.js';
import { ioReason, PlancheckError } from './problem.js';
import { EXIT } from './report/exit-code.js';
// The check, validate and schema runners (and what they import) load when a command runs: --help needs none.
import type { Io, TextSink } from './run.js';
import { sameDestination } from './same-destination.js';

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
  // The usual check is read without commander (cli-plain-check.ts); everything else, help and
  // every usage error included, is parsed by the whole program, loaded only then.
  const plain = parsePlainCheck(argv);
  let commander: typeof CommanderError | undefined;
  try {
    if (plain) {
      code = await runCheckOf(io)(checkOptionsOf(plain.files, plain.flags, plain.outputs, { lang, targets: plain.targets }));
    } else {
      const { buildProgram, CommanderError } = await import('./cli-program.js');
      commander = CommanderError;
      const program = buildProgram(io, lang, (c) => {
        code = c;
      });
      await program.parseAsync(argv, { from: 'user' });
    }
  } catch (error) {
    if (commander && error instanceof commander) {
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
  const openStdout = (): NodeJS.WriteStream => {
    if (!stdoutStream) (stdoutStream = process.stdout).on('error', onStdoutError);
    return stdoutStream;
  };
  let stdoutStream: NodeJS.WriteStream | undefined;
  // The usual check (nothing else writes to process.stdout then: no commander) into a file or
  // /dev/null writes its bytes directly, as Node's stream for them would (cli-stdout.ts).
  const argv = process.argv.slice(2);
  const stdout = parsePlainCheck(argv) && writesDirectly(1) ? directStdout(1, openStdout) : openStdout();
  // stderr and stdin are opened on first use: each costs a stream (and a pipe or TTY module) that
  // a run with nothing to say and nothing to read from stdin never needs.
  let stderr: NodeJS.WriteStream | undefined;
  const openStderr = (): NodeJS.WriteStream => {
    if (!stderr) (stderr = process.stderr).on('error', onStderrError);
    return stderr;
  };
  const io: Io = {
    stdout,
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
    writeStdoutBytes: (bytes: Uint8Array) => stdout.write(bytes),
    stdoutIsStderr: () => sameDestination(1, 2),
  };
  try {
    const code = await main(argv, io);
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
