import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkZipBounds } from './check-zip-bounds.js';

/** One zip part: its name, its bytes, and the size its directory entry declares (its true size unless given). */
interface Part {
  name: string;
  data: Buffer;
  declared?: number;
}

/** A zip of deflated parts whose directory declares each part's `declared` size. */
function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = deflateRawSync(part.data);
    const size = part.declared ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    directory.push(entry, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const LIMITS = { entries: 3, entry: 1000, total: 1500 };
const part = (name: string, size: number, declared?: number): Part => ({ name, data: Buffer.alloc(size, 0x61), declared });

describe('checkZipBounds: each refusal names what was over which limit', () => {
  it('a zip within every limit passes', () => {
    expect(checkZipBounds(zipOf([part('a.xml', 900), part('b.xml', 500)]), LIMITS)).toBeNull();
  });

  it('more parts than the limit: the count and the limit', () => {
    expect(checkZipBounds(zipOf([part('a', 1), part('b', 1), part('c', 1), part('d', 1)]), LIMITS)).toEqual({ kind: 'parts', count: 4, limit: 3 });
  });

  it('a part declared over the per-part limit: that part and the per-part limit', () => {
    expect(checkZipBounds(zipOf([part('a.xml', 10), part('big.xml', 1001)]), LIMITS)).toEqual({ kind: 'bomb', entry: 'big.xml', limit: 1000, whole: false });
  });

  it('parts together over the total: the part where the total was passed and the total limit', () => {
    // 900 + 601 = 1,501 > 1,500, each part under 1,000.
    expect(checkZipBounds(zipOf([part('a.xml', 900), part('b.xml', 601)]), LIMITS)).toEqual({ kind: 'bomb', entry: 'b.xml', limit: 1500, whole: true });
  });

  it('a part that inflates beyond the size it declares: that part and its declared size, not a limit', () => {
    expect(checkZipBounds(zipOf([part('liar.xml', 800, 100)]), LIMITS)).toEqual({ kind: 'lies', entry: 'liar.xml', declared: 100 });
  });

  it('bytes without a zip directory are damaged', () => {
    expect(checkZipBounds(Buffer.from('not a zip at all, just text'), LIMITS)).toEqual({ kind: 'damaged', reason: 'no zip directory' });
  });
});
