import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlancheckError } from './problem.js';
import { boundChunks, byteSize, readFileBounded } from './read-bounded.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ioError = (error: unknown): PlancheckError => new PlancheckError('file.unreadable', { file: 'x', reason: String(error), reasonZh: '' });

function thrown(action: () => unknown): PlancheckError {
  try {
    action();
  } catch (error) {
    if (error instanceof PlancheckError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('readFileBounded: the read itself stops at the limit', () => {
  it('a file of exactly the limit is read whole', () => {
    const file = join(dir, 'ten.txt');
    writeFileSync(file, '0123456789');
    expect(readFileBounded(file, 10, ioError).toString()).toBe('0123456789');
  });

  it('a regular file one byte over the limit is refused by its size', () => {
    const file = join(dir, 'eleven.txt');
    writeFileSync(file, '0123456789A');
    const error = thrown(() => readFileBounded(file, 10, ioError));
    expect(error.code).toBe('file.over-limit');
    expect(error.params).toMatchObject({ file, limit: 10 });
  });

  it('/dev/zero, whose size says 0, is refused after limit + 1 bytes', () => {
    const error = thrown(() => readFileBounded('/dev/zero', 1000, ioError));
    expect(error.code).toBe('file.over-limit');
    expect(error.params).toMatchObject({ file: '/dev/zero', limit: 1000, limitText: '1000 bytes' });
  });

  it('a missing file and a directory are I/O errors', () => {
    expect(thrown(() => readFileBounded(join(dir, 'missing'), 10, ioError)).code).toBe('file.unreadable');
    expect(thrown(() => readFileBounded(dir, 10, ioError)).params.reason).toMatch(/EISDIR/);
  });
});

describe('boundChunks: an endless stream ends at the limit', () => {
  it('passes a stream under the limit through unchanged', async () => {
    async function* three(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('ab');
      yield Buffer.from('cd');
      yield Buffer.from('e');
    }
    const seen: string[] = [];
    for await (const chunk of boundChunks(three(), 'f.csv', 5)) seen.push(Buffer.from(chunk).toString());
    expect(seen).toEqual(['ab', 'cd', 'e']);
  });

  it('stops an endless stream after the limit and stops pulling from it', async () => {
    let pulled = 0;
    let closed = false;
    async function* endless(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          pulled++;
          yield Buffer.alloc(100, 0x61);
        }
      } finally {
        closed = true;
      }
    }
    let passed = 0;
    let caught: unknown;
    try {
      for await (const chunk of boundChunks(endless(), '<stdin>', 1000)) passed += chunk.byteLength;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PlancheckError);
    expect((caught as PlancheckError).code).toBe('file.over-limit');
    expect(passed).toBe(1000);
    expect(pulled).toBe(11);
    expect(closed).toBe(true);
  });
});

describe('byteSize', () => {
  it.each([
    [100, '100 bytes'],
    [4 * 1024 * 1024, '4 MiB'],
    [1024 * 1024 * 1024, '1 GiB'],
    [1536, '1.5 KiB'],
  ])('%d bytes are written %s', (bytes, text) => {
    expect(byteSize(bytes)).toBe(text);
  });
});
