/** A numeric cell of a workbook: the number stored, and whether Excel shows it as a percentage. */
export interface NumberCell {
  number: number;
  /** True when the cell's format shows it with % (the cell holds 0.031, Excel shows 3.1%). */
  percent: boolean;
  /** The text Excel shows, for headers and messages. */
  text: string;
}

/** An error value of a workbook cell (#N/A, #DIV/0!). */
export interface ErrorCell {
  error: string;
}

/** A workbook cell formatted as a date or time: a date is never a figure, and a year only when it shows one. */
export interface DateCell {
  /** The date as written without ambiguity: `2025-01-15` (`2025-01-15 08:30` with a time); the year alone when `yearOnly`. */
  date: string;
  year: number;
  /** True when the cell's format shows the year only (`yyyy`, `yyyy"年"`). */
  yearOnly: boolean;
  /** The number Excel stores (a day count): 2025 typed into a date-formatted cell shows 1905-07-17. */
  serial: number;
  /** What messages quote: `date`, never Excel's locale-dependent display (`1/15/25`). */
  text: string;
}

/** One cell of a table read from a CSV (always text) or a workbook sheet. */
export type Cell = string | NumberCell | ErrorCell | DateCell;

/** The cell as a date, when it is one. */
export function dateOf(cell: Cell | undefined): DateCell | null {
  return cell !== undefined && typeof cell !== 'string' && 'date' in cell ? cell : null;
}

/** The text a cell shows. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  return 'error' in cell ? cell.error : cell.text;
}

/** True when a cell holds nothing but spaces. */
export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}
