import type { Problem } from '../problem.js';
import { createDecoder, sniffEncoding, type Encoding } from './decode.js';
import { readFastLong, type FastFigure, type FastLongLayout } from './fast-long-reader.js';
import { readInParallel, readLongInParallel, type FastRead } from './read-csv-parallel.js';
import { excelSeparatorLine, guessDelimiter } from './guess-delimiter.js';
import { HeaderScan, MAX_COLUMNS, type FoundHeader } from './header-scan.js';
import type { ActualsInput } from './read-actuals.js';
import type { ReadContext } from './read-context.js';
import type { OpenedBytes } from './read-csv-table.js';
import { MAX_FIELD, type TableReader } from './table-reader.js';

/** Roles the fast path reads; any other column (a name, a note, a form target) needs the normal path. */
const FAST_ROLES = new Set(['id', 'value', 'year', 'region', 'unit', 'ignored']);
/** Lines of the head looked at to settle the header (it is settled by the first non-blank line after it). */
const PROBE_LINES = 8;

/** A plain long-format header on line 1, as the normal path would take it, with nothing to say about it. */
interface Probe {
  header: FoundHeader;
  layout: FastLongLayout;
}

/**
 * Reads a plain long-format UTF-8 CSV through the byte-level reader: a line it does not read
 * itself but that splits plainly goes to the table reader alone; at a line that does not (a
 * quote, a lone CR, bad bytes, an over-long field), the rest of the file goes to the normal
 * path, with the same header, store and sink.
 * Returns false, having consumed nothing, when the file is not such a file: the caller reads it.
 */
export async function readCsvFast(
  opened: OpenedBytes,
  input: ActualsInput,
  table: TableReader,
  tableIndex: number,
  ctx: ReadContext,
  encodingOverride: Encoding | undefined,
  sink: (problem: Problem) => void,
  /** The file's path, when it is a file that can be read by position (a large one is then read in two threads). */
  path?: string,
  /** False: one thread; a number: the size from which a file is read in two. */
  parallel: boolean | number = true,
): Promise<boolean> {
  const sniff = sniffEncoding(opened.head.subarray(0, 64 * 1024), encodingOverride);
  if (!sniff.ok || sniff.encoding !== 'utf-8') return false;
  // Only the lines the probe looks at are decoded (a cut at a newline splits no character): the
  // text after them would be a string made, split and dropped.
  const head = opened.head.subarray(sniff.bomLength);
  const cut = probedBytes(head);
  const text = createDecoder('utf-8').write(cut < 0 ? head : head.subarray(0, cut));
  const probe = probeHeader(text, cut < 0 && opened.exhausted, ctx.plan.baselineYear, tableIndex);
  if (!probe) return false;
  input.encoding = 'utf-8';
  input.bom = sniff.bomLength > 0;
  input.delimiter = probe.layout.delimiter;
  table.adoptHeader(probe.header);
  const { plan, store } = ctx;
  /** What is done with each figure read by one run of the fast reader, whose rows start after `rowOffset` lines. */
  const figureSink = (rowOffset: number): ((figure: FastFigure) => void) => {
    // The store's slot of each region the fast reader numbers, looked up once per region.
    const slots: number[] = [];
    return (figure) => {
      const target = plan.targets[figure.target];
      if (!target) throw new Error(`fast reader: no target ${figure.target}`);
      let slot = slots[figure.region] ?? -1;
      if (slot < 0) {
        slot = store.findSlot(figure.regionName);
        if (slot >= 0) slots[figure.region] = slot;
      }
      table.fastFigure(target, figure.year, figure.regionName, slot, figure.value, figure.code, figure.row + rowOffset, figure.valueText);
    };
  };
  let result: FastRead;
  if (parallel !== false && path !== undefined && (await readInParallel(path, parallel === true ? undefined : parallel))) {
    // The file is read again by position: the bytes already taken are not needed.
    await opened.rest.return?.();
    result = await readLongInParallel(path, probe.layout, ctx, table, tableIndex, figureSink);
  } else {
    // A line that is odd but plain is read by the table reader where it stands, as the normal path would read it.
    const read = await readFastLong(allBytes(opened), probe.layout, plan.targets, figureSink(0), (cells, line) => table.push(cells, line));
    result = { rows: read.rows, fallback: read.fallback };
  }
  table.addRows(result.rows);
  const fallback = result.fallback;
  if (fallback) {
    // The probe read line 1 whole and plain, so the hand-over is always past the header.
    if (fallback.line < 2) throw new Error('fast reader handed over inside the header');
    const rest = fallback.rest[Symbol.asyncIterator]();
    const resume = { delimiter: probe.layout.delimiter, records: fallback.line - 1 };
    // Loaded only now: a file read whole by the fast path starts without Papa Parse.
    const { readCsvTable } = await import('./read-csv-table.js');
    await readCsvTable({ head: Buffer.alloc(0), rest, exhausted: false }, input, table, 'utf-8', sink, resume);
  }
  return true;
}

async function* allBytes(opened: OpenedBytes): AsyncGenerator<Uint8Array> {
  yield opened.head;
  if (opened.exhausted) return;
  for (;;) {
    const next = await opened.rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** The length of the first PROBE_LINES lines of `head` (their newlines included), or -1 when it has fewer. */
function probedBytes(head: Uint8Array): number {
  let end = 0;
  for (let n = 0; n < PROBE_LINES; n++) {
    const newline = head.indexOf(10, end);
    if (newline < 0) return -1;
    end = newline + 1;
  }
  return end;
}

/**
 * The header as the normal path's header scan finds it, when it is the plain case: on line 1,
 * one row, no quotes or CR, only columns the fast reader knows, no unit in a header, no
 * duplicate or unknown column (each of which the normal path remarks on).
 */
function probeHeader(text: string, exhausted: boolean, baselineYear: number, tableIndex: number): Probe | null {
  if (excelSeparatorLine(text)) return null;
  const delimiter = guessDelimiter(text);
  if (delimiter.length !== 1 || !',;\t|'.includes(delimiter)) return null;
  const lines = text.split('\n');
  // The last piece is a whole line only when the head is the whole file.
  const complete = exhausted ? lines.length : lines.length - 1;
  const scan = new HeaderScan(baselineYear);
  for (let n = 0; n < Math.min(complete, PROBE_LINES); n++) {
    let line = lines[n] ?? '';
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (/["\r\ufffd\ufeff]/.test(line)) return null;
    const cells = line.split(delimiter);
    if (cells.length > MAX_COLUMNS || cells.some((cell) => cell.length > MAX_FIELD)) return null;
    const step = scan.push(cells, n + 1);
    if (step.kind === 'failed') return null;
    if (step.kind === 'found') return plainLayout(step.header, step.rowIsData, delimiter, tableIndex);
  }
  return null;
}

function plainLayout(header: FoundHeader, rowIsData: boolean, delimiter: string, tableIndex: number): Probe | null {
  const { layout } = header;
  if (header.row !== 1 || header.topRow !== null || header.skipped !== 0 || !rowIsData) return null;
  if (layout.units.size > 0 || layout.unknown.size > 0 || layout.duplicates.length > 0 || layout.yearColumns.length > 0) return null;
  // A column without a header is looked at row by row (an error where it holds data).
  if (layout.names.includes('')) return null;
  if ([...layout.roles.keys()].some((role) => !FAST_ROLES.has(role))) return null;
  const id = layout.roles.get('id');
  const value = layout.roles.get('value');
  if (id === undefined || value === undefined) return null;
  const fast: FastLongLayout = { fileIndex: tableIndex, delimiter, headerLine: 1, columns: header.width, id, value };
  const year = layout.roles.get('year');
  const region = layout.roles.get('region');
  const unit = layout.roles.get('unit');
  if (year !== undefined) fast.year = year;
  if (region !== undefined) fast.region = region;
  if (unit !== undefined) fast.unit = unit;
  return { header, layout: fast };
}
