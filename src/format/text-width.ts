/**
 * Display width of text in a terminal, counted as East Asian Width says (wide and full-width
 * characters take two columns, combining marks none), and word-aware wrapping to a width.
 * Text passed here holds no control characters: the view escapes them first.
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

/** Characters a line must not start with (Chinese line-breaking rules): closing brackets and punctuation. */
const CLOSING = new Set([...'，。、；：！？）」』】〉》〕］｝〗”’％‰…,.;:!?)]}%'].map((ch) => ch.charCodeAt(0)));
/** Characters a line must not end with: opening brackets. */
const OPENING = new Set([...'（「『【〈《〔［｛〖“‘([{'].map((ch) => ch.charCodeAt(0)));

/**
 * Splits text into the pieces a line may break between: runs of Latin letters and digits stay
 * together, CJK characters stand alone; a closing mark stays with what it closes, an opening one
 * with what it opens, and a figure with the Chinese word beside it (完成率 84.9%, 13 个). With
 * `glue`, also a short CJK word (2 to SHORT_WORD characters between others: a unit such as 公里, a
 * status such as 尚未完成) and a figure with a % set apart from it (20 %): kept together only
 * where they fit a line (`wrapTokens` splits a glued piece wider than the line by the rules without glue).
 */
function tokens(text: string, glue = true): string[] {
  const raw: string[] = [];
  const wide = rawTokens(text, raw);
  const words = wide && glue ? shortWords(raw) : raw;
  // Text without a wide character (English) has nothing to keep together beyond its words, but a %.
  if (!wide && !(glue && hasPercent(text))) return raw;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const token = words[i] as string;
    const last = out.length > 0 ? (out[out.length - 1] as string) : undefined;
    if (wide && last !== undefined && last !== ' ' && token !== ' ' && (CLOSING.has(token.charCodeAt(0)) || OPENING.has(last.charCodeAt(last.length - 1)))) {
      out[out.length - 1] = last + token;
      continue;
    }
    const next = words[i + 1];
    // Chinese text sets a space between a figure and its word, and any text may set one before
    // a %: breaking there parts them.
    if (token === ' ' && last !== undefined && next !== undefined && last !== ' ' && ((wide && ((endsWide(last) && isDigit(next.charCodeAt(0))) || (endsFigure(last) && startsWide(next)))) || (glue && isDigit(last.charCodeAt(last.length - 1)) && isPercent(next.charCodeAt(0))))) {
      out[out.length - 1] = `${last} ${next}`;
      i++;
      continue;
    }
    out.push(token);
  }
  return out;
}

/** The most CJK characters in a row kept together as one word (no dictionary: a short run is most likely one word). */
const SHORT_WORD = 4;

/** A lone wide character that is no punctuation: a CJK character of a word. */
function isWordChar(token: string): boolean {
  return isWordCharAt(token, 0, token.length);
}

/** Joins each run of 2 to SHORT_WORD lone CJK characters into one token. */
function shortWords(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; ) {
    let end = i;
    while (end < raw.length && isWordChar(raw[end] as string)) end++;
    if (end - i >= 2 && end - i <= SHORT_WORD) {
      out.push(raw.slice(i, end).join(''));
      i = end;
    } else if (end > i) {
      for (; i < end; i++) out.push(raw[i] as string);
    } else out.push(raw[i++] as string);
  }
  return out;
}

/** A % or ‰ (a figure's unit that a line must not start with). */
function isPercent(unit: number): boolean {
  return unit === 37 || unit === 0x2030;
}

function hasPercent(text: string): boolean {
  return text.includes('%') || text.includes('\u2030');
}

function isDigit(unit: number): boolean {
  return unit >= 48 && unit <= 57;
}

/** A digit or % at the end: a figure. */
function endsFigure(text: string): boolean {
  const unit = text.charCodeAt(text.length - 1);
  return isDigit(unit) || unit === 37;
}

function endsWide(text: string): boolean {
  const unit = text.charCodeAt(text.length - 1);
  if (unit >= 0x4e00 && unit <= 0x9fff) return true;
  if (unit < 0x300) return false;
  // A low surrogate ends an astral character: look at the whole of it.
  return codeWidth(unit >= 0xdc00 && unit <= 0xdfff && text.length > 1 ? (text.codePointAt(text.length - 2) ?? unit) : unit) === 2;
}

function startsWide(text: string): boolean {
  const unit = text.charCodeAt(0);
  if (unit >= 0x4e00 && unit <= 0x9fff) return true;
  return unit >= 0x300 && codeWidth(text.codePointAt(0) ?? unit) === 2;
}

/**
 * Splits text into `out`: runs of Latin letters and digits stay together, CJK characters stand
 * alone. Returns whether any wide character stood alone.
 */
function rawTokens(text: string, out: string[]): boolean {
  let wide = false;
  // Slices of the text rather than a string grown a character at a time.
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    let size = 1;
    let alone: boolean;
    if (unit === 0x20) alone = true;
    else if (unit >= 0x4e00 && unit <= 0x9fff) alone = wide = true;
    else if (unit < 0x300) alone = false;
    else {
      const code = text.codePointAt(i) ?? unit;
      if (code > 0xffff) size = 2;
      alone = codeWidth(code) === 2;
      if (alone) wide = true;
    }
    if (alone) {
      if (i > start) out.push(text.slice(start, i));
      out.push(text.slice(i, i + size));
      start = i + size;
    }
    i += size;
  }
  if (start < text.length) out.push(text.slice(start));
  return wide;
}

/** Cuts one over-long word into pieces of at most `width` columns. */
function hardBreak(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const ch of word) {
    const w = charWidth(ch);
    if (used + w > width && piece) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += ch;
    used += w;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Wraps plain text to lines of at most `width` columns: at spaces for English, between any two
 * CJK characters, and through a word only when it alone is wider than the line. Never returns
 * an empty list.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  if (displayWidth(text) <= limit) return [text];
  // A colour escape is measured as none of its characters would be: the token path measures it.
  return text.includes('\u001b') ? wrapTokens(text, limit) : wrapRanges(text, limit);
}

/** `wrapText` of text wider than `limit`, by tokens made as strings (the rule as first written; the reference of `wrapRanges`). */
export function wrapTokens(text: string, limit: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const flush = (): void => {
    lines.push(line.trimEnd());
    line = '';
    used = 0;
  };
  const pieces = tokens(text);
  for (let i = 0; i < pieces.length; i++) {
    const token = pieces[i] as string;
    // A space and a CJK character are tokens of their own; only words need measuring.
    const w = token === ' ' ? 1 : token.length === 1 && token.charCodeAt(0) >= 0x4e00 && token.charCodeAt(0) <= 0x9fff ? 2 : displayWidth(token);
    if (token === ' ') {
      if (used > 0 && used + 1 <= limit) {
        line += ' ';
        used += 1;
      }
      continue;
    }
    if (used + w <= limit) {
      line += token;
      used += w;
      continue;
    }
    if (w > limit) {
      // Wider than any line: a glued piece is split by the rules without glue, here, filling this line first.
      const plain = tokens(token, false);
      if (plain.length > 1) {
        pieces.splice(i, 1, ...plain);
        i--;
        continue;
      }
    }
    if (used > 0) flush();
    if (w <= limit) {
      line = token;
      used = w;
      continue;
    }
    const cut = hardBreak(token, limit);
    for (const piece of cut.slice(0, -1)) lines.push(piece);
    line = cut[cut.length - 1] ?? '';
    used = displayWidth(line);
  }
  if (line || lines.length === 0) flush();
  return lines;
}

// Reused between calls: the tokens of one text as ranges of it, and their widths.
let tokenStarts: Int32Array = new Int32Array(256);
let tokenEnds: Int32Array = new Int32Array(256);
let tokenWidths: Int32Array = new Int32Array(256);

function room(size: number): void {
  if (size <= tokenStarts.length) return;
  const grow = (array: Int32Array): Int32Array => {
    const bigger = new Int32Array(Math.max(size, array.length * 2));
    bigger.set(array);
    return bigger;
  };
  tokenStarts = grow(tokenStarts);
  tokenEnds = grow(tokenEnds);
  tokenWidths = grow(tokenWidths);
}

/**
 * `wrapTokens` of text without colour escapes, with tokens kept as ranges of the text (start, end,
 * width) rather than strings: no string per character, and a line is one slice of the text
 * unless a space was dropped from it. The same tokens, the same merges, the same lines.
 */
function wrapRanges(text: string, limit: number): string[] {
  // Raw tokens: a space or a wide character alone, a run of anything else together.
  room(text.length + 1);
  // Local names for the shared arrays: read from a register, not the module's scope.
  const starts = tokenStarts;
  const ends = tokenEnds;
  const widths = tokenWidths;
  let count = 0;
  let wide = false;
  let start = 0;
  let runWidth = 0;
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    let size = 1;
    let w: number;
    let alone: boolean;
    if (unit === 0x20) {
      alone = true;
      w = 1;
    } else if (unit >= 0x4e00 && unit <= 0x9fff) {
      alone = wide = true;
      w = 2;
    } else if (unit < 0x300) {
      alone = false;
      w = unit < 0x20 || (unit >= 0x7f && unit < 0xa0) ? 0 : 1;
    } else {
      const code = text.codePointAt(i) ?? unit;
      if (code > 0xffff) size = 2;
      w = codeWidth(code);
      alone = w === 2;
      if (alone) wide = true;
    }
    if (alone) {
      if (i > start) {
        starts[count] = start;
        ends[count] = i;
        widths[count++] = runWidth;
      }
      starts[count] = i;
      ends[count] = i + size;
      widths[count++] = w;
      start = i + size;
      runWidth = 0;
    } else runWidth += w;
    i += size;
  }
  if (start < text.length) {
    starts[count] = start;
    ends[count] = text.length;
    widths[count++] = runWidth;
  }
  // Merged as `tokens` merges them, in place: a merged token is always a range (its parts lie side by side).
  if (wide) count = joinShortWords(text, count);
  if (wide || hasPercent(text)) {
    let out = 0;
    const isSpace = (at: number): boolean => ends[at]! - starts[at]! === 1 && text.charCodeAt(starts[at]!) === 0x20;
    for (let i = 0; i < count; i++) {
      const ts = starts[i]!;
      const te = ends[i]!;
      const tw = widths[i]!;
      const space = te - ts === 1 && text.charCodeAt(ts) === 0x20;
      if (wide && out > 0 && !isSpace(out - 1) && !space && (CLOSING.has(text.charCodeAt(ts)) || OPENING.has(text.charCodeAt(ends[out - 1]! - 1)))) {
        ends[out - 1] = te;
        widths[out - 1] = widths[out - 1]! + tw;
        continue;
      }
      if (space && out > 0 && i + 1 < count && !isSpace(out - 1)) {
        const ls = starts[out - 1]!;
        const le = ends[out - 1]!;
        const ns = starts[i + 1]!;
        const figureWord = wide && ((endsWideAt(text, ls, le) && isDigit(text.charCodeAt(ns))) || (endsFigureAt(text, le) && startsWideAt(text, ns)));
        if (figureWord || (isDigit(text.charCodeAt(le - 1)) && isPercent(text.charCodeAt(ns)))) {
          ends[out - 1] = ends[i + 1]!;
          widths[out - 1] = widths[out - 1]! + 1 + widths[i + 1]!;
          i++;
          continue;
        }
      }
      starts[out] = ts;
      ends[out] = te;
      widths[out++] = tw;
    }
    count = out;
  }
  // A piece wider than any line is split by `wrapTokens` (a glued piece by the rules without glue): rare.
  for (let i = 0; i < count; i++) if (widths[i]! > limit) return wrapTokens(text, limit);
  // Lines filled as `wrapTokens` fills them; a line is the slice [lineStart, lineEnd) until
  // something not beside it is added (then `built` holds it). No closures: these locals stay in registers.
  const lines: string[] = [];
  let lineStart = 0;
  let lineEnd = 0;
  let built: string | null = null;
  let used = 0;
  for (let i = 0; i < count; i++) {
    const ts = starts[i]!;
    const te = ends[i]!;
    const w = widths[i]!;
    if (te - ts === 1 && text.charCodeAt(ts) === 0x20) {
      if (used > 0 && used + 1 <= limit) {
        if (built !== null) built += ' ';
        else if (ts === lineEnd) lineEnd = te;
        else built = `${text.slice(lineStart, lineEnd)} `;
        used += 1;
      }
      continue;
    }
    if (used + w <= limit) {
      if (built !== null) built += text.slice(ts, te);
      else if (lineEnd === lineStart) {
        lineStart = ts;
        lineEnd = te;
      } else if (ts === lineEnd) lineEnd = te;
      else built = text.slice(lineStart, lineEnd) + text.slice(ts, te);
      used += w;
      continue;
    }
    if (used > 0) {
      lines.push((built ?? text.slice(lineStart, lineEnd)).trimEnd());
      built = null;
    }
    if (w <= limit) {
      // The token replaces whatever the line held (only characters of no width, when nothing was flushed).
      built = null;
      lineStart = ts;
      lineEnd = te;
      used = w;
      continue;
    }
    const pieces = hardBreak(text.slice(ts, te), limit);
    for (let p = 0; p < pieces.length - 1; p++) lines.push(pieces[p]!);
    built = pieces[pieces.length - 1] ?? '';
    used = displayWidth(built);
  }
  if ((built !== null ? built !== '' : lineEnd > lineStart) || lines.length === 0) lines.push((built ?? text.slice(lineStart, lineEnd)).trimEnd());
  return lines;
}

/** `isWordChar` of the token text[start, end): one wide character that is no punctuation. */
function isWordCharAt(text: string, start: number, end: number): boolean {
  const unit = text.charCodeAt(start);
  const size = end - start;
  return (size === 1 || (size === 2 && unit >= 0xd800 && unit <= 0xdbff)) && startsWideAt(text, start) && !CLOSING.has(unit) && !OPENING.has(unit);
}

/** `shortWords` on the shared token ranges of `text`, in place; returns the new count. */
function joinShortWords(text: string, count: number): number {
  let out = 0;
  for (let i = 0; i < count; ) {
    let end = i;
    while (end < count && isWordCharAt(text, tokenStarts[end]!, tokenEnds[end]!)) end++;
    if (end - i >= 2 && end - i <= SHORT_WORD) {
      tokenStarts[out] = tokenStarts[i]!;
      tokenEnds[out] = tokenEnds[end - 1]!;
      let w = 0;
      for (let k = i; k < end; k++) w += tokenWidths[k]!;
      tokenWidths[out++] = w;
      i = end;
      continue;
    }
    const stop = end > i ? end : i + 1;
    for (; i < stop; i++) {
      tokenStarts[out] = tokenStarts[i]!;
      tokenEnds[out] = tokenEnds[i]!;
      tokenWidths[out++] = tokenWidths[i]!;
    }
  }
  return out;
}

function endsWideAt(text: string, start: number, end: number): boolean {
  const unit = text.charCodeAt(end - 1);
  if (unit >= 0x4e00 && unit <= 0x9fff) return true;
  if (unit < 0x300) return false;
  return codeWidth(unit >= 0xdc00 && unit <= 0xdfff && end - start > 1 ? (text.codePointAt(end - 2) ?? unit) : unit) === 2;
}

function endsFigureAt(text: string, end: number): boolean {
  const unit = text.charCodeAt(end - 1);
  return isDigit(unit) || unit === 37;
}

function startsWideAt(text: string, start: number): boolean {
  const unit = text.charCodeAt(start);
  if (unit >= 0x4e00 && unit <= 0x9fff) return true;
  return unit >= 0x300 && codeWidth(text.codePointAt(start) ?? unit) === 2;
}
