import { MAX_COLUMNS } from './header-scan.js';

/** Characters a cell may have (the table reader refuses a longer one where it is). */
export const MAX_FIELD = 10_000;
/**
 * A field still open after this many characters is refused before it reaches the parser, which
 * re-reads an unfinished record with every chunk (quadratic time on a record of hundreds of MB).
 */
export const STREAM_FIELD_LIMIT = 100 * MAX_FIELD;
/** No valid line is longer: every field within the limit, and no more columns than allowed. */
export const STREAM_LINE_LIMIT = MAX_COLUMNS * (MAX_FIELD + 3);

/** Where a line became too long to parse: see `LengthGuard`. */
export interface LongLine {
  /** Index in the chunk where the long line starts (0 when it started in an earlier chunk). */
  lineStart: number;
  /** Fields the line has so far, and the 0-based column of its longest field. */
  columns: number;
  column: number;
  /** The longest field's length so far, and whether it is still open at the end of the chunk. */
  length: number;
  open: boolean;
  /** True when the open field is quoted: it ends at a quote, not at a delimiter. */
  quoted: boolean;
}

/**
 * Follows line and field lengths across chunks of text (line ends already \n) and says when the
 * current record can no longer be valid. Quotes are followed, so a quoted cell of many lines
 * counts as one long field (its line breaks do not reset the count); only quote, delimiter and
 * line-break positions are visited, by native searches, so ordinary files cost next to nothing.
 */
export class LengthGuard {
  private line = 0;
  private delimiters = 0;
  private field = 0;
  private longest = 0;
  private longestColumn = 0;
  private inQuote = false;
  /** A quote ended the last chunk inside a quoted field: closing, or the first of a doubled "". */
  private quotePending = false;
  /** True when the next character starts a field (a quote there opens a quoted field). */
  private atFieldStart = true;
  /** The next line break and delimiter at or after the current position in the chunk (-1: none). */
  private newlineAt = -1;
  private delimiterAt = -1;

  constructor(
    private readonly delimiter: string,
    private readonly fieldLimit: number,
    private readonly lineLimit: number,
  ) {}

  feed(chunk: string): LongLine | null {
    let lineStart = 0;
    let pos = 0;
    const length = chunk.length;
    this.newlineAt = chunk.indexOf('\n');
    this.delimiterAt = chunk.indexOf(this.delimiter);
    if (this.quotePending && length > 0) {
      this.quotePending = false;
      if (chunk[0] === '"') {
        this.field++;
        this.line++;
        pos = 1;
      } else this.inQuote = false;
    }
    while (pos < length) {
      if (this.inQuote) {
        const quote = chunk.indexOf('"', pos);
        if (quote < 0) {
          this.field += length - pos;
          this.line += length - pos;
          pos = length;
          break;
        }
        this.field += quote - pos;
        this.line += quote - pos + 1;
        if (quote + 1 >= length) {
          this.quotePending = true;
          pos = length;
        } else if (chunk[quote + 1] === '"') {
          this.field++;
          this.line++;
          pos = quote + 2;
        } else {
          this.inQuote = false;
          pos = quote + 1;
        }
        continue;
      }
      const quote = chunk.indexOf('"', pos);
      const end = quote < 0 ? length : quote;
      const start = this.unquoted(chunk, pos, end);
      if (start >= 0) lineStart = start;
      if (quote < 0) break;
      // A quote opens a quoted field only at the start of a field; elsewhere it is a character.
      const opens = quote === pos ? this.atFieldStart : chunk[quote - 1] === this.delimiter || chunk[quote - 1] === '\n';
      if (opens) this.inQuote = true;
      else this.field++;
      this.line++;
      this.atFieldStart = false;
      pos = quote + 1;
    }
    const openTooLong = this.field > this.fieldLimit;
    if (!openTooLong && this.line <= this.lineLimit) return null;
    const open = openTooLong || this.field >= this.longest;
    return {
      lineStart,
      columns: this.delimiters + 1,
      column: open ? this.delimiters : this.longestColumn,
      length: open ? this.field : this.longest,
      open,
      quoted: this.inQuote || this.quotePending,
    };
  }

  /**
   * Counts unquoted text chunk[from, to); returns where a new line starts in it, or -1. The next
   * line break and delimiter of the chunk are remembered, so that a chunk with many quotes is
   * still searched once from left to right (never again from each quote).
   */
  private unquoted(chunk: string, from: number, to: number): number {
    if (from >= to) return -1;
    if (this.newlineAt !== -1 && this.newlineAt < from) this.newlineAt = chunk.indexOf('\n', from);
    let start = -1;
    if (to === chunk.length) {
      // The rest of the chunk: one backward search finds its last line break.
      const newline = chunk.lastIndexOf('\n');
      if (newline >= from) start = newline + 1;
      this.newlineAt = -1;
    }
    while (this.newlineAt !== -1 && this.newlineAt < to) {
      start = this.newlineAt + 1;
      this.newlineAt = chunk.indexOf('\n', start);
    }
    if (start >= 0) {
      from = start;
      this.line = 0;
      this.delimiters = 0;
      this.field = 0;
      this.longest = 0;
      this.longestColumn = 0;
      this.atFieldStart = true;
    }
    this.line += to - from;
    if (this.delimiterAt !== -1 && this.delimiterAt < from) this.delimiterAt = chunk.indexOf(this.delimiter, from);
    while (this.delimiterAt !== -1 && this.delimiterAt < to) {
      this.closeField(this.field + this.delimiterAt - from);
      this.field = 0;
      this.delimiters++;
      this.atFieldStart = true;
      from = this.delimiterAt + 1;
      this.delimiterAt = chunk.indexOf(this.delimiter, from);
    }
    this.field += to - from;
    if (to > from) this.atFieldStart = false;
    return start;
  }

  private closeField(length: number): void {
    if (length > this.longest) {
      this.longest = length;
      this.longestColumn = this.delimiters;
    }
  }
}
