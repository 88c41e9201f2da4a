import { nfkc } from '../nfkc.js';
import { NOT_SHORT } from './figure-store.js';
import { parseYesNo } from './parse-number.js';
import { cleanUtf8, splitPlainLine } from './split-plain-line.js';

export { cleanUtf8 } from './split-plain-line.js';

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

const MAX_FIELD = 10_000;
const MAX_COLUMNS = 1000;
/** A longer line is not the common case: the normal path reads (or refuses) it. */
const MAX_LINE = 1 << 20;
/** More distinct region texts than this and the normal path's limits apply instead. */
const MAX_REGIONS = 4_000_000;
/** Significant digits that fit a double's exact integer range (< 2^53): mantissa / 10^k is then correctly rounded. */
const EXACT_DIGITS = 15;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Yes/no words tried byte for byte; each is classified by the normal path's own `parseYesNo`. */
const YES_NO_WORDS = ['是', '否', '已完成', '完成', '未完成', '已实现', '实现', '未实现', '达成', '已达成', '未达成', 'yes', 'no', 'y', 'n', 'true', 'false', 'done', 'not done', '1', '0', '✓', '√', '✗', '×'];
const YEAR_SUFFIX = Buffer.from('年');
const ROLE_IGNORED = 0;
const ROLE_ID = 1;
const ROLE_VALUE = 2;
const ROLE_YEAR = 3;
const ROLE_REGION = 4;
const ROLE_UNIT = 5;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Short decimals are given to the store as m·16 + k with |m| below this (see figure-store.ts). */
const MAX_SHORT_MANTISSA = 1 << 27;

/** An open-addressed table from byte strings to small integers (FNV-1a hashes). */
class ByteTable {
  private keys: Buffer[] = [];
  private values: number[] = [];
  private slots = new Int32Array(64).fill(-1);

  get size(): number {
    return this.keys.length;
  }

  /** The key of the last successful `get`. */
  found: Buffer | null = null;

  get(buf: Uint8Array, start: number, end: number): number {
    return this.getHashed(hash(buf, start, end), buf, start, end);
  }

  /** `get` for a key whose hash the caller worked out while scanning it. */
  getHashed(h: number, buf: Uint8Array, start: number, end: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? -1;
      if (entry < 0) return -1;
      const key = this.keys[entry] as Buffer;
      if (key.length === end - start && sameBytes(key, buf, start)) {
        this.found = key;
        return this.values[entry] ?? -1;
      }
    }
  }

  add(key: Buffer, value: number): void {
    if ((this.keys.length + 1) * 2 > this.slots.length) this.grow();
    this.place(key, this.keys.length);
    this.keys.push(key);
    this.values.push(value);
  }

  private place(key: Buffer, entry: number): void {
    const mask = this.slots.length - 1;
    let slot = hash(key, 0, key.length) & mask;
    while ((this.slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.keys.forEach((key, entry) => this.place(key, entry));
  }
}

function hash(buf: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] as number), FNV_PRIME);
  return h >>> 0;
}

function sameBytes(key: Buffer, buf: Uint8Array, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key[i] !== buf[start + i]) return false;
  return true;
}

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
    const limit = scanner.lineNo > layout.headerLine ? buf.lastIndexOf(10) + 1 : 0;
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

/** Reads one line at a time: the header lines are only checked, each data line is read whole or not at all. */
class LineScanner {
  /** The physical line being read (1-based). */
  lineNo = 1;
  /** Data lines given to `onLine`. */
  handed = 0;
  private rows = 0;
  private figures = 0;
  private readonly delimiter: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly ids = new ByteTable();
  private readonly yesNo = new ByteTable();
  private readonly regionBytes = new ByteTable();
  private readonly regionIndex = new Map<string, number>();
  private readonly regions: string[] = [];
  private readonly milestone: Uint8Array;
  /** The role of each column (ROLE_*), for the hot loop. */
  private readonly roles: Uint8Array;
  private readonly figure: FastFigure;
  private lastRegionKey: Buffer | null = null;
  private lastRegion = 0;
  private valueBuf: Buffer = Buffer.alloc(0);
  private valueStart = 0;
  private valueEnd = 0;

  constructor(
    private readonly layout: FastLongLayout,
    private readonly targets: readonly FastTarget[],
    private readonly onFigure: (figure: FastFigure) => void,
  ) {
    this.delimiter = layout.delimiter.charCodeAt(0);
    const columns = Math.min(Math.max(layout.columns, 1), MAX_COLUMNS);
    this.starts = new Int32Array(columns);
    this.ends = new Int32Array(columns);
    // Only ids the normal path takes as they are written (no normalisation) are read here.
    targets.forEach((target, index) => {
      if (target.id.normalize('NFKC').trim().toUpperCase() === target.id) this.ids.add(Buffer.from(target.id), index);
    });
    for (const word of YES_NO_WORDS) {
      const answer = parseYesNo(word);
      if (answer === 0 || answer === 1) this.yesNo.add(Buffer.from(word), answer);
    }
    this.milestone = Uint8Array.from(targets, (target) => (target.kind === 'milestone' ? 1 : 0));
    this.roles = new Uint8Array(layout.columns <= MAX_COLUMNS ? layout.columns : 0).fill(ROLE_IGNORED);
    const roleOf: [number | undefined, number][] = [[layout.id, ROLE_ID], [layout.value, ROLE_VALUE], [layout.year, ROLE_YEAR], [layout.region, ROLE_REGION], [layout.unit, ROLE_UNIT]];
    for (const [column, role] of roleOf) if (column !== undefined && column < this.roles.length) this.roles[column] = role;
    const scanner = this;
    this.figure = {
      fileIndex: layout.fileIndex,
      row: 0,
      region: 0,
      regionName: '',
      target: 0,
      year: 0,
      value: 0,
      code: 0,
      valueText: () => scanner.valueBuf.toString('utf8', scanner.valueStart, scanner.valueEnd),
    };
  }

  result(): Omit<FastLongResult, 'fallback'> {
    return { lines: this.lineNo - 1, rows: this.rows, figures: this.figures, handed: this.handed, regions: this.regions };
  }

  /**
   * Reads, from `pos`, the lines that are the hot case: every field is a known id, a known region,
   * a four-digit year, an empty unit, a plain number or a known yes/no word, or an ignored field
   * of plain ASCII. Returns the start of the first line that is not (for \`read\`), or `limit`.
   * Each line it reads gives exactly what \`read\` gives for it: known ids, regions and words
   * passed \`read\`'s checks when they were learnt, so a match needs none of them again.
   */
  readPlain(buf: Buffer, pos: number, limit: number): number {
    const layout = this.layout;
    const columns = layout.columns;
    if (columns > MAX_COLUMNS || this.regions.length === 0) return pos;
    const delimiter = this.delimiter;
    const roles = this.roles;
    const last = columns - 1;
    const ids = this.ids;
    while (pos < limit) {
      let p = pos;
      let target = -1;
      let year = -1;
      let region = 0;
      let vs = 0;
      let ve = 0;
      let negative = false;
      let mantissa = 0;
      let intDigits = 0;
      let scale = 0;
      let plain = false;
      // Each field is read where it stands, by its role, each byte once.
      for (let c = 0; c < columns; c++) {
        const stop = c === last ? 10 : delimiter;
        const role = roles[c];
        if (role === ROLE_REGION) {
          const key = this.lastRegionKey;
          if (key !== null && buf[p + key.length] === stop && sameBytes(key, buf, p)) {
            region = this.lastRegion;
            p += key.length;
          } else {
            const s = p;
            let b = buf[p] as number;
            while (b !== delimiter && b !== 10) b = buf[++p] as number;
            if (b !== stop) return pos;
            const e = stop === 10 && p > s && buf[p - 1] === 13 ? p - 1 : p;
            region = this.regionBytes.get(buf, s, e);
            if (region < 0) return pos;
            this.lastRegionKey = this.regionBytes.found;
            this.lastRegion = region;
          }
        } else if (role === ROLE_ID) {
          const s = p;
          let h = FNV_OFFSET;
          let b = buf[p] as number;
          while (b !== delimiter && b !== 10) {
            h = Math.imul(h ^ b, FNV_PRIME);
            b = buf[++p] as number;
          }
          if (b !== stop) return pos;
          if (stop === 10 && p > s && buf[p - 1] === 13) return pos; // an id last on a CRLF line: `read` takes it
          target = ids.getHashed(h >>> 0, buf, s, p);
          if (target < 0) return pos;
        } else if (role === ROLE_YEAR) {
          if (buf[p + 4] !== stop) return pos;
          year = readYear(buf, p, p + 4);
          if (year < 0) return pos;
          p += 4;
        } else if (role === ROLE_VALUE) {
          // Read as `-?\d+(\.\d+)?` while scanning; anything else is left to readPlainNumber below.
          vs = p;
          let b = buf[p] as number;
          negative = b === 0x2d;
          if (negative) b = buf[++p] as number;
          mantissa = 0;
          intDigits = 0;
          scale = 0;
          let dot = false;
          plain = true;
          while (b !== delimiter && b !== 10) {
            const d = b - 48;
            if (d >= 0 && d <= 9) {
              mantissa = mantissa * 10 + d;
              if (dot) scale++;
              else intDigits++;
            } else if (b === 0x2e && !dot) dot = true;
            else plain = false;
            b = buf[++p] as number;
          }
          if (b !== stop) return pos;
          ve = stop === 10 && p > vs && buf[p - 1] === 13 ? p - 1 : p;
          if (intDigits === 0 || (dot && scale === 0) || intDigits + scale > EXACT_DIGITS) plain = false;
        } else if (role === ROLE_UNIT) {
          if (buf[p] !== stop) return pos;
        } else {
          const s = p;
          let b = buf[p] as number;
          while (b !== delimiter && b !== 10) {
            if (b === 0x22 || b === 13 || b >= 0x80) {
              if (!(b === 13 && stop === 10 && buf[p + 1] === 10)) return pos;
            }
            b = buf[++p] as number;
          }
          if (b !== stop) return pos;
          if ((stop === 10 && p > s && buf[p - 1] === 13 ? p - 1 : p) - s > MAX_FIELD) return pos;
        }
        p++;
      }
      // A blank value is a row without a figure: `read` counts it.
      if (ve === vs) return pos;
      if (year < 0) year = this.targets[target]?.year ?? 0;
      let value: number;
      let code: number;
      if (this.milestone[target] === 1) {
        value = this.yesNo.get(buf, vs, ve);
        if (value < 0) return pos;
        code = value * 16;
      } else if (plain) {
        // As readPlainNumber reads it: mantissa / 10^scale, both exact below 2^53.
        const magnitude = scale === 0 ? mantissa : mantissa / (POW10[scale] as number);
        value = negative ? -magnitude : magnitude;
        code = mantissa < MAX_SHORT_MANTISSA && !(negative && mantissa === 0) ? (negative ? -mantissa : mantissa) * 16 + scale : NOT_SHORT;
      } else {
        value = readPlainNumber(buf, vs, ve);
        if (!Number.isFinite(value)) return pos;
        code = plainCode;
      }
      this.rows++;
      this.emit(buf, vs, ve, region, target, year, value, code);
      this.lineNo++;
      pos = p;
    }
    return pos;
  }

  /** Reads the line buf[start, end) (its \n excluded); null when read, else why the normal path must. */
  read(buf: Buffer, start: number, lineEnd: number): FallbackReason | null {
    const layout = this.layout;
    let end = lineEnd;
    if (end > start && buf[end - 1] === 13) end--; // CRLF: the normal path reads it as one line end
    if (layout.columns > MAX_COLUMNS) return 'shape';
    const starts = this.starts;
    const ends = this.ends;
    const delimiter = this.delimiter;
    let fields = 0;
    let fieldStart = start;
    for (let i = start; i < end; i++) {
      const b = buf[i] as number;
      if (b === delimiter) {
        if (fields + 1 >= layout.columns) return 'shape';
        starts[fields] = fieldStart;
        ends[fields] = i;
        fields++;
        fieldStart = i + 1;
      } else if (b === 0x22) return 'quote';
      else if (b === 13) return 'cr';
    }
    if (this.lineNo <= layout.headerLine) return null;
    if (end === start) return null; // a blank line: no row
    starts[fields] = fieldStart;
    ends[fields] = end;
    fields++;
    if (fields !== layout.columns) return 'shape';
    for (let f = 0; f < fields; f++) {
      const s = starts[f] as number;
      const e = ends[f] as number;
      if (e - s > MAX_FIELD) return 'long';
      if (f === layout.region) continue; // checked once per distinct text below
      for (let i = s; i < e; i++) {
        if ((buf[i] as number) >= 0x80) {
          if (!cleanUtf8(buf, i, e)) return 'text';
          break;
        }
      }
    }
    const target = this.ids.get(buf, starts[layout.id] as number, ends[layout.id] as number);
    if (target < 0) return 'id';
    let year = this.targets[target]?.year ?? 0;
    if (layout.year !== undefined) {
      const s = starts[layout.year] as number;
      const e = ends[layout.year] as number;
      if (e > s) {
        year = readYear(buf, s, e);
        if (year < 0) return 'year';
      }
    }
    if (layout.unit !== undefined && (ends[layout.unit] as number) > (starts[layout.unit] as number)) return 'unit';
    let region = 0;
    if (layout.region !== undefined) {
      region = this.region(buf, starts[layout.region] as number, ends[layout.region] as number);
      if (region < 0) return region === -2 ? 'regions' : 'text';
    } else if (this.regions.length === 0) this.addRegion('');
    const vs = starts[layout.value] as number;
    const ve = ends[layout.value] as number;
    let value = Number.NaN;
    if (ve > vs) {
      value = this.milestone[target] === 1 ? this.yesNo.get(buf, vs, ve) : readPlainNumber(buf, vs, ve);
      if (value < 0 && this.milestone[target] === 1) return 'value';
      // NaN: not plain; ±Infinity (hundreds of digits): the normal path's located "not finite" error.
      if (!Number.isFinite(value)) return 'value';
    }
    this.rows++;
    if (ve === vs) return null; // a blank value cell: no figure, no error
    this.emit(buf, vs, ve, region, target, year, value, this.milestone[target] === 1 ? value * 16 : plainCode);
    return null;
  }

  /** Gives the figure of the line being read (its value cell at buf[vs, ve)) to the sink. */
  private emit(buf: Buffer, vs: number, ve: number, region: number, target: number, year: number, value: number, code: number): void {
    const figure = this.figure;
    figure.row = this.lineNo;
    figure.region = region;
    figure.regionName = this.regions[region] ?? '';
    figure.target = target;
    figure.year = year;
    figure.value = value;
    figure.code = code;
    this.valueBuf = buf;
    this.valueStart = vs;
    this.valueEnd = ve;
    this.figures++;
    this.onFigure(figure);
  }

  /** The dense index of a region cell's text; -1 when it does not decode cleanly, -2 past the bound. */
  private region(buf: Buffer, start: number, end: number): number {
    // Files often list a region's rows together: the last region is tried before hashing.
    const last = this.lastRegionKey;
    if (last !== null && last.length === end - start && sameBytes(last, buf, start)) return this.lastRegion;
    const known = this.regionBytes.get(buf, start, end);
    if (known >= 0) {
      this.lastRegionKey = this.regionBytes.found;
      this.lastRegion = known;
      return known;
    }
    if (!cleanUtf8(buf, start, end)) return -1;
    if (this.regionBytes.size >= MAX_REGIONS) return -2;
    const name = nfkc(buf.toString('utf8', start, end)).trim();
    const index = this.regionIndex.get(name) ?? this.addRegion(name);
    this.regionBytes.add(Buffer.from(buf.subarray(start, end)), index);
    return index;
  }

  private addRegion(name: string): number {
    this.regions.push(name);
    this.regionIndex.set(name, this.regions.length - 1);
    return this.regions.length - 1;
  }
}

/** A year cell: four ASCII digits, optionally followed by 年; -1 otherwise. */
function readYear(buf: Buffer, start: number, end: number): number {
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
