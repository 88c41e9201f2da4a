import type { MessageCode, MessageParams } from '../messages.js';
import { cellText, isBlankCell, type Cell } from './cell.js';
import { parseCell } from './parse-number.js';
import { headerScore, readHeader, type HeaderLayout } from './read-header.js';

/** Rows searched for the header, not counting blank ones. */
export const HEADER_SCAN = 30;
/** Columns a header may have. */
export const MAX_COLUMNS = 1000;

/** A fault of a table's top rows, to be located by the table reader. */
export interface HeaderFault {
  code: MessageCode;
  params: MessageParams;
  row?: number;
  column?: number;
}

/** The header, once found: its columns, its row (the lower one of two), the rows above it. */
export interface FoundHeader {
  layout: HeaderLayout;
  row: number;
  width: number;
  /** The upper row of a two-row header. */
  topRow: number | null;
  /** Non-blank rows above the header (titles, 填报单位). */
  skipped: number;
}

/** What a row told: more rows are needed; the header (and whether the row is data); no header. */
export type HeaderStep =
  | { kind: 'more' }
  | { kind: 'found'; header: FoundHeader; rowIsData: boolean }
  | { kind: 'failed'; faults: HeaderFault[] };

/**
 * Finds the header of a table below title rows: the first row (of the first 30 non-blank ones)
 * holding an id or name column and a figure or year column. Chinese tables often head a year over
 * two columns (merged) with 目标值 | 完成值 below, so a header is settled only by the row after it.
 */
export class HeaderScan {
  private scanned = 0;
  private firstRow = 0;
  private best: { score: number; row: number; layout: HeaderLayout } | null = null;
  private candidate: { layout: HeaderLayout; row: number; width: number; texts: string[] } | null = null;

  constructor(private readonly baselineYear: number) {}

  /** How close the best row came to a header (0–2). */
  get score(): number {
    return this.candidate ? 2 : (this.best?.score ?? 0);
  }

  /** Reads the next non-blank row. */
  push(cells: Cell[], row: number): HeaderStep {
    if (cells.every(isBlankCell)) return { kind: 'more' };
    if (this.candidate) return this.settle(cells, row);
    if (cells.length > MAX_COLUMNS) return { kind: 'failed', faults: [{ code: 'csv.too-many-columns', params: { count: cells.length, limit: MAX_COLUMNS }, row }] };
    if (this.scanned === 0) this.firstRow = row;
    this.scanned++;
    const texts = cells.map((cell) => cellText(cell));
    const garbled = texts.findIndex((text) => text.includes('\ufffd'));
    // Text that does not decode above or in the header means the file was read in the wrong encoding.
    if (garbled >= 0) return { kind: 'failed', faults: [{ code: 'csv.undecodable', params: {}, row, column: garbled }] };
    const layout = readHeader(texts, this.baselineYear);
    const score = headerScore(layout);
    if (score === 2) {
      this.candidate = { layout, row, width: cells.length, texts };
      return { kind: 'more' };
    }
    if (!this.best || score > this.best.score) this.best = { score, row, layout };
    if (this.scanned >= HEADER_SCAN) return { kind: 'failed', faults: this.notFound() };
    return { kind: 'more' };
  }

  /** The table ended: the header found (with no row after it), or why there is none. */
  finish(): HeaderStep {
    if (this.candidate) return this.settle([], 0);
    if (this.scanned === 0) return { kind: 'failed', faults: [{ code: 'csv.empty', params: {} }] };
    return { kind: 'failed', faults: this.notFound() };
  }

  /**
   * Decides whether `cells` is the second line of the candidate header or the first data row.
   * A second line names no target (its id and name cells are blank or repeat the line above, as
   * a merged cell does), holds no number, and has at least one header word (目标值, 完成值) under
   * the first line's headers; a word under a blank cell belongs to the merged header on its left.
   */
  private settle(cells: Cell[], row: number): HeaderStep {
    const top = this.candidate;
    if (!top) return { kind: 'more' };
    this.candidate = null;
    const single: HeaderStep = {
      kind: 'found',
      header: { layout: top.layout, row: top.row, width: top.width, topRow: null, skipped: this.scanned - 1 },
      rowIsData: cells.length > 0,
    };
    const texts = cells.map((cell) => cellText(cell).trim());
    const upperOf = (c: number): string => (top.texts[c] ?? '').trim();
    if (!texts.some((text, c) => text !== '' && text !== upperOf(c))) return single;
    for (const role of ['id', 'name'] as const) {
      const c = top.layout.roles.get(role);
      if (c !== undefined && (texts[c] ?? '') !== '' && texts[c] !== upperOf(c)) return single;
    }
    const combined: string[] = [];
    let known = false;
    // The header a blank upper cell stands under: a merged cell spreading right (2025年 over 目标值 | 完成值).
    let owner = '';
    for (let c = 0; c < Math.max(texts.length, top.texts.length); c++) {
      const upper = upperOf(c);
      const lower = texts[c] ?? '';
      if (lower === '' || lower === upper) {
        combined.push(upper);
        owner = '';
        continue;
      }
      if (this.isHeaderWord(lower)) known = true;
      else if (parseCell(lower).kind === 'number') return single;
      if (upper !== '') owner = upper;
      combined.push(this.join(owner, lower));
    }
    if (!known) return single;
    const layout = readHeader(combined, this.baselineYear);
    if (headerScore(layout) < 2) return single;
    return {
      kind: 'found',
      header: { layout, row, width: Math.max(cells.length, top.width), topRow: top.row, skipped: this.scanned - 1 },
      rowIsData: false,
    };
  }

  private isHeaderWord(text: string): boolean {
    return text !== '' && readHeader([text], this.baselineYear).unknown.size === 0;
  }

  /** The header of a column under `upper`: `2025年` + `完成值`; `2025年完成情况` + `目标` is `2025年目标`. */
  private join(upper: string, lower: string): string {
    if (upper === '') return lower;
    const year = /^(?:19|20)\d{2}\s*年?/.exec(upper.normalize('NFKC'))?.[0];
    for (const text of [upper + lower, ...(year !== undefined ? [year + lower] : [])]) if (this.isHeaderWord(text)) return text;
    // A word that is a header on its own under a header that is no year (完成情况 over 目标 | 实际).
    if (year === undefined && this.isHeaderWord(lower)) return lower;
    return upper + lower;
  }

  private notFound(): HeaderFault[] {
    const best = this.best;
    const row = best && best.score > 0 ? best.row : this.firstRow;
    const faults: HeaderFault[] = [];
    const roles = best?.layout.roles;
    if (!roles?.has('id') && !roles?.has('name')) {
      faults.push({ code: 'csv.missing-column', params: { column: 'id', accepted: 'id, 编号, 指标编号, 指标名称, 名称' }, row });
    }
    if (!roles?.has('value') && !best?.layout.yearColumns.some((y) => y.kind === 'value')) {
      faults.push({ code: 'csv.missing-column', params: { column: 'value', accepted: 'value, 实际值, 完成值, 数值, 2025, 2025年' }, row });
    }
    if ((best?.score ?? 0) === 0 && this.scanned > 1) faults.push({ code: 'header.not-found', params: { rows: this.scanned, best: row } });
    return faults;
  }
}
