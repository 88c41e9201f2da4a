import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { PlancheckError } from './problem.js';

/** Actuals files (CSV) larger than this are refused: six times the largest benchmark file (5 M rows, 170 MB). */
export const INPUT_SIZE_LIMIT = 1024 * 1024 * 1024;

/** The error a read that passes its limit ends with: worded, with the file and the limit. */
export function overLimitError(file: string, limit: number): PlancheckError {
  return new PlancheckError('file.over-limit', { file, limit, limitText: byteSize(limit) });
}

/**
 * Reads the whole file at `path`, refusing it once more than `limit` bytes arrive. The size on
 * disk is checked first, but a device, a FIFO or a growing file says nothing true about its size,
 * so the read itself stops at the limit. Throws PlancheckError ('file.unreadable' or 'file.over-limit').
 */
export function readFileBounded(path: string, limit: number, ioError: (error: unknown) => PlancheckError): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw ioError(error);
  }
  try {
    let stat;
    try {
      stat = fstatSync(fd);
    } catch (error) {
      throw ioError(error);
    }
    if (stat.isDirectory()) throw ioError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
    if (stat.isFile() && stat.size > limit) throw overLimitError(path, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte more than the limit is enough to know the file passes it.
      const chunk = Buffer.allocUnsafe(Math.min(256 * 1024, limit + 1 - total));
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
          // A non-blocking stdin with nothing yet: wait a little rather than spin.
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        throw ioError(error);
      }
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) throw overLimitError(path, limit);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * Passes the chunks of `source` through until more than `limit` bytes have gone by, then throws
 * 'file.over-limit' and stops reading: an endless stdin or `/dev/zero` ends there.
 */
export async function* boundChunks(source: AsyncIterable<Uint8Array>, file: string, limit: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    if (total > limit) throw overLimitError(file, limit);
    yield chunk;
  }
}

/** A byte count as people say it: 4 MiB, 1 GiB, 512 KiB, 100 bytes. */
export function byteSize(bytes: number): string {
  for (const [unit, size] of [['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
    if (bytes >= size) return `${(bytes / size).toFixed(1)} ${unit}`;
  }
  return `${bytes} bytes`;
}
