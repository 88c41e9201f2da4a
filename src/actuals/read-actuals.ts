import { Readable } from 'node:stream';
import { closest } from 'fastest-levenshtein';
import Papa from 'papaparse';
import type { Plan, Target } from '../plan/types.js';
import { ioReason, type Problem } from '../problem.js';
import { createDecoder, sniffEncoding, type Encoding } from './decode.js';
import { FigureStore } from './figure-store.js';
import { parseCell, parseYesNo } from './parse-number.js';
import { conversionExponent, scaleDigits, unitScale } from './units.js';

/** A file of actuals to read: its name for messages and a way to open its bytes. */
export interface ActualsSource {
  name: string;
  open(): AsyncIterable<Uint8Array>;
}

/** What was learnt about one input file while reading it. */
export interface ActualsInput {
  file: string;
  encoding: Encoding | null;
  bom: boolean;
  delimiter: string | null;
  layout: 'long' | 'wide' | null;
  /** Data rows read, the header not counted. */
  rows: number;
  figures: number;
}

/** The figures submitted, where they came from, and every input error found. */
export interface Actuals {
  store: FigureStore;
  inputs: ActualsInput[];
  /** The first problems found (up to the cap), in file order. */
  problems: Problem[];
  /** How many problems there were in all, including those past the cap. */
  problemCount: number;
}

/** Options for reading actuals. */
export interface ReadActualsOptions {
  encoding?: Encoding;
  /** How many problems to keep; all are still counted. */
  maxProblems?: number;
}

/** Column roles and the headers, English or Chinese, that name them. */
type Role = 'id' | 'value' | 'year' | 'unit' | 'region' | 'note';
const HEADERS: Record<string, Role> = {
  id: 'id', target: 'id', target_id: 'id', 编号: 'id', 指标编号: 'id', 目标编号: 'id',
  value: 'value', actual: 'value', 实际值: 'value', 数值: 'value', 值: 'value', 实际: 'value', 完成值: 'value',
  year: 'year', 年份: 'year', 年度: 'year', 年: 'year',
  unit: 'unit', 单位: 'unit',
  region: 'region', 地区: 'region', 区域: 'region', 地区名称: 'region',
  note: 'note', notes: 'note', 备注: 'note', 说明: 'note',
};
const YEAR_HEADER = /^(\d{4})\s*年?$/;

const SNIFF_BYTES = 64 * 1024;
const MAX_COLUMNS = 1000;
const MAX_FIELD = 10_000;
const DEFAULT_MAX_PROBLEMS = 10_000;
/**
 * A field still open after this many characters is refused before it reaches the parser, which
 * re-reads an unfinished line with every chunk (quadratic time on a line of hundreds of MB).
 */
const STREAM_FIELD_LIMIT = 100 * MAX_FIELD;
/** No valid line is longer: every field within the limit, and no more columns than allowed. */
const STREAM_LINE_LIMIT = MAX_COLUMNS * (MAX_FIELD + 3);
/** How far past the limit a refused field is followed to tell its length. */
const MEASURE_LIMIT = 256 * 1024 * 1024;

/** Reads every source in turn into one store; a figure given twice anywhere is an error. */
export async function readActuals(sources: ActualsSource[], plan: Plan, options: ReadActualsOptions = {}): Promise<Actuals> {
  const store = new FigureStore(plan.targets.length, plan.baselineYear, plan.period.end);
  const actuals: Actuals = { store, inputs: [], problems: [], problemCount: 0 };
  const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const sink = (problem: Problem): void => {
    actuals.problemCount++;
    if (actuals.problems.length < maxProblems) actuals.problems.push(problem);
  };
  const names = sources.map((source) => source.name);
  for (const [index, source] of sources.entries()) {
    actuals.inputs.push(await readOne(source, index, names, plan, store, options.encoding, sink));
  }
  return actuals;
}

async function readOne(
  source: ActualsSource,
  fileIndex: number,
  names: string[],
  plan: Plan,
  store: FigureStore,
  encodingOverride: Encoding | undefined,
  sink: (problem: Problem) => void,
): Promise<ActualsInput> {
  const file = source.name;
  const input: ActualsInput = { file, encoding: null, bom: false, delimiter: null, layout: null, rows: 0, figures: 0 };
  const iterator = source.open()[Symbol.asyncIterator]();
  const headChunks: Uint8Array[] = [];
  let headLength = 0;
  let exhausted = false;
  try {
    while (headLength < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      headChunks.push(next.value);
      headLength += next.value.byteLength;
    }
  } catch (error) {
    sink({ code: 'file.unreadable', params: { file, ...ioReason(error) }, file });
    return input;
  }
  if (headLength === 0) {
    sink({ code: 'csv.empty', params: {}, file });
    return input;
  }
  const head = Buffer.concat(headChunks);
  const sniff = sniffEncoding(head.subarray(0, SNIFF_BYTES), encodingOverride);
  if (!sniff.ok) {
    sink({ code: sniff.code, params: sniff.params, file });
    return input;
  }
  input.encoding = sniff.encoding;
  input.bom = sniff.bomLength > 0;
  const decoder = createDecoder(sniff.encoding);

  // Line ends become \n whatever mix of \r\n, \n and \r a file has (files pasted together
  // from several sources do); a \r at the end of a chunk waits for the next, which may start with \n.
  let pendingCr = '';
  const lines = (chunk: string): string => {
    let text = pendingCr + chunk;
    pendingCr = '';
    if (text.endsWith('\r')) {
      pendingCr = '\r';
      text = text.slice(0, -1);
    }
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  };
  // Cells are searched for U+FFFD and U+FEFF only once the text read so far holds one: most files never do.
  const watch = (chunk: string): string => {
    if (!rows.scanCells && (chunk.includes('\ufffd') || chunk.includes('\ufeff'))) rows.scanCells = true;
    return chunk;
  };
  async function* decoded(first: string): AsyncGenerator<string> {
    yield lines(first);
    if (!exhausted) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        yield lines(decoder.write(next.value));
      }
    }
    let rest = lines(decoder.end());
    if (pendingCr !== '') rest += '\n';
    yield rest;
  }
  async function* text(first: string): AsyncGenerator<string> {
    const guard = new LengthGuard(input.delimiter ?? ',');
    const chunks = decoded(first);
    for await (const chunk of chunks) {
      if (chunk.length === 0) continue;
      const trip = guard.feed(chunk);
      if (!trip) {
        yield watch(chunk);
        continue;
      }
      // The rows before the long line are read as usual; the long line and the rest are not.
      if (trip.lineStart > 0) yield watch(chunk.slice(0, trip.lineStart));
      let length = trip.length;
      if (trip.open) {
        for await (const more of chunks) {
          const end = more.search(trip.delimiterOrNewline);
          length += end < 0 ? more.length : end;
          if (end >= 0 || length > MEASURE_LIMIT) break;
        }
      }
      rows.refuseLongLine(trip.columns > MAX_COLUMNS ? { columns: trip.columns } : { column: trip.column, length });
      await iterator.return?.();
      return;
    }
  }

  const rows = new RowReader(file, fileIndex, names, plan, store, sink, input);
  const firstText = decoder.write(head.subarray(sniff.bomLength));
  input.delimiter = guessDelimiter(firstText);
  await new Promise<void>((resolve) => {
    const stream = Readable.from(text(firstText));
    stream.on('error', (error) => {
      sink({ code: 'file.unreadable', params: { file, ...ioReason(error) }, file });
      resolve();
    });
    Papa.parse<string[]>(stream, {
      delimiter: input.delimiter ?? ',',
      newline: '\n',
      skipEmptyLines: false,
      chunk: (results) => rows.readChunk(results.data, results.errors),
      complete: () => resolve(),
      error: (error: Error) => {
        sink({ code: 'file.unreadable', params: { file, ...ioReason(error) }, file });
        resolve();
      },
    });
  });
  rows.finish();
  return input;
}

/** Where a line became too long to parse: see `LengthGuard`. */
interface LongLine {
  /** Index in the chunk where the long line starts (0 when it started in an earlier chunk). */
  lineStart: number;
  /** Fields the line has so far, and the 0-based column of its longest field. */
  columns: number;
  column: number;
  /** The longest field's length so far, and whether it is still open at the end of the chunk. */
  length: number;
  open: boolean;
  delimiterOrNewline: RegExp;
}

/**
 * Follows line and field lengths across chunks of text (line ends already \n) and says when the
 * current line can no longer be valid. Only the text after a chunk's last line end is scanned,
 * so ordinary files cost next to nothing. Quotes are not followed: a valid file never comes near
 * the limits, quoted or not.
 */
class LengthGuard {
  private line = 0;
  private delimiters = 0;
  private field = 0;
  private longest = 0;
  private longestColumn = 0;
  private readonly delimiterOrNewline: RegExp;

  constructor(private readonly delimiter: string) {
    this.delimiterOrNewline = new RegExp(`[\n${delimiter === '\t' ? '\\t' : `\\${delimiter}`}]`);
  }

  feed(chunk: string): LongLine | null {
    const newline = chunk.lastIndexOf('\n');
    const lineStart = newline + 1;
    if (newline >= 0) {
      this.line = 0;
      this.delimiters = 0;
      this.field = 0;
      this.longest = 0;
      this.longestColumn = 0;
    }
    this.line += chunk.length - lineStart;
    let from = lineStart;
    for (let at = chunk.indexOf(this.delimiter, from); at >= 0; at = chunk.indexOf(this.delimiter, from)) {
      this.closeField(this.field + at - from);
      this.field = 0;
      this.delimiters++;
      from = at + 1;
    }
    this.field += chunk.length - from;
    const openTooLong = this.field > STREAM_FIELD_LIMIT;
    if (!openTooLong && this.line <= STREAM_LINE_LIMIT) return null;
    const open = openTooLong || this.field >= this.longest;
    return {
      lineStart,
      columns: this.delimiters + 1,
      column: open ? this.delimiters : this.longestColumn,
      length: open ? this.field : this.longest,
      open,
      delimiterOrNewline: this.delimiterOrNewline,
    };
  }

  private closeField(length: number): void {
    if (length > this.longest) {
      this.longest = length;
      this.longestColumn = this.delimiters;
    }
  }
}

/**
 * The separator of a file, from its header line: whichever of comma, semicolon, tab or bar it
 * holds most of (a comma when none). Headers are short and never quoted across lines, so the
 * first line decides better than a statistical guess over few rows.
 */
export function guessDelimiter(text: string): string {
  const start = text.search(/[^\r\n]/);
  const end = text.slice(Math.max(start, 0)).search(/[\r\n]/);
  const line = start < 0 ? '' : end < 0 ? text.slice(start) : text.slice(start, start + end);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = line.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Turns parsed records into figures, one record at a time, reporting each fault where it is. */
class RowReader {
  private record = 0;
  private header: string[] | null = null;
  private columns: Partial<Record<Role, number>> = {};
  private yearColumns: { column: number; year: number }[] = [];
  private stopped = false;
  private readonly ids: string[];
  /** Targets by id, for cells that hold an id exactly as the plan writes it (most do). */
  private readonly exactIds: Map<string, Target>;
  /** The unit scale of each target, by target index. */
  private readonly targetScales: ReturnType<typeof unitScale>[];
  /** Set once the text read so far holds U+FFFD or U+FEFF; until then no cell can. */
  scanCells = false;
  private syntaxErrors = 0;
  /** Set when the rest of the file is not read (see `refuseLongLine`). */
  private refused = false;
  // Long files repeat a region, an id or a year row after row: each text is normalised once.
  private readonly idOf = memo(normaliseId);
  private readonly regionOf = memo((raw: string) => raw.normalize('NFKC').trim());
  private readonly yearTextOf = memo((raw: string) => raw.normalize('NFKC').trim());

  constructor(
    private readonly file: string,
    private readonly fileIndex: number,
    private readonly names: string[],
    private readonly plan: Plan,
    private readonly store: FigureStore,
    private readonly sink: (problem: Problem) => void,
    private readonly input: ActualsInput,
  ) {
    this.ids = plan.targets.map((target) => target.id);
    this.exactIds = new Map([...plan.targetsById].filter(([id]) => normaliseId(id) === id));
    this.targetScales = plan.targets.map((target) => unitScale(target.unit));
  }

  readChunk(records: string[][], errors: Papa.ParseError[]): void {
    if (this.refused) return;
    const first = this.record;
    // Papa numbers a chunk's errors from the start of the chunk.
    const syntaxRows = new Set<number>();
    for (const error of errors) {
      if (error.type === 'Delimiter') continue;
      const row = first + (error.row ?? 0) + 1;
      syntaxRows.add(row);
      this.syntaxErrors++;
      this.problem('csv.syntax', { reason: error.message }, row);
    }
    for (const record of records) {
      this.record++;
      if (this.stopped) continue;
      if (this.header === null) this.readHeader(record);
      else if (!syntaxRows.has(this.record)) this.readRecord(record);
    }
  }

  /** Gives up on the file at the record being read: one of its fields or the line as a whole is too long. */
  refuseLongLine(fault: { columns: number } | { column: number; length: number }): void {
    const row = this.record + 1;
    if ('columns' in fault) {
      if (this.header === null) this.problem('csv.too-many-columns', { count: fault.columns, limit: MAX_COLUMNS }, row);
      else this.problem('csv.ragged-row', { actual: fault.columns, expected: this.header.length }, row);
    }
    else this.problem('csv.field-too-long', { length: fault.length, limit: MAX_FIELD }, row, fault.column);
    this.stopped = true;
    this.refused = true;
  }

  finish(): void {
    if (this.stopped) return;
    if (this.header === null) this.sink({ code: 'csv.empty', params: {}, file: this.file });
    // Rows that could not be parsed were reported already: the file is not "header only".
    else if (this.input.rows === 0 && this.syntaxErrors === 0) this.problem('csv.header-only', {}, 1);
  }

  private problem(code: Problem['code'], params: Problem['params'], row: number, column?: number, value?: string): void {
    const field = column !== undefined ? (this.header?.[column] ?? columnLetter(column)) : undefined;
    this.sink({ code, params, file: this.file, line: row, column: column !== undefined ? column + 1 : undefined, field, value });
  }

  private readHeader(record: string[]): void {
    if (record.length === 1 && record[0] === '') return this.blankHeader();
    if (record.length > MAX_COLUMNS) {
      this.stopped = true;
      return this.problem('csv.too-many-columns', { count: record.length, limit: MAX_COLUMNS }, 1);
    }
    this.header = record.map((cell) => cell.replace(/^\ufeff/, '').normalize('NFKC').trim());
    const garbled = this.header.findIndex((name) => name.includes('\ufffd'));
    if (garbled >= 0) {
      // A header that does not decode means the whole file was read in the wrong encoding.
      this.stopped = true;
      return this.problem('csv.undecodable', { encoding: this.input.encoding ?? '' }, 1, garbled);
    }
    const seen = new Map<string, number>();
    this.header.forEach((name, column) => {
      const key = name.toLowerCase();
      const role = HEADERS[key];
      const year = YEAR_HEADER.exec(name);
      if (role) {
        const earlier = this.columns[role];
        if (earlier !== undefined) {
          this.problem('csv.duplicate-column', { column: name, first: earlier + 1, second: column + 1 }, 1, column);
        } else this.columns[role] = column;
      } else if (year) {
        this.yearColumns.push({ column, year: Number(year[1]) });
      }
      const dup = seen.get(key);
      if (dup !== undefined && !role && key !== '') {
        this.problem('csv.duplicate-column', { column: name, first: dup + 1, second: column + 1 }, 1, column);
      }
      seen.set(key, column);
    });
    if (this.columns.id === undefined) {
      this.stopped = true;
      this.problem('csv.missing-column', { column: 'id', accepted: 'id, 编号, 指标编号' }, 1);
    }
    if (this.columns.value === undefined && this.yearColumns.length === 0) {
      this.stopped = true;
      this.problem('csv.missing-column', { column: 'value', accepted: 'value, 实际值, 数值, 2025, 2025年' }, 1);
    }
    this.input.layout = this.columns.value !== undefined ? 'long' : 'wide';
    if (this.columns.value !== undefined) this.yearColumns = [];
  }

  private blankHeader(): void {
    // A leading blank line is not a header; the next record is tried instead.
  }

  private readRecord(record: string[]): void {
    const header = this.header ?? [];
    if (record.length === 1 && record[0]?.trim() === '') return; // a blank line
    this.input.rows++;
    const row = this.record;
    if (record.length !== header.length) {
      if (record.every((cell) => cell.trim() === '')) return;
      return this.problem('csv.ragged-row', { actual: record.length, expected: header.length }, row);
    }
    for (let column = 0; column < record.length; column++) {
      const cell = record[column] ?? '';
      if (cell.length > MAX_FIELD) return this.problem('csv.field-too-long', { length: cell.length, limit: MAX_FIELD }, row, column);
      if (!this.scanCells) continue;
      if (cell.includes('\ufffd')) {
        return this.problem('csv.undecodable', { encoding: this.input.encoding ?? '' }, row, column, cell);
      }
      if (cell.includes('\ufeff')) return this.problem('csv.bom-inside', {}, row, column);
    }
    const idColumn = this.columns.id ?? 0;
    const rawId = record[idColumn] ?? '';
    const exact = this.exactIds.get(rawId);
    const id = exact ? rawId : this.idOf(rawId);
    if (id === '') {
      if (record.every((cell) => cell.trim() === '')) {
        this.input.rows--;
        return;
      }
      return this.problem('row.missing-id', {}, row, idColumn);
    }
    const target = exact ?? this.plan.targetsById.get(id);
    if (!target) {
      const guess = closest(id, this.ids);
      return this.problem('row.unknown-id', { value: rawId.trim(), suggestion: guess }, row, idColumn, rawId);
    }
    const region = this.columns.region !== undefined ? this.regionOf(record[this.columns.region] ?? '') : '';
    const unitCell = this.columns.unit !== undefined ? (record[this.columns.unit] ?? '').trim() : '';
    if (this.columns.value !== undefined) {
      const yearColumn = this.columns.year;
      let year = target.year;
      const rawYear = yearColumn !== undefined ? this.yearTextOf(record[yearColumn] ?? '') : '';
      if (rawYear !== '') {
        const match = YEAR_HEADER.exec(rawYear);
        if (!match) return this.problem('row.bad-year', { value: rawYear }, row, yearColumn, rawYear);
        year = Number(match[1]);
      }
      this.readFigure(target, record, this.columns.value, year, region, unitCell, row);
    } else {
      for (const { column, year } of this.yearColumns) this.readFigure(target, record, column, year, region, unitCell, row);
    }
  }

  /** A milestone cell as 1 (done) or 0; null when blank or reported as a problem. */
  private milestoneValue(raw: string, row: number, column: number): { value: number; level: boolean } | null {
    const answer = parseYesNo(raw);
    if (answer === undefined) this.problem('row.not-yes-no', { value: raw.trim() }, row, column, raw);
    return answer === null || answer === undefined ? null : { value: answer, level: false };
  }

  /**
   * A number cell in the target's unit, exactly converted; or, for a growth or change target
   * given in another unit than %, the level of the indicator in its base unit. Null when blank
   * or reported as a problem.
   */
  private numberValue(target: Target, raw: string, unitCell: string, row: number, column: number): { value: number; level: boolean } | null {
    const reading = parseCell(raw);
    if (reading.kind === 'missing') return null;
    if (reading.kind === 'invalid') {
      this.problem('row.not-a-number', { value: raw.trim() }, row, column, raw);
      return null;
    }
    const written = reading.percent ?? reading.unit ?? (unitCell === '' ? target.unit : unitCell);
    const targetScale = this.targetScales[target.index] ?? unitScale(target.unit);
    if (reading.percent !== null && targetScale.base !== '%') {
      this.problem('row.percent-not-percent', { value: raw.trim(), id: target.id, unit: target.unit }, row, column, raw);
      return null;
    }
    const writtenScale = unitScale(written);
    if ((target.kind === 'cagr' || target.kind === 'change') && targetScale.base === '%' && writtenScale.base !== '%') {
      // A level of the indicator itself (亿元, 件): the growth or change is computed from levels.
      return { value: scaleDigits(reading.digits, writtenScale.exponent), level: true };
    }
    const exponent = conversionExponent(written, target.unit);
    if (exponent === null) {
      const unitColumn = reading.unit === null && unitCell !== '' ? (this.columns.unit ?? column) : column;
      this.problem('row.unit-mismatch', { actual: written, id: target.id, unit: target.unit }, row, unitColumn, raw);
      return null;
    }
    return { value: exponent === 0 ? reading.value : scaleDigits(reading.digits, exponent), level: false };
  }

  private readFigure(target: Target, record: string[], column: number, year: number, region: string, unitCell: string, row: number): void {
    const raw = record[column] ?? '';
    const figure = target.kind === 'milestone' ? this.milestoneValue(raw, row, column) : this.numberValue(target, raw, unitCell, row, column);
    if (figure === null) return;
    const { value, level } = figure;
    const { baselineYear, period } = this.plan;
    if (year < baselineYear || year > period.end) {
      return this.problem('row.year-outside-period', { year, start: baselineYear, end: period.end }, row, this.columns.year ?? column);
    }
    const earlier = this.store.set(region, target.index, year, value, { file: this.fileIndex, row }, level);
    if (earlier) {
      const other = `${this.names[earlier.file] ?? ''}:${earlier.row}`;
      const code = region === '' ? 'row.duplicate' : 'row.duplicate-in-region';
      return this.problem(code, { id: target.id, year, region, other }, row, column, raw);
    }
    this.input.figures++;
  }
}

/** How many distinct texts a memo keeps before it starts afresh; bounds memory on hostile input. */
const MEMO_LIMIT = 4096;

/** Wraps a pure text function so that a text seen recently is not worked on again. */
function memo(compute: (raw: string) => string): (raw: string) => string {
  const seen = new Map<string, string>();
  let lastRaw: string | undefined;
  let last = '';
  return (raw) => {
    if (raw === lastRaw) return last;
    let result = seen.get(raw);
    if (result === undefined) {
      result = compute(raw);
      if (seen.size >= MEMO_LIMIT) seen.clear();
      seen.set(raw, result);
    }
    lastRaw = raw;
    last = result;
    return result;
  };
}

/** Target ids as people type them: full-width, lower-case, padded. */
function normaliseId(raw: string): string {
  return raw.normalize('NFKC').trim().toUpperCase();
}

/** A 0-based column index as a spreadsheet letter: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
