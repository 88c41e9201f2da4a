import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileChunks, fileRange } from './file-chunks.js';

describe('fileChunks', () => {
  const collect = async (iterable: AsyncIterable<Uint8Array>) => {
    const parts: Uint8Array[] = [];
    for await (const part of iterable) parts.push(part);
    return parts;
  };

  it('gives a file in chunks of the size asked, the last one shorter, each a buffer of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-chunks-'));
    const file = join(dir, 'a.csv');
    const bytes = Buffer.from('x'.repeat(10) + 'y'.repeat(10) + 'z'.repeat(5));
    writeFileSync(file, bytes);
    const parts = await collect(fileChunks(file, 10));
    expect(parts.map((part) => part.length)).toEqual([10, 10, 5]);
    expect(Buffer.concat(parts)).toEqual(bytes);
    // No later read overwrites a chunk already given.
    expect(Buffer.from(parts[0] ?? []).toString()).toBe('x'.repeat(10));
    writeFileSync(join(dir, 'empty.csv'), '');
    expect(await collect(fileChunks(join(dir, 'empty.csv'), 64))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('throws a missing file or a folder at the first read, as a read stream does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-chunks-'));
    await expect(collect(fileChunks(join(dir, 'none.csv')))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(collect(fileChunks(dir))).rejects.toMatchObject({ code: 'EISDIR' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives a range of the file by position: from a byte to a byte, or to its end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-chunks-'));
    const file = join(dir, 'a.csv');
    writeFileSync(file, '0123456789abcdef');
    expect(Buffer.concat(await collect(fileRange(file, 3, 11, 4))).toString()).toBe('3456789a');
    expect(Buffer.concat(await collect(fileRange(file, 12))).toString()).toBe('cdef');
    expect(await collect(fileRange(file, 16))).toEqual([]);
    // One buffer for every read: each chunk is the bytes just read, no byte of an earlier read after them.
    const seen: string[] = [];
    for await (const part of fileRange(file, 3, 13, 4, true)) seen.push(Buffer.from(part).toString());
    expect(seen).toEqual(['3456', '789a', 'bc']);
    rmSync(dir, { recursive: true, force: true });
  });
});
