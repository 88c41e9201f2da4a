import type { ByteChunks } from './byte-chunks.js';

/**
 * Appends `value` as `String(value)` writes it when it is a decimal of at most 4 places between
 * 10^-4 and 10^11 in size (or 0, not -0), and says true; false, with nothing appended, otherwise.
 */
export function writeFourPlaces(out: ByteChunks, value: number): boolean {
  if (value >= 0 && value < 0x7fffffff && (value | 0) === value) {
    if (Object.is(value, -0)) return false;
    out.fixedPoint(value, 0);
    return true;
  }
  const magnitude = value < 0 ? -value : value;
  if (!(magnitude >= 1e-4 && magnitude < 1e11)) return false;
  let mantissa = Math.round(magnitude * 1e4);
  if (mantissa / 1e4 !== magnitude) return false;
  // Its trailing zeros dropped (at most 4): the shortest decimal that reads back.
  let places = 4;
  while (places > 0) {
    const tenth = Math.floor(mantissa / 10);
    if (mantissa - tenth * 10 !== 0) break;
    mantissa = tenth;
    places--;
  }
  out.fixedPoint(mantissa, places, value < 0 ? -1 : 0);
  return true;
}

/** ` (2023)`, by year: a figure of another year than its target's. */
const YEARS = new Map<number, Uint8Array>();

/**
 * Appends a figure as `NotJudgedSentences.writeFigure` shows a non-milestone figure of up to 4
 * decimals (`3.52`, `-0.5 (2023)`) and says true; false, with nothing appended, for any other
 * figure (then the caller asks `writeFigure`). The decimal is found in one step: x × 10^4 rounded,
 * which reads back as x exactly when x is a decimal of at most 4 places; below 10^11 two such
 * decimals are more than two doubles apart, so it is the shortest one, as `plainDecimal` finds it.
 */
export function writeShortFigure(out: ByteChunks, value: number, year: number, targetYear: number): boolean {
  if (!writeFourPlaces(out, value)) return false;
  if (year !== targetYear) {
    let bytes = YEARS.get(year);
    if (bytes === undefined) {
      bytes = Buffer.from(` (${year})`, 'latin1');
      if (YEARS.size < 1000) YEARS.set(year, bytes);
    }
    out.bytes(bytes);
  }
  return true;
}

