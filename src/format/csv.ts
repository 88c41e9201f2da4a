import { formatMessage, type MessageCode } from '../messages.js';
import type { Report } from '../report/types.js';
import { emptyCell, markOf, resultOfCell } from '../report/listed-results.js';
import { ByteChunks, chunkTexts, utf8 } from './byte-chunks.js';
import type { FormatOptions, Formatter } from './formatter.js';
import { regionMatrix } from './region-matrix.js';
import { escapeSpreadsheetText, FORMULA_START } from './sanitize.js';
import { viewReport } from './view.js';
import { cellFigure, cellMark } from './view-result.js';

export { FORMULA_START } from './sanitize.js';

/** Makes a text cell inert in a spreadsheet: controls escaped, a single quote before a formula start. */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One CSV line (CRLF): text cells escaped against formulas and quoted when needed; numbers plain. */
function csvLine(cells: (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** One CSV cell: text escaped against formulas and quoted when needed; a number plain; null empty. */
function csvCell(cell: string | number | null): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = escapeSpreadsheetText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The gap table as CSV for Excel: UTF-8 with a BOM, CRLF line ends. Without regions (or with
 * `--by region`) one row per target and region with its reason; with regions, indicator × region
 * (a figure and a status column per region). Text cells are escaped against formula injection
 * and control characters; numbers stay numbers. Written row by row.
 */
export const formatCsv: Formatter = (report, options) => chunkTexts(csvChunks(report, options));

/** The CSV report (`formatCsv`) as UTF-8 chunks of about a megabyte, each valid until the next is asked for. */
export function* csvChunks(report: Report, options: FormatOptions): Generator<Uint8Array> {
  const { lang } = options;
  const out = new ByteChunks();
  const word = (code: MessageCode): string => formatMessage(code, {}, lang);
  const view = viewReport(report, { lang, maxErrors: options.maxErrors, sort: options.sort, results: options.results, regions: options.regions });
  if (view.hasRegions && options.by !== 'region') {
    const header: string[] = [word('word.id'), word('word.indicator'), word('word.target'), word('word.unit')];
    for (const region of view.regions) header.push(`${region.label} ${word('word.actual')}`, `${region.label} ${word('word.status')}`);
    out.text(`\ufeff${csvLine(header)}`);
    // A cell's status is one of a few words: escaped and encoded once each, as `,status`. A line
    // is what `csvLine` makes of its cells; a figure's number is written as String writes it.
    const marks = new Map<string, Uint8Array>();
    const count = view.regions.length;
    // A cell of a common shape (`ListedResults.cell`) is read without building its result: its
    // figure written from the cell, its status cell kept by mark, softness and shape (what
    // `cellMark` words), a milestone's done / not done by its figure (what `cellFigure` words).
    const { listed } = view;
    const quick = listed.cell !== undefined && view.doubts.size === 0;
    const into = emptyCell();
    const quickMarks: (Uint8Array | undefined)[] = [];
    const done = [false, true].map((isDone) => utf8(csvCell(formatMessage(isDone ? 'view.done' : 'view.not-done', {}, lang))));
    for (const row of regionMatrix(view, view.sort)) {
      out.text([csvCell(row.id), csvCell(row.indicator), csvCell(row.target), csvCell(row.unit)].join(','));
      for (let region = 0; region < count; region++) {
        out.bytes(COMMA);
        const key = quick ? row.key(region) : -1;
        if (key >= 0 && listed.cell!(key, into, false, false)) {
          if (into.target.kind === 'milestone') {
            if (into.hasActual) out.bytes(done[into.value === 1 ? 1 : 0]!);
          } else if (into.hasActual && Number.isFinite(into.value)) out.number(into.value);
          const at = markOf(into) * 4 + (into.target.soft ? 2 : 0) + (into.shape === 'not_judged' ? 1 : 0);
          let status = quickMarks[at];
          if (status === undefined) quickMarks[at] = status = utf8(`,${csvCell(cellMark(resultOfCell(into), lang))}`);
          out.bytes(status);
          continue;
        }
        if (quick && key < 0) {
          out.bytes(COMMA);
          continue;
        }
        const result = row.figure(region);
        if (!result) {
          out.bytes(COMMA);
          continue;
        }
        if (result.kind === 'milestone') out.text(csvCell(cellFigure(result, lang)));
        else {
          const value = result.actual?.value ?? null;
          if (value !== null && Number.isFinite(value)) out.number(value);
        }
        const doubt = view.doubts.size > 0 ? view.doubts.of(result, lang) : '';
        const mark = doubt === '' ? cellMark(result, lang) : `${cellMark(result, lang)} ${doubt}`;
        let status = marks.get(mark);
        if (status === undefined) marks.set(mark, (status = utf8(`,${csvCell(mark)}`)));
        out.bytes(status);
      }
      out.bytes(CRLF);
      if (out.full) yield out.take();
    }
    yield out.take();
    return;
  }
  const fields: MessageCode[] = [
    'word.id', 'word.region', 'word.measure', 'word.action', 'word.indicator', 'word.target', 'word.unit', 'word.year', 'word.actual',
    'word.gap', 'word.attainment', 'word.status', 'word.severity', 'view.reason', 'word.projected', 'word.progress',
  ];
  out.text(`\ufeff${csvLine(fields.map(word))}`);
  for (const v of view.results()) {
    const r = v.result;
    out.text(csvLine([
      v.id, v.region, r.measure ?? (r.goal !== null ? `G${r.goal}` : ''), r.action ?? '', v.indicator, v.target, r.unit, r.year,
      r.kind === 'milestone' ? v.figure : (r.actual?.value ?? null), r.gap, r.attainment, v.status, word(`severity.${r.severity}`), v.reason, v.projection, v.progress,
    ]));
    if (out.full) yield out.take();
  }
  yield out.take();
}

const COMMA = utf8(',');
const CRLF = utf8('\r\n');
