/**
 * Word-aware wrapping of plain text to a width (`wrapText`), by the pieces wrap-tokens.ts
 * defines, kept as ranges of the text rather than strings.
 */
import { codeWidth, displayWidth } from './text-width.js';
import { CLOSING, hasPercent, isDigit, isPercent, OPENING, SHORT_WORD, startsWideAt, wrapTokens } from './wrap-tokens.js';

/**
 * Wraps plain text to lines of at most `width` columns: at spaces for English, between any two
 * CJK characters, and through a word only when it alone is wider than the line. Never returns
 * an empty list.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  // A colour escape is measured as none of its characters would be: the token path measures it.
  if (text.includes('\u001b')) return displayWidth(text) <= limit ? [text] : wrapTokens(text, limit);
  // A text longer than the line is measured by the tokens it is cut into, not scanned twice.
  return text.length <= limit && displayWidth(text) <= limit ? [text] : wrapRanges(text, limit);
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
  // CJK characters of words in a row: the last `run` tokens (joined as `shortWords` joins them when the run ends).
  let run = 0;
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    let size = 1;
    let w: number;
    let alone: boolean;
    let word = false;
    if (unit === 0x20) {
      alone = true;
      w = 1;
    } else if (unit >= 0x4e00 && unit <= 0x9fff) {
      alone = wide = word = true;
      w = 2;
    } else if (unit < 0x300) {
      alone = false;
      w = unit < 0x20 || (unit >= 0x7f && unit < 0xa0) ? 0 : 1;
    } else {
      const code = text.codePointAt(i) ?? unit;
      if (code > 0xffff) size = 2;
      w = codeWidth(code);
      alone = w === 2;
      if (alone) {
        wide = true;
        word = !CLOSING.has(unit) && !OPENING.has(unit);
      }
    }
    if (alone) {
      if (i > start) {
        if (run > 0) count = joinRun(count, run);
        run = 0;
        starts[count] = start;
        ends[count] = i;
        widths[count++] = runWidth;
      }
      if (!word && run > 0) {
        count = joinRun(count, run);
        run = 0;
      }
      starts[count] = i;
      ends[count] = i + size;
      widths[count++] = w;
      if (word) run++;
      start = i + size;
      runWidth = 0;
    } else runWidth += w;
    i += size;
  }
  if (start < text.length) {
    if (run > 0) count = joinRun(count, run);
    run = 0;
    starts[count] = start;
    ends[count] = text.length;
    widths[count++] = runWidth;
  }
  if (run > 0) count = joinRun(count, run);
  // The raw tokens' widths add up to the text's display width (the same per character as `displayWidth`): a text that fits is its own line.
  let total = 0;
  for (let i = 0; i < count; i++) total += widths[i]!;
  if (total <= limit) return [text];
  // Merged as `tokens` merges them, in place: a merged token is always a range (its parts lie side by side).
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
    // The token replaces whatever the line held (only characters of no width, when nothing was
    // flushed); it fits a line, as every token here does (wider ones went to wrapTokens above).
    built = null;
    lineStart = ts;
    lineEnd = te;
    used = w;
  }
  if ((built !== null ? built !== '' : lineEnd > lineStart) || lines.length === 0) lines.push((built ?? text.slice(lineStart, lineEnd)).trimEnd());
  return lines;
}


/** The last `run` tokens (CJK characters of words, side by side) joined into one when they are a short word; returns the new count. */
function joinRun(count: number, run: number): number {
  if (run < 2 || run > SHORT_WORD) return count;
  const first = count - run;
  let w = 0;
  for (let k = first; k < count; k++) w += tokenWidths[k]!;
  tokenEnds[first] = tokenEnds[count - 1]!;
  tokenWidths[first] = w;
  return first + 1;
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

