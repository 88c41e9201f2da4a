import type { Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import { emptyCell, resultOfCell, type ListedCell } from '../report/listed-results.js';
import { STATUSES } from '../report/types.js';
import { matrixCell, nearBound, type MatrixRow } from './region-matrix.js';
import { quickShowNumber } from './quick-show-number.js';
import { showNumber } from './show-number.js';
import { displayWidth } from './text-width.js';
import { cellOf, type Tone } from './view-result.js';
import type { ReportView } from './view.js';

/** A matrix cell as a format shows it: its text (escaped for the format), its display width, its tone. */
export interface CellText {
  text: string;
  width: number;
  tone: Tone;
}

/** A cell's text around its figure, escaped, with the display width of both pieces. */
interface CellTemplate {
  before: string;
  after: string;
  width: number;
  tone: Tone;
}

/** The part of a view the cells need. */
export type CellsView = Pick<ReportView, 'listed' | 'lang' | 'doubts'>;

/**
 * The texts of a matrix's cells, `escape(matrixCell(row.cell(region)))` of each: a figure of a
 * common shape (`ListedCell`) is put between the two pieces its target's cell has around it for
 * its status, severity and sources (`✗ ` and `/40`, cut once from two probes and proven on the
 * first cell), so no result or cell object is built and nothing is measured but the figure; a
 * milestone's cell (no number: 已完成 or 未完成) is worded the general way once per target, shape
 * and whether it is done, and taken again for the others; a doubted figure, a figure near a
 * bound, one that is not plain digits, or another shape is worded the general way. `at` gives one object again and again: read it before the next call.
 */
export class MatrixCellTexts {
  private readonly templates = new Map<Target, Map<number, CellTemplate | null>>();
  /** A milestone's cell by target, then by shape and whether it is done. */
  private readonly milestones = new Map<Target, Map<number, CellText>>();
  private readonly into: ListedCell = emptyCell();
  private readonly out: CellText = { text: '', width: 0, tone: 'good' };
  private readonly lang: Lang;

  constructor(
    private readonly view: CellsView,
    private readonly escape: (text: string) => string,
  ) {
    this.lang = view.lang;
  }

  /** The cell of `row` in the region at `region` (a position in the view's regions), or null where that region lists none. */
  at(row: MatrixRow, region: number): CellText | null {
    const key = row.key(region);
    if (key < 0) return null;
    const { listed, doubts } = this.view;
    const { into, out } = this;
    let milestone: Map<number, CellText> | null = null;
    let done = 0;
    // A common shape's figure, read without building its result.
    const common = listed.cell !== undefined && doubts.size === 0 && listed.cell(key, into, false) && into.hasActual;
    if (common && into.target.kind === 'milestone') {
      // A milestone's cell has no number: its words are one of two per target and shape, worded in full once.
      milestone = this.milestones.get(into.target) ?? null;
      if (!milestone) this.milestones.set(into.target, (milestone = new Map()));
      done = shapeOf(into) * 2 + (into.value === 1 ? 1 : 0);
      const known = milestone.get(done);
      if (known) {
        out.text = known.text;
        out.width = known.width;
        out.tone = known.tone;
        return out;
      }
    } else if (common && !(into.shape === 'final_level' && nearBound(into.value, into.target.value))) {
      const template = this.templateOf(into);
      if (template) {
        const figure = quickShowNumber(into.value);
        if (plainFigure(figure)) {
          out.text = template.before + figure + template.after;
          out.width = template.width + figure.length;
          out.tone = template.tone;
          return out;
        }
      }
    }
    const cell = row.cell(region)!;
    out.text = this.escape(matrixCell(cell));
    out.width = displayWidth(out.text);
    out.tone = cell.tone;
    if (milestone) milestone.set(done, { text: out.text, width: out.width, tone: out.tone });
    return out;
  }

  private templateOf(cell: ListedCell): CellTemplate | null {
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
    // Escaped piece by piece as the whole would be (a format's escapes are per character, but the proof costs nothing).
    if (`${escaped.before}${figure}${escaped.after}` !== this.escape(matrixCell(real))) return null;
    // The width of the escaped text, as the general path measures it.
    return { ...escaped, width: displayWidth(escaped.before) + displayWidth(escaped.after), tone: real.tone };
  }
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
