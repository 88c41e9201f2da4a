import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { MessageCode, MessageParams } from '../messages.js';
import type { Cell, DateCell } from './cell.js';
import { checkZipBounds } from './check-zip-bounds.js';
import { workbookFaultWords } from './fault-words.js';
import { MAX_COLUMNS } from './table-reader.js';
import { MAX_WORKBOOK_BYTES } from './workbook-limits.js';


/** Rows a sheet may have. */
export const MAX_SHEET_ROWS = 200_000;
/** Cells a sheet may have, blanks between cells counted. */
const MAX_CELLS = 5_000_000;
/** Cells merged areas may fill in one sheet. */
const MAX_MERGED_CELLS = 2_000_000;
// What a parser may be given: SheetJS holds a sheet's XML and its cells in memory, several times the bytes.
const ZIP_LIMITS = { entry: 64 * 1024 * 1024, total: 128 * 1024 * 1024, entries: 10_000 };

/** One sheet as rows of cells, indexed from A1. */
export interface SheetTable {
  name: string;
  rows: (Cell[] | undefined)[];
  /** Hidden (or very hidden) in Excel: a draft or a lookup sheet, not what the analyst sees and submits. */
  hidden: boolean;
  /** Rows (1-based) and columns (0-based) hidden in Excel. */
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
}

/** A workbook's sheets, or why it cannot be read. */
export type WorkbookReading =
  | { ok: true; sheets: SheetTable[]; names: string[] }
  | { ok: false; code: MessageCode; params: MessageParams };

/**
 * Reads a workbook (.xlsx, .xlsm, .xls) into tables of cells. Bounds are checked before the
 * parser opens it; the parser (SheetJS CE, published as @e965/xlsx) is loaded only here.
 */
export async function readWorkbook(bytes: Buffer, kind: 'zip' | 'cfb'): Promise<WorkbookReading> {
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    return { ok: false, code: 'workbook.too-large', params: { size: bytes.length, limit: MAX_WORKBOOK_BYTES } };
  }
  if (kind === 'zip') {
    const fault = checkZipBounds(bytes, ZIP_LIMITS);
    if (fault?.kind === 'parts') return { ok: false, code: 'workbook.zip-parts', params: { count: fault.count, limit: fault.limit } };
    if (fault?.kind === 'bomb') return { ok: false, code: fault.whole ? 'workbook.zip-bomb-total' : 'workbook.zip-bomb', params: { entry: fault.entry, limit: fault.limit } };
    if (fault?.kind === 'lies') return { ok: false, code: 'workbook.zip-size-lie', params: { entry: fault.entry, declared: fault.declared } };
    if (fault) return { ok: false, code: 'workbook.unreadable', params: { ...workbookFaultWords(fault.reason) } };
  }
  // A compound file (.xls) starts with a 512-byte header; anything shorter is cut off.
  if (kind === 'cfb' && bytes.length < 512) return { ok: false, code: 'workbook.unreadable', params: { ...workbookFaultWords('the file is cut off') } };
  const XLSX = await import('@e965/xlsx');
  if (kind === 'cfb') {
    // Legacy .xls files keep text in the code page of the Excel that saved them (GBK in China).
    // (The subpath with a require condition: the CLI bundle is CommonJS.)
    const cptable = await import('@e965/xlsx/dist/cpexcel.full');
    XLSX.set_cptable(cptable);
  }
  let book: WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellHTML: false, cellFormula: false, cellDates: false, cellStyles: true, sheetRows: MAX_SHEET_ROWS + 1 });
  } catch (error) {
    return { ok: false, code: 'workbook.unreadable', params: { ...workbookFaultWords(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)) } };
  }
  const sheets: SheetTable[] = [];
  const date1904 = book.Workbook?.WBProps?.date1904 === true;
  const toCell = (cell: CellObject | undefined): Cell | undefined => readCell(cell, date1904, XLSX.SSF);
  for (const [i, name] of book.SheetNames.entries()) {
    const sheet = book.Sheets[name];
    if (!sheet) continue;
    const table = sheetTable(name, sheet, toCell, (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0);
    if (!table) return { ok: false, code: 'workbook.sheet-too-large', params: { sheet: name, rows: MAX_SHEET_ROWS, columns: MAX_COLUMNS, cells: MAX_CELLS } };
    sheets.push(table);
  }
  return { ok: true, sheets, names: book.SheetNames };
}

/** A sheet's rows of cells, merged areas filled as Excel shows them; null when too large. */
function sheetTable(name: string, sheet: WorkSheet, toCell: (cell: CellObject | undefined) => Cell | undefined, hidden: boolean): SheetTable | null {
  const data = (sheet['!data'] ?? []) as (CellObject[] | undefined)[];
  if (data.length > MAX_SHEET_ROWS) return null;
  const rows: (Cell[] | undefined)[] = [];
  let budget = MAX_CELLS;
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (!source) continue;
    const cells: Cell[] = [];
    let beyond = false;
    // Sparse rows: only the cells that exist are visited.
    source.forEach((cell, c) => {
      const value = toCell(cell);
      if (value === undefined) return;
      if (c >= MAX_COLUMNS) beyond = true;
      else cells[c] = value;
    });
    // A cell far to the right would make every row that long: refused, never dropped silently.
    if (beyond) return null;
    budget -= cells.length;
    if (budget < 0) return null;
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = '';
    rows[r] = cells;
  }
  budget = Math.min(budget, MAX_MERGED_CELLS);
  for (const merge of sheet['!merges'] ?? []) {
    const value = rows[merge.s.r]?.[merge.s.c];
    if (value === undefined || value === '') continue;
    // A merge reaching past the cells the sheet has is filled only where rows exist.
    const lastRow = Math.min(merge.e.r, rows.length - 1);
    // A number is not copied across columns: a figure merged over two years is not two figures.
    const lastColumn = typeof value === 'string' ? Math.min(merge.e.c, MAX_COLUMNS) : merge.s.c;
    for (let r = merge.s.r; r <= lastRow; r++) {
      const row = (rows[r] ??= []);
      for (let c = merge.s.c; c <= lastColumn; c++) {
        if (--budget < 0) return null;
        if (r === merge.s.r && c === merge.s.c) continue;
        while (row.length < c) row.push('');
        row[c] = value;
      }
    }
  }
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  // Sparse arrays: only the rows and columns that have properties are visited.
  (sheet['!rows'] ?? []).forEach((props, r) => {
    if (props?.hidden === true && r < MAX_SHEET_ROWS) hiddenRows.add(r + 1);
  });
  (sheet['!cols'] ?? []).forEach((props, c) => {
    if (props?.hidden === true && c < MAX_COLUMNS) hiddenColumns.add(c);
  });
  return { name, rows, hidden, hiddenRows, hiddenColumns };
}

/** The parts of SheetJS's number-format library the reader uses. */
interface NumberFormats {
  is_date(format: string): boolean;
  parse_date_code(value: number, options?: { date1904?: boolean }): { y: number; m: number; d: number; H: number; M: number; S: number } | null;
}

/** A date as written without ambiguity (ISO 8601), and its year. */
function dateCell(y: number, m: number, d: number, H: number, M: number, format: string, serial: number): DateCell {
  const pad = (n: number): string => String(n).padStart(2, '0');
  // A format that shows the year and no month, day or time (yyyy, yyyy"年") shows a year.
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const yearOnly = /y/i.test(bare) && !/[mdhs]/i.test(bare);
  const date = yearOnly ? String(y) : `${y}-${pad(m)}-${pad(d)}${H !== 0 || M !== 0 ? ` ${pad(H)}:${pad(M)}` : ''}`;
  return { date, year: y, yearOnly, serial, text: date };
}

/** One SheetJS cell as plancheck reads it: numbers as numbers (never re-parsed from display text), dates as dates. */
function readCell(cell: CellObject | undefined, date1904: boolean, formats: NumberFormats): Cell | undefined {
  if (!cell) return undefined;
  switch (cell.t) {
    case 'n': {
      const value = cell.v as number;
      const format = typeof cell.z === 'string' ? cell.z : '';
      if (format !== '' && Number.isFinite(value) && formats.is_date(format)) {
        const code = formats.parse_date_code(value, { date1904 });
        if (code) return dateCell(code.y, code.m, code.d, code.H, code.M, format, value);
      }
      // A % outside quoted text and [colour] sections makes Excel show the value × 100.
      const percent = /%/.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
      return { number: value, percent, text: cell.w ?? String(value) };
    }
    case 'e':
      return { error: cell.w ?? '#ERROR' };
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 's':
      return String(cell.v ?? '');
    case 'd': {
      const value = cell.v instanceof Date ? cell.v : new Date(String(cell.v ?? ''));
      if (Number.isNaN(value.getTime())) return String(cell.w ?? cell.v ?? '');
      const format = typeof cell.z === 'string' ? cell.z : 'yyyy-mm-dd';
      // Excel's day count of the date (1900 system): what the cell would hold as a number.
      const serial = value.getTime() / 86_400_000 + 25_569;
      return dateCell(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.getUTCHours(), value.getUTCMinutes(), format, serial);
    }
    default:
      return undefined;
  }
}
