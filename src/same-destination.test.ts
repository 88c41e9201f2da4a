import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sameDestination } from './same-destination.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-same-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sameDestination: two descriptors are one destination when they name one file', () => {
  it('two descriptors of one file are the same destination; of two files, not', () => {
    const a = openSync(join(dir, 'out.txt'), 'w');
    const again = openSync(join(dir, 'out.txt'), 'a');
    const other = openSync(join(dir, 'err.txt'), 'w');
    try {
      expect(sameDestination(a, again)).toBe(true);
      expect(sameDestination(a, other)).toBe(false);
    } finally {
      for (const fd of [a, again, other]) closeSync(fd);
    }
  });

  it('a descriptor that is not open is never the same as anything', () => {
    const fd = openSync(join(dir, 'gone.txt'), 'w');
    closeSync(fd);
    expect(sameDestination(fd, fd)).toBe(false);
  });
});
