// The matrix layouts as first written (before the block, CSV and Markdown fast paths), kept as the
// reference the fast paths are tested against: every cell worded in full, every row laid out by
// `layoutRows`, every line of the results off track worded by `viewResult` and wrapped by tokens.
import { formatMessage } from '../messages.js';
import { fitWidths, layoutRows, naturalWidths, type Column, type Row } from './layout-table.js';
import type { Painter } from './paint.js';
import { matrixCell, regionMatrix, type MatrixRow, type ResultCell } from './region-matrix.js';
import { escapeMarkdown, escapeSpreadsheetText } from './sanitize.js';
import { displayWidth } from './text-width.js';
import { wrapTokens } from './wrap-tokens.js';
import { viewResult } from './view-result.js';
import type { ReportView, Tone } from './view.js';

/** Wrapping by tokens, as `wrapText` wrapped before it took ranges. */
export function wrapByTokens(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  return displayWidth(text) <= limit ? [text] : wrapTokens(text, limit);
}

const REGION_COLUMN = { min: 6, max: 16 };

function leftColumns(view: ReportView): Column[] {
  const word = (code: 'word.id' | 'word.indicator' | 'word.target'): string => formatMessage(code, {}, view.lang);
  return [
    { header: word('word.id'), min: 4, max: 10 },
    { header: word('word.indicator'), min: 8, max: 28, flex: true },
    { header: word('word.target'), min: 6, max: 18 },
  ];
}

function natural(view: ReportView, rows: MatrixRow[], region: number): number {
  let width = Math.min(REGION_COLUMN.max, displayWidth(view.regions[region]!.label));
  for (const row of rows) {
    const cell = row.cell(region);
    if (cell) width = Math.min(REGION_COLUMN.max, Math.max(width, displayWidth(cell.text)));
  }
  return width;
}

function blockRows(view: ReportView, rows: MatrixRow[], from: number, count: number): Row[] {
  const out: Row[] = [];
  let group = -1;
  for (const row of rows) {
    const results: (ResultCell | undefined)[] = [];
    for (let i = 0; i < count; i++) results.push(row.cell(from + i));
    if (!results.some((cell) => cell !== undefined)) continue;
    if (row.group !== group && view.sort !== 'status') {
      group = row.group;
      out.push({ kind: 'title', text: view.groupTitle(group) });
    }
    out.push({ kind: 'cells', cells: [row.id, row.indicator, row.target, ...results.map(matrixCell)], tags: [undefined, undefined, undefined, ...results.map((cell) => cell?.tone)] });
  }
  const regions = view.regions.slice(from, from + count);
  out.push({ kind: 'cells', cells: ['', formatMessage('view.tallies', {}, view.lang), '', ...regions.map((region) => region.short)], sizes: false });
  return out;
}

/** The lines of the table's indicator × region matrix, as first laid out. */
export function referenceMatrix(view: ReportView, width: number, paint: Painter): string[] {
  const lines: string[] = [];
  const rows = regionMatrix(view, view.sort);
  const left = leftColumns(view);
  const leftNatural = naturalWidths(left, rows.map((row): Row => ({ kind: 'cells', cells: [row.id, row.indicator, row.target] })));
  const colour = (text: string, role: { column: number | 'title' | 'note' | 'header'; tag?: string }): string => {
    if (role.column === 'header' || role.column === 'title') return paint.bold(text);
    return role.tag ? paint.tone(role.tag as Tone, text) : text;
  };
  // Measured once per region, as first written.
  const naturals = new Map<number, number>();
  const naturalOf = (region: number): number => {
    let width = naturals.get(region);
    if (width === undefined) naturals.set(region, (width = natural(view, rows, region)));
    return width;
  };
  for (let from = 0; from < view.regions.length; ) {
    const most = Math.max(1, Math.floor((width - 4 - 8 - 6 - 4) / (REGION_COLUMN.min + 2)));
    let count = 1;
    let widths: number[] | null = null;
    for (let n = Math.min(most, view.regions.length - from); n >= 1; n--) {
      const regions = view.regions.slice(from, from + n);
      const header = [...left, ...regions.map((region) => ({ ...REGION_COLUMN, header: region.label }))];
      const fitted = fitWidths(header, [...leftNatural, ...regions.map((_, i) => naturalOf(from + i))], width);
      if (fitted && (fitted[1]! >= Math.min(16, leftNatural[1]!) || n === 1)) {
        count = n;
        widths = fitted;
        break;
      }
    }
    const regions = view.regions.slice(from, from + count);
    if (!widths) {
      const region = regions[0]!;
      lines.push(...wrapByTokens(region.label, width).map(paint.bold));
      for (const row of rows) {
        const cell = row.cell(from);
        if (cell) lines.push(...wrapByTokens(`${matrixCell(cell)} ${row.id} ${row.indicator}`, width));
      }
      lines.push(...wrapByTokens(region.short, width));
      from += 1;
      continue;
    }
    const columns = [...left, ...regions.map((region) => ({ ...REGION_COLUMN, header: region.label }))];
    lines.push(...layoutRows(columns, blockRows(view, rows, from, count), widths, width, colour, wrapByTokens), '');
    from += count;
  }
  lines.push(...wrapByTokens(formatMessage('view.legend', {}, view.lang), width).map(paint.dim));
  if (view.townsLegend) lines.push(...wrapByTokens(view.townsLegend, width).map(paint.dim));
  let first = true;
  for (const row of rows) {
    for (let region = 0; region < view.regions.length; region++) {
      if (!row.offTrack(region)) continue;
      const result = viewResult(row.result(region)!, view.lang);
      if (first) lines.push('');
      first = false;
      const name = result.region || formatMessage('word.no-region', {}, view.lang);
      const colon = view.lang === 'zh' ? ':' : ': ';
      const text = `${result.symbol} ${name} ${result.id} ${result.indicator}${colon}${result.status}${result.reason ? `${view.lang === 'zh' ? ';' : '; '}${result.reason}` : ''}`;
      lines.push(...wrapByTokens(text, width).map((line) => paint.tone(result.tone, line)));
    }
  }
  return lines;
}

/** The CSV matrix's lines (after its header), as first written: every cell worded in full. */
export function referenceCsvRows(view: ReportView): string[] {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    const text = escapeSpreadsheetText(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return regionMatrix(view, view.sort).map((row) => {
    const cells: (string | number | null)[] = [row.id, row.indicator, row.target, row.unit];
    for (let region = 0; region < view.regions.length; region++) {
      const found = row.cell(region);
      cells.push(found?.result.kind === 'milestone' ? found.figure : (found?.result.actual?.value ?? null), found ? `${found.symbol} ${found.status}` : '');
    }
    return `${cells.map(cell).join(',')}\r\n`;
  });
}

/** The Markdown matrix's rows, as first written: every cell escaped in full. */
export function referenceMarkdownRows(view: ReportView): string[] {
  return regionMatrix(view, view.sort).map((row) => `| ${[row.id, row.indicator, row.target, ...view.regions.map((_, region) => matrixCell(row.cell(region)))].map(escapeMarkdown).join(' | ')} |\n`);
}
