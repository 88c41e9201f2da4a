import type { Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import { emptyCell, resultOfCell, type ListedCell } from '../report/listed-results.js';
import { STATUSES } from '../report/types.js';
import { matrixCell, nearBound, type MatrixRow } from './region-matrix.js';
import { utf8 } from './byte-chunks.js';
import type { GrowingBytes } from './growing-bytes.js';
import { quickShowNumber, writeQuickNumber } from './quick-show-number.js';
import { showNumber } from './show-number.js';
import { displayWidth, endsInSpace } from './text-width.js';
import { cellOf, type Tone } from './view-result.js';
import type { ReportView } from './view.js';

/** A matrix cell as a format shows it: its text (escaped for the format), its display width, its tone. */
export interface CellText {
  text: string;
  width: number;
  tone: Tone;
}

/** A matrix cell written as UTF-8 (`MatrixCellTexts.write`): its display width, its tone, and whether it ends in a character `trimEnd` removes. */
export interface CellBytes {
  width: number;
  tone: Tone;
  /** 1 + the index of `tone` in `TONES`. */
  code: number;
  spaceEnd: boolean;
}

/** Every tone a cell can have, in the order of `CellBytes.code`. */
export const TONES: readonly Tone[] = ['good', 'bad', 'warn', 'moderate', 'neutral'];
const TONE_CODE = new Map<Tone, number>(TONES.map((tone, i) => [tone, i + 1]));

/** A cell's text around its figure, escaped, as text and UTF-8, with the display width of both pieces. */
interface CellTemplate {
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

/** A milestone's cell, worded once per target, shape and whether it is done. */
interface KnownCell extends CellText {
  bytes: Uint8Array;
  spaceEnd: boolean;
}

/** The part of a view the cells need. */
export type CellsView = Pick<ReportView, 'listed' | 'lang' | 'doubts'>;

/** How a cell is worded: not listed, from its target's template around its figure, or as a whole text. */
const NONE = 0;
const TEMPLATE = 1;
const WHOLE = 2;

/**
 * The texts of a matrix's cells, `escape(matrixCell(row.cell(region)))` of each: a figure of a
 * common shape (`ListedCell`) is put between the two pieces its target's cell has around it for
 * its status, severity and sources (`✗ ` and `/40`, cut once from two probes and proven on the
 * first cell), so no result or cell object is built and nothing is measured but the figure; a
 * milestone's cell (no number: 已完成 or 未完成) is worded the general way once per target, shape
 * and whether it is done, and taken again for the others; a doubted figure, a figure near a
 * bound, one that is not plain digits, or another shape is worded the general way. `at` gives the
 * text (one object again and again: read it before the next call); `write` appends the same text
 * as UTF-8, a template's pieces encoded once and the figure's digits written without a string.
 */
export class MatrixCellTexts {
  private readonly templates = new Map<Target, Map<number, CellTemplate | null>>();
  /** A milestone's cell by target, then by shape and whether it is done. */
  private readonly milestones = new Map<Target, Map<number, KnownCell>>();
  private readonly into: ListedCell = emptyCell();
  private readonly out: CellText = { text: '', width: 0, tone: 'good' };
  private readonly bytesOut: CellBytes = { width: 0, tone: 'good', code: 1, spaceEnd: false };
  private readonly lang: Lang;
  /** What the last `resolve` found: the template and figure of a `TEMPLATE` cell, the cell of a `WHOLE` one. */
  private template: CellTemplate | null = null;
  private figure = 0;
  private whole: KnownCell | null = null;
  private wholeText: CellText = { text: '', width: 0, tone: 'good' };

  constructor(
    private readonly view: CellsView,
    private readonly escape: (text: string) => string,
  ) {
    this.lang = view.lang;
  }

  /** The cell of `row` in the region at `region` (a position in the view's regions), or null where that region lists none. */
  at(row: CellRow, region: number): CellText | null {
    const kind = this.resolve(row, region);
    if (kind === NONE) return null;
    const { out } = this;
    if (kind === TEMPLATE) {
      const template = this.template!;
      const figure = quickShowNumber(this.figure);
      if (plainFigure(figure)) {
        out.text = template.before + figure + template.after;
        out.width = template.width + figure.length;
        out.tone = template.tone;
        return out;
      }
      this.wordWhole(row, region, null, 0);
    }
    const cell = this.whole ?? this.wholeText;
    out.text = cell.text;
    out.width = cell.width;
    out.tone = cell.tone;
    return out;
  }

  /**
   * Appends the UTF-8 of the same text `at` gives to `sink`, and says its width, tone and whether
   * it ends in a space `trimEnd` removes (one object again and again); null, with nothing
   * appended, where the region lists none.
   */
  write(row: CellRow, region: number, sink: GrowingBytes): CellBytes | null {
    const kind = this.resolve(row, region);
    if (kind === NONE) return null;
    const out = this.bytesOut;
    if (kind === TEMPLATE) {
      const template = this.template!;
      const start = sink.length;
      sink.bytes(template.beforeBytes);
      const end = writeQuickNumber(sink.room(18), sink.length, this.figure);
      let plain = end >= 0;
      if (plain) sink.length = end;
      else {
        // Beyond the quick range: the figure's text, when it is plain digits.
        const figure = quickShowNumber(this.figure);
        plain = plainFigure(figure);
        if (plain) sink.text(figure);
      }
      if (plain) {
        const digits = sink.length - start - template.beforeBytes.length;
        sink.bytes(template.afterBytes);
        out.width = template.width + digits;
        out.tone = template.tone;
        out.code = template.code;
        out.spaceEnd = template.spaceEnd;
        return out;
      }
      sink.length = start;
      this.wordWhole(row, region, null, 0);
    }
    const known = this.whole;
    if (known) {
      sink.bytes(known.bytes);
      out.width = known.width;
      out.tone = known.tone;
      out.code = TONE_CODE.get(known.tone)!;
      out.spaceEnd = known.spaceEnd;
      return out;
    }
    const cell = this.wholeText;
    sink.text(cell.text);
    out.width = cell.width;
    out.tone = cell.tone;
    out.code = TONE_CODE.get(cell.tone)!;
    out.spaceEnd = endsInSpace(cell.text);
    return out;
  }

  /** Finds how the cell of `row` in a region is worded: `TEMPLATE` (`template`, `figure`), `WHOLE` (`whole`, or else `wholeText`), or `NONE`. */
  private resolve(row: CellRow, region: number): number {
    const key = row.key(region);
    if (key < 0) return NONE;
    const { listed, doubts } = this.view;
    const { into } = this;
    this.whole = null;
    let milestone: Map<number, KnownCell> | null = null;
    let done = 0;
    // A common shape's figure, read without building its result (nor where it came from: a cell never shows that).
    const common = listed.cell !== undefined && doubts.size === 0 && listed.cell(key, into, false, false) && into.hasActual;
    if (common && into.target.kind === 'milestone') {
      // A milestone's cell has no number: its words are one of two per target and shape, worded in full once.
      milestone = this.milestones.get(into.target) ?? null;
      if (!milestone) this.milestones.set(into.target, (milestone = new Map()));
      done = shapeOf(into) * 2 + (into.value === 1 ? 1 : 0);
      const known = milestone.get(done);
      if (known) {
        this.whole = known;
        return WHOLE;
      }
    } else if (common && !(into.shape === 'final_level' && nearTarget(into.value, into.target.value))) {
      const template = this.templateOf(into);
      if (template) {
        // The figure is written by the caller, which words the cell in full when it is not plain digits.
        this.template = template;
        this.figure = into.value;
        return TEMPLATE;
      }
    }
    this.wordWhole(row, region, milestone, done);
    return WHOLE;
  }

  /** Words the cell the general way into `wholeText` (and, for a milestone's, keeps it as `whole` under `done`). */
  private wordWhole(row: CellRow, region: number, milestone: Map<number, KnownCell> | null, done: number): void {
    const cell = row.cell(region)!;
    const text = this.escape(matrixCell(cell));
    const whole = this.wholeText;
    whole.text = text;
    whole.width = displayWidth(text);
    whole.tone = cell.tone;
    this.whole = null;
    if (milestone) milestone.set(done, (this.whole = { text, width: whole.width, tone: cell.tone, bytes: utf8(text), spaceEnd: endsInSpace(text) }));
  }

  /** The last cell a template was looked up for, and its template: the next cell is most often of the same row and shape. */
  private readonly lastCell: ListedCell = emptyCell();
  private lastTemplate: CellTemplate | null = null;

  private templateOf(cell: ListedCell): CellTemplate | null {
    const last = this.lastCell;
    // Everything `shapeOf` reads, and the target: the same template.
    if (cell.target === last.target && cell.status === last.status && cell.severity === last.severity && cell.shape === last.shape && cell.figureSource === last.figureSource && cell.targetSource === last.targetSource) return this.lastTemplate;
    const template = this.lookUp(cell);
    last.target = cell.target;
    last.status = cell.status;
    last.severity = cell.severity;
    last.shape = cell.shape;
    last.figureSource = cell.figureSource;
    last.targetSource = cell.targetSource;
    this.lastTemplate = template;
    return template;
  }

  private lookUp(cell: ListedCell): CellTemplate | null {
    let known = this.templates.get(cell.target);
    if (!known) this.templates.set(cell.target, (known = new Map()));
    const shape = shapeOf(cell);
    let template = known.get(shape);
    if (template === undefined) known.set(shape, (template = this.cut(cell)));
    return template;
  }

  /** The pieces around the figure, from the cell worded with the figures 1 and 2; null unless both and the cell itself read as the pieces around their figure. */
  private cut(cell: ListedCell): CellTemplate | null {
    const one = cellOf(resultOfCell({ ...cell, value: 1 }), this.lang);
    const two = cellOf(resultOfCell({ ...cell, value: 2 }), this.lang);
    const real = cellOf(resultOfCell(cell), this.lang);
    const a = matrixCell(one);
    const b = matrixCell(two);
    let start = 0;
    while (start < a.length && a[start] === b[start]) start++;
    const before = a.slice(0, start);
    const after = a.slice(start + 1);
    const figure = showNumber(cell.value);
    if (a !== `${before}1${after}` || b !== `${before}2${after}` || !plainFigure(figure) || matrixCell(real) !== `${before}${figure}${after}`) return null;
    const escaped = { before: this.escape(before), after: this.escape(after) };
    // Escaped piece by piece as the whole would be: not every escape is per character (Markdown's
    // of `://` and `www.` are not), so the pieces are taken only where this proof holds.
    if (`${escaped.before}${figure}${escaped.after}` !== this.escape(matrixCell(real))) return null;
    // The width of the escaped text, as the general path measures it.
    return {
      ...escaped,
      beforeBytes: utf8(escaped.before),
      afterBytes: utf8(escaped.after),
      width: displayWidth(escaped.before) + displayWidth(escaped.after),
      tone: real.tone,
      code: TONE_CODE.get(real.tone)!,
      spaceEnd: endsInSpace(escaped.after),
    };
  }
}

/** The part of a matrix row the cells read. */
export type CellRow = Pick<MatrixRow, 'key' | 'cell'>;


/** `nearBound` without an array for a single bound: true when `value` is within 0.001 of a bound of the target. */
function nearTarget(value: number, target: Target['value']): boolean {
  if (target === null) return false;
  if (typeof target === 'number') return Math.abs(value - target) < 0.001;
  return nearBound(value, target);
}

const STATUS_INDEX = new Map<string, number>(STATUSES.map((status, i) => [status, i]));

/** What besides the target decides a cell's words around its figure. */
function shapeOf(cell: ListedCell): number {
  let key = STATUS_INDEX.get(cell.status) ?? 63;
  key = key * 8 + (cell.severity === 'ok' ? 0 : cell.severity === 'info' ? 1 : cell.severity === 'warning' ? 2 : 3);
  key = key * 2 + (cell.shape === 'final_level' ? 0 : 1);
  key = key * 4 + (cell.figureSource === 'derived' ? 1 : cell.figureSource === null ? 2 : 0);
  return key * 8 + (cell.targetSource === null ? 0 : cell.targetSource === 'plan' ? 1 : cell.targetSource === 'intensive_plan' ? 2 : 3);
}

/** True for a figure of digits, points and minus signs only: the same in any escaping and one column a character. */
function plainFigure(figure: string): boolean {
  for (let i = 0; i < figure.length; i++) {
    const c = figure.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 45)) return false;
  }
  return figure !== '';
}
