import type { MessageCode, MessageParams } from '../messages.js';
import type { Target } from '../plan/types.js';
import type { Problem, ReasonWords } from '../problem.js';
import { cellText, dateOf, isBlankCell, type Cell } from './cell.js';
import { classifyRow } from './classify-row.js';
import { headerKey, type HeaderLayout, type YearColumn } from './read-header.js';
import { findUnnamedColumns } from './find-unnamed-columns.js';
import type { FigureRemark } from './read-figure.js';
import { HeaderScan, MAX_COLUMNS, type FoundHeader, type HeaderFault } from './header-scan.js';
import { listTargets } from './name-index.js';
import { describeLookalikes } from './point-lookalikes.js';
import { compareFormTarget } from './compare-form-target.js';
import { columnLetter, normaliseId, type ReadContext } from './read-context.js';
import type { ActualsInput } from './read-actuals.js';
import { UNKNOWN_ROW, type FigureSource } from './figure-store.js';
import { quietScale, readFigure, scaleWarning } from './read-figure.js';
import { closest } from 'fastest-levenshtein';
import { isFormUnitHint } from '../form-unit-hint.js';

export { MAX_COLUMNS } from './header-scan.js';
export { MAX_FIELD } from './length-guard.js';
import { MAX_FIELD } from './length-guard.js';

const YEAR_CELL = /^(\d{4})\s*年?(?:度)?$/;

/** A figure of a column whose header may stand over the unnamed columns beside it, held back until the table ends. */
interface HeldFigure {
  target: Target;
  year: number;
  region: string;
  value: number;
  level: boolean;
  row: number;
  column: number;
  raw: string;
  remarks: FigureRemark[];
}

/** What a table gave when it ended: whether a header was found, and the faults to report if not. */
export interface TableEnd {
  header: boolean;
  /** How close the best row came to a header (0–2), to choose which sheet's faults to report. */
  score: number;
  problems: Problem[];
}

/**
 * Reads one table of cells (a CSV file or a workbook sheet), row by row: finds the header below
 * any title rows, then turns each data row into figures, reporting each fault where it is.
 */
export class TableReader {
  private layout: HeaderLayout | null = null;
  private headerRow = 0;
  private headerWidth = 0;
  private readonly scan: HeaderScan;
  private headerFaults: HeaderFault[] = [];
  /** Set when nothing more of the table is to be read. */
  stopped = false;
  /** Set once the text read so far holds U+FFFD or U+FEFF; until then no cell can. */
  scanCells = false;
  private syntaxErrors = 0;
  /** The columns that hold figures: the value column, or the year columns. */
  private figureColumns: YearColumn[] = [];
  // Long files repeat a region, an id or a year row after row: each text is normalised once.
  private readonly idOf = memo(normaliseId);
  private readonly regionOf = memo((raw: string) => raw.normalize('NFKC').trim());
  /** Figure columns not read: named twice, or under a header that stands over several columns. */
  private readonly voided = new Set<number>();
  /** Columns without a header (a blank header cell, or past the header's last one in a sheet). */
  private unnamed: number[] = [];
  /** Unnamed columns right of a figure column, by that figure column (see `readUnnamed`). */
  private spanOwner = new Map<number, number>();
  /** Unnamed columns by the figure column their run starts right of. */
  private spanRun = new Map<number, number>();
  /** Columns a sheet's widest row has (a header may end before its data does). */
  private sheetWidth = 0;
  /** Year columns with unnamed columns beside them: their figures are held back until the table ends. */
  private spanned = new Map<number, number>();
  private held: HeldFigure[] = [];
  /** A running total column beside the year's figure column: cumulative targets read it. */
  private totalColumn: number | undefined;
  private hiddenRows: ReadonlySet<number> = new Set();
  private hiddenColumns: ReadonlySet<number> = new Set();
  /** Hidden rows whose figures were read. */
  private readonly hiddenRead: number[] = [];

  constructor(
    private readonly ctx: ReadContext,
    private readonly input: ActualsInput,
    private readonly tableIndex: number,
    /** CSV rows must have as many fields as the header; sheet rows end at their last cell. */
    private readonly strictWidth: boolean,
    /** Report a missing header at once (CSV) or leave it to the caller (a sheet may be instructions). */
    private readonly deferHeaderFaults: boolean,
  ) {
    this.scan = new HeaderScan(ctx.plan.baselineYear);
  }

  /** What a workbook tells of a sheet before its rows: its widest row, and the rows (1-based) and columns (0-based) hidden, read with a warning. */
  describeSheet(width: number, hiddenRows: ReadonlySet<number>, hiddenColumns: ReadonlySet<number>): void {
    this.sheetWidth = width;
    this.hiddenRows = hiddenRows;
    this.hiddenColumns = hiddenColumns;
  }

  /** Reads one row (1-based as a spreadsheet shows it). */
  push(cells: Cell[], row: number): void {
    if (this.stopped) return;
    if (this.layout !== null) {
      if (!this.hiddenRows.has(row)) return this.readRecord(cells, row);
      const before = this.input.figures + this.held.length;
      this.readRecord(cells, row);
      if (this.input.figures + this.held.length > before) this.hiddenRead.push(row);
      return;
    }
    const step = this.scan.push(cells, row);
    if (step.kind === 'failed') {
      this.stopped = true;
      this.headerFaults = step.faults;
    } else if (step.kind === 'found') {
      this.acceptHeader(step.header);
      if (step.rowIsData) this.readRecord(cells, row);
    }
  }

  /** Takes a header found outside (the fast path's probe of the first lines) as if this reader had found it. */
  adoptHeader(header: FoundHeader): void {
    this.acceptHeader(header);
  }

  /**
   * Stores one figure the fast path read from a data row of the adopted header, exactly as
   * `readRecord` would store it: the row is counted, then the year and duplicate checks.
   */
  fastFigure(target: Target, year: number, region: string, slot: number, value: number, code: number, row: number, raw: () => string): void {
    // A plain number in the target's own unit: the only remark readFigure can make on it is the scale's.
    const reference = this.ctx.scaleReferences[target.index] ?? 0;
    if (!quietScale(value, reference, this.ctx.scaleFractions[target.index] === 1)) {
      const scale = scaleWarning(value, target, false, reference);
      if (scale) this.fastRemark(row, scale.code, scale.params, scale.severity);
    }
    const { baselineYear, period } = this.ctx.plan;
    if (year < baselineYear || year > period.end) return this.fastYearOutside(row, year);
    const earlier = this.ctx.store.setAt(slot < 0 ? this.ctx.store.slotOf(region) : slot, target.index, year, value, this.tableIndex, row, false, code);
    if (earlier) return this.fastDuplicate(target, year, region, earlier, row, raw());
    this.input.figures++;
  }

  /** A remark on a figure the fast path read (in this thread or another): on its value cell. */
  fastRemark(row: number, code: MessageCode, params: MessageParams, severity: 'warning' | 'notice'): void {
    this.notice(code, params, row, this.fastColumn(), severity);
  }

  /** A figure the fast path read for a year outside the plan's period. */
  fastYearOutside(row: number, year: number): void {
    const { baselineYear, period } = this.ctx.plan;
    this.problem('row.year-outside-period', { year, start: baselineYear, end: period.end }, row, this.layout?.roles.get('year') ?? this.fastColumn());
  }

  /** A figure the fast path read that the store had already (from `earlier`). */
  fastDuplicate(target: Target, year: number, region: string, earlier: FigureSource, row: number, raw: string): void {
    this.duplicate(target, year, region, earlier, row, this.fastColumn(), () => raw);
  }

  /** Counts figures stored for this table without passing here (merged from another thread's reading). */
  addFigures(count: number): void {
    this.input.figures += count;
  }

  private fastColumn(): number {
    if (this.fastValueColumn < 0) this.fastValueColumn = this.valueColumn;
    return this.fastValueColumn;
  }

  private fastValueColumn = -1;

  /** The column of values of a long-format table (the fast path reads only those). */
  private get valueColumn(): number {
    const column = this.layout?.roles.get('value');
    if (column === undefined) throw new Error('fastFigure before a long-format header');
    return column;
  }

  /** Counts rows the fast path read (rows without a figure included). */
  addRows(rows: number): void {
    this.input.rows += rows;
  }

  /** A row the CSV parser could not read: reported, and not taken as "header only". */
  syntaxError(row: number, words: ReasonWords): void {
    this.syntaxErrors++;
    this.problem('csv.syntax', { ...words }, row);
  }

  /** Gives up on the table at `row`: one of its fields or the line as a whole is too long. */
  refuseLongLine(row: number, fault: { columns: number } | { column: number; length: number }): void {
    if ('columns' in fault) {
      if (this.layout === null) this.problem('csv.too-many-columns', { count: fault.columns, limit: MAX_COLUMNS }, row);
      else this.problem('csv.ragged-row', { actual: fault.columns, expected: this.headerWidth }, row);
    } else this.problem('csv.field-too-long', { length: fault.length, limit: MAX_FIELD }, row, fault.column);
    this.stopped = true;
  }

  /** Ends the table: reports an empty or header-only table, or the header that was not found. */
  finish(): TableEnd {
    if (this.layout === null && !this.stopped) {
      const step = this.scan.finish();
      if (step.kind === 'found') this.acceptHeader(step.header);
      else if (step.kind === 'failed') this.headerFaults = step.faults;
    }
    this.releaseHeld();
    if (this.hiddenRead.length > 0) {
      const first = this.hiddenRead[0] as number;
      this.notice('warning.hidden-rows', { rows: rowRanges(this.hiddenRead), count: this.hiddenRead.length }, first, undefined, 'warning');
    }
    const end: TableEnd = { header: this.layout !== null, score: this.scan.score, problems: [] };
    if (this.layout === null) {
      end.problems = this.headerFaults.map((fault) =>
        this.located(fault.code, fault.code === 'csv.undecodable' ? { encoding: this.input.encoding ?? '' } : fault.params, fault.row, fault.column));
      if (!this.deferHeaderFaults) for (const problem of end.problems) this.ctx.sink(problem);
    } else if (!this.stopped && this.input.rows === 0 && this.syntaxErrors === 0) {
      this.problem('csv.header-only', {}, this.headerRow);
    }
    return end;
  }

  private acceptHeader(header: FoundHeader): void {
    const { layout, row } = header;
    this.layout = layout;
    this.headerRow = row;
    this.headerWidth = header.width;
    this.input.headerRow = row;
    if (header.topRow !== null) this.notice('notice.header-two-rows', { first: header.topRow, second: row }, row);
    else if (header.skipped > 0) this.notice('notice.header-found', { row, skipped: header.skipped }, row);
    this.readDuplicates(layout, row);
    for (const [column, name] of layout.unknown) this.notice('notice.column-ignored', { column: name }, row, column);
    const values = layout.yearColumns.filter((y) => y.kind === 'value' && !this.voided.has(y.column));
    const value = layout.roles.get('value');
    // With a value column, year columns are not figures: said, not silently passed over.
    if (value !== undefined) for (const { column } of values) this.notice('notice.column-ignored', { column: layout.names[column] ?? '' }, row, column);
    const total = layout.roles.get('total');
    if (value !== undefined && total !== undefined && !this.voided.has(value) && !this.voided.has(total)) {
      this.totalColumn = total;
      this.notice('notice.yearly-and-total', { value: layout.names[value] ?? '', total: layout.names[total] ?? '' }, row, total);
    }
    const long = [value, this.totalColumn].filter((c): c is number => c !== undefined && !this.voided.has(c));
    this.figureColumns = value !== undefined ? long.map((column) => ({ column, year: 0, unit: layout.units.get(column) ?? null, kind: 'value' })) : values;
    this.input.layout = layout.roles.has('value') || values.length === 0 ? 'long' : 'wide';
    // Without a year column each figure is dated by its target's deadline: the evaluation says so once.
    if (value !== undefined && !layout.roles.has('year')) this.input.undated = true;
    const unnamed = findUnnamedColumns(layout.names, this.sheetWidth, new Set(this.figureColumns.map((f) => f.column)), value === undefined);
    this.unnamed = unnamed.columns;
    this.spanOwner = unnamed.owners;
    this.spanRun = unnamed.runs;
    this.spanned = unnamed.spans;
    for (const column of this.hiddenColumns) {
      const name = layout.names[column] ?? '';
      if (name !== '' && !layout.unknown.has(column) && layout.roles.get('ignored') !== column) this.notice('warning.hidden-column', { column: name }, row, column, 'warning');
    }
  }

  /** Reports columns named twice; two figure columns of one meaning are neither read (which holds the figure cannot be told). */
  private readDuplicates(layout: HeaderLayout, row: number): void {
    // A year header Excel repeats over a merged area (2025年 | 2025年 | 2025年): one fault per area.
    const spans = new Map<number, number>();
    for (const { role, first, second } of layout.duplicates) {
      const other = layout.names[first] ?? role;
      const name = layout.names[second] ?? role;
      // A year's figure column named twice; the form's target (2025年目标值) twice is a plain duplicate.
      const yearColumn = role === 'year' && layout.yearColumns.some((y) => y.column === first && y.kind === 'value');
      const params = { column: name, other, first: first + 1, second: second + 1 };
      // Only side by side is it one merged area: the same year twice apart is two columns of one meaning.
      if (yearColumn && headerKey(other) === headerKey(name) && second === (spans.get(first) ?? first) + 1) spans.set(first, second);
      else if (role === 'value' || role === 'total' || yearColumn) this.problem('csv.duplicate-figure-column', params, row, second);
      else this.problem('csv.duplicate-column', params, row, second);
      if (role === 'value' || role === 'total' || yearColumn) {
        this.voided.add(first);
        this.voided.add(second);
      }
    }
    for (const [first, last] of spans) {
      this.problem('header.spans-columns', { column: layout.names[first] ?? '', first: columnLetter(first), last: columnLetter(last) }, row, first);
    }
  }

  /**
   * Looks at the cells of a data row under no header. Beside a year column, data there means the
   * year's header stands over several columns: none of them is read (`header.spans-columns`).
   * Elsewhere each such cell is an error; beside the value column the row's figure is not judged.
   * Returns false when the row's figures are not to be read.
   */
  private readUnnamed(cells: Cell[], row: number, layout: HeaderLayout): boolean {
    let sure = true;
    for (const c of this.unnamed) {
      if (isBlankCell(cells[c])) continue;
      const owner = this.spanOwner.get(c);
      if (owner !== undefined && this.spanned.has(owner)) {
        this.spanAmbiguous(owner, c, layout);
        continue;
      }
      // The rest of a year's merged area once it is known (目标值 | 完成值 | 完成率): said once, above.
      const run = this.spanRun.get(c);
      if (run !== undefined && this.spanned.has(run) && this.voided.has(run)) continue;
      const raw = cellText(cells[c]).trim();
      if (owner !== undefined && !this.voided.has(owner)) {
        sure = false;
        this.problem('row.unnamed-beside-figure', { column: columnLetter(c), value: clip(raw), figure: layout.names[owner] ?? '' }, row, c, raw);
      } else this.problem('row.unnamed-column', { column: columnLetter(c), value: clip(raw) }, row, c, raw);
    }
    return sure;
  }

  /** A year column whose header stands over unnamed columns with data: none of its figures is read. */
  private spanAmbiguous(owner: number, column: number, layout: HeaderLayout): void {
    if (this.voided.has(owner)) return;
    this.voided.add(owner);
    this.held = this.held.filter((figure) => figure.column !== owner);
    this.figureColumns = this.figureColumns.filter((figure) => figure.column !== owner);
    const last = Math.max(this.spanned.get(owner) ?? column, column);
    this.problem('header.spans-columns', { column: layout.names[owner] ?? '', first: columnLetter(owner), last: columnLetter(last) }, this.headerRow, owner);
  }

  /** Stores the figures held back, once the table has shown no data under their columns' unnamed neighbours. */
  private releaseHeld(): void {
    const held = this.held;
    this.held = [];
    for (const figure of held) {
      for (const remark of figure.remarks) this.notice(remark.code, remark.params, figure.row, figure.column, remark.severity);
      this.storeFigure(figure.target, figure.year, figure.region, figure.value, figure.level, figure.row, figure.column, undefined, () => figure.raw);
    }
  }

  private readRecord(cells: Cell[], row: number): void {
    const layout = this.layout;
    if (!layout) return;
    if (cells.every(isBlankCell)) return;
    if (this.strictWidth && cells.length !== this.headerWidth) {
      // A footnote or title typed on a line of its own (one cell) is not a broken row.
      const filled = cells.filter((cell) => !isBlankCell(cell));
      if (filled.length === 1) {
        const text = cellText(filled[0]).trim();
        const column = cells.indexOf(filled[0] as Cell);
        const skip = classifyRow(text, text);
        return this.notice(skip === 'subtotal' ? 'notice.row-subtotal' : skip === 'footnote' ? 'notice.row-footnote' : 'notice.row-title', { value: clip(text) }, row, column);
      }
      this.input.rows++;
      return this.problem('csv.ragged-row', { actual: cells.length, expected: this.headerWidth }, row);
    }
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column];
      if (typeof cell !== 'string') continue;
      if (cell.length > MAX_FIELD) {
        this.input.rows++;
        return this.problem('csv.field-too-long', { length: cell.length, limit: MAX_FIELD }, row, column);
      }
      if (!this.scanCells) continue;
      if (cell.includes('\ufffd')) {
        this.input.rows++;
        return this.problem('csv.undecodable', { encoding: this.input.encoding ?? '' }, row, column, cell);
      }
      if (cell.includes('\ufeff')) {
        this.input.rows++;
        return this.problem('csv.bom-inside', {}, row, column);
      }
    }
    const idColumn = layout.roles.get('id');
    const nameColumn = layout.roles.get('name');
    let rawId = idColumn !== undefined ? cellText(cells[idColumn]) : '';
    // Plan ids have letters (G2.7, M24.3): a number in an 编号 column beside names is a row number.
    if (nameColumn !== undefined && /^\s*\d+\s*$/.test(rawId)) rawId = '';
    // Most rows hold an id exactly as the plan writes it: nothing else needs looking at.
    const exact = rawId === '' ? undefined : this.ctx.exactIds.get(rawId);
    const rawName = nameColumn !== undefined ? cellText(cells[nameColumn]).trim() : '';
    if (!exact) {
      const firstColumn = cells.findIndex((cell) => !isBlankCell(cell));
      const first = cellText(cells[firstColumn]).trim();
      const skip = classifyRow(rawId.trim() !== '' ? rawId : rawName, first);
      if (skip) return this.notice(skip === 'subtotal' ? 'notice.row-subtotal' : 'notice.row-footnote', { value: clip(first) }, row, firstColumn);
      if (rawId.trim() === '' && rawName === '') {
        if (!this.hasFigure(cells)) return this.notice('notice.row-title', { value: clip(first) }, row, firstColumn);
        this.input.rows++;
        return this.problem('row.missing-id', {}, row, idColumn ?? nameColumn);
      }
    }
    const sure = this.readUnnamed(cells, row, layout);
    const hasFigure = exact !== undefined || this.hasFigure(cells);
    const found = this.findTarget(rawId, rawName, row, idColumn, nameColumn, hasFigure);
    if (!found) return;
    this.input.rows++;
    const { target, nameUnit } = found;
    const regionColumn = layout.roles.get('region');
    const region = regionColumn !== undefined ? this.regionOf(cellText(cells[regionColumn])) : '';
    const unitColumn = layout.roles.get('unit');
    const unitText = unitColumn !== undefined ? cellText(cells[unitColumn]).normalize('NFKC').trim() : '';
    // The form's hint for a growth or change target (form-unit-hint.ts) left as it was gives no unit.
    const unitCell = isFormUnitHint(unitText) ? '' : unitText;
    const valueColumn = layout.roles.get('value');
    if (valueColumn !== undefined) {
      const yearColumn = layout.roles.get('year');
      let year = target.year;
      const yearDate = yearColumn !== undefined ? dateOf(cells[yearColumn]) : null;
      // A date is a year only when its cell shows the year alone: 2025-01-15 may be 2024's figures reported in January.
      if (yearDate && !yearDate.yearOnly) {
        // 2025 typed into a date-formatted cell is the date 1905-07-17: the likely year is the number typed.
        const typed = Number.isInteger(yearDate.serial) && yearDate.serial >= 1990 && yearDate.serial <= 2100;
        return this.problem('row.date-for-year', { value: yearDate.date, year: typed ? yearDate.serial : yearDate.year }, row, yearColumn, yearDate.date);
      }
      const rawYear = yearColumn !== undefined ? cellText(cells[yearColumn]).normalize('NFKC').trim() : '';
      if (rawYear !== '') {
        const match = YEAR_CELL.exec(rawYear);
        if (!match) return this.problem('row.bad-year', { value: rawYear }, row, yearColumn, rawYear);
        year = Number(match[1]);
      }
      // Beside the year's figure (本年完成), a running total (累计完成) is a cumulative target's figure.
      const column = this.totalColumn !== undefined && target.kind === 'cumulative' ? this.totalColumn : valueColumn;
      if (sure && !this.voided.has(column)) this.readFigure(target, cells, column, year, region, unitCell, layout.units.get(column) ?? nameUnit, row, yearColumn);
      this.compareFormTarget(target, cells, layout.roles.get('target'), unitCell, row);
    } else {
      for (const { column, year, unit } of this.figureColumns) {
        this.readFigure(target, cells, column, year, region, unitCell, unit ?? nameUnit, row, undefined, this.spanned.has(column));
      }
      const formTarget = layout.yearColumns.find((y) => y.kind === 'target' && y.year === target.year)?.column ?? layout.roles.get('target');
      this.compareFormTarget(target, cells, formTarget, unitCell, row);
    }
    const noteColumn = layout.roles.get('note');
    const note = noteColumn !== undefined ? cellText(cells[noteColumn]).trim() : '';
    if (note !== '') this.notice('notice.row-note', { id: target.id, note: clip(note) }, row, noteColumn);
  }

  private hasFigure(cells: Cell[]): boolean {
    return this.figureColumns.some(({ column }) => !isBlankCell(cells[column]));
  }

  /** The target a row stands for, by id or else by name; null (reported) when there is none. */
  private findTarget(
    rawId: string, rawName: string, row: number, idColumn: number | undefined, nameColumn: number | undefined, hasFigure: boolean,
  ): { target: Target; nameUnit: string | null } | null {
    if (rawId.trim() !== '') {
      const target = this.ctx.exactIds.get(rawId) ?? this.ctx.plan.targetsById.get(this.idOf(rawId));
      if (target) {
        if (rawName !== '') this.checkName(target, rawName, row, nameColumn);
        return { target, nameUnit: null };
      }
      if (!hasFigure) {
        this.notice('notice.row-title', { value: clip(rawId.trim()) }, row, idColumn);
        return null;
      }
      this.input.rows++;
      const byName = rawName !== '' ? this.ctx.names.match(rawName) : null;
      this.unknownId(rawId, row, idColumn, byName?.kind === 'one' ? byName.target.id : undefined);
      return null;
    }
    const match = this.ctx.names.match(rawName);
    if (match.kind === 'one') return { target: match.target, nameUnit: match.unit };
    if (!hasFigure) {
      this.notice('notice.row-title', { value: clip(rawName) }, row, nameColumn);
      return null;
    }
    this.input.rows++;
    if (match.kind === 'many') {
      this.problem('row.ambiguous-name', { value: clip(rawName), matches: listTargets(match.targets) }, row, nameColumn, rawName);
    } else {
      this.problem('row.unknown-name', { value: clip(rawName), closest: listTargets(match.closest) }, row, nameColumn, rawName);
    }
    return null;
  }

  private unknownId(rawId: string, row: number, column: number | undefined, named?: string): void {
    const id = this.idOf(rawId);
    const lookalike = describeLookalikes(id, this.ctx.plan.targetsById, this.ctx.ids);
    if (lookalike) return this.problem('row.unknown-id-lookalike', { value: clip(rawId.trim()), ...lookalike }, row, column, rawId);
    this.problem('row.unknown-id', { value: clip(rawId.trim()), suggestion: named ?? closest(id, this.ctx.ids) }, row, column, rawId);
  }

  /** Warns when a row's name is another target's: the id may be a typo. */
  private checkName(target: Target, rawName: string, row: number, column: number | undefined): void {
    const match = this.ctx.names.match(rawName);
    if (match.kind === 'one' && match.target !== target) {
      this.notice('warning.name-differs', { name: clip(rawName), other: match.target.id, id: target.id, row }, row, column, 'warning');
    }
  }

  private readFigure(
    target: Target, cells: Cell[], column: number, year: number, region: string, unitCell: string, headerUnit: string | null, row: number,
    yearColumn: number | undefined,
    /** Hold the figure back until the table ends (see `findUnnamedColumns`). */
    hold = false,
  ): void {
    const cell = cells[column];
    const reading = readFigure(cell, target, { unitCell, headerUnit });
    const raw = cellText(cell);
    if (reading.kind === 'missing') {
      if (reading.errorCell !== null) this.notice('notice.error-cell', { value: reading.errorCell }, row, column);
      return;
    }
    if (reading.kind === 'error') {
      const at = reading.unitColumn ? (this.layout?.roles.get('unit') ?? column) : column;
      return this.problem(reading.code, reading.params, row, at, raw);
    }
    if (hold) {
      this.held.push({ target, year, region, value: reading.value, level: reading.level, row, column, raw, remarks: reading.remarks });
      return;
    }
    for (const remark of reading.remarks) this.notice(remark.code, remark.params, row, column, remark.severity);
    this.storeFigure(target, year, region, reading.value, reading.level, row, column, yearColumn, () => raw);
  }

  /** The year-in-period check, the store and the duplicate check of one figure read (both paths). */
  private storeFigure(
    target: Target, year: number, region: string, value: number, level: boolean, row: number, column: number,
    yearColumn: number | undefined, raw: () => string,
  ): void {
    const { baselineYear, period } = this.ctx.plan;
    if (year < baselineYear || year > period.end) {
      return this.problem('row.year-outside-period', { year, start: baselineYear, end: period.end }, row, yearColumn ?? column);
    }
    const earlier = this.ctx.store.set(region, target.index, year, value, { file: this.tableIndex, row }, level);
    if (earlier) return this.duplicate(target, year, region, earlier, row, column, raw);
    this.input.figures++;
  }

  private duplicate(target: Target, year: number, region: string, earlier: FigureSource, row: number, column: number, raw: () => string): void {
    const other = `${this.ctx.tableNames[earlier.file] ?? ''}:${earlier.row === UNKNOWN_ROW ? '?' : earlier.row}`;
    const code = region === '' ? 'row.duplicate' : 'row.duplicate-in-region';
    const problem = this.located(code, { id: target.id, year, region, other }, row, column, raw());
    // A store that keeps no row of the region: the row is found by reading the files again (readActuals).
    if (earlier.row === UNKNOWN_ROW && this.ctx.unknownEarlier.length < this.ctx.maxProblems) this.ctx.unknownEarlier.push({ problem, region, target: target.index, year });
    this.ctx.sink(problem);
  }

  /** Compares a target written on the form with the plan's: a form may be an outdated copy. */
  private compareFormTarget(target: Target, cells: Cell[], column: number | undefined, unitCell: string, row: number): void {
    if (column === undefined || this.voided.has(column)) return;
    const form = compareFormTarget(target, cells[column], unitCell !== '' ? unitCell : (this.layout?.units.get(column) ?? target.unit));
    if (form !== null) this.notice('warning.form-target-differs', { id: target.id, form, plan: String(target.value), unit: target.unit }, row, column, 'warning');
  }

  private located(code: MessageCode, params: MessageParams, row: number | undefined, column?: number, value?: string): Problem {
    const field = column !== undefined ? ((this.layout?.names[column] ?? '') || columnLetter(column)) : undefined;
    const problem: Problem = { code, params, file: this.input.file, line: row, column: column !== undefined ? column + 1 : undefined, field, value };
    if (this.input.sheet != null && row !== undefined) problem.cell = `${column !== undefined ? columnLetter(column) : 'A'}${row}`;
    if (row === undefined) delete problem.line;
    if (column === undefined) {
      delete problem.column;
      delete problem.field;
    }
    if (value === undefined) delete problem.value;
    return problem;
  }

  private problem(code: MessageCode, params: MessageParams, row: number, column?: number, value?: string): void {
    this.ctx.sink(this.located(code, params, row, column, value));
  }

  private notice(code: MessageCode, params: MessageParams, row: number, column?: number, severity: 'warning' | 'notice' = 'notice'): void {
    this.ctx.notice({ ...this.located(code, params, row, column), severity }, this.input);
  }
}

/** Ranges of rows named in a message before the rest is cut (a filter may hide thousands). */
const MAX_RANGES = 20;

/** Rows as ranges: 4, 7–9; past 20 ranges, an ellipsis. */
export function rowRanges(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    if (parts.length === MAX_RANGES) {
      parts.push('…');
      break;
    }
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === (rows[j] as number) + 1) j++;
    parts.push(j === i ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Long texts in messages are cut: a message names a cell, it does not reproduce it. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** How many distinct texts a memo keeps before it starts afresh; bounds memory on hostile input. */
const MEMO_LIMIT = 4096;

/** Wraps a pure text function so that a text seen recently is not worked on again. */
function memo(compute: (raw: string) => string): (raw: string) => string {
  const seen = new Map<string, string>();
  let lastRaw: string | undefined;
  let last = '';
  return (raw) => {
    if (raw === lastRaw) return last;
    let result = seen.get(raw);
    if (result === undefined) {
      result = compute(raw);
      if (seen.size >= MEMO_LIMIT) seen.clear();
      seen.set(raw, result);
    }
    lastRaw = raw;
    last = result;
    return result;
  };
}
