/** One cell of a workbook sheet: a value and how it looks. */
export interface WorkbookCell {
  /** Numbers are stored as number cells; strings always as text (never a formula); null leaves the cell empty. */
  value: string | number | boolean | null;
  /** Excel number format, e.g. `0.0%` or `#,##0.00`. */
  format?: string;
  /** Background fill as `#rrggbb`. */
  fill?: string;
  /** Font colour as `#rrggbb`. */
  color?: string;
  bold?: boolean;
  /** Wrap long text inside the column width; the row is made tall enough for its lines. */
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /**
   * Merged with the cells to its right, this many columns in all (they must be empty); with
   * `wrap`, the text wraps across them all.
   */
  span?: number;
}

/** A drop-down list offered in a range of cells of one column. */
export interface ListValidation {
  /** 0-based column index. */
  column: number;
  /** 0-based first and last rows (inclusive). */
  fromRow: number;
  toRow: number;
  /** The choices; each without a comma or double quote, all together at most 255 characters. */
  choices: string[];
}

/** One sheet of a workbook. */
export interface WorkbookSheet {
  /** Sheet tab name (at most 31 characters, none of `[]:*?/\`). */
  name: string;
  rows: WorkbookCell[][];
  /** Column widths in characters; a missing entry is fitted to the column's text. */
  widths?: (number | undefined)[];
  /** Rows frozen at the top (usually the header). */
  frozenRows?: number;
  /** Columns frozen at the left. */
  frozenColumns?: number;
  /** An auto-filter over the table starting at this 0-based header row, through the last row and column. */
  autoFilterRow?: number;
  validations?: ListValidation[];
  /** Print in landscape orientation. */
  landscape?: boolean;
}
