import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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
export async function writeOutputs(outputs: (OutputRequest & { text: string | Uint8Array })[], io: Io): Promise<void> {
  for (const output of outputs) {
    if (output.path === undefined || output.path === '-') {
      // run() refuses binary formats without a file before rendering: bytes never reach a terminal.
      if (typeof output.text !== 'string') throw new TypeError(`binary ${output.format} output needs a file`);
      io.stdout.write(output.text);
      continue;
    }
    const temp = join(dirname(output.path), `.${basename(output.path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temp, output.text, { flag: 'wx' });
      await rename(temp, output.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new PlancheckError('file.write-failed', { file: output.path, ...ioReason(error) }, [], { cause: error });
    }
  }
}
