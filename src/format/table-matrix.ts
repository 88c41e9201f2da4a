import { formatMessage, type MessageCode } from '../messages.js';
import { cellLines, fitWidths, layoutRows, memoWrap, naturalWidths, type Column, type Paint, type Row } from './layout-table.js';
import type { Painter } from './paint.js';
import { MatrixCellTexts } from './matrix-cell-texts.js';
import { offTrackLines, offTrackWords } from './off-track-lines.js';
import { matrixCell, regionMatrix, type MatrixRow } from './region-matrix.js';
import { displayWidth, padEnd } from './text-width.js';
import { wrapAlike } from './wrap-alike.js';
import { wrapText } from './wrap-text.js';
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

/** One region's column: its cell in each row (in `rows` order), each cell's text and display width, and its natural width. */
interface RegionColumn {
  /** The tone of each cell; undefined where the region lists no result. */
  tones: (Tone | undefined)[];
  /** The text of each cell (`MatrixCellTexts`): '' where the region lists no result. */
  texts: string[];
  /** The display width of each text, measured once: padding needs it in every block row. */
  sizes: number[];
  natural: number;
}

/** The columns of regions, each worded and measured once when a block first needs it, and let go once laid out. */
function regionColumns(view: ReportView, rows: MatrixRow[]): { get: (region: number) => RegionColumn; release: (region: number) => void } {
  const made = new Map<number, RegionColumn>();
  const cellTexts = new MatrixCellTexts(view, (text) => text);
  return {
    get: (region) => {
      let column = made.get(region);
      if (!column) {
        const tones: (Tone | undefined)[] = [];
        const texts: string[] = [];
        const sizes: number[] = [];
        for (const row of rows) {
          const cell = cellTexts.at(row, region);
          tones.push(cell?.tone);
          texts.push(cell ? cell.text : '');
          sizes.push(cell ? cell.width : 0);
        }
        // As wide as its label or its widest cell, capped.
        let natural = Math.min(REGION_COLUMN.max, displayWidth(view.regions[region]!.label));
        for (let i = 0; i < tones.length && natural < REGION_COLUMN.max; i++) {
          if (tones[i] !== undefined) natural = Math.min(REGION_COLUMN.max, Math.max(natural, sizes[i]!));
        }
        made.set(region, (column = { tones, texts, sizes, natural }));
      }
      return column;
    },
    release: (region) => made.delete(region),
  };
}

type Columns = ReturnType<typeof regionColumns>;

interface Block {
  regions: RegionView[];
  widths: number[] | null;
}

/** As many regions from `from` as fit beside the indicator columns (at least one), from widths measured once. */
function nextBlock(view: ReportView, from: number, width: number, leftNatural: number[], columns: Columns): Block {
  const left = leftColumns(view);
  const most = Math.max(1, Math.floor((width - 4 - 8 - 6 - 4) / (REGION_COLUMN.min + 2)));
  for (let count = Math.min(most, view.regions.length - from); count >= 1; count--) {
    const regions = view.regions.slice(from, from + count);
    const header = [...left, ...regions.map((region) => ({ ...REGION_COLUMN, header: region.label }))];
    const widths = fitWidths(header, [...leftNatural, ...regions.map((_, i) => columns.get(from + i).natural)], width);
    // Prefer fewer regions to an indicator squeezed below 16 columns.
    if (widths && (widths[1]! >= Math.min(16, leftNatural[1]!) || count === 1)) return { regions, widths };
  }
  return { regions: view.regions.slice(from, from + 1), widths: null };
}

const GAP = '  ';
const SPACES: string[] = [];

/** `n` spaces (none when `n` is not positive), each length made once. */
function spaces(n: number): string {
  if (n <= 0) return '';
  return (SPACES[n] ??= ' '.repeat(n));
}

/**
 * The lines of one block's body (pushed onto `out`), as `layoutRows` lays out its rows (titles, a row of cells per
 * target any of the block's regions lists, the row of counts), with what does not change from
 * block to block done once: the indicator columns of a row are wrapped and padded once per set of
 * widths, a title wrapped once, and a region's cells measured once (`RegionColumn`); a cell that
 * fits its column (nearly all) is padded without being wrapped or measured again.
 */
function blockLines(out: string[], view: ReportView, rows: MatrixRow[], from: number, block: Block & { widths: number[] }, columns: Columns, paint: Painter, layout: BlockLayout): void {
  const { widths, regions } = block;
  const count = regions.length;
  const region = regions.map((_, i) => columns.get(from + i));
  let group = -1;
  for (const [r, row] of rows.entries()) {
    let any = false;
    for (let i = 0; i < count && !any; i++) any = region[i]!.tones[r] !== undefined;
    if (!any) continue;
    if (row.group !== group && view.sort !== 'status') {
      group = row.group;
      for (const line of layout.title(group)) out.push(line);
    }
    const left = layout.left(row, widths);
    // A cell wider than its column wraps: lines of its own (rare; measured as `layoutRows` does).
    let wrapped: (string[] | undefined)[] | null = null;
    let height = left.lines.length;
    for (let i = 0; i < count; i++) {
      const column = region[i]!;
      if (column.sizes[r]! > widths[3 + i]! || widths[3 + i]! < 1) {
        const lines = layout.wrap(column.texts[r]!, widths[3 + i]!);
        (wrapped ??= [])[i] = lines;
        height = Math.max(height, lines.length);
      }
    }
    for (let line = 0; line < height; line++) {
      // A line is its left columns then its cells, each after the padding before it; the padding
      // after the last is never added, so the line is what `trimEnd` of it padded would be.
      let text: string;
      let pending: number;
      if (line < left.lines.length) {
        text = left.trimmed[line]!;
        pending = left.pads[line]!;
      } else {
        text = '';
        pending = left.blank;
      }
      if (pending < 0) {
        // Left columns ending in another kind of space: laid out in full, and trimmed as a whole.
        text = line < left.lines.length ? left.lines[line]! : layout.blankLeft(widths);
        pending = 0;
      }
      for (let i = 0; i < count; i++) {
        const column = region[i]!;
        const w = widths[3 + i]!;
        const lines = wrapped?.[i];
        const cell = lines ? (lines[line] ?? '') : line === 0 ? column.texts[r]! : '';
        if (cell === '') pending += GAP.length + w;
        else {
          const size = lines ? displayWidth(cell) : column.sizes[r]!;
          text += spaces(pending + GAP.length) + paint.tone(column.tones[r]!, cell);
          pending = Math.max(0, w - size);
        }
      }
      out.push(endsInSpace(text) ? text.trimEnd() : text);
    }
  }
}

/** True when `text` ends in a character `trimEnd` removes (JavaScript's white space and line ends). */
export function endsInSpace(text: string): boolean {
  if (text === '') return false;
  const c = text.charCodeAt(text.length - 1);
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A row's indicator columns laid out: each line, the same without the spaces after it, and how many those were (-1: it ends in another kind of space). */
interface LeftLines {
  lines: string[];
  trimmed: string[];
  pads: number[];
  /** How many spaces make a line of the left columns holding nothing (their widths and the gaps between). */
  blank: number;
}

/** What blocks share: wrapped titles, and each row's indicator columns laid out for the widths last used. */
interface BlockLayout {
  title: (group: number) => string[];
  left: (row: MatrixRow, widths: number[]) => LeftLines;
  blankLeft: (widths: number[]) => string;
  wrap: (text: string, width: number) => string[];
}

function blockLayout(view: ReportView, width: number, paint: Painter, wrap: (text: string, width: number) => string[]): BlockLayout {
  const titles = new Map<number, string[]>();
  const lefts = new Map<MatrixRow, { w0: number; w1: number; w2: number; left: LeftLines }>();
  const blankLeft = (widths: number[]): string => [0, 1, 2].map((i) => spaces(widths[i]!)).join(GAP);
  return {
    wrap,
    title: (group) => {
      let lines = titles.get(group);
      if (!lines) titles.set(group, (lines = wrapText(view.groupTitle(group), width).map((line) => paint.bold(line))));
      return lines;
    },
    left: (row, widths) => {
      const known = lefts.get(row);
      if (known && known.w0 === widths[0] && known.w1 === widths[1] && known.w2 === widths[2]) return known.left;
      // Unpainted, left-aligned and padded to their widths, as `layoutRows` pads cells without a tag.
      const cells = [row.id, row.indicator, row.target].map((cell, i) => wrap(cell, widths[i] ?? 1));
      const height = Math.max(1, ...cells.map((lines) => lines.length));
      const lines: string[] = [];
      for (let line = 0; line < height; line++) lines.push(cells.map((cellLines, i) => padEnd(cellLines[line] ?? '', widths[i]!)).join(GAP));
      const trimmed = lines.map((line) => line.trimEnd());
      const pads = lines.map((line, i) => (line === trimmed[i]! + spaces(line.length - trimmed[i]!.length) ? line.length - trimmed[i]!.length : -1));
      const left = { lines, trimmed, pads, blank: blankLeft(widths).length };
      lefts.set(row, { w0: widths[0]!, w1: widths[1]!, w2: widths[2]!, left });
      return left;
    },
    blankLeft,
  };
}

/**
 * Indicator × region: a status symbol and figure per cell, a column per region, as many regions
 * per block as fit the width, a row of per-region counts under each block; then the results off
 * track with their reasons, one per line. Yields lines, or pieces of several lines joined by `\n`.
 */
export function* formatMatrix(view: ReportView, width: number, paint: Painter): Generator<string> {
  const rows = regionMatrix(view, view.sort);
  // Nothing listed (-q with nothing off track): no matrix of empty columns; the counts above and
  // the line on what is not listed say it all.
  if (rows.length === 0) return;
  const wrap = memoWrap();
  // Widths are measured once, so every block lines up and each cell is measured once.
  const leftNatural = naturalWidths(leftColumns(view), rows.map((row): Row => ({ kind: 'cells', cells: [row.id, row.indicator, row.target] })));
  // Each region's cells are worded once, when its block is laid out; its width is measured from them.
  const regionCells = regionColumns(view, rows);
  const layout = blockLayout(view, width, paint, wrap);
  const colour: Paint = (text, role) => {
    if (role.column === 'header' || role.column === 'title') return paint.bold(text);
    return role.tag ? paint.tone(role.tag as Tone, text) : text;
  };
  for (let from = 0; from < view.regions.length; ) {
    const block = nextBlock(view, from, width, leftNatural, regionCells);
    const start = from;
    from += block.regions.length;
    if (!block.widths) {
      for (let i = 0; i < block.regions.length; i++) regionCells.release(start + i);
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
    // The header and its rule, then the body, then the row of counts (wrapped to the columns, never widening them).
    // A block is handed on as one piece of lines: one step through the generators above instead of one a line.
    const lines = [...layoutRows(columns, [], block.widths, width, colour, wrap)];
    blockLines(lines, view, rows, start, { ...block, widths: block.widths }, regionCells, paint, layout);
    const tallies: Row = { kind: 'cells', cells: ['', formatMessage('view.tallies', {}, view.lang), '', ...block.regions.map((region) => region.short)], sizes: false };
    for (const line of cellLines(columns, tallies, block.widths, colour, wrap)) lines.push(line);
    for (let i = 0; i < block.regions.length; i++) regionCells.release(start + i);
    lines.push('');
    yield lines.join('\n');
  }
  yield* wrapText(formatMessage('view.legend', {}, view.lang), width).map(paint.dim);
  if (view.townsLegend) yield* wrapText(view.townsLegend, width).map(paint.dim);
  if (view.doubtLegend) yield* wrapText(view.doubtLegend, width).map(paint.dim);
  let first = true;
  // Handed on in pieces of lines, as the blocks are: a piece of 32 results, so that no more results are built between two pieces than a matrix row has.
  let piece: string[] = [];
  let count = 0;
  // Most lines are alike (a target's sentence with a region and numbers spliced in): cut where the last of their shape was.
  const wrapLine = wrapAlike(width);
  for (const line of offTrackLines(view, rows, offTrackWords(view.lang, true), (text) => text)) {
    if (first) piece.push('');
    first = false;
    for (const part of line.pieces ? wrapLine.spliced(line.text, line.pieces, line.fills) : wrapLine(line.text)) piece.push(paint.tone(line.tone, part));
    if (++count % 32 === 0) {
      yield piece.join('\n');
      piece = [];
    }
  }
  if (piece.length > 0) yield piece.join('\n');
}
