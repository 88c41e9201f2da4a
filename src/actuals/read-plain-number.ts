import { NOT_SHORT } from './figure-store.js';
import { sameBytes } from './byte-table.js';

/** Significant digits that fit a double's exact integer range (< 2^53): mantissa / 10^k is then correctly rounded. */
export const EXACT_DIGITS = 15;
/** Powers of ten, exact as doubles up to 10^22. */
export const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Short decimals are given to the store as m·16 + k with |m| below this (see figure-store.ts). */
export const MAX_SHORT_MANTISSA = 1 << 27;
const YEAR_SUFFIX = Buffer.from('年');

/** A year cell: four ASCII digits, optionally followed by 年; -1 otherwise. */
export function readYear(buf: Buffer, start: number, end: number): number {
  const length = end - start;
  if (length !== 4 && !(length === 7 && sameBytes(YEAR_SUFFIX, buf, start + 4))) return -1;
  let year = 0;
  for (let i = start; i < start + 4; i++) {
    const d = (buf[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    year = year * 10 + d;
  }
  return year;
}

/**
 * A cell of the plain grammar `-?\d+(\.\d+)?` as the double `Number(text)` gives, exactly: up to
 * 15 digits as mantissa / 10^k (both exact, so the quotient is correctly rounded), longer ones
 * through `Number`. NaN for anything else.
 */
export function readPlainNumber(buf: Uint8Array, start: number, end: number): number {
  plainCode = NOT_SHORT;
  let i = start;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let intDigits = 0;
  for (; i < end; i++) {
    const d = (buf[i] as number) - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    intDigits++;
  }
  if (intDigits === 0) return Number.NaN;
  digits = intDigits;
  if (i < end) {
    if (buf[i] !== 0x2e) return Number.NaN;
    i++;
    if (i === end) return Number.NaN;
    for (; i < end; i++) {
      const d = (buf[i] as number) - 48;
      if (d < 0 || d > 9) return Number.NaN;
      mantissa = mantissa * 10 + d;
      scale++;
    }
    digits += scale;
  }
  if (digits > EXACT_DIGITS) return Number(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'));
  const magnitude = scale === 0 ? mantissa : mantissa / (POW10[scale] as number);
  // −0 is no short decimal: the store keeps it as it is.
  if (mantissa < MAX_SHORT_MANTISSA && scale < 16 && !(negative && mantissa === 0)) plainCode = (negative ? -mantissa : mantissa) * 16 + scale;
  return negative ? -magnitude : magnitude;
}

/** The store's code of the number `readPlainNumber` read last (NOT_SHORT when it is no short decimal): no object per figure. */
let plainCode = NOT_SHORT;

/** The store's code of the number `readPlainNumber` read last: m·16 + k, or NOT_SHORT. */
export function lastPlainCode(): number {
  return plainCode;
}
