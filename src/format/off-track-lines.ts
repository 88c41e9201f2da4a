import { formatMessage, type Lang } from '../messages.js';
import { emptyCell, resultOfCell, type ListedCell, type ListedResults } from '../report/listed-results.js';
import type { LineBytes } from './line-bytes.js';
import { OffTrackSentences } from './off-track-sentences.js';
import type { MatrixRow } from './region-matrix.js';
import { isOffTrackOrFailingAt, toneOf, viewOffTrack, type OffTrackView, type Tone } from './view-result.js';
import type { ReportView } from './view.js';

/** The words of a line about a result off track, from the parts of its view the line shows (its region '' when the data names none). */
export type LineWords = (view: OffTrackView, lang: Lang) => string;

/**
 * One line of the results off track, escaped for the format, and its tone: spliced from its
 * target's template (`spliced`), its words made only as they are asked for (as text, as the
 * template's pieces and fills, or as UTF-8), or worded the general way.
 */
export class OffTrackLine {
  tone: Tone = 'bad';
  /** True when the line is spliced from its target's template (`OffTrackSentences`, prepared for it). */
  spliced = false;
  /** The text of a line worded the general way. */
  general = '';

  /** @param sentences the templates a spliced line is cut from (its columns, shape and bytes: `lastColumns`, `lastShape`, `writeLastBytes`). */
  constructor(readonly sentences: OffTrackSentences) {}

  /** The line's text. */
  text(): string {
    return this.spliced ? this.sentences.lastText() : this.general;
  }

  /**
   * A spliced line's template pieces (one array for every line of that template), with what goes
   * between them put into `fills`: the text is the two interleaved. Null for a line worded the general way.
   */
  pieces(fills: string[]): readonly string[] | null {
    return this.spliced ? this.sentences.lastPieces(fills) : null;
  }

  /** Appends the line's text as UTF-8 to a `LineBytes` (a spliced line from its template's bytes, without its text). */
  writeBytes(out: LineBytes): void {
    if (this.spliced) this.sentences.writeLastBytes(out);
    else out.text(this.general);
  }
}

/** The part of a matrix row the lines read: its key in each region, and where it has them, its keys as an array (`MatrixRow.keys`). */
export type LineRow = Pick<MatrixRow, 'key'> & Partial<Pick<MatrixRow, 'keys'>>;

/** The part of a view the lines need. */
export type LinesView = Pick<ReportView, 'listed' | 'lang' | 'doubts' | 'regions'>;

/**
 * A line's words as the table and Markdown say them: `✗ 石浦镇 M1.1 指标:未达标;原因`
 * (`withSymbol`), or the same without the symbol; a region '' reads `(未填地区)`.
 */
export function offTrackWords(lang: Lang, withSymbol: boolean): LineWords {
  const noRegion = formatMessage('word.no-region', {}, lang);
  const colon = lang === 'zh' ? ':' : ': ';
  const semicolon = lang === 'zh' ? ';' : '; ';
  return (v) => {
    const text = `${v.region || noRegion} ${v.id} ${v.indicator}${colon}${v.status}${v.reason ? `${semicolon}${v.reason}` : ''}`;
    return withSymbol ? `${v.symbol} ${text}` : text;
  };
}

/**
 * The lines of a matrix's results off track or failing, row by row and region by region:
 * `escape(words(viewOffTrack(result)))` of each. A final level judged on a region's own figure
 * (most of them in a large run) is spliced from its target's template (`OffTrackSentences`, proven
 * on the first cell it is cut from) without its result or view being built; a figure a warning
 * doubts, another shape, or a template that cannot be had is worded the general way. `next()`
 * makes the next line `line` (one object again and again: read it before asking for the next)
 * and says false after the last. A writer asks for them in a loop of its own rather than through
 * a generator: a large run has hundreds of thousands of lines, and each step of a generator is a
 * resumption and an object.
 */
export class OffTrackLineReader {
  /** The line `next()` made last. */
  readonly line: OffTrackLine;
  private readonly listed: LinesView['listed'];
  private readonly lang: Lang;
  private readonly doubts: LinesView['doubts'];
  private readonly count: number;
  private readonly sentences: OffTrackSentences;
  private readonly cell: ListedCell | null;
  private readonly bits: Int32Array | null;
  private readonly offTrack: ((key: number) => boolean) | null;
  /** The row and region of the line made last (the region before the first cell when `region` is -1). */
  private row = 0;
  private region = -1;

  constructor(
    view: LinesView,
    private readonly rows: readonly LineRow[],
    private readonly words: LineWords,
    private readonly escape: (text: string) => string,
  ) {
    this.listed = view.listed;
    this.lang = view.lang;
    this.doubts = view.doubts;
    this.count = view.regions.length;
    this.sentences = new OffTrackSentences(view.lang, escape, words);
    this.cell = view.listed.cell ? emptyCell() : null;
    this.line = new OffTrackLine(this.sentences);
    this.bits = offTrackBits(view.listed);
    this.offTrack = this.bits === null ? offTrackKeys(view.listed) : null;
  }

  /** Makes the next line off track `line`; false when there is none. */
  next(): boolean {
    const { rows, count, bits, listed, cell, doubts, lang, line } = this;
    while (this.row < rows.length) {
      const row = rows[this.row]!;
      // A row's keys read from its array where it has one, each tested against the bits in place:
      // the loop passes every cell of the matrix, and most are not off track.
      const keys = row.keys;
      for (let region = this.region + 1; region < count; region++) {
        const key = keys !== undefined ? keys[region]! : row.key(region);
        if (key < 0) continue;
        if (bits !== null ? key >> 5 >= bits.length || (bits[key >> 5]! & (1 << (key & 31))) === 0 : !this.offTrack!(key)) continue;
        this.region = region;
        // A line's words never say where its figure came from: the cell is read without its file and row, unless a doubt needs them.
        if (cell && listed.cell!(key, cell, true, doubts.size > 0) && cell.shape === 'final_level' && (doubts.size === 0 || doubts.of(resultOfCell(cell), lang) === '') && this.sentences.prepare(cell, region)) {
          line.spliced = true;
          line.tone = toneOf(cell);
        } else {
          const v = viewOffTrack(listed.get(key), lang, doubts);
          line.spliced = false;
          line.general = this.escape(this.words(v, lang));
          line.tone = v.tone;
        }
        return true;
      }
      this.row++;
      this.region = -1;
    }
    return false;
  }
}

/**
 * Whether the result of a key is off track or failing (`isOffTrackOrFailingAt` of its status and
 * severity): where the listed results give their keys by status (`keysOf`), a bit per key set
 * from them once (each status and severity asked once), not two lookups per cell of the matrix.
 */
export function offTrackKeys(listed: ListedResults): (key: number) => boolean {
  const bits = offTrackBits(listed);
  if (bits === null) return (key) => isOffTrackOrFailingAt(listed.status(key), listed.severity(key));
  return (key) => key >> 5 < bits.length && (bits[key >> 5]! & (1 << (key & 31))) !== 0;
}

/** The keys off track or failing as bits (key k is bit k & 31 of word k >> 5), from `keysOf`; null for listed results that do not give their keys by status. */
export function offTrackBits(listed: ListedResults): Int32Array | null {
  if (!listed.keysOf) return null;
  // A bit per key: a million keys in 128 KB, read again for every cell of the matrix.
  let bits = new Int32Array(1024);
  for (const key of listed.keysOf(isOffTrackOrFailingAt)) {
    if (key >> 5 >= bits.length) {
      const bigger = new Int32Array(Math.max(bits.length * 2, (key >> 5) + 1));
      bigger.set(bits);
      bits = bigger;
    }
    bits[key >> 5] = bits[key >> 5]! | (1 << (key & 31));
  }
  return bits;
}
