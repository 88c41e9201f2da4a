import { formatMessage, type MessageCode } from '../messages.js';
import { fitWidths, layoutRows, memoWrap, naturalWidths, type Column, type Row } from './layout-table.js';
import type { Painter } from './paint.js';
import { matrixCell, offTrackOf, regionMatrix, type MatrixRow, type ResultCell } from './region-matrix.js';
import { displayWidth, wrapText } from './text-width.js';
import type { RegionView, ReportView, Tone } from './view.js';

const REGION_COLUMN: Omit<Column, 'header'> = { min: 6, max: 16 };

function leftColumns(view: ReportView): Column[] {
  const word = (code: MessageCode): string => formatMessage(code, {}, view.lang);
  return [
    { header: word('word.id'), min: 4, max: 10 },
    { header: word('word.indicator'), min: 8, max: 28, flex: true },
    { header: word('word.target'), min: 6, max: 18 },
  ];
}

/** One region's column: its cell in each row (in `rows` order), and its natural width. */
interface RegionColumn {
  cells: (ResultCell | undefined)[];
  natural: number;
}

/** The columns of regions, each worded and measured once when a block first needs it, and let go once laid out. */
function regionColumns(view: ReportView, rows: MatrixRow[]): { get: (region: number) => RegionColumn; release: (region: number) => void } {
  const made = new Map<number, RegionColumn>();
  return {
    get: (region) => {
      let column = made.get(region);
      if (!column) {
        const cells = rows.map((row) => row.cell(region));
        let natural = Math.min(REGION_COLUMN.max, displayWidth(view.regions[region]!.label));
        for (const cell of cells) {
          if (natural >= REGION_COLUMN.max) break;
          if (cell) natural = Math.min(REGION_COLUMN.max, Math.max(natural, displayWidth(cell.text)));
        }
        made.set(region, (column = { cells, natural }));
      }
      return column;
    },
    release: (region) => made.delete(region),
  };
}

type Columns = ReturnType<typeof regionColumns>;

function blockRows(view: ReportView, rows: MatrixRow[], from: number, regions: RegionView[], columns: Columns): Row[] {
  const out: Row[] = [];
  let group = -1;
  const cellsOf = regions.map((_, i) => columns.get(from + i).cells);
  for (const [r, row] of rows.entries()) {
    if (!cellsOf.some((cells) => cells[r] !== undefined)) continue;
    if (row.group !== group && view.sort !== 'status') {
      group = row.group;
      out.push({ kind: 'title', text: view.groupTitle(group) });
    }
    const results = cellsOf.map((cells) => cells[r]);
    out.push({ kind: 'cells', cells: [row.id, row.indicator, row.target, ...results.map(matrixCell)], tags: [undefined, undefined, undefined, ...results.map((r) => r?.tone)] });
  }
  out.push({ kind: 'cells', cells: ['', formatMessage('view.tallies', {}, view.lang), '', ...regions.map((region) => region.short)], sizes: false });
  return out;
}

interface Block {
  regions: RegionView[];
  widths: number[] | null;
  body: Row[];
}

/** As many regions from `from` as fit beside the indicator columns (at least one), from widths measured once. */
function nextBlock(view: ReportView, rows: MatrixRow[], from: number, width: number, leftNatural: number[], columns: Columns): Block {
  const left = leftColumns(view);
  const most = Math.max(1, Math.floor((width - 4 - 8 - 6 - 4) / (REGION_COLUMN.min + 2)));
  for (let count = Math.min(most, view.regions.length - from); count >= 1; count--) {
    const regions = view.regions.slice(from, from + count);
    const header = [...left, ...regions.map((region) => ({ ...REGION_COLUMN, header: region.label }))];
    const widths = fitWidths(header, [...leftNatural, ...regions.map((_, i) => columns.get(from + i).natural)], width);
    // Prefer fewer regions to an indicator squeezed below 16 columns.
    if (widths && (widths[1]! >= Math.min(16, leftNatural[1]!) || count === 1)) return { regions, widths, body: blockRows(view, rows, from, regions, columns) };
  }
  const regions = view.regions.slice(from, from + 1);
  return { regions, widths: null, body: blockRows(view, rows, from, regions, columns) };
}

/**
 * Indicator × region: a status symbol and figure per cell, a column per region, as many regions
 * per block as fit the width, a row of per-region counts under each block; then the results off
 * track with their reasons, one per line.
 */
export function* formatMatrix(view: ReportView, width: number, paint: Painter): Generator<string> {
  const rows = regionMatrix(view, view.sort);
  const wrap = memoWrap();
  // Widths are measured once, so every block lines up and each cell is measured once.
  const leftNatural = naturalWidths(leftColumns(view), rows.map((row): Row => ({ kind: 'cells', cells: [row.id, row.indicator, row.target] })));
  // Each region's cells are worded once, when its block is laid out; its width is measured from them.
  const regionCells = regionColumns(view, rows);
  for (let from = 0; from < view.regions.length; ) {
    const block = nextBlock(view, rows, from, width, leftNatural, regionCells);
    for (let i = 0; i < block.regions.length; i++) regionCells.release(from + i);
    from += block.regions.length;
    if (!block.widths) {
      // Too narrow for columns: each region's cells as lines.
      for (const [i, region] of block.regions.entries()) {
        yield* wrapText(region.label, width).map(paint.bold);
        for (const row of rows) {
          const cell = row.cell(from - block.regions.length + i);
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
    }, wrap);
    yield '';
  }
  yield* wrapText(formatMessage('view.legend', {}, view.lang), width).map(paint.dim);
  if (view.townsLegend) yield* wrapText(view.townsLegend, width).map(paint.dim);
  let first = true;
  for (const result of offTrackOf(view, rows)) {
    if (first) yield '';
    first = false;
    const region = result.region || formatMessage('word.no-region', {}, view.lang);
    const colon = view.lang === 'zh' ? ':' : ': ';
    const text = `${result.symbol} ${region} ${result.id} ${result.indicator}${colon}${result.status}${result.reason ? `${view.lang === 'zh' ? ';' : '; '}${result.reason}` : ''}`;
    yield* wrapText(text, width).map((line) => paint.tone(result.tone, line));
  }
}
