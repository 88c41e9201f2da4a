import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, where the fixtures are. */
export const root = new URL('../../', import.meta.url).pathname;

/** The bytes of `bytes` in chunks of `size` (the last one shorter), as a source's `open()`. */
export function chunked(bytes: Buffer, size: number): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };
}

/**
 * `chunked`, but every chunk is the same buffer, overwritten before the next is given (and
 * scribbled over once the source is done), as fileRange's `reuse` gives them: a reader that
 * keeps a chunk instead of a copy reads garbage.
 */
export function reusedChunks(bytes: Buffer, size: number): () => AsyncIterable<Uint8Array> {
  return async function* () {
    const shared = Buffer.alloc(size);
    for (let at = 0; at < bytes.length; at += size) {
      const length = bytes.copy(shared, 0, at, Math.min(at + size, bytes.length));
      yield shared.subarray(0, length);
      shared.fill(0x23);
    }
  };
}

/** Every CSV file under `dir`, depth first. */
export function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtureFiles(path) : name.endsWith('.csv') ? [path] : [];
  });
}
