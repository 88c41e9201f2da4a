import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FormatOutput } from './format/formatter.js';
import type { FormatName } from './format/index.js';
import { ioReason, PlancheckError } from './problem.js';
import type { Io } from './run.js';

/** One output asked for: a format, and a file to write it to (stdout when absent). */
export interface OutputRequest {
  format: FormatName;
  path?: string;
}

/**
 * Writes each rendered output: files atomically (a temporary file beside it, then a rename), so
 * a reader never sees half a report; the rest to stdout.
 */
export async function writeOutputs(outputs: (OutputRequest & { text: FormatOutput })[], io: Io): Promise<void> {
  for (const output of outputs) {
    if (output.path === undefined || output.path === '-') {
      for (const piece of batches(output.text)) io.stdout.write(piece);
      continue;
    }
    const temp = join(dirname(output.path), `.${basename(output.path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const file = await open(temp, 'wx');
      try {
        for (const piece of batches(output.text)) await file.write(piece);
      } finally {
        await file.close();
      }
      await rename(temp, output.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new PlancheckError('file.write-failed', { file: output.path, ...ioReason(error) }, [], { cause: error });
    }
  }
}

/** A format's output in pieces of about 64 KB: few writes, and never the whole report as one string. */
export function* batches(output: FormatOutput, size = 64 * 1024): Generator<string> {
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
