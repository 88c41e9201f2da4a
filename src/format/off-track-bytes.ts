import type { Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import { resultOfCell, type ListedCell } from '../report/listed-results.js';
import type { Result } from '../report/types.js';
import { ByteChunks, utf8 } from './byte-chunks.js';
import { cellDigits } from './cell-digits.js';
import { digitText, targetPlaces, type DigitWords } from './cell-figure-words.js';
import { describeResult } from './findings.js';
import { cutAtMarks, OffTrackSentences, shapeKey } from './off-track-sentences.js';
import { escapeControls } from './sanitize.js';
import type { ResultView } from './view-result.js';

// The sentence of a final-level cell off track (JUnit's and SARIF's message), as
// `OffTrackSentences.write` writes it, from byte pieces kept per target and shape in arrays (no
// `Map` per cell), its numbers all written as digits. Anything else (a number that must be worded,
// a shape whose first cells cannot be proven, a region named '') is handed to `OffTrackSentences`,
// which words it as before: the bytes are the same either way (a property test holds them so).

/** A sentence cut at its slots, each piece escaped and encoded once. */
interface ByteTemplate {
  /** The pieces as escaped text (for the proof). */
  texts: string[];
  /** pieces[i] before slot i; one more piece than slots. */
  pieces: Uint8Array[];
  slots: Int8Array;
}

/** A target's templates by shape (`shapeKey` of off-track-sentences.ts); null for a shape worded the general way. */
interface TargetTemplates {
  target: Target;
  /** The target's places (`targetPlaces`). */
  places: number;
  byShape: Map<number, ByteTemplate | null>;
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

  /** The sentence of a result cut at its marks (`cutAtMarks`), each piece escaped and encoded once; null when the cut is not sure. */
  private cut(result: Result): ByteTemplate | null {
    const cut = cutAtMarks(result, this.lang, this.sentence);
    if (!cut) return null;
    const escaped = cut.texts.map((text) => this.escape(text));
    return { texts: escaped, pieces: escaped.map(utf8), slots: Int8Array.from(cut.slots) };
  }
}
