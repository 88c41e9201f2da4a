import type { Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import { resultOfCell, type ListedCell } from '../report/listed-results.js';
import { STATUSES, type Result } from '../report/types.js';
import { ByteChunks, decimalDigits, utf8 } from './byte-chunks.js';
import { describeResult } from './findings.js';
import type { ResultView } from './view-result.js';
import { escapeControls } from './sanitize.js';
import { viewResult } from './view.js';
import { FIGURE_WORDS, type FigureWords } from './word-reason.js';
import { cellDigits } from './cell-digits.js';
import { aboveCell, cellFigureWords, digitText, targetPlaces, type DigitWords } from './cell-figure-words.js';
import { writeFixedPoint, type LineBytes } from './line-bytes.js';
import { plainShape } from './plain-shape.js';

// Private-use characters no escaper changes, one per slot of a sentence worded once per target:
// the region's name, then the numbers `FigureWords` words (in the order of its fields).
const FIRST_MARK = 0xe000;
const SLOT_WORDS: readonly ((result: Result) => string)[] = [
  () => '',
  FIGURE_WORDS.actual,
  FIGURE_WORDS.gap,
  FIGURE_WORDS.shortfall,
  FIGURE_WORDS.attainment,
  FIGURE_WORDS.missed,
];
const LAST_MARK = FIRST_MARK + SLOT_WORDS.length - 1;
const mark = (slot: number): string => String.fromCharCode(FIRST_MARK + slot);
const MARKS: FigureWords = { actual: () => mark(1), gap: () => mark(2), shortfall: () => mark(3), attainment: () => mark(4), missed: () => mark(5) };
const MARK_RANGE = /[\ue000-\ue005]/;

/** A sentence cut at its slots, each piece escaped for the format once, as a string and as UTF-8. */
interface Template {
  texts: string[];
  bytes: Uint8Array[];
  /** What goes between piece i and piece i + 1: 0 the region's name, else a number's slot. */
  slots: number[];
  /** The slots again, as `cellDigits` takes them. */
  slotBytes: Int8Array;
  /** The places of the target the template was cut for (`targetPlaces`). */
  places: number;
  /** The number of its pieces' and slots' shape among the templates of one `OffTrackSentences` (a line's shape starts with it); -1 when it has none. */
  shapeId: number;
  /** The pieces' columns as wrapping measures them (`plainShape`); -1 when one holds a character wrapping may drop or trim. */
  columns: number;
  /** The pieces' UTF-8 length, all together. */
  byteLength: number;
}

/** A region's name escaped for the format, as text and UTF-8, its columns and the number of its shape (-1 when it has none: `plainShape`). */
interface RegionWords {
  name: string | null;
  text: string;
  bytes: Uint8Array;
  columns: number;
  shape: number;
}

/** The most bytes of regions' names kept by their column (`OffTrackSentences.keepAt`). */
const MOST_AT_BYTES = 16 * 1024 * 1024;

/** Shapes remembered by one `OffTrackSentences` (the regions', and the words of numbers not written as digits). */
const MOST_SHAPES = 100_000;

const STATUS_INDEX = new Map<string, number>(STATUSES.map((status, i) => [status, i]));

/**
 * Everything besides the target and the language that decides which words (not which numbers)
 * the sentence of a final-level cell holds: its status, severity, which of gap and attainment it
 * has, a gap of 0, the side of a band it lies on, a figure of another year, the figure's and
 * target's source. Two cells of one key and target are worded alike.
 */
export function shapeKey(cell: ListedCell): number {
  let key = STATUS_INDEX.get(cell.status) ?? 63;
  const severity = cell.severity;
  key = key * 4 + (severity === 'failure' ? 3 : severity === 'warning' ? 2 : severity === 'info' ? 1 : 0);
  const source = cell.targetSource;
  key = key * 4 + (source === 'intensive_plan' ? 2 : source === 'plan' ? 1 : source === 'decomposed' ? 3 : 0);
  key = key * 2 + (cell.gap === null ? 1 : 0);
  // A strict bound met exactly has words of its own (`view.at-bound-above`).
  key = key * 2 + (cell.gap === 0 ? 1 : 0);
  key = key * 2 + (cell.attainment === null ? 1 : 0);
  key = key * 2 + (aboveCell(cell) ? 1 : 0);
  key = key * 2 + (cell.year !== cell.target.year ? 1 : 0);
  return key * 2 + (cell.figureSource === 'derived' ? 1 : 0);
}

/**
 * The sentence of a result worded with marks for its region and numbers (`sentence` of its view),
 * cut at them: the texts between the marks (not escaped) and each mark's slot (0 the region, 1
 * actual, 2 gap, 3 shortfall, 4 attainment, 5 missed); null when the cut is not sure (a plan text
 * holding a mark, the region not there once, a piece that could make `::` with a name).
 */
export function cutAtMarks(result: Result, lang: Lang, sentence: (view: ResultView, lang: Lang) => string): { texts: string[]; slots: number[] } | null {
  const { id, indicator, indicatorEn, unit } = result;
  // A plan text holding a mark would be cut where no slot is.
  if (MARK_RANGE.test(id) || MARK_RANGE.test(indicator) || MARK_RANGE.test(indicatorEn) || MARK_RANGE.test(unit)) return null;
  const marked = sentence(viewResult({ ...result, region: mark(0) }, lang, undefined, MARKS), lang);
  const texts: string[] = [];
  const slots: number[] = [];
  let start = 0;
  for (let i = 0; i < marked.length; i++) {
    const c = marked.charCodeAt(i);
    if (c < FIRST_MARK || c > LAST_MARK) continue;
    texts.push(marked.slice(start, i));
    slots.push(c - FIRST_MARK);
    start = i + 1;
  }
  texts.push(marked.slice(start));
  if (slots.filter((slot) => slot === 0).length !== 1) return null;
  // escapeControls breaks `::`: a piece ending or starting with `:` beside a name could make one with it.
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] === 0 && (texts[i]!.endsWith(':') || texts[i + 1]!.startsWith(':'))) return null;
  }
  return { texts, slots };
}

/**
 * The sentence of a final level judged on a region's own figure (`ListedCell` of shape
 * `final_level`: most results off track in a large run), `describeResult` of its view then
 * `escape` (the format's own escaping of the whole message), worded once per target, status and
 * shape (`shapeKey`) with marks for the region and the numbers, cut at them and escaped piece by
 * piece; per result only its region (escaped once per name) and its numbers (worded by the view's
 * own `FIGURE_WORDS`) are spliced in. A test holds it equal to the general path. `text` and `write`
 * give null or false for what they cannot word so (another shape, a region named '', a plan text
 * holding the marks, a piece that could make `::` with a name, a number that is not plain), and
 * the caller then words it the general way.
 */
export class OffTrackSentences {
  private readonly templates = new Map<Target, Map<number, Template | null>>();
  private readonly regions = new Map<string, RegionWords>();
  /**
   * The regions by their column in a matrix (`prepare`'s `at`; cells come row by row, each region
   * once a row): their words, and what a line needs of them side by side in arrays (their bytes
   * one after another in `atBytes`), read without touching an object per region.
   */
  private readonly atWords: (RegionWords | undefined)[] = [];
  private atNames: (string | undefined)[] = [];
  private atStart: Int32Array = new Int32Array(0);
  private atEnd: Int32Array = new Int32Array(0);
  private atColumns: Int32Array = new Int32Array(0);
  private atShape: Int32Array = new Int32Array(0);
  private atBytes: Buffer = Buffer.alloc(0);
  private atLength = 0;
  /** The column of the last cell's region in `at…`, or -1 when its words are `region`. */
  private regionIndex = -1;
  /** The target last asked for, and its templates by shape. */
  private lastTarget: Target | null = null;
  private lastKnown: Map<number, Template | null> = new Map();
  /** The shape (`shapeKey`) of the cell last asked for. */
  private lastShapeKey = -1;
  /** Every shape given a number (`lastShape`), by its key. */
  private readonly shapes = new Map<string, number>();
  /** True when the last cell's numbers are all given as digits (`cellDigits`), an attainment of none as `—`. */
  private allDigits = false;
  private noAttainment = false;
  /** The words of the last cell's slots, by slot (1–5), escaped; '' when not asked for or given as digits. */
  private readonly words: string[] = SLOT_WORDS.map(() => '');
  /** The words of the last cell's slots given as digits (`cell-figure-words.ts`), by slot; used where `digits[slot]` is true. */
  private readonly digitWords: DigitWords[] = SLOT_WORDS.map(() => ({ sign: 0, mantissa: 0, places: 0, percent: false }));
  private readonly digits: boolean[] = SLOT_WORDS.map(() => false);
  /** `%` and `—` escaped for the format (`%` is `%25` in a workflow command), as text and UTF-8. */
  private readonly percentText: string;
  private readonly percentBytes: Uint8Array;
  private readonly noneText: string;
  private readonly noneBytes: Uint8Array;
  /** The most bytes a number's slot takes: its digits (at most 24 with a sign and a point), then `%`, or `—`, escaped. */
  private readonly slotRoom: number;
  /** The columns of `%` and `—` escaped (-1 when wrapping may drop or trim one of their characters), and the shape number of `—`. */
  private readonly percentColumns: number;
  private readonly noneColumns: number;
  private noneShape = -2;
  private region: RegionWords = { name: null, text: '', bytes: utf8(''), columns: 0, shape: -1 };
  private last: Template | null = null;

  /**
   * `sentence` words a result's view as the format's line holds it (default: `describeResult`, the
   * findings' message); whatever it is, a template is kept only when it splices to its own words.
   */
  constructor(
    private readonly lang: Lang,
    private readonly escape: (text: string) => string,
    private readonly sentence: (view: ResultView, lang: Lang) => string = describeResult,
  ) {
    this.percentText = escape('%');
    this.percentBytes = utf8(this.percentText);
    this.noneText = escape('—');
    this.noneBytes = utf8(this.noneText);
    this.slotRoom = 24 + Math.max(this.percentBytes.length, this.noneBytes.length);
    this.percentColumns = plainShape(this.percentText)?.columns ?? -1;
    this.noneColumns = plainShape(this.noneText)?.columns ?? -1;
  }

  /** The escaped sentence of a final-level cell; null when it must be worded the general way. */
  text(cell: ListedCell): string | null {
    return this.prepare(cell) ? this.lastText() : null;
  }

  /** Appends the escaped sentence of a final-level cell as UTF-8; false, with nothing appended, when it must be worded the general way. */
  write(cell: ListedCell, out: ByteChunks): boolean {
    if (!this.prepare(cell)) return false;
    this.writeLast(out);
    return true;
  }

  /**
   * Words a final-level cell's region and numbers for its template (`lastText`, `writeLast` then
   * give its sentence); false when it must be worded the general way. `at`, when given, is the
   * cell's region's column in a matrix (its words are kept by it as well as by name).
   */
  prepare(cell: ListedCell, at = -1): boolean {
    this.last = this.templateOf(cell, at);
    return this.last !== null;
  }

  /** The sentence of the cell last prepared, escaped. */
  lastText(): string {
    return this.splice(this.last!);
  }

  /**
   * The escaped pieces of the sentence of the cell last prepared (one array for every sentence of
   * its template), with what goes between them put into `fills` (its region's name, its numbers'
   * words, escaped): `lastText` is the pieces and the fills one after the other.
   */
  lastPieces(fills: string[]): readonly string[] {
    const { texts, slots } = this.last!;
    fills.length = slots.length;
    for (let i = 0; i < slots.length; i++) fills[i] = this.fillText(slots[i]!);
    return texts;
  }

  /** What goes into a slot of the last cell's template, as text: its region's name or a number's words, escaped. */
  private fillText(slot: number): string {
    if (slot === 0) return this.regionWords().text;
    // As `writeLast` writes them: a number given as digits is written from them.
    if (this.allDigits) return slot === 4 && this.noAttainment ? this.noneText : digitText(this.digitWords[slot]!, this.percentText);
    return this.digits[slot] ? digitText(this.digitWords[slot]!, this.percentText) : this.words[slot]!;
  }

  /**
   * The columns of the sentence of the cell last prepared as wrapping measures them (`plainShape`),
   * without its text; -1 when a part of it holds a character wrapping may drop or trim.
   */
  lastColumns(): number {
    const template = this.last!;
    let columns = template.columns;
    if (columns < 0) return -1;
    const { slots } = template;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      let w: number;
      if (slot === 0) w = this.regionIndex >= 0 ? this.atColumns[this.regionIndex]! : this.region.columns;
      else if (this.allDigits ? !(slot === 4 && this.noAttainment) : this.digits[slot]) w = this.digitColumns(this.digitWords[slot]!);
      else if (this.allDigits) w = this.noneColumns;
      else w = plainShape(this.words[slot]!)?.columns ?? -1;
      if (w < 0) return -1;
      columns += w;
    }
    return columns;
  }

  /** The columns of a number's digits (one a character, `%` as escaped). */
  private digitColumns(words: DigitWords): number {
    const digits = decimalDigits(words.mantissa);
    let columns = (digits > words.places ? digits : words.places + 1) + (words.places > 0 ? 1 : 0) + (words.sign !== 0 ? 1 : 0);
    if (words.percent) columns = this.percentColumns < 0 ? -1 : columns + this.percentColumns;
    return columns;
  }

  /**
   * The shape of the sentence of the cell last prepared, as numbers into `into` (its template's,
   * its region's shape's, then one per number: its digits' layout, or its words' shape's), how
   * many; -1 when it has none (`lastColumns` is -1). Two sentences of one `OffTrackSentences`
   * with the same numbers have one shape (`plainShape`): they wrap alike.
   */
  lastShape(into: Int32Array): number {
    const template = this.last!;
    const { slots } = template;
    if (template.columns < 0 || into.length < slots.length + 1) return -1;
    into[0] = template.shapeId;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      let code: number;
      if (slot === 0) {
        // A slot's kind is fixed by the template: its codes need not differ from a number's.
        code = this.regionIndex >= 0 ? this.atShape[this.regionIndex]! : this.region.shape;
        if (code < 0) return -1;
      } else if (this.allDigits ? !(slot === 4 && this.noAttainment) : this.digits[slot]) {
        const words = this.digitWords[slot]!;
        if (words.percent && this.percentColumns < 0) return -1;
        const digits = decimalDigits(words.mantissa);
        const length = digits > words.places ? digits : words.places + 1;
        // Digits, a point `places` from the end, a sign, a `%`: a positive number of its own for each layout.
        code = 1 + ((length * 16 + words.places) * 2 + (words.percent ? 1 : 0)) * 3 + (words.sign + 1);
      } else {
        if (this.allDigits && this.noneShape === -2) this.noneShape = this.shapeNumber(this.noneText);
        const shape = this.allDigits ? this.noneShape : this.shapeNumber(this.words[slot]!);
        if (shape < 0) return -1;
        // Words: a negative number of their shape's.
        code = -1 - shape;
      }
      into[i + 1] = code;
    }
    return slots.length + 1;
  }

  /** The number of a text's shape (`plainShape`): the same for texts of one shape; -1 when it has none or too many were given. */
  private shapeNumber(text: string): number {
    const shape = plainShape(text);
    return shape === null ? -1 : this.keyNumber(shape.key);
  }

  /** The number of a shape's key (a text's, or a template's); -1 when too many were given. */
  private keyNumber(key: string): number {
    let number = this.shapes.get(key);
    if (number === undefined) {
      if (this.shapes.size >= MOST_SHAPES) return -1;
      this.shapes.set(key, (number = this.shapes.size));
    }
    return number;
  }

  /** Appends the sentence of the cell last prepared as UTF-8 (the bytes `writeLast` appends). */
  writeLastBytes(out: LineBytes): void {
    const template = this.last!;
    const { bytes, slots } = template;
    if (!this.allDigits) {
      // Some number worded as text: piece by piece.
      out.bytes(bytes[0]!);
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        if (slot === 0) out.bytes(this.regionWords().bytes);
        else if (this.digits[slot]) {
          const words = this.digitWords[slot]!;
          out.fixedPoint(words.mantissa, words.places, words.sign);
          if (words.percent) out.bytes(this.percentBytes);
        } else out.text(this.words[slot]!);
        out.bytes(bytes[i + 1]!);
      }
      return;
    }
    // Every number as digits: room made once for the whole sentence, its pieces copied straight in.
    // The region's bytes: a range of `atBytes`, or its words' own.
    const index = this.regionIndex;
    const regionBytes = index >= 0 ? this.atBytes : this.region.bytes;
    const regionStart = index >= 0 ? this.atStart[index]! : 0;
    const regionEnd = index >= 0 ? this.atEnd[index]! : regionBytes.length;
    const buf = out.room(template.byteLength + (regionEnd - regionStart) + slots.length * this.slotRoom);
    let at = copyInto(buf, out.length, bytes[0]!);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (slot === 0) {
        for (let k = regionStart; k < regionEnd; k++) buf[at++] = regionBytes[k]!;
      }
      else if (slot === 4 && this.noAttainment) at = copyInto(buf, at, this.noneBytes);
      else {
        const words = this.digitWords[slot]!;
        at = writeFixedPoint(buf, at, words.mantissa, words.places, words.sign);
        if (words.percent) at = copyInto(buf, at, this.percentBytes);
      }
      at = copyInto(buf, at, bytes[i + 1]!);
    }
    out.length = at;
  }

  /** Appends the sentence of the cell last prepared as UTF-8. */
  writeLast(out: ByteChunks): void {
    const { bytes, slots } = this.last!;
    out.bytes(bytes[0]!);
    const allDigits = this.allDigits;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (slot === 0) out.bytes(this.regionWords().bytes);
      else if (allDigits ? !(slot === 4 && this.noAttainment) : this.digits[slot]) {
        const words = this.digitWords[slot]!;
        out.fixedPoint(words.mantissa, words.places, words.sign);
        if (words.percent) out.bytes(this.percentBytes);
      } else if (allDigits) out.bytes(this.noneBytes);
      else out.text(this.words[slot]!);
      out.bytes(bytes[i + 1]!);
    }
  }

  /** The template of a cell, with its region and numbers worded into `region` and `words`; null when it has none. */
  private templateOf(cell: ListedCell, at: number): Template | null {
    if (cell.shape !== 'final_level' || !cell.hasActual || cell.region === '') return null;
    const shape = shapeKey(cell);
    // Cells come row by row: the target, and often its shape, are most often the one before's.
    if (cell.target === this.lastTarget && shape === this.lastShapeKey && this.last !== null) return this.fill(this.last, cell, at) ? this.last : null;
    let known = this.lastKnown;
    if (cell.target !== this.lastTarget) {
      const kept = this.templates.get(cell.target);
      if (kept) known = kept;
      else this.templates.set(cell.target, (known = new Map()));
      this.lastTarget = cell.target;
      this.lastKnown = known;
    }
    let template = known.get(shape);
    this.lastShapeKey = shape;
    if (template === undefined) {
      const result = resultOfCell(cell);
      template = this.cut(result, cell.target);
      // A cell whose numbers cannot be spliced proves nothing: the next cell of its shape tries again.
      if (template && !this.fill(template, cell, at)) return null;
      // Proven on the cell it was cut from: its sentence spliced equals the one worded in full.
      if (template && this.splice(template) !== this.escape(this.sentence(viewResult(result, this.lang), this.lang))) template = null;
      known.set(shape, template);
      return template;
    }
    return template && this.fill(template, cell, at) ? template : null;
  }

  /** Words the region and the numbers a template's slots take; false when one cannot be spliced. */
  private fill(template: Template, cell: ListedCell, at: number): boolean {
    if (cellDigits(cell, template.slotBytes, template.places, this.digitWords)) {
      // Every number as digits (most cells): as the loop below would word them, slot by slot.
      this.allDigits = true;
      this.noAttainment = cell.attainment === null;
      return this.fillRegion(cell, at);
    }
    this.allDigits = false;
    const { words, digits } = this;
    for (let slot = 1; slot < words.length; slot++) {
      words[slot] = '';
      digits[slot] = false;
    }
    // The cell's result, built only for a number not worded from the cell itself.
    let result: Result | null = null;
    for (const slot of template.slots) {
      if (slot === 0 || words[slot] !== '' || digits[slot]) continue;
      if (cellFigureWords(slot, cell, this.digitWords[slot]!)) {
        digits[slot] = true;
        continue;
      }
      if (slot === 4 && cell.attainment === null) {
        words[slot] = this.noneText;
        continue;
      }
      result ??= resultOfCell(cell);
      const word = SLOT_WORDS[slot]!(result);
      const plain = plainNumber(word);
      // '' would join the pieces around it; a ':' could make `::` with them.
      if (plain === null) return false;
      words[slot] = plain ? word : this.escape(word);
    }
    return this.fillRegion(cell, at);
  }

  /** Words the cell's region for a template's slot 0 (`at` its column in a matrix, or -1). */
  private fillRegion(cell: ListedCell, at: number): boolean {
    const name = cell.region;
    // The matrix's regions are one array of names: the same string again, told by reference.
    if (at >= 0 && at < this.atNames.length && this.atNames[at] === name) {
      this.regionIndex = at;
      return true;
    }
    this.regionIndex = -1;
    // Cells come region by region: the region before is most often the region again.
    let region = this.region.name === name ? this.region : this.regions.get(name);
    if (region === undefined) {
      const text = this.escape(escapeControls(name));
      const shape = plainShape(text);
      region = { name, text, bytes: utf8(text), columns: shape ? shape.columns : -1, shape: shape ? this.shapeNumber(text) : -1 };
      if (this.regions.size < 100_000) this.regions.set(name, region);
    }
    this.region = region;
    if (at >= 0 && at < 1_000_000 && this.atLength + region.bytes.length <= MOST_AT_BYTES) this.keepAt(at, region);
    return true;
  }

  /** Keeps a region's words by its column (`at…`), and makes them the last cell's. */
  private keepAt(at: number, region: RegionWords): void {
    if (at >= this.atStart.length) {
      const size = Math.max(at + 1, this.atStart.length * 2, 64);
      const grow = (array: Int32Array): Int32Array => {
        const bigger = new Int32Array(size);
        bigger.set(array);
        return bigger;
      };
      this.atStart = grow(this.atStart);
      this.atEnd = grow(this.atEnd);
      this.atColumns = grow(this.atColumns);
      this.atShape = grow(this.atShape);
    }
    while (this.atNames.length <= at) this.atNames.push(undefined);
    const { bytes } = region;
    if (this.atLength + bytes.length > this.atBytes.length) {
      const bigger = Buffer.alloc(Math.max(this.atBytes.length * 2, this.atLength + bytes.length, 4096));
      this.atBytes.copy(bigger, 0, 0, this.atLength);
      this.atBytes = bigger;
    }
    this.atBytes.set(bytes, this.atLength);
    this.atStart[at] = this.atLength;
    this.atLength += bytes.length;
    this.atEnd[at] = this.atLength;
    this.atColumns[at] = region.columns;
    this.atShape[at] = region.shape;
    this.atNames[at] = region.name!;
    this.atWords[at] = region;
    this.regionIndex = at;
  }

  /** The words of the last cell's region. */
  private regionWords(): RegionWords {
    return this.regionIndex >= 0 ? this.atWords[this.regionIndex]! : this.region;
  }

  /** The sentence of a template with the words of the last `fill`. */
  private splice(template: Template): string {
    const { texts, slots } = template;
    let text = texts[0]!;
    for (let i = 0; i < slots.length; i++) text += this.fillText(slots[i]!) + texts[i + 1]!;
    return text;
  }

  /** The sentence of a result cut at its marks (`cutAtMarks`), each piece escaped and encoded once; null when the cut is not sure. */
  private cut(result: Result, target: Target): Template | null {
    const cut = cutAtMarks(result, this.lang, this.sentence);
    if (!cut) return null;
    const escaped = cut.texts.map((text) => this.escape(text));
    // Templates of one shape (pieces and slots) wrap alike: they share a number.
    let columns = 0;
    let key = '';
    for (let i = 0; i < escaped.length; i++) {
      const shape = plainShape(escaped[i]!);
      if (shape === null) {
        columns = -1;
        break;
      }
      columns += shape.columns;
      // A control never stands in a shape's key: it parts them.
      key += `${shape.key}\u0000${i < cut.slots.length ? cut.slots[i] : ''}\u0000`;
    }
    // A template's key starts with a control, which no text's has.
    const shapeId = columns < 0 ? -1 : this.keyNumber(`\u0001${key}`);
    return {
      texts: escaped,
      bytes: escaped.map(utf8),
      slots: cut.slots,
      slotBytes: Int8Array.from(cut.slots),
      places: targetPlaces(target),
      shapeId,
      columns: shapeId < 0 ? -1 : columns,
      byteLength: escaped.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0),
    };
  }
}

/** Copies `piece` into `buf` at `at` (room made by the caller); returns where it ends. */
function copyInto(buf: Buffer, at: number, piece: Uint8Array): number {
  const n = piece.length;
  // Short pieces copied by hand: cheaper than a call into the runtime.
  if (n < 16) for (let i = 0; i < n; i++) buf[at + i] = piece[i]!;
  else buf.set(piece, at);
  return at + n;
}

/** True for a number's words of digits, signs and a point (written as they are), false for other text without `:`; null for '' or text with `:`. */
function plainNumber(word: string): boolean | null {
  if (word === '') return null;
  let plain = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45) continue;
    if (c === 58) return null;
    plain = false;
  }
  return plain;
}
