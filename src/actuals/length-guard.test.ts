import { describe, expect, it } from 'vitest';
import { LengthGuard } from './length-guard.js';

/**
 * Feeds `chunks` to a guard with small limits; returns the first trip, if any. The guard looks at
 * the record still open at the end of each chunk: complete records are checked cell by cell later.
 */
function trip(chunks: string[], fieldLimit = 10, lineLimit = 100) {
  const guard = new LengthGuard(',', fieldLimit, lineLimit);
  for (const chunk of chunks) {
    const found = guard.feed(chunk);
    if (found) return found;
  }
  return null;
}

describe('LengthGuard', () => {
  it('line breaks inside a quoted field do not reset its length', () => {
    expect(trip(['a,"xx\nxx\n', 'xx\nxx\n', 'xx\nxx\n'])).toMatchObject({ column: 1, open: true, quoted: true, length: 12 });
    // The same characters unquoted are short lines.
    expect(trip(['a,xx\nxx\n', 'xx\nxx\n', 'xx\nxx\n'])).toBeNull();
  });

  it('follows quotes across chunks, doubled quotes included, even when a chunk ends on a quote', () => {
    // "x""  then  "x\n  …: the quote that ends the first chunk is the first of a doubled pair.
    expect(trip(['a,"x', 'x"', '"x\n', 'xxxxxxx'])).toMatchObject({ column: 1, quoted: true });
    // A quote ending a chunk that closes the field: the next chunk starts a new field.
    expect(trip(['a,"xx"', ',b\nc,d\n', 'e,f'])).toBeNull();
  });

  it('a quote inside an unquoted field is a character and opens nothing', () => {
    expect(trip(['a,5"x,b\n', 'c,d\n'.repeat(50), 'e,f'])).toBeNull();
  });

  it('says where the open long line starts in its chunk, so the rows before it are still read', () => {
    expect(trip(['a,b\nc,d\ne,12345678901'])).toMatchObject({ lineStart: 8, column: 1, length: 11, open: true });
  });

  it('a line with too many short fields trips the line limit', () => {
    expect(trip([`${'x,'.repeat(60)}`])).toMatchObject({ columns: 61 });
  });
});
