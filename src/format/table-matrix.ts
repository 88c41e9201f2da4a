import { formatMessage, type MessageCode } from '../messages.js';
import { ByteChunks } from './byte-chunks.js';
import { GrowingBytes } from './growing-bytes.js';
import { cellLines, fitWidths, layoutRows, memoWrap, naturalWidths, type Column, type Paint, type Row } from './layout-table.js';
import { PROBES, type Painter } from './paint.js';
import { MatrixCellTexts, TONES, type CellColumn } from './matrix-cell-texts.js';
import { writeOffTrackLines } from './write-off-track-lines.js';
import { matrixCell, regionMatrix, type MatrixRow } from './region-matrix.js';
import { displayWidth, endsInSpace, padEnd } from './text-width.js';
import { wrapText } from './wrap-text.js';
import type { RegionView, ReportView, Tone } from './view.js';

const REGION_COLUMN: Omit<Column, 'header'> = { min: 6, max: 16 };
const NEWLINE = 10;
const SPACE = 0x20;

function leftColumns(view: ReportView): Column[] {
  const word = (code: MessageCode): string => formatMessage(code, {}, view.lang);
  return [
    { header: word('word.id'), min: 4, max: 10 },
    { header: word('word.indicator'), min: 8, max: 28, flex: true },
    { header: word('word.target'), min: 6, max: 18 },
  ];
}


/** One region's column: its cells (`CellColumn`), and its natural width (its label's or its widest cell's, capped). */
interface RegionColumn extends CellColumn {
  natural: number;
}

/**
 * The columns of regions, each worded and measured once when a block first needs it (a region's
 * cells of every row written together, so that its keys and figures are read in order), its
 * buffers used again once laid out.
 */
function regionColumns(view: ReportView, rows: MatrixRow[], cellTexts: MatrixCellTexts): { get: (region: number) => RegionColumn; prepare: (from: number, to: number) => void; release: (region: number) => void } {
  const made = new Map<number, RegionColumn>();
  const spare: RegionColumn[] = [];
  const n = rows.length;
  let keys = new Int32Array(0);
  const prepare = (from: number, to: number): void => {
    // The keys of the regions to make, read row by row (each row's keys of neighbouring regions lie together), then each region's cells in row order.
    if (keys.length < (to - from) * n) keys = new Int32Array((to - from) * n);
    for (let r = 0; r < n; r++) {
      const row = rows[r]!.keys;
      for (let region = from; region < to; region++) keys[(region - from) * n + r] = row[region]!;
    }
    for (let region = from; region < to; region++) {
      if (made.has(region)) continue;
      const column = spare.pop() ?? { bytes: new GrowingBytes(n * 16), starts: new Int32Array(n + 1), widths: new Int32Array(n), tones: new Uint8Array(n), spaceEnds: new Uint8Array(n), natural: 0 };
      column.bytes.reset();
      const widest = cellTexts.writeColumn(rows, keys.subarray((region - from) * n, (region - from + 1) * n), region, column);
      // As wide as its label or its widest cell, capped.
      column.natural = Math.min(REGION_COLUMN.max, Math.max(displayWidth(view.regions[region]!.label), widest));
      made.set(region, column);
    }
  };
  return {
    get: (region) => {
      if (!made.has(region)) prepare(region, region + 1);
      return made.get(region)!;
    },
    prepare,
    release: (region) => {
      const column = made.get(region);
      if (column) {
        made.delete(region);
        spare.push(column);
      }
    },
  };
}

type Columns = ReturnType<typeof regionColumns>;

interface Block {
  regions: RegionView[];
  widths: number[] | null;
}

/** As many regions from `from` as fit beside the indicator columns (at least one), from widths measured once. */
function nextBlock(view: ReportView, from: number, width: number, left: Column[], leftNatural: number[], columns: Columns): Block {
  const most = Math.max(1, Math.floor((width - 4 - 8 - 6 - 4) / (REGION_COLUMN.min + 2)));
  columns.prepare(from, Math.min(view.regions.length, from + most));
  for (let count = Math.min(most, view.regions.length - from); count >= 1; count--) {
    const regions = view.regions.slice(from, from + count);
    const header = [...left];
    const natural = [...leftNatural];
    for (let i = 0; i < count; i++) {
      header.push({ min: REGION_COLUMN.min, max: REGION_COLUMN.max, header: regions[i]!.label });
      natural.push(columns.get(from + i).natural);
    }
    const widths = fitWidths(header, natural, width);
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

/** What a tone's colour puts around a cell's text, as UTF-8: `paint.tone(tone, text)` is open + text + close for any text without an escape or a line break. */
interface ToneBytes {
  open: Uint8Array;
  close: Uint8Array;
  /** The painted text ends in a character `trimEnd` removes when the text does (nothing after it), or always (a close that does). */
  bare: boolean;
  closeSpace: boolean;
}

/** Each tone's pieces around a cell (index: the tone's code), cut from the painter's own colouring of probes; null for a painter that does not put fixed pieces around text. */
function toneBytes(paint: Painter): ToneBytes[] | null {
  const out: ToneBytes[] = [{ open: new Uint8Array(0), close: new Uint8Array(0), bare: true, closeSpace: false }];
  for (const tone of TONES) {
    // A letter no colour's escape holds (they are digits, `[`, `;` and `m`).
    const probe = paint.tone(tone, 'Q');
    const at = probe.indexOf('Q');
    const open = probe.slice(0, at);
    const close = probe.slice(at + 1);
    // Proven on texts of another length and of wide and space characters.
    for (const text of PROBES) if (paint.tone(tone, text) !== open + text + close) return null;
    out.push({ open: Buffer.from(open, 'utf8'), close: Buffer.from(close, 'utf8'), bare: close === '', closeSpace: endsInSpace(close) });
  }
  return out;
}

/**
 * The lines of one block's body, appended to `text` as UTF-8 as `layoutRows` would lay out its
 * rows (titles, a row of cells per target any of the block's regions lists, the row of counts),
 * with what does not change from block to block done once: the indicator columns of a row are
 * wrapped, padded and encoded once per set of widths, a title once, and a region's cells written
 * and measured once (`RegionColumn`). A row whose cells all fit their columns (nearly all) is
 * copied from those bytes; any other row (a cell that wraps, a line that would be trimmed into)
 * is laid out as text (`rowAsText`).
 */
function blockLines(text: GrowingBytes, view: ReportView, rows: MatrixRow[], from: number, block: Block & { widths: number[] }, columns: Columns, layout: BlockLayout, tones: ToneBytes[] | null): void {
  const { widths, regions } = block;
  const count = regions.length;
  const region = regions.map((_, i) => columns.get(from + i));
  // The most a cell's paint adds, and the most a line's cells and padding take besides their bytes.
  let paintBytes = 0;
  if (tones) for (const tone of tones) paintBytes = Math.max(paintBytes, tone.open.length + tone.close.length);
  let cellRoom = 0;
  for (let i = 0; i < count; i++) cellRoom += 2 + Math.max(0, widths[3 + i]!) + paintBytes;
  let group = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let any = false;
    for (let i = 0; i < count && !any; i++) any = region[i]!.tones[r] !== 0;
    if (!any) continue;
    if (row.group !== group && view.sort !== 'status') {
      group = row.group;
      text.bytes(layout.title(group));
    }
    const left = layout.left(row, widths);
    // The fast row: every cell fits its column, the left columns end in plain spaces, and the line does not end in a space trimEnd would take.
    let fast = tones !== null && left.pads[0]! >= 0;
    let last = -1;
    let cellBytes = 0;
    for (let i = 0; i < count && fast; i++) {
      const column = region[i]!;
      const w = widths[3 + i]!;
      if (column.tones[r] === 0) continue;
      if (column.widths[r]! > w || w < 1) fast = false;
      cellBytes += column.starts[r + 1]! - column.starts[r]!;
      last = i;
    }
    if (fast && last >= 0) {
      // A line trimEnd would cut into is laid out as text.
      const column = region[last]!;
      const paint = tones![column.tones[r]!]!;
      if (paint.bare ? column.spaceEnds[r] === 1 : paint.closeSpace) fast = false;
    }
    if (!fast) {
      for (const line of layout.rowAsText(row, from, count, widths)) {
        text.text(line);
        text.byte(NEWLINE);
      }
      continue;
    }
    // A line is its left columns then its cells, each after the padding before it; the padding
    // after the last is never added, so the line is what `trimEnd` of it padded would be. Written
    // straight into the buffer, its room made once.
    const first = left.bytes[0]!;
    const rest = left.rest;
    const buf = text.room(first.length + left.pads[0]! + cellRoom + cellBytes + 1 + rest.length);
    let at = text.length;
    if (first.length < 32) for (let i = 0; i < first.length; i++) buf[at++] = first[i]!;
    else {
      buf.set(first, at);
      at += first.length;
    }
    let pending = left.pads[0]!;
    for (let i = 0; i < count; i++) {
      const column = region[i]!;
      const w = widths[3 + i]!;
      const tone = column.tones[r]!;
      if (tone === 0) {
        pending += 2 + w;
        continue;
      }
      for (let end = at + pending + 2; at < end; ) buf[at++] = SPACE;
      const paint = tones![tone]!;
      const { open, close } = paint;
      for (let j = 0; j < open.length; j++) buf[at++] = open[j]!;
      const cells = column.bytes.buf;
      for (let j = column.starts[r]!, end = column.starts[r + 1]!; j < end; j++) buf[at++] = cells[j]!;
      for (let j = 0; j < close.length; j++) buf[at++] = close[j]!;
      pending = w - column.widths[r]!;
    }
    buf[at++] = NEWLINE;
    // Lines of the left columns below the first hold no cells: their bytes joined once.
    if (rest.length > 0) {
      buf.set(rest, at);
      at += rest.length;
    }
    text.length = at;
  }
}

/** A row's indicator columns laid out: each line, the same without the spaces after it (as text and UTF-8), and how many those were (-1: it ends in another kind of space). */
interface LeftLines {
  lines: string[];
  trimmed: string[];
  /** Each trimmed line as UTF-8. */
  bytes: Uint8Array[];
  /** The lines below the first, each trimmed and ending in a line break, as UTF-8. */
  rest: Uint8Array;
  pads: number[];
  /** How many spaces make a line of the left columns holding nothing (their widths and the gaps between). */
  blank: number;
}

/** What blocks share: wrapped titles, and each row's indicator columns laid out for the widths last used. */
interface BlockLayout {
  /** A group's title lines, painted, each ending in a line break, as UTF-8. */
  title: (group: number) => Uint8Array;
  left: (row: MatrixRow, widths: number[]) => LeftLines;
  /** The lines of a row laid out as text, with the general rules (cells that wrap, lines trimmed as a whole). */
  rowAsText: (row: MatrixRow, from: number, count: number, widths: number[]) => string[];
}

function blockLayout(view: ReportView, width: number, paint: Painter, wrap: (text: string, width: number) => string[], cellTexts: MatrixCellTexts): BlockLayout {
  const titles = new Map<number, Uint8Array>();
  const lefts = new Map<MatrixRow, { w0: number; w1: number; w2: number; left: LeftLines }>();
  const blankLeft = (widths: number[]): string => [0, 1, 2].map((i) => spaces(widths[i]!)).join(GAP);
  const left = (row: MatrixRow, widths: number[]): LeftLines => {
    const known = lefts.get(row);
    if (known && known.w0 === widths[0] && known.w1 === widths[1] && known.w2 === widths[2]) return known.left;
    // Unpainted, left-aligned and padded to their widths, as `layoutRows` pads cells without a tag.
    const cells = [row.id, row.indicator, row.target].map((cell, i) => wrap(cell, widths[i] ?? 1));
    const height = Math.max(1, ...cells.map((lines) => lines.length));
    const lines: string[] = [];
    for (let line = 0; line < height; line++) lines.push(cells.map((cellLines, i) => padEnd(cellLines[line] ?? '', widths[i]!)).join(GAP));
    const trimmed = lines.map((line) => line.trimEnd());
    const pads = lines.map((line, i) => (line === trimmed[i]! + spaces(line.length - trimmed[i]!.length) ? line.length - trimmed[i]!.length : -1));
    const laid = { lines, trimmed, bytes: trimmed.map((line) => Buffer.from(line, 'utf8')), rest: Buffer.from(trimmed.slice(1).map((line) => `${line}\n`).join(''), 'utf8'), pads, blank: blankLeft(widths).length };
    lefts.set(row, { w0: widths[0]!, w1: widths[1]!, w2: widths[2]!, left: laid });
    return laid;
  };
  return {
    title: (group) => {
      let bytes = titles.get(group);
      if (!bytes) {
        const lines = wrapText(view.groupTitle(group), width).map((line) => `${paint.bold(line)}\n`);
        titles.set(group, (bytes = Buffer.from(lines.join(''), 'utf8')));
      }
      return bytes;
    },
    left,
    rowAsText: (row, from, count, widths) => {
      // The cells worded again as text (a rare row): each as `MatrixCellTexts.at` gives it.
      const texts: string[] = [];
      const cellTones: (Tone | undefined)[] = [];
      for (let i = 0; i < count; i++) {
        const cell = cellTexts.at(row, from + i);
        texts.push(cell ? cell.text : '');
        cellTones.push(cell?.tone);
      }
      const laid = left(row, widths);
      // A cell wider than its column wraps: lines of its own (measured as `layoutRows` does).
      const wrapped: (string[] | undefined)[] = [];
      let height = laid.lines.length;
      for (let i = 0; i < count; i++) {
        if (cellTones[i] !== undefined && (displayWidth(texts[i]!) > widths[3 + i]! || widths[3 + i]! < 1)) {
          const lines = wrap(texts[i]!, widths[3 + i]!);
          wrapped[i] = lines;
          height = Math.max(height, lines.length);
        }
      }
      const out: string[] = [];
      for (let line = 0; line < height; line++) {
        let text: string;
        let pending: number;
        if (line < laid.lines.length) {
          text = laid.trimmed[line]!;
          pending = laid.pads[line]!;
        } else {
          text = '';
          pending = laid.blank;
        }
        if (pending < 0) {
          // Left columns ending in another kind of space: laid out in full, and trimmed as a whole.
          text = line < laid.lines.length ? laid.lines[line]! : blankLeft(widths);
          pending = 0;
        }
        for (let i = 0; i < count; i++) {
          const w = widths[3 + i]!;
          const lines = wrapped[i];
          const cell = cellTones[i] === undefined ? '' : lines ? (lines[line] ?? '') : line === 0 ? texts[i]! : '';
          if (cell === '') pending += GAP.length + w;
          else {
            text += spaces(pending + GAP.length) + paint.tone(cellTones[i]!, cell);
            pending = Math.max(0, w - displayWidth(cell));
          }
        }
        out.push(endsInSpace(text) ? text.trimEnd() : text);
      }
      return out;
    },
  };
}

/** Appends a line of text and its line break. */
function writeLine(out: ByteChunks, line: string): void {
  out.text(line);
  out.bytes(LINE_BREAK);
}

const LINE_BREAK = new Uint8Array([NEWLINE]);

/**
 * Indicator × region: a status symbol and figure per cell, a column per region, as many regions
 * per block as fit the width, a row of per-region counts under each block; then the results off
 * track with their reasons, one per line. Appends its lines (each ending in a line break) to
 * `out` as UTF-8, stopping after each block and each piece of lines off track so that the caller
 * can hand out a full chunk; returns whether it wrote anything (nothing when nothing is listed).
 */
export function* writeMatrix(view: ReportView, width: number, paint: Painter, out: ByteChunks): Generator<void, boolean> {
  const rows = regionMatrix(view, view.sort);
  // Nothing listed (-q with nothing off track): no matrix of empty columns; the counts above and
  // the line on what is not listed say it all.
  if (rows.length === 0) return false;
  const wrap = memoWrap();
  const left = leftColumns(view);
  // Widths are measured once, so every block lines up and each cell is measured once.
  const leftNatural = naturalWidths(left, rows.map((row): Row => ({ kind: 'cells', cells: [row.id, row.indicator, row.target] })));
  // Each region's cells are written once, when its block is laid out; its width is measured from them.
  const cellTexts = new MatrixCellTexts(view, (text) => text);
  const regionCells = regionColumns(view, rows, cellTexts);
  const layout = blockLayout(view, width, paint, wrap, cellTexts);
  const tones = toneBytes(paint);
  const colour: Paint = (text, role) => {
    if (role.column === 'header' || role.column === 'title') return paint.bold(text);
    return role.tag ? paint.tone(role.tag as Tone, text) : text;
  };
  const text = new GrowingBytes(1 << 16);
  for (let from = 0; from < view.regions.length; ) {
    const block = nextBlock(view, from, width, left, leftNatural, regionCells);
    const start = from;
    from += block.regions.length;
    if (!block.widths) {
      for (let i = 0; i < block.regions.length; i++) regionCells.release(start + i);
      // Too narrow for columns: each region's cells as lines.
      for (const [i, region] of block.regions.entries()) {
        for (const line of wrapText(region.label, width)) writeLine(out, paint.bold(line));
        for (const row of rows) {
          const cell = row.cell(start + i);
          if (cell) for (const line of wrapText(`${matrixCell(cell)} ${row.id} ${row.indicator}`, width)) writeLine(out, line);
        }
        for (const line of wrapText(region.short, width)) writeLine(out, line);
      }
      yield;
      continue;
    }
    const columns = [...left, ...block.regions.map((region) => ({ ...REGION_COLUMN, header: region.label }))];
    // The header and its rule, then the body, then the row of counts (wrapped to the columns, never widening them), then a blank line.
    for (const line of layoutRows(columns, [], block.widths, width, colour, wrap)) {
      text.text(line);
      text.byte(NEWLINE);
    }
    blockLines(text, view, rows, start, { ...block, widths: block.widths }, regionCells, layout, tones);
    const tallies: Row = { kind: 'cells', cells: ['', formatMessage('view.tallies', {}, view.lang), '', ...block.regions.map((region) => region.short)], sizes: false };
    for (const line of cellLines(columns, tallies, block.widths, colour, wrap)) {
      text.text(line);
      text.byte(NEWLINE);
    }
    for (let i = 0; i < block.regions.length; i++) regionCells.release(start + i);
    text.byte(NEWLINE);
    out.bytes(text.view());
    text.reset();
    yield;
  }
  for (const line of wrapText(formatMessage('view.legend', {}, view.lang), width)) writeLine(out, paint.dim(line));
  if (view.townsLegend) for (const line of wrapText(view.townsLegend, width)) writeLine(out, paint.dim(line));
  if (view.doubtLegend) for (const line of wrapText(view.doubtLegend, width)) writeLine(out, paint.dim(line));
  yield* writeOffTrackLines(view, rows, width, paint, out);
  return true;
}

/** The matrix's text (`writeMatrix`), each line ending in a line break; '' when nothing is listed. */
export function matrixText(view: ReportView, width: number, paint: Painter): string {
  const out = new ByteChunks();
  const pieces: string[] = [];
  const lines = writeMatrix(view, width, paint, out);
  for (let step = lines.next(); !step.done; step = lines.next()) if (out.full) pieces.push(Buffer.from(out.take()).toString('utf8'));
  pieces.push(Buffer.from(out.take()).toString('utf8'));
  return pieces.join('');
}
