import type { Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import { resultOfCell, type ListedCell } from '../report/listed-results.js';
import { STATUSES, type Result } from '../report/types.js';
import { ByteChunks, utf8 } from './byte-chunks.js';
import { aboveCell, digitText, type DigitWords } from './cell-figure-words.js';
import { cellDigits, targetPlaces } from './cell-digits.js';
import { describeResult } from './findings.js';
import { OffTrackSentences } from './off-track-sentences.js';
import { escapeControls } from './sanitize.js';
import type { ResultView } from './view-result.js';
import { viewResult } from './view.js';
import type { FigureWords } from './word-reason.js';

// The sentence of a final-level cell off track (JUnit's and SARIF's message), as
// `OffTrackSentences.write` writes it, from byte pieces kept per target and shape in arrays (no
// `Map` per cell), its numbers all written as digits. Anything else (a number that must be worded,
// a shape whose first cells cannot be proven, a region named '') is handed to `OffTrackSentences`,
// which words it as before: the bytes are the same either way (a property test holds them so).

// Private-use characters no escaper changes, one per slot, as off-track-sentences.ts marks them:
// 0 the region's name, 1 actual, 2 gap, 3 shortfall, 4 attainment, 5 missed.
const FIRST_MARK = 0xe000;
const LAST_MARK = FIRST_MARK + 5;
const mark = (slot: number): string => String.fromCharCode(FIRST_MARK + slot);
const MARKS: FigureWords = { actual: () => mark(1), gap: () => mark(2), shortfall: () => mark(3), attainment: () => mark(4), missed: () => mark(5) };
const MARK_RANGE = /[\ue000-\ue005]/;

/** A sentence cut at its slots, each piece escaped and encoded once. */
interface ByteTemplate {
  /** The pieces as escaped text (for the proof). */
  texts: string[];
  /** pieces[i] before slot i; one more piece than slots. */
  pieces: Uint8Array[];
  slots: Int8Array;
}

/** A target's templates by shape (`shapeKey`); null for a shape worded the general way. */
interface TargetTemplates {
  target: Target;
  /** The target's places (`targetPlaces`). */
  places: number;
  byShape: Map<number, ByteTemplate | null>;
}

const STATUS_INDEX = new Map<string, number>(STATUSES.map((status, i) => [status, i]));

/**
 * What decides the words (not the numbers) of a final-level cell's sentence besides its target:
 * every field `shapeOf` of off-track-sentences.ts reads (status, severity, sources, whether it
 * has a gap, a gap of 0, an attainment, which side of a band, a figure of another year, a derived
 * figure); two cells of one key and target are worded alike.
 */
export function shapeKey(cell: ListedCell): number {
  let key = STATUS_INDEX.get(cell.status) ?? 63;
  const severity = cell.severity;
  key = key * 4 + (severity === 'failure' ? 3 : severity === 'warning' ? 2 : severity === 'info' ? 1 : 0);
  const source = cell.targetSource;
  key = key * 4 + (source === 'intensive_plan' ? 2 : source === 'plan' ? 1 : source === 'decomposed' ? 3 : 0);
  key = key * 2 + (cell.gap === null ? 1 : 0);
  key = key * 2 + (cell.gap === 0 ? 1 : 0);
  key = key * 2 + (cell.attainment === null ? 1 : 0);
  key = key * 2 + (aboveCell(cell) ? 1 : 0);
  key = key * 2 + (cell.year !== cell.target.year ? 1 : 0);
  return key * 2 + (cell.figureSource === 'derived' ? 1 : 0);
}

/**
 * Writes the escaped sentence of a final-level cell (what `OffTrackSentences.write` writes with the
 * same language, escaping and sentence) as UTF-8. A template is kept per target and shape once the
 * sentence spliced from it equals `OffTrackSentences.text` of its first cell with every number in
 * digits; per cell only the region (bytes the caller escaped, or escaped once per name here) and
 * the numbers are written between its pieces.
 */
export class OffTrackBytes {
  /** The sentences this class stands in for: the general path, and the proof of each template. */
  readonly general: OffTrackSentences;
  private readonly byIndex: (TargetTemplates | undefined)[] = [];
  /** Targets whose index another target took first (never in a plan: indexes are positions). */
  private readonly others = new Map<Target, TargetTemplates>();
  private readonly words: DigitWords[] = Array.from({ length: 6 }, () => ({ sign: 0, mantissa: 0, places: 0, percent: false }));
  private readonly percentBytes: Uint8Array;
  private readonly noneBytes: Uint8Array;
  private readonly percentText: string;
  private readonly noneText: string;
  private lastRegion: string | null = null;
  private lastRegionBytes: Uint8Array = utf8('');
  private readonly regions = new Map<string, Uint8Array>();

  constructor(
    private readonly lang: Lang,
    private readonly escape: (text: string) => string,
    private readonly sentence: (view: ResultView, lang: Lang) => string = describeResult,
  ) {
    this.general = new OffTrackSentences(lang, escape, sentence);
    this.percentText = escape('%');
    this.percentBytes = utf8(this.percentText);
    this.noneText = escape('—');
    this.noneBytes = utf8(this.noneText);
  }

  /**
   * Appends the escaped sentence of a final-level cell; false, with nothing appended, when it must
   * be worded the general way (as `OffTrackSentences.write`). `region`, when given, is the cell's
   * region as `escape(escapeControls(region))` encoded.
   */
  write(cell: ListedCell, out: ByteChunks, region?: Uint8Array): boolean {
    if (cell.shape !== 'final_level' || !cell.hasActual || cell.region === '') return false;
    const templates = this.templatesOf(cell.target);
    const shape = shapeKey(cell);
    const template = templates.byShape.get(shape);
    if (template === null) return this.general.write(cell, out);
    if (template === undefined) return this.first(cell, templates, shape, out, region);
    if (!cellDigits(cell, template.slots, templates.places, this.words)) return this.general.write(cell, out);
    this.writeTemplate(template, cell, out, region ?? this.regionBytes(cell.region));
    return true;
  }

  private templatesOf(target: Target): TargetTemplates {
    const index = target.index;
    let templates = index >= 0 && index < 100_000 ? this.byIndex[index] : undefined;
    if (templates !== undefined && templates.target === target) return templates;
    if (templates === undefined && index >= 0 && index < 100_000) {
      templates = { target, places: targetPlaces(target), byShape: new Map() };
      this.byIndex[index] = templates;
      return templates;
    }
    templates = this.others.get(target);
    if (templates === undefined) this.others.set(target, (templates = { target, places: targetPlaces(target), byShape: new Map() }));
    return templates;
  }

  /** The first cell of a target and shape: a template cut, kept once proven on it. */
  private first(cell: ListedCell, templates: TargetTemplates, shape: number, out: ByteChunks, region: Uint8Array | undefined): boolean {
    const template = this.cut(resultOfCell(cell));
    if (template === null) {
      templates.byShape.set(shape, null);
      return this.general.write(cell, out);
    }
    // A cell with a number that must be worded proves nothing: the next cell of its shape tries again.
    if (!cellDigits(cell, template.slots, templates.places, this.words)) return this.general.write(cell, out);
    const expected = this.general.text(cell);
    if (expected === null || this.spliced(template, cell) !== expected) {
      templates.byShape.set(shape, null);
      return this.general.write(cell, out);
    }
    templates.byShape.set(shape, template);
    this.writeTemplate(template, cell, out, region ?? this.regionBytes(cell.region));
    return true;
  }

  private writeTemplate(template: ByteTemplate, cell: ListedCell, out: ByteChunks, region: Uint8Array): void {
    const { pieces, slots } = template;
    out.bytes(pieces[0]!);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (slot === 0) out.bytes(region);
      else if (slot === 4 && cell.attainment === null) out.bytes(this.noneBytes);
      else {
        const words = this.words[slot]!;
        out.fixedPoint(words.mantissa, words.places, words.sign);
        if (words.percent) out.bytes(this.percentBytes);
      }
      out.bytes(pieces[i + 1]!);
    }
  }

  /** The sentence `writeTemplate` writes, as text (the proof of a template). */
  private spliced(template: ByteTemplate, cell: ListedCell): string {
    const { texts } = template;
    let text = texts[0]!;
    for (let i = 0; i < template.slots.length; i++) {
      const slot = template.slots[i]!;
      const fill = slot === 0 ? this.escape(escapeControls(cell.region)) : slot === 4 && cell.attainment === null ? this.noneText : digitText(this.words[slot]!, this.percentText);
      text += fill + texts[i + 1]!;
    }
    return text;
  }

  private regionBytes(region: string): Uint8Array {
    if (region === this.lastRegion) return this.lastRegionBytes;
    let bytes = this.regions.get(region);
    if (bytes === undefined) {
      bytes = utf8(this.escape(escapeControls(region)));
      if (this.regions.size < 100_000) this.regions.set(region, bytes);
    }
    this.lastRegion = region;
    this.lastRegionBytes = bytes;
    return bytes;
  }

  /** The sentence of a result worded with marks for its region and numbers, cut at them (as off-track-sentences.ts cuts it); null when the cut is not sure. */
  private cut(result: Result): ByteTemplate | null {
    const { id, indicator, indicatorEn, unit } = result;
    if (MARK_RANGE.test(id) || MARK_RANGE.test(indicator) || MARK_RANGE.test(indicatorEn) || MARK_RANGE.test(unit)) return null;
    const sentence = this.sentence(viewResult({ ...result, region: mark(0) }, this.lang, undefined, MARKS), this.lang);
    const texts: string[] = [];
    const slots: number[] = [];
    let start = 0;
    for (let i = 0; i < sentence.length; i++) {
      const c = sentence.charCodeAt(i);
      if (c < FIRST_MARK || c > LAST_MARK) continue;
      texts.push(sentence.slice(start, i));
      slots.push(c - FIRST_MARK);
      start = i + 1;
    }
    texts.push(sentence.slice(start));
    if (slots.filter((slot) => slot === 0).length !== 1) return null;
    // escapeControls breaks `::`: a piece ending or starting with `:` beside a name could make one with it.
    for (let i = 0; i < slots.length; i++) {
      if (slots[i] === 0 && (texts[i]!.endsWith(':') || texts[i + 1]!.startsWith(':'))) return null;
    }
    const escaped = texts.map((text) => this.escape(text));
    return { texts: escaped, pieces: escaped.map(utf8), slots: Int8Array.from(slots) };
  }
}
