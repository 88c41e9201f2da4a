import type { Target } from '../plan/types.js';
import { REGION_FINAL_LEVEL, type ListedCell } from '../report/listed-results.js';
import { STATUSES } from '../report/types.js';
import type { GrowingBytes } from './growing-bytes.js';
import { quickShowNumber, writeQuickNumber } from './quick-show-number.js';
import { nearBound } from './region-matrix.js';
import type { Tone } from './view-result.js';

// The pieces of a matrix cell (matrix-cell-texts.ts): a template's text around a figure, how a
// figure is written between them, and what decides which template and whether one serves.

/** A cell's text around its figure, escaped, as text and UTF-8, with the display width of both pieces. */
export interface CellTemplate {
  before: string;
  after: string;
  beforeBytes: Uint8Array;
  afterBytes: Uint8Array;
  width: number;
  tone: Tone;
  code: number;
  /** The text ends in a character `trimEnd` removes (only `after` can: a figure ends in a digit). */
  spaceEnd: boolean;
}

/**
 * Appends a template's pieces around the digits of `value` (`quickShowNumber`'s) to `sink`;
 * returns the cell's display width, or -1, with nothing appended, when the figure is not plain
 * digits.
 */
export function writeFigure(sink: GrowingBytes, template: CellTemplate, values: Float64Array, index: number): number {
  const value = values[index]!;
  const before = template.beforeBytes;
  const after = template.afterBytes;
  let buf = sink.room(before.length + 18 + after.length);
  let at = sink.length;
  // The pieces are a few bytes: copied by hand.
  for (let i = 0; i < before.length; i++) buf[at++] = before[i]!;
  const digitsAt = at;
  at = writeQuickNumber(buf, at, values, index);
  if (at < 0) {
    // Beyond the quick range: the figure's text, when it is plain digits.
    const figure = quickShowNumber(value);
    if (!plainFigure(figure)) return -1;
    sink.length = digitsAt;
    sink.text(figure);
    at = sink.length;
    buf = sink.room(after.length);
  }
  const width = template.width + at - digitsAt;
  for (let i = 0; i < after.length; i++) buf[at++] = after[i]!;
  sink.length = at;
  return width;
}

/** As `entryOf` words a cell read with its region: a final level near a bound of its target (not a milestone) the general way. */
export function nearFinal(shape: number, target: Target, value: number): boolean {
  return shape === REGION_FINAL_LEVEL && target.kind !== 'milestone' && nearTarget(value, target.value);
}

/** What tells apart the kinds of cell of one row read with their region: the mark, the shape, and for a milestone whether it is done. */
export function regionCode(mark: number, shape: number, target: Target, value: number): number {
  return (mark << 3) | (shape << 1) | (target.kind === 'milestone' && value === 1 ? 1 : 0);
}

/** `nearBound` without an array for a single bound: true when `value` is within 0.001 of a bound of the target. */
export function nearTarget(value: number, target: Target['value']): boolean {
  if (target === null) return false;
  if (typeof target === 'number') return Math.abs(value - target) < 0.001;
  return nearBound(value, target);
}

const STATUS_INDEX = new Map<string, number>(STATUSES.map((status, i) => [status, i]));

/** What besides the target decides a cell's words around its figure. */
export function shapeOf(cell: ListedCell): number {
  let key = STATUS_INDEX.get(cell.status) ?? 63;
  key = key * 8 + (cell.severity === 'ok' ? 0 : cell.severity === 'info' ? 1 : cell.severity === 'warning' ? 2 : 3);
  key = key * 2 + (cell.shape === 'final_level' ? 0 : 1);
  key = key * 4 + (cell.figureSource === 'derived' ? 1 : cell.figureSource === null ? 2 : 0);
  return key * 8 + (cell.targetSource === null ? 0 : cell.targetSource === 'plan' ? 1 : cell.targetSource === 'intensive_plan' ? 2 : 3);
}

/** True for a figure of digits, points and minus signs only: the same in any escaping and one column a character. */
export function plainFigure(figure: string): boolean {
  for (let i = 0; i < figure.length; i++) {
    const c = figure.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 45)) return false;
  }
  return figure !== '';
}
