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

/** One cell of a table read from a CSV (always text) or a workbook sheet. */
export type Cell = string | NumberCell | ErrorCell;

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
