import { formatMessage, type MessageCode } from '../messages.js';
import { fitColumns, layoutRows, type Column, type Row } from './layout-table.js';
import type { Painter } from './paint.js';
import { matrixCell, regionMatrix, type MatrixRow } from './region-matrix.js';
import { wrapText } from './text-width.js';
import type { RegionView, ReportView, ResultView, Tone } from './view.js';

const REGION_COLUMN: Omit<Column, 'header'> = { min: 6, max: 16 };

function leftColumns(view: ReportView): Column[] {
  const word = (code: MessageCode): string => formatMessage(code, {}, view.lang);
  return [
    { header: word('word.id'), min: 4, max: 10 },
    { header: word('word.indicator'), min: 8, max: 28, flex: true },
    { header: word('word.target'), min: 6, max: 18 },
  ];
}

function blockRows(view: ReportView, rows: MatrixRow[], regions: RegionView[]): Row[] {
  const out: Row[] = [];
  let group = -1;
  for (const row of rows) {
    if (!regions.some((region) => row.cells.has(region.key))) continue;
    if (row.group !== group && view.sort !== 'status') {
      group = row.group;
      out.push({ kind: 'title', text: view.groupTitle(group) });
    }
    const results = regions.map((region) => row.cells.get(region.key));
    out.push({ kind: 'cells', cells: [row.id, row.indicator, row.target, ...results.map(matrixCell)], tags: [undefined, undefined, undefined, ...results.map((r) => r?.tone)] });
  }
  out.push({ kind: 'cells', cells: ['', formatMessage('view.tallies', {}, view.lang), '', ...regions.map((region) => region.short)], sizes: false });
  return out;
}

/** How many regions from `from` fit beside the indicator columns, and their widths (at least one region). */
function nextBlock(view: ReportView, rows: MatrixRow[], from: number, width: number): { regions: RegionView[]; widths: number[] | null; body: Row[] } {
  const left = leftColumns(view);
  const most = Math.max(1, Math.floor((width - 4 - 8 - 6 - 4) / (REGION_COLUMN.min + 2)));
  for (let count = Math.min(most, view.regions.length - from); count >= 1; count--) {
    const regions = view.regions.slice(from, from + count);
    const columns = [...left, ...regions.map((region) => ({ ...REGION_COLUMN, header: region.label }))];
    const body = blockRows(view, rows, regions);
    const widths = fitColumns(columns, body, width);
    // Prefer fewer regions to an indicator squeezed below 16 columns.
    if (widths && (widths[1]! >= 16 || count === 1)) return { regions, widths, body };
  }
  const regions = view.regions.slice(from, from + 1);
  return { regions, widths: null, body: blockRows(view, rows, regions) };
}

/**
 * Indicator × region: a status symbol and figure per cell, a column per region, as many regions
 * per block as fit the width, a row of per-region counts under each block; then the results off
 * track with their reasons, one per line.
 */
export function* formatMatrix(view: ReportView, width: number, paint: Painter): Generator<string> {
  const rows = regionMatrix(view, view.sort);
  for (let from = 0; from < view.regions.length; ) {
    const block = nextBlock(view, rows, from, width);
    from += block.regions.length;
    if (!block.widths) {
      // Too narrow for columns: each region's cells as lines.
      for (const region of block.regions) {
        yield* wrapText(region.label, width).map(paint.bold);
        for (const row of rows) {
          const cell = row.cells.get(region.key);
          if (cell) yield* wrapText(`${matrixCell(cell)} ${row.id} ${row.indicator}`, width);
        }
        yield* wrapText(region.short, width);
      }
      continue;
    }
    const columns = [...leftColumns(view), ...block.regions.map((region) => ({ ...REGION_COLUMN, header: region.label }))];
    yield* layoutRows(columns, block.body, block.widths, width, (text, role) => {
      if (role.column === 'header' || role.column === 'title') return paint.bold(text);
      return role.tag ? paint.tone(role.tag as Tone, text) : text;
    });
    yield '';
  }
  yield* wrapText(formatMessage('view.legend', {}, view.lang), width).map(paint.dim);
  if (view.townsLegend) yield* wrapText(view.townsLegend, width).map(paint.dim);
  const offTrack: ResultView[] = [];
  for (const row of rows) for (const cell of row.cells.values()) if (cell.offTrack || cell.tone === 'bad') offTrack.push(cell);
  if (offTrack.length > 0) yield '';
  for (const result of offTrack) {
    const region = result.region || formatMessage('word.no-region', {}, view.lang);
    const colon = view.lang === 'zh' ? ':' : ': ';
    const text = `${result.symbol} ${region} ${result.id} ${result.indicator}${colon}${result.status}${result.reason ? `${view.lang === 'zh' ? ';' : '; '}${result.reason}` : ''}`;
    yield* wrapText(text, width).map((line) => paint.tone(result.tone, line));
  }
}
