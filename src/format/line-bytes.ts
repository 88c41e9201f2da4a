// The lines off track of the table and Markdown are assembled here as UTF-8 (a template's pieces,
// a region's name, a figure's digits), a few dozen lines at a time, before they are handed to
// `ByteChunks` in one piece: each piece copied by hand, no view or string made per piece.

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
 * Writes a whole `mantissa` (0 ≤ mantissa < 2^53) as a decimal of exactly `places` places (0–15)
 * into `buf` at `at`, a `-` or `+` before it when `sign` is -1 or 1 (room for 24 bytes is the
 * caller's); returns where it ends.
 */
export function writeFixedPoint(buf: Buffer, at: number, mantissa: number, places: number, sign: number): number {
  if (sign !== 0) buf[at++] = sign < 0 ? 45 : 43; // '-', '+'
  const digits = digitCount(mantissa);
  // At least one digit before the point: 0.05 is 5 at 2 places, written with its zeros.
  const width = digits > places ? digits : places + 1;
  const end = at + width + (places > 0 ? 1 : 0);
  let i = end - 1;
  if (mantissa < 0x7fffffff) {
    // Int32 arithmetic (a division by 10 compiles to a multiplication).
    let v = mantissa | 0;
    for (let place = 0; place < width; place++) {
      if (place === places && places > 0) buf[i--] = 46; // '.'
      const next = (v / 10) | 0;
      buf[i--] = 48 + v - next * 10;
      v = next;
    }
  } else {
    let v = mantissa;
    for (let place = 0; place < width; place++) {
      if (place === places && places > 0) buf[i--] = 46;
      const next = Math.floor(v / 10);
      buf[i--] = 48 + (v - next * 10);
      v = next;
    }
  }
  return end;
}

/** How many decimal digits a whole number 0 ≤ v < 2^53 has (1 for 0). */
export function digitCount(v: number): number {
  if (v < 100000) return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : 5;
  let n = 6;
  for (let bound = 1000000; v >= bound && n < 16; bound *= 10) n++;
  return n;
}
