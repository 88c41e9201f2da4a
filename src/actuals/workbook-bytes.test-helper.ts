import * as XLSX from '@e965/xlsx';

/** What a sheet of a test workbook has besides its cells, as Excel saves it. */
export interface SheetShape {
  /** Merged areas: `D1:F1`. */
  merges?: string[];
  /** Hidden rows (1-based) and columns (0-based). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** The sheet itself is hidden. */
  hidden?: boolean;
}

/** An .xlsx from rows; object cells keep their type and number format; `shapes` adds merges and hidden parts by sheet. */
export function workbook(sheets: Record<string, unknown[][]>, shapes: Record<string, SheetShape> = {}): Uint8Array {
  const book = XLSX.utils.book_new();
  const hidden: { Hidden: 0 | 1 }[] = [];
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map((cell) => (cell && typeof cell === 'object' ? null : cell))));
    rows.forEach((row, r) => row.forEach((cell, c) => {
      if (cell && typeof cell === 'object') ws[XLSX.utils.encode_cell({ r, c })] = cell;
    }));
    const shape = shapes[name] ?? {};
    if (shape.merges) ws['!merges'] = shape.merges.map((range) => XLSX.utils.decode_range(range));
    if (shape.hiddenRows) ws['!rows'] = Array.from({ length: Math.max(...shape.hiddenRows) }, (_, r) => ({ hidden: shape.hiddenRows?.includes(r + 1) === true }));
    if (shape.hiddenColumns) ws['!cols'] = Array.from({ length: Math.max(...shape.hiddenColumns) + 1 }, (_, c) => ({ hidden: shape.hiddenColumns?.includes(c) === true }));
    hidden.push({ Hidden: shape.hidden === true ? 1 : 0 });
    XLSX.utils.book_append_sheet(book, ws, name);
  }
  book.Workbook = { Sheets: hidden };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}
