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

/** Every CSV file under `dir`, depth first. */
export function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtureFiles(path) : name.endsWith('.csv') ? [path] : [];
  });
}
