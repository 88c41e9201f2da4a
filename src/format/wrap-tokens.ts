/**
 * The pieces a line may break between (Chinese line-breaking rules, figures with their words,
 * short Chinese words) and wrapping by those pieces as strings: the rule as written, and the
 * reference of the faster wrapping by ranges (wrap-text.ts).
 */
import { charWidth, codeWidth, displayWidth } from './text-width.js';

/** Characters a line must not start with (Chinese line-breaking rules): closing brackets and punctuation. */
export const CLOSING = new Set([...'，。、；：！？）」』】〉》〕］｝〗”’％‰…,.;:!?)]}%'].map((ch) => ch.charCodeAt(0)));
/** Characters a line must not end with: opening brackets. */
export const OPENING = new Set([...'（「『【〈《〔［｛〖“‘([{'].map((ch) => ch.charCodeAt(0)));

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
export const SHORT_WORD = 4;

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
export function isPercent(unit: number): boolean {
  return unit === 37 || unit === 0x2030;
}

/** Whether `text` holds a % or ‰. */
export function hasPercent(text: string): boolean {
  return text.includes('%') || text.includes('\u2030');
}

/** Whether a UTF-16 unit is an ASCII digit. */
export function isDigit(unit: number): boolean {
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
export function hardBreak(word: string, width: number): string[] {
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

/** `isWordChar` of the token text[start, end): one wide character that is no punctuation. */
export function isWordCharAt(text: string, start: number, end: number): boolean {
  const unit = text.charCodeAt(start);
  const size = end - start;
  // Most are CJK ideographs, none of them punctuation.
  if (size === 1 && unit >= 0x4e00 && unit <= 0x9fff) return true;
  return (size === 1 || (size === 2 && unit >= 0xd800 && unit <= 0xdbff)) && startsWideAt(text, start) && !CLOSING.has(unit) && !OPENING.has(unit);
}

/** Whether text[start] begins a wide character. */
export function startsWideAt(text: string, start: number): boolean {
  const unit = text.charCodeAt(start);
  if (unit >= 0x4e00 && unit <= 0x9fff) return true;
  return unit >= 0x300 && codeWidth(text.codePointAt(start) ?? unit) === 2;
}
