// The lines off track of the table and Markdown are assembled here as UTF-8 (a template's pieces,
// a region's name, a figure's digits), a few dozen lines at a time, before they are handed to
// `ByteChunks` in one piece: each piece copied by hand, no view or string made per piece.

import { writeDecimal } from './byte-chunks.js';
import { GrowingBytes } from './growing-bytes.js';

/** A byte buffer that grows as it is written (`GrowingBytes`), with a figure's digits written straight into it and lines cut in place. */
export class LineBytes extends GrowingBytes {
  constructor(size = 16 * 1024) {
    super(size);
  }

  /**
   * Appends a whole `mantissa` (0 ≤ mantissa < 2^53) as a decimal of exactly `places` places
   * (0–15), a `-` or `+` before it when `sign` is -1 or 1: what `ByteChunks.fixedPoint` writes.
   */
  fixedPoint(mantissa: number, places: number, sign: number): void {
    this.length = writeFixedPoint(this.room(24), this.length, mantissa, places, sign);
  }

  /**
   * Cuts the text written from `start` on into lines, in place: line i is its bytes
   * [start + ends[2i], start + ends[2i + 1]), each followed by a newline (what lay between and
   * after them, spaces, dropped). `moves` says which way the lines move: -1 none to the right
   * (each line starts at or before its first byte: a text cut at single spaces), 1 none to the
   * left (a text cut between characters), 0 either (then they are copied from a copy of the text).
   */
  cut(start: number, ends: Int32Array, moves: -1 | 0 | 1): void {
    const count = ends.length >> 1;
    let total = 0;
    for (let i = 0; i < count; i++) total += ends[2 * i + 1]! - ends[2 * i]! + 1;
    const buf = this.room(Math.max(0, start + total - this.length));
    if (moves < 0) {
      let to = start;
      for (let i = 0; i < count; i++) {
        const from = start + ends[2 * i]!;
        const end = start + ends[2 * i + 1]!;
        // Forward: a line never moves right, so its bytes are read before they are written over.
        if (to !== from) for (let k = from; k < end; k++) buf[to + k - from] = buf[k]!;
        to += end - from;
        buf[to++] = NEWLINE;
      }
    } else if (moves > 0) {
      let to = start + total;
      for (let i = count - 1; i >= 0; i--) {
        const from = start + ends[2 * i]!;
        const end = start + ends[2 * i + 1]!;
        buf[--to] = NEWLINE;
        to -= end - from;
        // Backward: a line never moves left, and the lines after it have moved already.
        if (to !== from) for (let k = end - 1; k >= from; k--) buf[to + k - from] = buf[k]!;
      }
    } else {
      const text = Buffer.from(buf.subarray(start, this.length));
      let to = start;
      for (let i = 0; i < count; i++) {
        const from = ends[2 * i]!;
        const end = ends[2 * i + 1]!;
        text.copy(buf, to, from, end);
        to += end - from;
        buf[to++] = NEWLINE;
      }
    }
    this.length = start + total;
  }
}

const NEWLINE = 10;

/**
 * Writes a whole `mantissa` (0 ≤ mantissa < 2^53) as a decimal of exactly `places` places
 * (0–15) into `buf` at `at`, a `-` or `+` before it when `sign` is -1 or 1 (room for 24 bytes is
 * the caller's); returns where it ends.
 */
export function writeFixedPoint(buf: Buffer, at: number, mantissa: number, places: number, sign: number): number {
  if (sign !== 0) buf[at++] = sign < 0 ? 45 : 43; // '-', '+'
  return writeDecimal(buf, at, mantissa, places);
}
