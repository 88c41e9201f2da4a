import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import { fileRange } from '../file-chunks.js';
import { INPUT_SIZE_LIMIT } from '../read-bounded.js';
import { collectReadGarbage, steadyHeap } from '../steady-heap.js';
import { readFastLong, type FastFigure, type FastLongLayout } from './fast-long-reader.js';
import { UNKNOWN_ROW, type StoreData } from './figure-store.js';
import type { ReadContext } from './read-context.js';
import type { RangeEvent, RangeScan } from './scan-range.js';
import type { ScanWorkerData } from './scan-worker.js';
import type { TableReader } from './table-reader.js';

/** Smaller files are read in one thread: a worker's start (~40 ms) and its own heap would cost more than they save. */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;

/** How files were read in two threads in this process (by a worker, or here when none could be used): for tests and diagnostics. */
export const parallelReads = { worker: 0, inThread: 0, workerLines: 0 };

/** Where the normal path takes over from the fast path: at physical line `line`, whose bytes `rest` yields first. */
export interface Handover {
  line: number;
  rest: AsyncIterable<Uint8Array>;
}

/** What reading the file gave: data rows read, and the hand-over, if any. */
export interface FastRead {
  rows: number;
  fallback: Handover | null;
}

/** True when a file is worth reading in two threads. */
export async function readInParallel(path: string | undefined, minBytes = PARALLEL_MIN_BYTES): Promise<boolean> {
  if (path === undefined) return false;
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size < minBytes || stat.size > INPUT_SIZE_LIMIT) return false;
  } catch {
    return false;
  }
  // Loaded only for a large file: a small check starts without them.
  const { availableParallelism } = await import('node:os');
  return availableParallelism() >= 2 && existsSync(packagePath('dist', 'bundle', 'scan-worker.cjs'));
}

/**
 * Reads a large plain long-format file in two parts at once: a worker thread reads the second
 * part (scan-worker.ts) while this thread reads the first, then the worker's figures are merged
 * into the store as if read here, with the same remarks, errors and row numbers as one thread
 * gives (a differential test compares both). `figureSink(rowOffset)` is what the caller does
 * with each figure it reads itself, in a run of the fast reader whose rows follow `rowOffset` lines.
 * A line either thread leaves to the table reader is read by it here, in its place: the worker
 * sends it back between segments of its figures. When the first half must be handed to the
 * normal path, the worker's work is dropped; when the worker cannot be used, the second half is read here.
 */
export async function readLongInParallel(
  path: string,
  layout: FastLongLayout,
  ctx: ReadContext,
  table: TableReader,
  tableIndex: number,
  figureSink: (rowOffset: number) => (figure: FastFigure) => void,
): Promise<FastRead> {
  const split = splitPoint(path);
  const { plan, store } = ctx;
  const data: ScanWorkerData = { path, start: split, layout, plan: { targets: plan.targets, baselineYear: plan.baselineYear, endYear: plan.period.end } };
  if (ctx.rowPolicy !== undefined) data.plan.rows = ctx.rowPolicy;
  if (store.status) data.plan.status = store.status;
  const { Worker } = await import('node:worker_threads');
  longRunBudget(await import('node:v8'));
  const worker = new Worker(packagePath('dist', 'bundle', 'scan-worker.cjs'), { workerData: data });
  const scanned = new Promise<RangeScan | null>((resolve) => {
    worker.once('message', (message: RangeScan | { error: string }) => resolve('error' in message ? null : message));
    // Kept for the worker's whole life: an 'error' with no listener would end the process.
    worker.on('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  // A plain odd line of this thread's reading goes to the table reader, as one thread reads it.
  const lineSink = (rowOffset: number) => (cells: string[], line: number): void => table.push(cells, line + rowOffset);
  // The fast reader copies what it keeps: one buffer serves every read.
  const first = await readFastLong(restoringFlags(fileRange(path, 0, split, undefined, true)), layout, plan.targets, figureSink(0), lineSink(0));
  if (first.fallback) {
    await worker.terminate();
    return { rows: first.rows, fallback: { line: first.fallback.line, rest: chain(first.fallback.rest, fileRange(path, split)) } };
  }
  // While the worker reads on, this thread's garbage is collected: the worker's heap is at its
  // largest as it ends, and the two together are the run's peak of memory.
  await collectReadGarbage();
  const scan = await scanned;
  await worker.terminate();
  if (!scan || scan.overflow) {
    parallelReads.inThread++;
    // Read here, as one thread reads it: the rows go on from the first half's.
    const second = await readRest(path, split, first.lines, layout, ctx, figureSink, lineSink);
    return { rows: first.rows + second.rows, fallback: second.fallback };
  }
  parallelReads.worker++;
  // Each segment of the worker's figures, then the line after it that the table reader reads, as one thread meets them.
  const end = scan.fallback?.line ?? Infinity;
  for (const [k, segment] of scan.segments.entries()) {
    const next = scan.lines[k];
    const range = { from: segment.from, to: next?.line ?? end };
    const events = scan.events.filter((event) => event.line >= range.from && event.line < range.to);
    await mergeScan(segment.store, events, path, split, range, first.lines, layout, ctx, table, tableIndex);
    if (!next) continue;
    table.push(next.cells, first.lines + next.line);
    parallelReads.workerLines++;
  }
  if (!scan.fallback) return { rows: first.rows + scan.rows, fallback: null };
  // The worker stops at a line the normal path reads otherwise (or past its share of lines for
  // the table reader): from there, this thread reads on as one thread would, into the store the
  // worker's figures are now in, so later figures meet the earlier ones in file order.
  const rest = await readRest(path, split + scan.fallback.offset, first.lines + scan.fallback.line - 1, layout, ctx, figureSink, lineSink);
  return { rows: first.rows + scan.rows + rest.rows, fallback: rest.fallback };
}

/** Reads the file from byte `start`, the start of the line after line `lines`, in this thread: every line is data. */
async function readRest(
  path: string,
  start: number,
  lines: number,
  layout: FastLongLayout,
  ctx: ReadContext,
  figureSink: (rowOffset: number) => (figure: FastFigure) => void,
  lineSink: (rowOffset: number) => (cells: string[], line: number) => void,
): Promise<FastRead> {
  const chunks = restoringFlags(fileRange(path, start, undefined, undefined, true));
  const read = await readFastLong(chunks, { ...layout, headerLine: 0 }, ctx.plan.targets, figureSink(lines), lineSink(lines));
  return { rows: read.rows, fallback: read.fallback ? { line: lines + read.fallback.line, rest: read.fallback.rest } : null };
}

/** V8's own interrupt budget (Node 20), the count of bytecodes run before a function is looked at for optimising. */
const DEFAULT_INTERRUPT_BUDGET = 67_584;

/**
 * Gives the optimising compiler back its default budget (the bin raises it sixfold so that short
 * runs do not pay for optimising code they hardly use): a file read in two threads is a run of a
 * second or more, whose line scans run best optimised early. V8's flags are the process's; the
 * worker's start sets them back to the command line's anyway (see steady-heap.ts), at a moment
 * of its own: set here, both threads have the default budget from the start. Measured at 5M rows
 * (3 runs each, machine loaded): the worker's scan about 7 % faster.
 */
function longRunBudget(v8: typeof import('node:v8')): void {
  try {
    v8.setFlagsFromString(`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`);
  } catch {
    // Only a speed-up.
  }
}

/**
 * The worker's share of the file: less than half, because it starts later (its modules load
 * while this thread reads) and its figures are merged after it ends. Measured at 5M rows (the
 * worker's end against this thread's, 4 runs each, machine loaded): with 0.44 the worker ended
 * about 125 ms first, with 0.50 about 100 ms after, with 0.47 about 25 ms first.
 */
export const WORKER_SHARE = 0.47;

/** The start of the first line after the worker's share begins (or the file's end, when none starts after it). */
function splitPoint(path: string): number {
  const size = statSync(path).size;
  const probe = Buffer.alloc(Math.min(1 << 20, size));
  const middle = Math.floor(size * (1 - WORKER_SHARE));
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, probe, 0, probe.length, middle);
    const newline = probe.subarray(0, read).indexOf(10);
    return newline < 0 ? size : middle + newline + 1;
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts one segment of a worker's figures (the part's lines `range.from` to `range.to`, not
 * included) into the store and says its remarks, in row order, as one thread would.
 */
async function mergeScan(
  data: StoreData, segmentEvents: RangeEvent[], path: string, start: number, range: { from: number; to: number }, rowOffset: number,
  layout: FastLongLayout, ctx: ReadContext, table: TableReader, tableIndex: number,
): Promise<void> {
  const { plan, store } = ctx;
  const crossing: { region: string; target: number; year: number }[] = [];
  const taken = store.merge(data, tableIndex, rowOffset, (region, target, year) => crossing.push({ region, target, year }));
  table.addFigures(taken);
  // A figure the store had before the segment is a duplicate at its first row in the segment: that line and its
  // cell as written are found by reading the part again (rare; the part's store may keep no rows).
  const firsts = crossing.length > 0 ? await firstFigures(path, start, range, layout, ctx, crossing) : new Map<string, { line: number; value: string }>();
  const events: RangeEvent[] = [...segmentEvents];
  for (const c of crossing) {
    const first = firsts.get(cellKey(c.region, c.target, c.year));
    if (!first) throw new Error(`parallel reader: no figure of ${c.region} ${c.target} ${c.year} in the segment`);
    events.push({ kind: 'duplicate', line: first.line, target: c.target, year: c.year, region: c.region, earlierLine: UNKNOWN_ROW, value: first.value });
  }
  // One thread says a row's scale remark before its error; rows in order.
  const rank = (event: RangeEvent): number => (event.kind === 'scale' ? 0 : 1);
  events.sort((a, b) => a.line - b.line || rank(a) - rank(b));
  for (const event of events) {
    const row = event.line + rowOffset;
    if (event.kind === 'scale') table.fastRemark(row, event.code, event.params, event.severity);
    else if (event.kind === 'year') table.fastYearOutside(row, event.year);
    else {
      const target = plan.targets[event.target];
      if (!target) throw new Error(`parallel reader: no target ${event.target}`);
      // The figure kept is the first in the file: the first half's, else the second half's first.
      const earlier = store.sourceAt(event.region, event.target, event.year) ?? { file: tableIndex, row: event.earlierLine === UNKNOWN_ROW ? UNKNOWN_ROW : event.earlierLine + rowOffset };
      table.fastDuplicate(target, event.year, event.region, earlier, row, event.value);
    }
  }
}

function cellKey(region: string, target: number, year: number): string {
  return `${target}\u0000${year}\u0000${region}`;
}

/**
 * The first figure of each of some cells in the lines `range.from` to `range.to` (not included)
 * of a part of the file (lines counted from 1 at `start`), read as the worker read the part: its
 * line and its value cell as written.
 */
async function firstFigures(
  path: string, start: number, range: { from: number; to: number }, layout: FastLongLayout, ctx: ReadContext, cells: { region: string; target: number; year: number }[],
): Promise<Map<string, { line: number; value: string }>> {
  const wanted = new Set(cells.map((c) => cellKey(c.region, c.target, c.year)));
  const found = new Map<string, { line: number; value: string }>();
  const { baselineYear, period } = ctx.plan;
  const read = await readFastLong(fileRange(path, start, undefined, undefined, true), { ...layout, headerLine: 0 }, ctx.plan.targets, (figure) => {
    // A year outside the plan's period is not stored, so it is no cell's first figure.
    if (figure.year < baselineYear || figure.year > period.end || figure.row < range.from) return;
    const key = cellKey(figure.regionName, figure.target, figure.year);
    if (wanted.has(key) && !found.has(key)) found.set(key, { line: figure.row, value: figure.valueText() });
    // The lines the table reader read are passed over, up to the segment's end.
  }, (_cells, line) => line < range.to);
  // The rest of the part, past the segment, is not read.
  await read.fallback?.rest[Symbol.asyncIterator]().return?.();
  return found;
}

/**
 * The chunks, with a summary's steady heap set now and then (`steadyHeap`: a large file is a
 * long run, whose peak memory should not grow with it): the worker's start, at a moment of its
 * own while this thread reads, sets V8's flags back.
 */
async function* restoringFlags(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let n = 0;
  for await (const chunk of chunks) {
    if (n++ % 16 === 0) steadyHeap();
    yield chunk;
  }
  steadyHeap();
}

async function* chain(...parts: AsyncIterable<Uint8Array>[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield* part;
}
