import { codeWidth } from './text-width.js';

// The shape of a text as `wrapAlike` (wrap-alike.ts) reads one: every ASCII digit as `0`, every
// ASCII letter as `a`, every CJK ideograph (U+4E00–U+9FFF) as 一, any other character as itself.
// No rule of wrapping tells two characters of one class apart, so two texts of one shape wrap
// alike; a text holding a character wrapping may drop or trim (a control, a mark of no width,
// another kind of space, a surrogate) has none.

/** A text's shape (its characters' classes, as a string) and its columns; null when it holds a character wrapping may drop or trim. */
export interface PlainShape {
  key: string;
  columns: number;
}

/** Texts longer than this (UTF-16 units) have no shape: they are wrapped afresh, never remembered. */
export const LONGEST = 2048;

/** The shape and columns of `text` (at most `LONGEST` units), or null (see above). */
export function plainShape(text: string): PlainShape | null {
  if (text.length > LONGEST) return null;
  let key = '';
  let columns = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      key += '\u4e00';
      columns += 2;
    } else if (c >= 48 && c <= 57) {
      key += '0';
      columns++;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      key += 'a';
      columns++;
    } else {
      const w = plainWidth(c);
      if (w < 0) return null;
      key += text[i];
      columns += w;
    }
  }
  return { key, columns };
}

/**
 * The columns of a UTF-16 unit wrapping treats by its class and width alone (as `wrapText`
 * measures it), or -1 for one it may drop or trim (a control, a mark of no width, a space other
 * than U+0020), or that is half of a character.
 */
export function plainWidth(c: number): number {
  if (c === 0x20) return 1;
  if (c < 0x20 || (c >= 0x7f && c <= 0xa0)) return -1;
  if (c < 0x300) return 1;
  if (c >= 0xd800 && c <= 0xdfff) return -1;
  // The other spaces trimEnd trims.
  if (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x180e) return -1;
  const w = codeWidth(c);
  return w === 0 ? -1 : w;
}
