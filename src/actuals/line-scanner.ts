import { nfkc } from '../nfkc.js';
import { NOT_SHORT } from './figure-store.js';
import { ByteTable, FNV_OFFSET, FNV_PRIME, sameBytes } from './byte-table.js';
import type { FallbackReason, FastFigure, FastLongLayout, FastLongResult, FastTarget } from './fast-long-reader.js';
import { parseYesNo } from './parse-number.js';
import { EXACT_DIGITS, lastPlainCode, MAX_SHORT_MANTISSA, POW10, readPlainNumber, readYear } from './read-plain-number.js';
import { cleanUtf8 } from './split-plain-line.js';
import { targetTablesOf, type ScannerTables } from '../plan/plan-tables.js';

/** Longest field and most columns the fast reader takes (the normal path's length guard). */
export const MAX_FIELD = 10_000;
export const MAX_COLUMNS = 1000;
/** More distinct region texts than this and the normal path's limits apply instead. */
const MAX_REGIONS = 4_000_000;
/** Yes/no words tried byte for byte; each is classified by the normal path's own `parseYesNo`. */
const YES_NO_WORDS = ['是', '否', '已完成', '完成', '未完成', '已实现', '实现', '未实现', '达成', '已达成', '未达成', 'yes', 'no', 'y', 'n', 'true', 'false', 'done', 'not done', '1', '0', '✓', '√', '✗', '×'];
const ROLE_IGNORED = 0;
const ROLE_ID = 1;
const ROLE_VALUE = 2;
const ROLE_YEAR = 3;
const ROLE_REGION = 4;
const ROLE_UNIT = 5;

/** The line scanner's tables of `targets` (see `ScannerTables`), as the scanner works them out without prebuilt ones. */
export function scannerTables(targets: readonly FastTarget[]): ScannerTables {
  const scanned = scannedIds(targets);
  const keys = targets.map((target, index) => (scanned[index] === 1 ? Buffer.from(target.id) : null));
  return { scanned, slots: idTable(keys).slotList(), first: firstIds(targets, scanned), milestone: milestones(targets) };
}

/** By target, 1 where the fast reader reads its id: only ids the normal path takes as they are written (no normalisation). */
function scannedIds(targets: readonly FastTarget[]): number[] {
  return targets.map((target) => (nfkc(target.id).trim().toUpperCase() === target.id ? 1 : 0));
}

/** The id table: each key (target order) to its target, made at its size. */
function idTable(keys: readonly (Buffer | null)[]): ByteTable {
  const table = new ByteTable(keys.length);
  keys.forEach((key, index) => {
    if (key) table.add(key, index);
  });
  return table;
}

/**
 * By target, 1 where an id guessed may be taken: only where the table would give the same target
 * for its bytes, the first target of those bytes (the table's match), found by id (the same text, the same bytes).
 */
function firstIds(targets: readonly FastTarget[], scanned: readonly number[]): number[] {
  const first = new Map<string, number>();
  targets.forEach((target, index) => {
    if (scanned[index] === 1 && !first.has(target.id)) first.set(target.id, index);
  });
  return targets.map((target, index) => (scanned[index] === 1 && first.get(target.id) === index ? 1 : 0));
}

function milestones(targets: readonly FastTarget[]): number[] {
  return targets.map((target) => (target.kind === 'milestone' ? 1 : 0));
}

/** The indexes where `flags` is 1, in order. */
function indexesOf(flags: readonly number[]): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i] === 1) indexes.push(i);
  return indexes;
}

/** Reads one line at a time: the header lines are only checked, each data line is read whole or not at all. */
export class LineScanner {
  /** The physical line being read (1-based). */
  lineNo = 1;
  /** Data lines given to `onLine`. */
  handed = 0;
  private rows = 0;
  private figures = 0;
  private readonly delimiter: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly ids: ByteTable;
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
  /** By target: its id's bytes as the fast path reads them (null where it does not), for the guess below. */
  private readonly idKeys: (Buffer | null)[];
  private lastTarget = -1;
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
    // The bundled plan's tables come prebuilt with it (plan-tables.ts); any other plan's are worked out here.
    const prebuilt = targetTablesOf(targets)?.scanner;
    const scanned = prebuilt?.scanned ?? scannedIds(targets);
    const keys = targets.map((target, index) => (scanned[index] === 1 ? Buffer.from(target.id) : null));
    this.ids = prebuilt ? ByteTable.withSlots(new Int32Array(prebuilt.slots), keys.filter((key) => key !== null), indexesOf(scanned)) : idTable(keys);
    const first = prebuilt?.first ?? firstIds(targets, scanned);
    this.idKeys = keys.map((key, index) => (key && first[index] === 1 ? key : null));
    for (const word of YES_NO_WORDS) {
      const answer = parseYesNo(word);
      if (answer === 0 || answer === 1) this.yesNo.add(Buffer.from(word), answer);
    }
    this.milestone = prebuilt ? new Uint8Array(prebuilt.milestone) : Uint8Array.from(milestones(targets));
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
          // Files often give a region's targets in the plan's order: the target after the last
          // one read is tried before hashing (its bytes, then the field's end, as the table would match them).
          const guess = this.idKeys[this.lastTarget + 1];
          if (guess && buf[p + guess.length] === stop && sameBytes(guess, buf, p)) {
            target = this.lastTarget + 1;
            p += guess.length;
          } else {
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
          }
          this.lastTarget = target;
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
        code = lastPlainCode();
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
    this.emit(buf, vs, ve, region, target, year, value, this.milestone[target] === 1 ? value * 16 : lastPlainCode());
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
