import { formatMessage, type MessageCode } from '../messages.js';
import type { Report } from '../report/types.js';
import { ByteChunks, chunkTexts } from './byte-chunks.js';
import { DEFAULT_WIDTH, type ChunkFormatter, type Formatter, type FormatOptions } from './formatter.js';
import { fitColumns, layoutRows, type Column, type Row } from './layout-table.js';
import { painter, type Painter } from './paint.js';
import { writeMatrix } from './table-matrix.js';
import { displayWidth } from './text-width.js';
import { wrapText } from './wrap-text.js';
import { keysByRank } from '../report/listed-results.js';
import { noteOf, viewReport, viewResult, type ReportView, type ResultView, type Tone } from './view.js';

/** Below this width results are stacked line by line instead of in columns. */
const MIN_COLUMNS_WIDTH = 40;

/** Lines wrapped to `width`, each painted after wrapping. */
export function wrapped(text: string, width: number, paint: (line: string) => string = (line) => line): string[] {
  return wrapText(text, width).map(paint);
}

/** One region's results as a listing: a table when it fits the width, stacked lines when not. */
function* listing(view: ReportView, results: ResultView[], width: number, paint: Painter): Generator<string> {
  const { lang } = view;
  const word = (code: MessageCode): string => formatMessage(code, {}, lang);
  const notes = results.map((result) => noteOf(result, lang));
  const base: Column[] = [
    { header: word('word.id'), min: 4, max: 10, whole: true },
    { header: word('word.indicator'), min: 8, max: 40, flex: true },
    { header: word('word.target'), min: 6, max: 22 },
    { header: word('word.actual'), min: 6, max: 16, whole: true },
    { header: word('word.gap'), min: 4, max: 18, align: 'right', whole: true },
    { header: word('word.status'), min: 4, max: 16 },
  ];
  const cellsOf = (result: ResultView): string[] => [result.id, result.indicator, result.target, result.actual, result.gap, result.status];
  const rows = (withReason: boolean): Row[] => {
    const out: Row[] = [];
    let group = -1;
    results.forEach((result, i) => {
      if (result.group !== group && !sorted(view)) {
        group = result.group;
        out.push({ kind: 'title', text: view.groupTitle(group) });
      }
      const tag = result.tone;
      if (withReason) out.push({ kind: 'cells', cells: [...cellsOf(result), notes[i]!], tag });
      else {
        out.push({ kind: 'cells', cells: cellsOf(result), tag });
        if (notes[i]) out.push({ kind: 'note', text: `${word('view.reason')}${lang === 'zh' ? ':' : ': '}${notes[i]}`, tag });
      }
    });
    return out;
  };
  const reasonColumn: Column = { header: word('view.reason'), min: 20, max: 120, flex: true };
  const anyNote = notes.some((note) => note !== '');
  let columns = [...base, reasonColumn];
  let body = rows(true);
  let widths = anyNote ? fitColumns(columns, body, width) : null;
  // A reason column only when it gets room for most reasons; else reasons go on a line of their own.
  if (!widths || widths[6]! < Math.min(30, notes.reduce((most, note) => Math.max(most, displayWidth(note)), 0))) {
    columns = base;
    body = rows(false);
    widths = fitColumns(columns, body, width);
  }
  if (!widths || width < MIN_COLUMNS_WIDTH) {
    yield* stacked(view, results, notes, width, paint);
    return;
  }
  const colour = (text: string, role: { column: number | 'title' | 'note' | 'header'; tag?: string }): string => {
    if (role.column === 'header' || role.column === 'title') return paint.bold(text);
    if (role.column === 5 && role.tag) return paint.tone(role.tag as Tone, text);
    if (role.column === 'note' || role.column === 6) return role.tag === 'good' ? text : paint.dim(text);
    return text;
  };
  yield* layoutRows(columns, body, widths, width, colour);
}

function sorted(view: ReportView): boolean {
  return view.sort === 'status';
}

/** Results one under another, for widths too narrow for columns. */
function* stacked(view: ReportView, results: ResultView[], notes: string[], width: number, paint: Painter): Generator<string> {
  const { lang } = view;
  const colon = lang === 'zh' ? ':' : ': ';
  const word = (code: MessageCode): string => formatMessage(code, {}, lang);
  let group = -1;
  for (const [i, result] of results.entries()) {
    if (result.group !== group && !sorted(view)) {
      group = result.group;
      yield* wrapped(view.groupTitle(group), width, paint.bold);
    }
    yield* wrapped(`${result.symbol} ${result.id} ${result.indicator}`, width);
    const figures = [`${word('word.target')}${colon}${result.target}`, `${word('word.actual')}${colon}${result.actual || '—'}`];
    if (result.gap) figures.push(`${word('word.gap')}${colon}${result.gap}`);
    yield* wrapped(figures.join('  '), width);
    yield* wrapped(result.status, width, (line) => paint.tone(result.tone, line));
    if (notes[i]) yield* wrapped(notes[i]!, width, paint.dim);
  }
}

const LINE_BREAK = new Uint8Array([10]);

/** Appends a line and its line break. */
function writeLine(out: ByteChunks, line: string): void {
  out.text(line);
  out.bytes(LINE_BREAK);
}

/** Appends each line; stops whenever `out` holds a chunk's worth. Returns whether there was any. */
function* writeLines(out: ByteChunks, lines: Iterable<string>): Generator<void, boolean> {
  let any = false;
  for (const line of lines) {
    any = true;
    writeLine(out, line);
    if (out.full) yield;
  }
  return any;
}

/** Where the summary goes: at the top and again at the bottom, with the rule that failed the run last. */
function* framed(view: ReportView, width: number, paint: Painter, out: ByteChunks, body: Generator<void, boolean>): Generator<void> {
  for (const line of view.errors) for (const part of wrapped(line, width, (text) => paint.tone('bad', text))) writeLine(out, part);
  for (const line of view.summary) for (const part of wrapped(line, width, paint.bold)) writeLine(out, part);
  out.bytes(LINE_BREAK);
  // An empty body (nothing listed) leaves one blank line between the counts, not two.
  const any = yield* body;
  if (any) out.bytes(LINE_BREAK);
  const tail: string[] = [];
  for (const line of view.checks) tail.push(...wrapped(line, width, (text) => paint.tone('warn', text)));
  // The counts again under a table, for a long one; with no table they are just above.
  if (any) for (const line of view.summary) tail.push(...wrapped(line, width, paint.bold));
  if (view.unlisted) tail.push(...wrapped(view.unlisted, width, paint.dim));
  if (view.verdict) tail.push(...wrapped(view.verdict, width, (text) => paint.tone('bad', text)));
  yield* writeLines(out, tail);
}

/** Each region's listing in turn, under its name, with its counts (`--by region`, or data without regions). */
function* byRegion(view: ReportView, width: number, paint: Painter): Generator<string> {
  // Keys, not results, grouped by region: one region's results are built and worded at a time.
  const { listed } = view;
  const groups = new Map<string, number[]>();
  for (const key of view.sort === 'status' ? keysByRank(listed) : listed.keys()) {
    const region = listed.regionOf(key);
    const list = groups.get(region);
    if (list) list.push(key);
    else groups.set(region, [key]);
  }
  for (const region of view.regions) {
    const results = (groups.get(region.key) ?? []).map((key) => viewResult(listed.get(key), view.lang, view.doubts));
    if (view.hasRegions) yield* wrapped(`${formatMessage('word.region', {}, view.lang)}${view.lang === 'zh' ? ':' : ': '}${region.label}`, width, paint.bold);
    if (results.length > 0) yield* listing(view, results, width, paint);
    if (view.hasRegions) {
      for (const line of region.summary) yield* wrapped(line, width);
      yield '';
    }
  }
}

/** The table's lines appended to `out` as UTF-8; stops whenever `out` may hold a chunk's worth. */
function* writeTable(report: Report, options: FormatOptions, out: ByteChunks): Generator<void> {
  const width = Math.max(1, Math.floor(options.width ?? DEFAULT_WIDTH));
  const paint = painter(options.color);
  const view = viewReport(report, { lang: options.lang, maxErrors: options.maxErrors, sort: options.sort, results: options.results, regions: options.regions });
  const matrix = view.hasRegions && options.by !== 'region';
  yield* framed(view, width, paint, out, matrix ? writeMatrix(view, width, paint, out) : writeLines(out, byRegion(view, width, paint)));
}

/** The table as UTF-8 chunks (`ChunkFormatter`): its lines written as bytes, the matrix's cells from bytes written once. */
export const tableChunks: ChunkFormatter = function* (report, options) {
  const out = new ByteChunks();
  for (const _ of writeTable(report, options, out)) if (out.full) yield out.take();
  if (out.length > 0) yield out.take();
};

/**
 * The gap table for a terminal, at most `width` columns wide: rows grouped by action with the
 * reason under each (or in a column when there is room); with regions, indicator × region. The
 * text of `tableChunks`, a chunk at a time.
 */
export const formatTable: Formatter = (report, options) => chunkTexts(tableChunks(report, options));
