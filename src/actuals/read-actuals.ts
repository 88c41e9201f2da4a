import type { Plan } from '../plan/types.js';
import { ioReason, type Problem } from '../problem.js';
import type { Encoding } from './decode.js';
import { UNKNOWN_ROW, type FigureStore } from './figure-store.js';
import { rowKeeper, rowPolicy } from './row-policy.js';
import { statusCells, statusHidesRollUp } from './status-cells.js';
import { readCsvFast } from './read-csv-fast.js';
import type { OpenedBytes } from './read-csv-table.js';
import { ReadContext, type Notice } from './read-context.js';
import { TableReader, type TableEnd } from './table-reader.js';
import { MAX_WORKBOOK_BYTES } from './workbook-limits.js';

export { columnLetter } from './read-context.js';
export { guessDelimiter } from './guess-delimiter.js';
export type { Notice } from './read-context.js';

/** A file of actuals to read: its name for messages and a way to open its bytes. */
export interface ActualsSource {
  name: string;
  open(): AsyncIterable<Uint8Array>;
  /** The file's path when it is a file on disk (not stdin): a large one may then be read in parts at once. */
  path?: string;
}

/** What was learnt about one table read: a CSV file, or one sheet of a workbook. */
export interface ActualsInput {
  /** The file, and for a workbook's sheet the sheet too: `book.xlsx[完成情况]`. */
  file: string;
  // The fields below are always set by the reader; optional so that hand-made reports stay valid.
  /** The sheet's name in a workbook; null for a CSV. */
  sheet?: string | null;
  format?: 'csv' | 'xlsx' | 'xls';
  encoding: Encoding | null;
  bom: boolean;
  delimiter: string | null;
  layout: 'long' | 'wide' | null;
  /** The row the header was found on (1 unless title rows stand above it). */
  headerRow?: number | null;
  /** Data rows read, the header, titles, subtotals and footnotes not counted. */
  rows: number;
  figures: number;
  /** True when a long table has no year column: each figure is then dated by its target's deadline (absent otherwise). */
  undated?: boolean;
  /** Warnings and notices about this table (up to the cap). */
  notices?: Notice[];
}

/** The figures submitted, where they came from, and every input error found. */
export interface Actuals {
  store: FigureStore;
  inputs: ActualsInput[];
  /** The first problems found (up to the cap), in file order. */
  problems: Problem[];
  /** How many problems there were in all, including those past the cap. */
  problemCount: number;
  /** Warnings and notices of every table, in file order (up to the cap). */
  notices: Notice[];
  noticeCount: number;
  /** How many of the notices are warnings (a likely misreading, such as a figure 10⁴ off its target's scale); all are counted. */
  warningCount?: number;
}

/** Options for reading actuals. */
export interface ReadActualsOptions {
  encoding?: Encoding;
  /** How many problems (and notices) to keep; all are still counted. */
  maxProblems?: number;
  /** Sheets of workbooks to read, by name; absent: every sheet with a header. */
  sheets?: string[];
  /** Internal: false reads every CSV through the normal path (the differential tests compare both). */
  fast?: boolean;
  /** Internal: false reads every file in one thread; a number is the size from which a file is read in two (tests use small files). */
  parallel?: boolean | number;
  /**
   * False: keep the row of a figure only where a report without detail (a summary) names it (see
   * row-policy.ts), 4 bytes less a figure; the row a duplicate repeats is then found by reading
   * the files again. Only when every source is a file on disk (a path): else every row is kept.
   */
  keepRows?: boolean;
  /**
   * With `keepRows` false, for a run that only counts (a summary, without decomposed targets):
   * keep each final level's figure as "met" or "not met" only (see `StatusCells`), 2 bits instead
   * of 4 bytes a figure; the files are read again keeping values when a roll-up would add them up.
   * The store's `series`, `value` and `valueAt` then throw for those cells.
   */
  statusOnly?: boolean;
}

const DEFAULT_MAX_PROBLEMS = 10_000;
/** Bytes read before deciding what a file is; also the size of each read (64 KiB measured faster than 256 KiB). */
const SNIFF_BYTES = 64 * 1024;

/** Reads every source in turn into one store; a figure given twice anywhere is an error. */
export async function readActuals(sources: ActualsSource[], plan: Plan, options: ReadActualsOptions = {}): Promise<Actuals> {
  const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const problems: Problem[] = [];
  const notices: Notice[] = [];
  let problemCount = 0;
  let noticeCount = 0;
  let warningCount = 0;
  const sink = (problem: Problem): void => {
    problemCount++;
    if (problems.length < maxProblems) problems.push(problem);
  };
  const notice = (item: Notice, input: ActualsInput): void => {
    noticeCount++;
    if (item.severity === 'warning') warningCount++;
    if (notices.length < maxProblems) {
      notices.push(item);
      (input.notices ??= []).push(item);
    }
  };
  // Only files on disk can be read again (for a duplicate's row, or a roll-up's values).
  const again = options.keepRows === false && sources.every((source) => source.path !== undefined);
  const policy = again ? rowPolicy(plan) : undefined;
  const status = again && options.statusOnly === true ? statusCells(plan) : undefined;
  const ctx = new ReadContext(plan, sink, notice, policy === undefined ? undefined : rowKeeper(policy), policy, undefined, status);
  ctx.maxProblems = maxProblems;
  const inputs: ActualsInput[] = [];
  for (const source of sources) await readSource(source, ctx, inputs, options);
  await findUnknownRows(ctx, sources, plan, options);
  // Rare: every town has a figure that the plan level's roll-up adds up, so its value is needed: read again keeping values.
  if (status && statusHidesRollUp(plan, ctx.store, status)) return readActuals(sources, plan, { ...options, statusOnly: false });
  return { store: ctx.store, inputs, problems, problemCount, notices, noticeCount, warningCount };
}

/**
 * Fills in the rows a store that keeps few rows did not know: the earlier row each kept duplicate
 * problem names, and the rows of figures merged without them. They are the rows of the first
 * figures of those cells, so the sources are read again as they were read (in one thread), into
 * a store that keeps only those regions' figures, with their rows.
 */
async function findUnknownRows(ctx: ReadContext, sources: ActualsSource[], plan: Plan, options: ReadActualsOptions): Promise<void> {
  const missing = ctx.store.takeRowsMissing();
  const duplicates = ctx.unknownEarlier.splice(0);
  if (missing.length === 0 && duplicates.length === 0) return;
  const cells = [...missing, ...duplicates];
  const regions = new Set(cells.map((cell) => cell.region));
  // Only those regions' figures are kept: the second reading costs no memory for the others.
  const wanted = (region: string): boolean => regions.has(region);
  const again = new ReadContext(plan, () => {}, () => {}, wanted, undefined, wanted);
  const inputs: ActualsInput[] = [];
  for (const source of sources) await readSource(source, again, inputs, { ...options, parallel: false });
  for (const { region, target, year } of missing) {
    const source = again.store.sourceAt(region, target, year);
    if (source) ctx.store.setRow(region, target, year, source.row);
  }
  for (const { problem, region, target, year } of duplicates) {
    const source = again.store.sourceAt(region, target, year);
    // A file changed since it was read keeps the '?' it was given.
    if (source && source.row !== UNKNOWN_ROW) problem.params.other = `${again.tableNames[source.file] ?? ''}:${source.row}`;
  }
}

function newInput(file: string, sheet: string | null, format: ActualsInput['format']): ActualsInput {
  return { file, sheet, format, encoding: null, bom: false, delimiter: null, layout: null, headerRow: null, rows: 0, figures: 0, notices: [] };
}

/** Adds a table to the run: its index is what figures keep to say where they came from. */
function addTable(ctx: ReadContext, inputs: ActualsInput[], input: ActualsInput): number {
  inputs.push(input);
  ctx.tableNames.push(input.file);
  return inputs.length - 1;
}

async function readSource(source: ActualsSource, ctx: ReadContext, inputs: ActualsInput[], options: ReadActualsOptions): Promise<void> {
  const file = source.name;
  let opened: OpenedBytes;
  try {
    opened = await openBytes(source);
  } catch (error) {
    ctx.sink({ code: 'file.unreadable', params: { file, ...ioReason(error) }, file });
    addTable(ctx, inputs, newInput(file, null, 'csv'));
    return;
  }
  const { head } = opened;
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const cfb = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (zip || cfb) return readWorkbookSource(opened, file, zip ? 'zip' : 'cfb', ctx, inputs, options);
  const input = newInput(file, null, 'csv');
  const index = addTable(ctx, inputs, input);
  if (head.length === 0) {
    await opened.rest.return?.();
    ctx.sink({ code: 'csv.empty', params: {}, file });
    return;
  }
  const table = new TableReader(ctx, input, index, true, false);
  const read = options.fast !== false && (await readCsvFast(opened, input, table, index, ctx, options.encoding, ctx.sink, source.path, options.parallel ?? true));
  // The normal path (Papa Parse, a Node stream) is loaded only for a file the fast path does not read whole.
  if (!read) await (await import('./read-csv-table.js')).readCsvTable(opened, input, table, options.encoding, ctx.sink);
  if (input.encoding !== null) table.finish();
}

/** Reads the first bytes of a source, enough to tell a workbook from a text file. */
async function openBytes(source: ActualsSource): Promise<OpenedBytes> {
  const rest = source.open()[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let exhausted = false;
  while (length < SNIFF_BYTES) {
    const next = await rest.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.byteLength;
  }
  return { head: Buffer.concat(chunks), rest, exhausted };
}

async function readWorkbookSource(
  opened: OpenedBytes, file: string, kind: 'zip' | 'cfb', ctx: ReadContext, inputs: ActualsInput[], options: ReadActualsOptions,
): Promise<void> {
  const format = kind === 'zip' ? 'xlsx' : 'xls';
  const fail = (code: Problem['code'], params: Problem['params']): void => {
    addTable(ctx, inputs, newInput(file, null, format));
    ctx.sink({ code, params: { file, ...params }, file });
  };
  // The whole file is needed (a zip's directory is at its end), read up to the limit and no further.
  const chunks: Uint8Array[] = [opened.head];
  let size = opened.head.length;
  try {
    while (!opened.exhausted) {
      const next = await opened.rest.next();
      if (next.done) break;
      chunks.push(next.value);
      size += next.value.byteLength;
      if (size > MAX_WORKBOOK_BYTES) {
        await opened.rest.return?.();
        return fail('workbook.too-large', { size: `> ${MAX_WORKBOOK_BYTES}`, limit: MAX_WORKBOOK_BYTES });
      }
    }
  } catch (error) {
    return fail('file.unreadable', ioReason(error));
  }
  const { readWorkbook } = await import('./read-workbook.js');
  const book = await readWorkbook(Buffer.concat(chunks), kind);
  if (!book.ok) return fail(book.code, book.params);
  const wanted = options.sheets?.map((name) => name.normalize('NFKC').trim());
  const sheets = wanted ? book.sheets.filter((sheet) => wanted.includes(sheet.name.normalize('NFKC').trim())) : book.sheets;
  for (const name of wanted ?? []) {
    if (!book.sheets.some((sheet) => sheet.name.normalize('NFKC').trim() === name)) {
      fail('workbook.no-such-sheet', { sheet: name, sheets: book.names.join(', ') });
    }
  }
  const ends: { end: TableEnd; input: ActualsInput }[] = [];
  for (const sheet of sheets) {
    const input = newInput(`${file}[${sheet.name}]`, sheet.name, format);
    const index = addTable(ctx, inputs, input);
    // A hidden sheet is a draft or old data, not what the analyst sees: read only when picked by --sheet.
    if (sheet.hidden && !wanted) {
      ctx.notice({ code: 'notice.sheet-hidden', params: { sheet: sheet.name }, file: input.file, severity: 'notice' }, input);
      continue;
    }
    // A sheet picked by --sheet must have a header; otherwise a sheet without one is skipped.
    const table = new TableReader(ctx, input, index, false, true);
    table.describeSheet(sheet.rows.reduce((width, row) => Math.max(width, row?.length ?? 0), 0), sheet.hiddenRows, sheet.hiddenColumns);
    for (let r = 0; r < sheet.rows.length && !table.stopped; r++) table.push(sheet.rows[r] ?? [], r + 1);
    ends.push({ end: table.finish(), input });
  }
  // When no sheet has a header, the faults of the sheet that came closest are the ones to show.
  const anyRead = ends.some(({ end }) => end.header);
  const closest = anyRead ? null : ends.reduce<TableEnd | null>((best, { end }) => (best === null || end.score > best.score ? end : best), null);
  for (const { end, input } of ends) {
    if (end.header) continue;
    if (wanted || end === closest) for (const problem of end.problems) ctx.sink(problem);
    else ctx.notice({ code: 'notice.sheet-skipped', params: { sheet: input.sheet ?? '' }, file: input.file, severity: 'notice' }, input);
  }
  if (sheets.length === 0 && !wanted) fail('workbook.no-header', { sheets: book.names.join(', ') });
}
