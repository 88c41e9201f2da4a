import type { Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import { emptyCell, REGION_FINAL_LEVEL, resultOfCell, type ListedCell, type RegionCells } from '../report/listed-results.js';
import { matrixCell, type MatrixRow } from './region-matrix.js';
import { utf8 } from './byte-chunks.js';
import type { GrowingBytes } from './growing-bytes.js';
import { nearFinal, nearTarget, plainFigure, regionCode, shapeOf, writeFigure, type CellTemplate } from './matrix-cell-pieces.js';
import { quickShowNumber } from './quick-show-number.js';
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

/** A milestone's cell, worded once per target, shape and whether it is done. */
interface KnownCell extends CellText {
  bytes: Uint8Array;
  spaceEnd: boolean;
  /** 1 + the index of `tone` in `TONES`. */
  code: number;
}

/** The part of a view the cells need. */
export type CellsView = Pick<ReportView, 'listed' | 'lang' | 'doubts'>;

/**
 * How the cells of one kind are written (index: its row's entries): a kind is the target and
 * everything `shapeOf` reads, and for a milestone whether it is done (-1 for a figure).
 */
interface CellEntry {
  target: Target;
  status: ListedCell['status'];
  severity: ListedCell['severity'];
  shape: ListedCell['shape'];
  figureSource: ListedCell['figureSource'];
  targetSource: ListedCell['targetSource'];
  done: number;
  /** TEMPLATE (`template`), WHOLE (`whole`), or GENERAL: worded the general way each time. */
  kind: number;
  template: CellTemplate | null;
  whole: KnownCell | null;
}

/**
 * The entries a row's cells read with their region have met (`regionEntryOf`), `ROW_KINDS` a row:
 * each one's code (mark, shape, whether a milestone is done) and entry (null: the general way),
 * and the place and target of the row's cells.
 */
interface RegionKinds {
  /** The place in its region of the row's cells (UNSEEN, CELL_BY_CELL, or the place), and their target. */
  places: Int32Array;
  targets: (Target | null)[];
  counts: Uint8Array;
  codes: Int32Array;
  entries: (CellEntry | null)[];
}

/** `RegionKinds.places` of a row none of whose cells was read with its region yet. */
const UNSEEN = -1;
/** `RegionKinds.places` of a row read cell by cell (`cell` read one otherwise than its region did). */
const CELL_BY_CELL = -2;

/** How a cell is worded: from its target's template around its figure, as a whole text worded once, or the general way. */
const TEMPLATE = 1;
const WHOLE = 2;
const GENERAL = 3;

/** How many kinds of cell a row remembers (a row's cells are of a few kinds; a town's own targets make more). */
const ROW_KINDS = 16;

/** One region's cells of every row (`MatrixCellTexts.writeColumn`), written once as UTF-8 into one buffer. */
export interface CellColumn {
  bytes: GrowingBytes;
  /** Where each row's cell starts in `bytes` (and, at the rows' count, where the last ends). */
  starts: Int32Array;
  /** Each cell's display width (0 where the region lists none). */
  widths: Int32Array;
  /** Each cell's `CellBytes.code`; 0 where the region lists none. */
  tones: Uint8Array;
  /** 1 where the cell ends in a character `trimEnd` removes. */
  spaceEnds: Uint8Array;
}

/**
 * The texts of a matrix's cells, `escape(matrixCell(row.cell(region)))` of each: a figure of a
 * common shape (`ListedCell`) is put between the two pieces its target's cell has around it for
 * its status, severity and sources (`✗ ` and `/40`, cut once from two probes and proven on the
 * first cell), so no result or cell object is built and nothing is measured but the figure; a
 * milestone's cell (no number: 已完成 or 未完成) is worded the general way once per target, shape
 * and whether it is done, and taken again for the others; a doubted figure, a figure near a
 * bound, one that is not plain digits, or another shape is worded the general way. Each row
 * remembers the few kinds of cell it has met (`CellEntry`), so a cell finds its pieces by a
 * few comparisons. `at` gives the text (one object again and again: read it before the next
 * call); `write` appends the same text as UTF-8, a template's pieces encoded once and the
 * figure's digits written without a string; `writeColumn` a region's cells of every row.
 */
export class MatrixCellTexts {
  private readonly templates = new Map<Target, Map<number, CellTemplate | null>>();
  /** A milestone's cell by target, then by shape and whether it is done. */
  private readonly milestones = new Map<Target, Map<number, KnownCell>>();
  /** The kinds of cell each row has met. */
  private readonly kinds = new Map<CellRow, CellEntry[]>();
  private lastRow: CellRow | null = null;
  private lastKinds: CellEntry[] = [];
  /** The rows `writeColumn` was last given, and the kinds of cell of each. */
  private columnRows: readonly CellRow[] | null = null;
  private columnKinds: CellEntry[][] = [];
  /** The entries of cells read with their region, by row of `columnRows` (`regionEntryOf`). */
  private regionKinds: RegionKinds = { places: new Int32Array(0), targets: [], counts: new Uint8Array(0), codes: new Int32Array(0), entries: [] };
  /** Set by `regionEntryOf`: the figure to write is `into.value`, read by `cell`. */
  private fromCell = false;
  private readonly into: ListedCell = emptyCell();
  /** A cell's figure read from `into`, handed to `writeFigure` as its array. */
  private readonly figure = new Float64Array(1);
  private readonly out: CellText = { text: '', width: 0, tone: 'good' };
  private readonly bytesOut: CellBytes = { width: 0, tone: 'good', code: 1, spaceEnd: false };
  private readonly lang: Lang;
  /** Whether cells may be read without their results (`ListedResults.cell`, and no doubted figures). */
  private readonly quick: boolean;
  private wholeText: CellText = { text: '', width: 0, tone: 'good' };

  constructor(
    private readonly view: CellsView,
    private readonly escape: (text: string) => string,
  ) {
    this.lang = view.lang;
    this.quick = view.listed.cell !== undefined && view.doubts.size === 0;
  }

  /** The cell of `row` in the region at `region` (a position in the view's regions), or null where that region lists none. */
  at(row: CellRow, region: number): CellText | null {
    const key = row.key(region);
    if (key < 0) return null;
    const entry = this.quick ? this.entryOf(row, region, key, this.kindsOf(row)) : null;
    const { out } = this;
    if (entry !== null && entry.kind === TEMPLATE) {
      const template = entry.template!;
      const figure = quickShowNumber(this.into.value);
      if (plainFigure(figure)) {
        out.text = template.before + figure + template.after;
        out.width = template.width + figure.length;
        out.tone = template.tone;
        return out;
      }
    }
    const cell = entry !== null && entry.kind === WHOLE ? entry.whole! : this.wordWhole(row, region);
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
    const key = row.key(region);
    if (key < 0) return null;
    const out = this.bytesOut;
    const entry = this.quick ? this.entryOf(row, region, key, this.kindsOf(row)) : null;
    if (entry !== null) {
      if (entry.kind === TEMPLATE) {
        const template = entry.template!;
        this.figure[0] = this.into.value;
        const width = writeFigure(sink, template, this.figure, 0);
        if (width >= 0) {
          out.width = width;
          out.tone = template.tone;
          out.code = template.code;
          out.spaceEnd = template.spaceEnd;
          return out;
        }
      } else {
        const known = entry.whole!;
        sink.bytes(known.bytes);
        out.width = known.width;
        out.tone = known.tone;
        out.code = known.code;
        out.spaceEnd = known.spaceEnd;
        return out;
      }
    }
    const cell = this.wordWhole(row, region);
    sink.text(cell.text);
    out.width = cell.width;
    out.tone = cell.tone;
    out.code = TONE_CODE.get(cell.tone)!;
    out.spaceEnd = endsInSpace(cell.text);
    return out;
  }

  /**
   * Writes the cells of the region at `region` in every row of `rows` into `column` (each row's
   * cell as `write` writes it, its width, tone code and whether it ends in a space), after what
   * `column.bytes` holds; `keys` holds each row's `key(region)`. Returns the widest cell's width
   * (0 when the region lists none). What it learns of each row's cells is kept by the row's
   * position in `rows`: the same array, unchanged, for every column of a matrix.
   */
  writeColumn(rows: readonly CellRow[], keys: Int32Array, region: number, column: CellColumn): number {
    const { bytes: sink, starts, widths, tones, spaceEnds } = column;
    const quick = this.quick;
    if (rows !== this.columnRows) {
      this.columnRows = rows;
      this.columnKinds = rows.map((row) => this.kindsOf(row));
      this.regionKinds = { places: new Int32Array(rows.length).fill(UNSEEN), targets: new Array<Target | null>(rows.length).fill(null), counts: new Uint8Array(rows.length), codes: new Int32Array(rows.length * ROW_KINDS), entries: new Array<CellEntry | null>(rows.length * ROW_KINDS).fill(null) };
    }
    const kinds = this.columnKinds;
    // The region's cells read at once, where the listed results can (`RegionCells`).
    let cells: RegionCells | null = null;
    if (quick && this.view.listed.region) {
      for (let r = 0; r < rows.length && cells === null; r++) if (keys[r]! >= 0) cells = this.view.listed.region(keys[r]!);
    }
    let widest = 0;
    for (let r = 0; r < rows.length; r++) {
      starts[r] = sink.length;
      const key = keys[r]!;
      if (key < 0) {
        widths[r] = 0;
        tones[r] = 0;
        spaceEnds[r] = 0;
        continue;
      }
      // A figure is handed on as an array and a place in it, never as a number: a double passed
      // to a function not inlined is a new heap object, and a large matrix has a million cells.
      let entry: CellEntry | null;
      let values: Float64Array;
      let at = cells === null ? -1 : key - cells.base;
      const shape = at >= 0 && at < cells!.size ? cells!.shapes[at]! : 0;
      if (shape !== 0) {
        values = cells!.values;
        entry = this.regionEntryOf(rows[r]!, r, region, key, kinds[r]!, cells!.marks[at]!, shape, values, at);
        if (this.fromCell) {
          values = this.figure;
          values[0] = this.into.value;
          at = 0;
        }
      } else {
        entry = quick ? this.entryOf(rows[r]!, region, key, kinds[r]!) : null;
        values = this.figure;
        values[0] = this.into.value;
        at = 0;
      }
      let width = -1;
      if (entry !== null) {
        if (entry.kind === TEMPLATE) {
          const template = entry.template!;
          width = writeFigure(sink, template, values, at);
          tones[r] = template.code;
          spaceEnds[r] = template.spaceEnd ? 1 : 0;
        } else {
          const known = entry.whole!;
          sink.bytes(known.bytes);
          width = known.width;
          tones[r] = known.code;
          spaceEnds[r] = known.spaceEnd ? 1 : 0;
        }
      }
      if (width < 0) {
        const cell = this.wordWhole(rows[r]!, region);
        sink.text(cell.text);
        width = cell.width;
        tones[r] = TONE_CODE.get(cell.tone)!;
        spaceEnds[r] = endsInSpace(cell.text) ? 1 : 0;
      }
      widths[r] = width;
      if (width > widest) widest = width;
    }
    starts[rows.length] = sink.length;
    return widest;
  }

  /**
   * `entryOf` of a cell read with its region (`RegionCells`: its mark, shape and figure, at place
   * `at` of its region), found by those among the entries row `r` of `writeColumn`'s rows has met
   * that way: a row's cells of one place (one target), mark and shape have one entry (every other
   * field `entryOf` compares is theirs alike). A cell not met that way is read by `cell`, and its
   * entry remembered when `cell` reads it as the region did; a row whose cells `cell` reads
   * otherwise, or whose cells are of more than one place, is read cell by cell from then on, and
   * `fromCell` says that the figure to write is `cell`'s (`into.value`), not the region's.
   */
  private regionEntryOf(row: CellRow, r: number, region: number, key: number, kinds: CellEntry[], mark: number, shape: number, values: Float64Array, at: number): CellEntry | null {
    const value = values[at]!;
    const seen = this.regionKinds;
    const base = r * ROW_KINDS;
    const place = seen.places[r]!;
    this.fromCell = false;
    if (place === at) {
      const target = seen.targets[r]!;
      if (nearFinal(shape, target, value)) return null;
      const code = regionCode(mark, shape, target, value);
      const count = seen.counts[r]!;
      for (let i = 0; i < count; i++) if (seen.codes[base + i] === code) return seen.entries[base + i]!;
    }
    const { into } = this;
    const read = this.view.listed.cell!(key, into, false, false);
    const same = read && into.hasActual && into.value === value && (into.shape === 'final_level') === (shape === REGION_FINAL_LEVEL) && (place === UNSEEN || (place === at && seen.targets[r] === into.target));
    const target = into.target;
    const entry = this.entryOf(row, region, key, kinds);
    if (!same) {
      seen.places[r] = CELL_BY_CELL;
      this.fromCell = true;
      return entry;
    }
    if (place === UNSEEN) {
      seen.places[r] = at;
      seen.targets[r] = target;
    }
    const count = seen.counts[r]!;
    if (!nearFinal(shape, target, value) && count < ROW_KINDS) {
      seen.codes[base + count] = regionCode(mark, shape, target, value);
      seen.entries[base + count] = entry;
      seen.counts[r] = count + 1;
    }
    return entry;
  }

  /** The kinds of cell `row` has met (kept for the row). */
  private kindsOf(row: CellRow): CellEntry[] {
    if (row === this.lastRow) return this.lastKinds;
    let kinds = this.kinds.get(row);
    if (!kinds) this.kinds.set(row, (kinds = []));
    this.lastRow = row;
    this.lastKinds = kinds;
    return kinds;
  }

  /**
   * How the cell of `key` (of `row`, in the region at `region`) is written, its figure read into
   * `into`, found among the kinds of cell the row has met (`kinds`); null when it is worded the general way (not of a common shape, no figure, near a
   * bound, or a kind whose pieces could not be cut).
   */
  private entryOf(row: CellRow, region: number, key: number, kinds: CellEntry[]): CellEntry | null {
    const { into } = this;
    // A common shape's figure, read without building its result (nor where it came from: a cell never shows that).
    if (!this.view.listed.cell!(key, into, false, false) || !into.hasActual) return null;
    const target = into.target;
    let done = -1;
    if (target.kind === 'milestone') done = into.value === 1 ? 1 : 0;
    else if (into.shape === 'final_level' && nearTarget(into.value, target.value)) return null;
    const { status, severity, shape, figureSource, targetSource } = into;
    for (let i = 0; i < kinds.length; i++) {
      const entry = kinds[i]!;
      if (entry.target === target && entry.status === status && entry.severity === severity && entry.shape === shape && entry.figureSource === figureSource && entry.targetSource === targetSource && entry.done === done) {
        return entry.kind === GENERAL ? null : entry;
      }
    }
    const entry: CellEntry = { target, status, severity, shape, figureSource, targetSource, done, kind: GENERAL, template: null, whole: null };
    if (done >= 0) {
      entry.kind = WHOLE;
      entry.whole = this.milestoneCell(row, region, done);
    } else {
      entry.template = this.lookUp(into);
      if (entry.template) entry.kind = TEMPLATE;
    }
    // Bounded: a row whose cells are of many kinds (a town's own targets) looks the rest up each time.
    if (kinds.length < ROW_KINDS) kinds.push(entry);
    return entry.kind === GENERAL ? null : entry;
  }

  /** A milestone's cell (no number: its words are one of two per target and shape), worded in full once. */
  private milestoneCell(row: CellRow, region: number, done: number): KnownCell {
    const { into } = this;
    let milestone = this.milestones.get(into.target);
    if (!milestone) this.milestones.set(into.target, (milestone = new Map()));
    const shape = shapeOf(into) * 2 + done;
    let known = milestone.get(shape);
    if (!known) {
      const cell = this.wordWhole(row, region);
      known = { text: cell.text, width: cell.width, tone: cell.tone, code: TONE_CODE.get(cell.tone)!, bytes: utf8(cell.text), spaceEnd: endsInSpace(cell.text) };
      milestone.set(shape, known);
    }
    return known;
  }

  /** The cell worded the general way (one object again and again). */
  private wordWhole(row: CellRow, region: number): CellText {
    const cell = row.cell(region)!;
    const text = this.escape(matrixCell(cell));
    const whole = this.wholeText;
    whole.text = text;
    whole.width = displayWidth(text);
    whole.tone = cell.tone;
    return whole;
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
