import { unlinkSync } from 'node:fs';
import { chunkTexts } from './format/byte-chunks.js';
import type { ChunkOutput, FormatOutput } from './format/formatter.js';
import type { FormatName } from './format/load-formatter.js';
import { ioReason, PlancheckError } from './problem.js';
import type { Io, TextSink } from './run.js';

/** One output asked for: a format, and a file to write it to (stdout when absent). */
export interface OutputRequest {
  format: FormatName;
  path?: string;
}

/** Test hook: milliseconds to pause halfway through writing a file, so a test can signal mid-write. */
const PAUSE_HOOK = 'PLANCHECK_TEST_PAUSE_WRITE_MS';

/**
 * Writes each rendered output: a regular file atomically (a temporary file beside it, then a
 * rename, so a reader never sees half a report), a device or FIFO directly, the rest to stdout.
 * A symlink's target is written and the link kept. On SIGINT or SIGTERM mid-write the temporary
 * file is removed and the process ends by that signal. Throws PlancheckError 'file.write-failed'.
 */
export async function writeOutputs(outputs: (OutputRequest & { text: RenderedOutput })[], io: Io): Promise<void> {
  const temps = new Set<string>();
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const temp of temps) {
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    }
    removeHandlers();
    // With our handler gone the default action ends the process, with the conventional status.
    process.kill(process.pid, signal);
  };
  const removeHandlers = (): void => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  // Only files have temporary files to remove; a run that writes to stdout alone neither installs
  // signal handlers nor loads the file-writing code (node:fs/promises).
  const toFile = (output: OutputRequest): boolean => output.path !== undefined && output.path !== '-';
  if (outputs.some(toFile)) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  const pause = Number(io.env[PAUSE_HOOK] ?? 0);
  // A stdout that fails ends what goes to stdout, not the files asked for beside it: they are still
  // written, then the failure is thrown (exit 2).
  let stdoutFailure: PlancheckError | null = null;
  const keepStdoutFailure = (error: unknown): void => {
    if (!(error instanceof PlancheckError) || error.code !== 'output.stdout-failed') throw error;
    stdoutFailure ??= error;
  };
  try {
    for (const output of outputs) {
      if (!toFile(output)) {
        if (stdoutFailure) continue;
        // run() refuses binary formats without a file before rendering: bytes never reach a terminal.
        if (output.text instanceof Uint8Array) throw new TypeError(`binary ${output.format} output needs a file`);
        // Smaller pieces than a file's: stdout's writes are not awaited, and each 256 K piece's
        // bytes outlived a young generation kept small (steady-heap.ts): a 5M-row summary peaked
        // about 8 MB higher (16,079 lines; 64 K measured no slower, CPU time of 3 runs each).
        const watch = watchErrors(io.stdout);
        const writeBytes = io.writeStdoutBytes;
        try {
          if (writeBytes && isChunkOutput(output.text)) {
            // A chunk is valid until the next is asked for, and a pipe may keep a write queued
            // past that: a chunk is written as it is only when a queued write of it would make the
            // stream ask for 'drain' (which is awaited before the next chunk is asked for), else as a
            // copy of its own (copying 832 MB of JSON cost about 0.5 s of CPU).
            for (const chunk of output.text.chunks) {
              const bytes = keepsNoChunk(io.stdout, chunk.length) ? chunk : Buffer.from(chunk);
              await writeDrained(io.stdout, bytes, (piece) => writeBytes.call(io, piece));
              if (sinkEnded(io.stdout, watch.error)) break;
            }
          } else {
            for (const piece of batches(textOf(output.text), STDOUT_PIECE)) {
              await writeDrained(io.stdout, piece);
              if (sinkEnded(io.stdout, watch.error)) break;
            }
          }
        } catch (error) {
          keepStdoutFailure(error);
        } finally {
          watch.stop();
        }
        continue;
      }
      const { writeFileOutput } = await import('./write-file-output.js');
      // -o /dev/stdout onto a failing stdout fails as stdout does.
      await writeFileOutput(output.path ?? '-', output.text, io, temps, pause).catch(keepStdoutFailure);
    }
    if (stdoutFailure) throw stdoutFailure;
  } finally {
    removeHandlers();
  }
}

/**
 * Writes a piece to a sink (text, or bytes with `write`), then waits for it to drain when it says its buffer is full. A
 * pipe to a slower reader (`| sha256sum`) would otherwise queue the whole report in memory, and
 * Node fails the queued write with ENOBUFS once more pieces wait than one system call takes.
 * A sink that closes (the reader went away) or fails ends the wait: its own error handler has
 * the say.
 */
export async function writeDrained<Piece extends string | Uint8Array>(
  sink: TextSink,
  piece: Piece,
  write: (piece: Piece) => unknown = (text) => sink.write(text as string),
): Promise<void> {
  if (write(piece) !== false || !sink.once || sink.destroyed) return;
  const { once, removeListener } = sink;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      removeListener?.call(sink, 'drain', done);
      removeListener?.call(sink, 'close', done);
      removeListener?.call(sink, 'error', done);
      resolve();
    };
    once.call(sink, 'drain', done);
    once.call(sink, 'close', done);
    once.call(sink, 'error', done);
  });
}

/**
 * True when a chunk of `length` bytes written to `sink` and kept queued there would make its
 * `write` return false (a Node stream asks for 'drain' once it holds its high-water mark), so
 * that `writeDrained` waits until the stream has let go of it; false for a sink that says
 * neither its mark nor how to wait.
 */
export function keepsNoChunk(sink: TextSink, length: number): boolean {
  const mark = sink.writableHighWaterMark;
  return typeof mark === 'number' && mark > 0 && length >= mark && typeof sink.once === 'function';
}

/**
 * True when a sink can take no more (its reader went away: EPIPE, or it was closed), so nothing
 * more is rendered for it; throws PlancheckError 'output.stdout-failed' when a write failed for
 * any other reason (ENOSPC on a full disk, EIO): that is exit 2, never the report's exit code.
 */
export function sinkEnded(sink: TextSink, seen: Error | null = null): boolean {
  const error = seen ?? sink.errored;
  if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') {
    throw new PlancheckError('output.stdout-failed', ioReason(error), [], { cause: error });
  }
  return Boolean(error) || sink.destroyed === true;
}

/** Keeps the first error a sink reports while it is written to: process.stdout forgets its `errored` once it has emitted it. */
export function watchErrors(sink: TextSink): { readonly error: Error | null; stop(): void } {
  let error: Error | null = null;
  const record = (failure?: Error): void => {
    error ??= failure ?? null;
  };
  sink.once?.('error', record);
  return {
    get error() {
      return error;
    },
    stop: () => sink.removeListener?.('error', record),
  };
}

/** Characters in each piece written to stdout (see writeOutputs). */
const STDOUT_PIECE = 64 * 1024;

/** What a format gave, ready to write: text, bytes (a workbook) or UTF-8 chunks (a machine format to a file). */
export type RenderedOutput = FormatOutput | Uint8Array | ChunkOutput;

/** True for a format's output given as UTF-8 chunks. */
export function isChunkOutput(output: RenderedOutput): output is ChunkOutput {
  return typeof output === 'object' && !(output instanceof Uint8Array) && 'chunks' in output;
}

/** The text of a format's output for a text stream (stdout, stderr): chunks decoded as they come. */
export function textOf(output: FormatOutput | ChunkOutput): FormatOutput {
  return typeof output === 'object' && 'chunks' in output ? chunkTexts(output.chunks) : output;
}

/**
 * A format's output in pieces of about 256 K characters: few writes (each awaited write costs a
 * trip through the thread pool: 832 MB of JSON in 64 K pieces took 13,000), and never the whole
 * report as one string.
 */
export function* batches(output: FormatOutput, size = 256 * 1024): Generator<string> {
  if (typeof output === 'string') {
    if (output !== '') yield output;
    return;
  }
  let buffer: string[] = [];
  let length = 0;
  for (const piece of output) {
    buffer.push(piece);
    length += piece.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (length > 0) yield buffer.join('');
}

/** The reason of a failed write in both languages; ENOENT here means the folder is missing, not the file. */
export function writeReason(error: unknown): { reason: string; reasonZh: string } {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    return { reason: 'its folder does not exist', reasonZh: '所在的文件夹不存在' };
  }
  return ioReason(error);
}
