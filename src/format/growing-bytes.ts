// The table and Markdown assemble their lines as UTF-8 here (a region's column of cells, a block
// of lines, a Markdown row) before handing them to `ByteChunks` in one piece: a cell's bytes are
// copied by hand from where they were written once, with no string or view made per cell.

const SPACE = 0x20;

/** A byte buffer that grows as it is written: UTF-8 assembled before it is copied out whole. */
export class GrowingBytes {
  /** The bytes; only the first `length` mean anything (read them before the next write). */
  buf: Buffer;
  length = 0;

  constructor(size = 4096) {
    this.buf = Buffer.allocUnsafe(Math.max(16, size));
  }

  /** The buffer, with room for `n` more bytes after `length` (it grows, its bytes copied, when it must). */
  room(n: number): Buffer {
    if (this.length + n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    return this.buf;
  }

  /** Appends `source[start, end)`. */
  bytes(source: Uint8Array, start = 0, end = source.length): void {
    const n = end - start;
    const buf = this.room(n);
    let at = this.length;
    if (n < 32) {
      // Short pieces (a cell, a few spaces' worth) copied by hand: cheaper than a call into the runtime.
      for (let i = start; i < end; i++) buf[at++] = source[i]!;
    } else buf.set(start === 0 && end === source.length ? source : source.subarray(start, end), at);
    this.length += n;
  }

  /** Appends `n` spaces (none when `n` is not positive). */
  spaces(n: number): void {
    if (n <= 0) return;
    const buf = this.room(n);
    const end = this.length + n;
    for (let i = this.length; i < end; i++) buf[i] = SPACE;
    this.length = end;
  }

  /** Appends one byte (an ASCII character). */
  byte(value: number): void {
    this.room(1)[this.length++] = value;
  }

  /** Appends a string as UTF-8 (a lone surrogate as U+FFFD, as Node encodes any string it writes). */
  text(text: string): void {
    const n = text.length;
    if (n <= 32) {
      // A short ASCII string copied by hand.
      const buf = this.room(n);
      const at = this.length;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) break;
        buf[at + i] = c;
      }
      if (i === n) {
        this.length = at + n;
        return;
      }
    }
    const buf = this.room(n * 3);
    this.length += buf.write(text, this.length, 'utf8');
  }

  /** The bytes written, as a view of the buffer (valid until the next write). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  /** Forgets what was written; the buffer is kept for the next use. */
  reset(): void {
    this.length = 0;
  }
}
