import { displayWidth, padEnd, padStart } from './text-width.js';
import { wrapText } from './wrap-text.js';

/** A column of a laid-out table. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Narrowest width the column may shrink to (its content then wraps). */
  min: number;
  /** Widest it grows to; wider content wraps. */
  max: number;
  /** Flexible columns share what is left of the width after the others. */
  flex?: boolean;
  /**
   * Its words (runs between spaces: an id, a figure, a gap) are never broken: the column is at
   * least as wide as its widest word, and a table that cannot give it that much is too narrow
   * (`+1.25` over `96` would read as another number).
   */
  whole?: boolean;
}

/** A row of cells, a title spanning the table, or a note under the previous row. */
export type Row =
  | { kind: 'cells'; cells: string[]; tag?: string; tags?: (string | undefined)[]; /** False: wraps to the others' widths rather than widening them. */ sizes?: boolean }
  | { kind: 'title'; text: string }
  | { kind: 'note'; text: string; tag?: string };

/** Colours a piece of laid-out text; gets each line of a cell separately, so no escape is ever split. */
export type Paint = (text: string, role: { column: number | 'title' | 'note' | 'header'; tag?: string }) => string;

const GAP = 2;

/** Each column's natural width: its widest cell or header, capped at its `max`. */
export function naturalWidths(columns: Column[], rows: Iterable<Row>): number[] {
  const natural = columns.map((column) => Math.min(column.max, displayWidth(column.header)));
  for (const row of rows) {
    if (row.kind !== 'cells' || row.sizes === false) continue;
    row.cells.forEach((cell, i) => {
      const column = columns[i];
      if (column && natural[i]! < column.max) natural[i] = Math.min(column.max, Math.max(natural[i]!, displayWidth(cell)));
    });
  }
  return natural;
}

/**
 * Column widths that fit `width`: natural widths (capped at `max`), then the widest shrinkable
 * column loses a column at a time until the table fits; null when even the minimums do not fit.
 */
export function fitColumns(columns: Column[], rows: Row[], width: number): number[] | null {
  const whole = columns.some((column) => column.whole) ? widestWords(columns, rows) : null;
  const natural = naturalWidths(columns, rows);
  if (!whole) return fitWidths(columns, natural, width);
  // A word wider than the column's max widens it: the max caps text that can wrap, not a figure.
  const fitted = columns.map((column, i) => (column.whole ? { ...column, min: Math.max(column.min, whole[i]!) } : column));
  return fitWidths(fitted, natural.map((n, i) => Math.max(n, columns[i]!.whole ? whole[i]! : 0)), width);
}

/** The display width of the widest word (run between spaces) of each `whole` column's cells; 0 for the others. */
function widestWords(columns: Column[], rows: Iterable<Row>): number[] {
  const widest = columns.map(() => 0);
  for (const row of rows) {
    if (row.kind !== 'cells') continue;
    row.cells.forEach((cell, i) => {
      if (!columns[i]?.whole) return;
      for (const word of cell.split(' ')) widest[i] = Math.max(widest[i]!, displayWidth(word));
    });
  }
  return widest;
}

/** As `fitColumns`, from natural widths already measured. */
export function fitWidths(columns: Column[], natural: number[], width: number): number[] | null {
  const n = columns.length;
  const widths = natural.slice(0, n);
  let total = GAP * (n - 1);
  let minimum = GAP * (n - 1);
  for (let i = 0; i < n; i++) {
    total += widths[i]!;
    minimum += Math.min(columns[i]!.min, natural[i]!);
  }
  if (minimum > width) return null;
  // First down to a comfortable floor (wide enough for words), then to the minimums; always the
  // column with most to spare (the first of those), so no one column is squeezed while another
  // stays roomy. The total kept as the widths shrink, not added up again.
  for (let pass = 0; pass < 2 && total > width; pass++) {
    const floor = columns.map((column) => (pass === 0 ? Math.max(column.min, column.flex ? 20 : 10) : column.min));
    while (total > width) {
      let pick = -1;
      let spare = 0;
      for (let i = 0; i < n; i++) {
        const room = widths[i]! - floor[i]!;
        if (room > spare) {
          pick = i;
          spare = room;
        }
      }
      if (pick < 0) break;
      widths[pick]!--;
      total--;
    }
  }
  return total <= width ? widths : null;
}

/**
 * Lays out rows under a header in `widths` columns (from `fitColumns`): cells wrapped word-aware,
 * padded by display width, coloured line by line after layout. Titles and notes span the table
 * and wrap to `width`. Every line is at most `width` columns.
 */
export function* layoutRows(
  columns: Column[],
  rows: Iterable<Row>,
  widths: number[],
  width: number,
  paint: Paint,
  wrap: (text: string, width: number) => string[] = wrapText,
): Generator<string> {
  const headerCells = columns.map((column, i) => wrapText(column.header, widths[i]!));
  yield* joinLines(headerCells, columns, widths, (text) => paint(text, { column: 'header' }));
  yield paint('-'.repeat(Math.min(width, widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1))), { column: 'header' });
  const noteIndent = (widths[0] ?? 0) + GAP;
  for (const row of rows) {
    if (row.kind === 'title') {
      for (const line of wrapText(row.text, width)) yield paint(line, { column: 'title' });
    } else if (row.kind === 'note') {
      const indent = noteIndent + 8 <= width ? noteIndent : 0;
      for (const line of wrapText(row.text, width - indent)) yield ' '.repeat(indent) + paint(line, { column: 'note', tag: row.tag });
    } else {
      yield* cellLines(columns, row, widths, paint, wrap);
    }
  }
}

/** The lines of one row of cells laid out in `widths` columns, as `layoutRows` lays it out. */
export function cellLines(
  columns: Column[],
  row: Extract<Row, { kind: 'cells' }>,
  widths: number[],
  paint: Paint,
  wrap: (text: string, width: number) => string[] = wrapText,
): Generator<string> {
  const cells = row.cells.map((cell, i) => wrap(cell, widths[i] ?? 1));
  return joinLines(cells, columns, widths, (text, column) => paint(text, { column, tag: row.tags?.[column] ?? row.tag }));
}

function* joinLines(cells: string[][], columns: Column[], widths: number[], paint: (text: string, column: number) => string): Generator<string> {
  const height = Math.max(1, ...cells.map((lines) => lines.length));
  for (let line = 0; line < height; line++) {
    const parts: string[] = [];
    cells.forEach((lines, i) => {
      const text = lines[line] ?? '';
      const w = widths[i]!;
      const padded = columns[i]!.align === 'right' ? padStart(text, w) : padEnd(text, w);
      // Paint the text, not the padding: the escape codes then sit inside the cell's own columns.
      const pad = padded.slice(0, padded.length - text.length);
      const painted = text === '' ? padded : columns[i]!.align === 'right' ? pad + paint(text, i) : paint(text, i) + padded.slice(text.length);
      parts.push(painted);
    });
    yield parts.join(' '.repeat(GAP)).trimEnd();
  }
}

/** `wrapText` remembering its answers: blocks of a matrix wrap the same indicators again and again. */
export function memoWrap(): (text: string, width: number) => string[] {
  const cache = new Map<string, string[]>();
  return (text, width) => {
    if (text.length <= width && !/[^\u0020-\u007e]/.test(text)) return [text];
    // A cell that fits is its own line: no key to build, nothing to remember.
    if (text.length <= width * 2 && displayWidth(text) <= width) return [text];
    const key = `${width}\u0000${text}`;
    let lines = cache.get(key);
    if (!lines) {
      lines = wrapText(text, width);
      // Bounded: figures are many and rarely repeat; indicators are few and repeat in every block.
      if (cache.size < 4096) cache.set(key, lines);
    }
    return lines;
  };
}
