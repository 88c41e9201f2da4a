import { LineScanner } from './line-scanner.js';
import { splitPlainLine } from './split-plain-line.js';

export { cleanUtf8 } from './split-plain-line.js';
export { readPlainNumber } from './read-plain-number.js';

/**
 * Where the columns of a long-format file are, as the header reader found them (0-based), and
 * the file's separator. Only UTF-8 or ASCII files are given to the fast reader.
 */
export interface FastLongLayout {
  fileIndex: number;
  /** One ASCII character: ',', ';', '\t' or '|'. */
  delimiter: string;
  /** Physical line (1-based) of the header; the data rows are the lines after it (0: every line is data). */
  headerLine: number;
  /** How many fields the header has: every data row must have as many. */
  columns: number;
  id: number;
  value: number;
  year?: number;
  region?: number;
  unit?: number;
}

/** What the fast reader needs of each target, by target index. */
export interface FastTarget {
  id: string;
  kind: string;
  /** The year a figure counts for when its row gives none. */
  year: number;
}

/** One figure read; the object is reused from row to row, so copy what you keep. */
export interface FastFigure {
  fileIndex: number;
  /** Spreadsheet row: the physical line, as the normal path numbers records. */
  row: number;
  /** Dense index of the region in `FastLongResult.regions` (names as the normal path normalises them). */
  region: number;
  regionName: string;
  target: number;
  year: number;
  value: number;
  /** The value as the figure store keeps it: m·16 + k for m / 10^k, or another number when it is not such a short decimal. */
  code: number;
  /** The value cell as written, for messages (a duplicate names it). */
  valueText(): string;
}

/** Why the rest of a file must be read by the normal path. */
export type FallbackReason = 'quote' | 'cr' | 'shape' | 'long' | 'text' | 'id' | 'year' | 'unit' | 'value' | 'regions';

/** Where the normal path takes over: from the start of physical line `line`, whose bytes `rest` yields first. */
export interface Fallback {
  line: number;
  reason: FallbackReason;
  rest: AsyncIterable<Uint8Array>;
  /** How many bytes of the input come before line `line` (a BOM counted): where `rest` starts. */
  offset: number;
}

/** What the fast reader did: rows and figures read, the regions seen, and where it stopped, if it did. */
export interface FastLongResult {
  /** Physical lines read whole (the header and blank lines counted). */
  lines: number;
  /** Data rows read (blank lines not counted), as `ActualsInput.rows` counts them. */
  rows: number;
  /** Figures given to the sink (blank value cells give none). */
  figures: number;
  /** Data lines not read here but given whole to `onLine` (the normal path's row reader), in their place. */
  handed: number;
  regions: string[];
  /** Null when the whole file was read; else every line before `line` was read and none after. */
  fallback: Fallback | null;
}

/** A longer line is not the common case: the normal path reads (or refuses) it. */
const MAX_LINE = 1 << 20;

/**
 * Reads the data rows of a plain long-format CSV straight from its bytes, giving each figure to
 * `onFigure`, and stops at the first line that is not the common case (a quote, a lone CR, an
 * odd cell, anything the normal path would report or read differently) so that the normal path
 * reads that line and the rest with the same results and the same located errors.
 *
 * `chunks` are the file's bytes from its first byte (a UTF-8 BOM is skipped here); the caller
 * has sniffed UTF-8 and read the header. For each figure the caller does what the normal path
 * does after reading a cell: the year-in-period check, the store, the duplicate check (naming
 * `valueText()`). On a hand-over, the normal path goes on from `fallback.rest` as physical line
 * `fallback.line` with the header it knows (from scratch when `line` is 1), into the same store.
 *
 * With `onLine`, a data line that is not the common case but that the normal path would split
 * into exactly `line.split(delimiter)` (`splitPlainLine`: no quote, no lone CR, clean UTF-8,
 * within the length guard's bounds) is given to it, cells and physical line, in its place among
 * the figures, and reading goes on after it: a unit in a value, an unknown id or a ragged row
 * costs that line only. The rest is handed over only for a line the normal path reads otherwise.
 */
export async function readFastLong(
  chunks: AsyncIterable<Uint8Array>,
  layout: FastLongLayout,
  targets: readonly FastTarget[],
  onFigure: (figure: FastFigure) => void,
  /**
   * Reads one data line as the normal path reads it (the table reader's `push`); absent, or
   * returning false (having done nothing with the line), such a line hands the rest over.
   */
  onLine?: (cells: string[], line: number) => boolean | void,
): Promise<FastLongResult> {
  checkLayout(layout);
  const delimiter = layout.delimiter.charCodeAt(0);
  const scanner = new LineScanner(layout, targets, onFigure);
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = []; // kept until the header is passed, for a fallback from the start
  let carry: Buffer = Buffer.alloc(0);
  let firstChunk = true;
  let consumed = 0; // bytes taken from the input so far
  const stop = (reason: FallbackReason, line: number, ...parts: Buffer[]): FastLongResult => {
    const inHeader = line <= layout.headerLine;
    // Copied: the normal path reads them after the source has given its next chunk.
    const from = parts.map((part) => Buffer.from(part));
    const before = inHeader ? head : from;
    const offset = inHeader ? 0 : consumed - from.reduce((sum, part) => sum + part.length, 0);
    return { ...scanner.result(), fallback: { line: inHeader ? 1 : line, reason, rest: restOf(before, iterator), offset } };
  };
  /**
   * Reads the lines of buf from `pos` (the last one without its newline only when `final`);
   * returns where the unread rest starts, or why the normal path must take over at `at`.
   */
  const lines = (buf: Buffer, from: number, final: boolean): number | { reason: FallbackReason; at: number } => {
    let pos = from;
    // Complete lines end at or before the last newline; the hot loop takes the plain ones.
    let limit = scanner.lineNo > layout.headerLine ? buf.lastIndexOf(10) + 1 : 0;
    for (;;) {
      if (pos < limit) pos = scanner.readPlain(buf, pos, limit);
      const newline = buf.indexOf(10, pos);
      const end = newline >= 0 ? newline : final && pos < buf.length ? buf.length : -1;
      if (end < 0) return pos;
      const reason = scanner.read(buf, pos, end);
      if (reason !== null) {
        // A copy of the cells, in order with the figures around it: the buffer may be reused.
        const cells = onLine === undefined ? null : splitPlainLine(buf, pos, end, delimiter);
        if (cells === null || onLine?.(cells, scanner.lineNo) === false) return { reason, at: pos };
        scanner.handed++;
      }
      pos = end + 1;
      scanner.lineNo++;
      // Past the header, the rest of the chunk that holds it is read by the hot loop too.
      if (limit === 0 && scanner.lineNo > layout.headerLine) limit = buf.lastIndexOf(10) + 1;
    }
  };
  for (;;) {
    const next = await iterator.next();
    let chunk = next.done ? null : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    if (chunk) consumed += chunk.length;
    // Kept by copy: a source may give the same buffer again (fileRange's `reuse`).
    if (chunk && scanner.lineNo <= layout.headerLine) head.push(Buffer.from(chunk));
    // Only a file's start has a BOM: a part of a file (headerLine 0) starting with EF BB BF has a U+FEFF in its first cell.
    if (chunk && firstChunk && layout.headerLine > 0 && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    if (chunk) firstChunk = false;
    if (chunk === null) {
      const read = lines(carry, 0, true);
      if (typeof read !== 'number') return stop(read.reason, scanner.lineNo, carry.subarray(read.at));
      break;
    }
    // Lines are read where they lie in the chunk; only the line across two chunks is joined.
    let start = 0;
    if (carry.length > 0) {
      const newline = chunk.indexOf(10);
      if (newline < 0) {
        carry = Buffer.concat([carry, chunk]);
        if (carry.length > MAX_LINE) return stop('long', scanner.lineNo, carry);
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, newline + 1)]);
      const read = lines(joined, 0, false);
      if (typeof read !== 'number') return stop(read.reason, scanner.lineNo, joined.subarray(read.at), chunk.subarray(newline + 1));
      start = newline + 1;
    }
    const read = lines(chunk, start, false);
    if (typeof read !== 'number') return stop(read.reason, scanner.lineNo, chunk.subarray(read.at));
    // The start of a line cut by the chunk's end, kept by copy for the next chunk.
    carry = Buffer.from(chunk.subarray(read));
    if (carry.length > MAX_LINE) return stop('long', scanner.lineNo, carry);
  }
  return { ...scanner.result(), fallback: null };
}

/** A layout the header reader cannot have produced is a bug of the caller, not of the file. */
function checkLayout(layout: FastLongLayout): void {
  const { columns, delimiter, headerLine } = layout;
  const indexes = [layout.id, layout.value, layout.year, layout.region, layout.unit].filter((i) => i !== undefined);
  const bad =
    delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f || '"\r\n'.includes(delimiter) ||
    !Number.isInteger(columns) || columns < 2 || !Number.isInteger(headerLine) || headerLine < 0 ||
    indexes.some((i) => !Number.isInteger(i) || i < 0 || i >= columns) || new Set(indexes).size !== indexes.length;
  if (bad) throw new RangeError(`fast long reader: unusable layout ${JSON.stringify(layout)}`);
}

async function* restOf(first: Uint8Array[], iterator: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const chunk of first) if (chunk.byteLength > 0) yield chunk;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}
