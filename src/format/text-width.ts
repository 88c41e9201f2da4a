/**
 * Display width of text in a terminal, counted as East Asian Width says (wide and full-width
 * characters take two columns, combining marks none), and padding to a width; wrapping is in
 * wrap-text.ts. Text passed here holds no control characters: the view escapes them first.
 */

/** Wide (W) and full-width (F) ranges of code points, plus emoji presentation: two columns each. */
export const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0x303e],
  [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x3fffd],
];

// Combining marks, zero-width characters and variation selectors: no column of their own.
const ZERO: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05bd], [0x0610, 0x061a], [0x064b, 0x065f], [0x0e31, 0x0e31],
  [0x0e34, 0x0e3a], [0x0e47, 0x0e4e], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x200b, 0x200f], [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f], [0xfe20, 0xfe2f], [0xe0100, 0xe01ef],
];

/** Ranges as one flat array of starts and ends, for a search without destructuring. */
function flat(ranges: readonly (readonly [number, number])[]): Int32Array {
  return Int32Array.from(ranges.flat());
}

const ZERO_FLAT = flat(ZERO);

/** True when `code` lies in one of `ranges` (flat, sorted, disjoint). */
function inRanges(ranges: Int32Array, code: number): boolean {
  let lo = 0;
  let hi = (ranges.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (code < ranges[mid << 1]!) hi = mid - 1;
    else if (code > ranges[(mid << 1) + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

const WIDE_FLAT = flat(WIDE);

function isWide(code: number): boolean {
  return code >= 0x1100 && inRanges(WIDE_FLAT, code);
}

/** Columns the code point `code` takes: 0, 1 or 2 (a number, so no string is made per character). */
export function codeWidth(code: number): number {
  if (code < 0x300) return code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0 : 1;
  if (code >= 0x4e00 && code <= 0x9fff) return 2;
  if (inRanges(ZERO_FLAT, code)) return 0;
  return isWide(code) ? 2 : 1;
}

/** Columns one character (a code point) takes: 0, 1 or 2. */
export function charWidth(ch: string): number {
  return codeWidth(ch.codePointAt(0) ?? 0);
}

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/** Columns `text` takes in a terminal; colour escapes take none. */
export function displayWidth(text: string): number {
  let width = 0;
  // eslint-disable-next-line no-control-regex
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  // By UTF-16 unit for the common characters (Latin, CJK ideographs), by code point for the rest,
  // as iterating the string would: a table cell is measured without making a string per character.
  for (let i = 0; i < plain.length; i++) {
    const unit = plain.charCodeAt(i);
    if (unit < 0x300) width += unit < 0x20 || (unit >= 0x7f && unit < 0xa0) ? 0 : 1;
    else if (unit >= 0x4e00 && unit <= 0x9fff) width += 2;
    else {
      const code = plain.codePointAt(i) ?? unit;
      width += codeWidth(code);
      if (code > 0xffff) i++;
    }
  }
  return width;
}

/** `text` followed by spaces up to `width` columns. */
export function padEnd(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/** `text` preceded by spaces up to `width` columns. */
export function padStart(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? ' '.repeat(missing) + text : text;
}

/** True when `text` ends in a character `trimEnd` removes (JavaScript's white space and line ends). */
export function endsInSpace(text: string): boolean {
  if (text === '') return false;
  const c = text.charCodeAt(text.length - 1);
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
