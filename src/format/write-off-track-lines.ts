import type { ByteChunks } from './byte-chunks.js';
import { LineBytes } from './line-bytes.js';
import { OffTrackLineReader, offTrackWords, type LineRow, type LinesView } from './off-track-lines.js';
import type { OffTrackSentences } from './off-track-sentences.js';
import { paintsNothing, type Painter } from './paint.js';
import { wrapAlike } from './wrap-alike.js';
import { wrapText } from './wrap-text.js';

const NEWLINE = 10;

/**
 * The table's lines of the results off track (`OffTrackLineReader` with the symbol), each wrapped to
 * `width` and painted in its tone, appended to `out` as UTF-8 after a blank line (none when no
 * result is off track); stops every 32 results so that the caller can hand out a full chunk.
 * Uncoloured, a spliced line is written from its template's bytes, its text never made: whole
 * when its columns (its template's, its region's, its numbers') fit the width, else cut at the
 * UTF-8 offsets where the first line of its shape (`OffTrackSentences.lastShape`) was cut by
 * `wrapText`. Any other line is wrapped as text.
 */
export function* writeOffTrackLines(view: LinesView, rows: readonly LineRow[], width: number, paint: Painter, out: ByteChunks): Generator<void> {
  const coloured = !paintsNothing(paint);
  const limit = Math.max(1, width);
  let count = 0;
  // A line worded the general way, or coloured: wrapped where the first of its shape was.
  const wrapLine = wrapAlike(width);
  const fills: string[] = [];
  // Lines are assembled here and handed to `out` every 32.
  const lines = new LineBytes(64 * 1024);
  const cuts = new ShapeCuts(limit);
  const flush = (): void => {
    if (lines.length === 0) return;
    out.bytes(lines.view());
    lines.reset();
  };
  const reader = new OffTrackLineReader(view, rows, offTrackWords(view.lang, true), (text) => text);
  const line = reader.line;
  while (reader.next()) {
    if (count === 0) lines.byte(NEWLINE);
    if (line.spliced && !coloured) {
      const sentences = line.sentences;
      const columns = sentences.lastColumns();
      if (columns >= 0 && columns <= limit) {
        // What fits is its own line, as wrapText gives it.
        sentences.writeLastBytes(lines);
        lines.byte(NEWLINE);
      } else {
        const cut = columns < 0 ? null : cuts.of(sentences);
        if (cut !== null) {
          // Written whole, then cut into its lines where it lies.
          const start = lines.length;
          sentences.writeLastBytes(lines);
          lines.cut(start, cut.ends, cut.moves);
        } else {
          for (const part of wrapText(sentences.lastText(), limit)) {
            lines.text(part);
            lines.byte(NEWLINE);
          }
        }
      }
    } else {
      const pieces = line.pieces(fills);
      const parts = pieces ? wrapLine.spliced(line.text(), pieces, fills) : wrapLine(line.text());
      for (const part of parts) {
        lines.text(coloured ? paint.tone(line.tone, part) : part);
        lines.byte(NEWLINE);
      }
    }
    if (++count % 32 === 0) {
      flush();
      yield;
    }
  }
  flush();
}

/** Where the lines of a sentence of one shape lie in its UTF-8, and which way they move to be laid out (`LineBytes.cut`). */
interface LineCuts {
  ends: Int32Array;
  moves: -1 | 0 | 1;
}

/** A sentence's shape (`OffTrackSentences.lastShape`) and its cuts, or null when it is wrapped afresh. */
interface ShapeCut {
  shape: Int32Array;
  cuts: LineCuts | null;
}

/** How many shapes' cuts one writer remembers. */
const MOST_CUTS = 50_000;

/**
 * Where `wrapText` cuts the sentences of one `OffTrackSentences` at one width, by their shape:
 * two sentences of one shape wrap alike (plain-shape.ts), and a shape fixes each unit's UTF-8
 * length, so the UTF-8 offsets of the first sentence's lines are every such sentence's.
 */
class ShapeCuts {
  private readonly known = new Map<number, ShapeCut>();
  private readonly shape = new Int32Array(64);

  constructor(private readonly limit: number) {}

  /** Where the lines of the sentence last prepared lie in its UTF-8; null when it must be wrapped as text. */
  of(sentences: OffTrackSentences): LineCuts | null {
    const { shape } = this;
    const n = sentences.lastShape(shape);
    if (n < 0) return null;
    let hash = 0x811c9dc5 ^ n;
    for (let i = 0; i < n; i++) hash = Math.imul(hash ^ shape[i]!, 0x01000193);
    const found = this.known.get(hash);
    if (found !== undefined && sameShape(found.shape, shape, n)) return found.cuts;
    const ends = utf8Cuts(sentences.lastText(), this.limit);
    const cuts = ends === null ? null : { ends, moves: movesOf(ends) };
    // A shape whose hash another took first is worked out again each time (rare).
    if (found === undefined && this.known.size < MOST_CUTS) this.known.set(hash, { shape: shape.slice(0, n), cuts });
    return cuts;
  }
}

/** Which way the lines at `ends` move when laid out one after another, each with a newline (`LineBytes.cut`). */
export function movesOf(ends: Int32Array): -1 | 0 | 1 {
  let to = 0;
  let left = false;
  let right = false;
  for (let i = 0; i < ends.length; i += 2) {
    if (to < ends[i]!) left = true;
    if (to > ends[i]!) right = true;
    to += ends[i + 1]! - ends[i]! + 1;
  }
  return left && right ? 0 : right ? 1 : -1;
}

/** True when `known` is the first `n` numbers of `shape`. */
function sameShape(known: Int32Array, shape: Int32Array, n: number): boolean {
  if (known.length !== n) return false;
  for (let i = 0; i < n; i++) if (known[i] !== shape[i]) return false;
  return true;
}

/**
 * The UTF-8 [start, end) of each line `wrapText(text, limit)` gives, when each is a slice of the
 * text with only spaces between them (and after the last); null otherwise.
 */
export function utf8Cuts(text: string, limit: number): Int32Array | null {
  const lines = wrapText(text, limit);
  const ends = new Int32Array(lines.length * 2);
  let at = 0;
  let bytes = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A line starts where it is found after the spaces wrapping dropped (none before a line that keeps them).
    while (!text.startsWith(line, at) && at < text.length && text.charCodeAt(at) === 0x20) {
      at++;
      bytes++;
    }
    if (!text.startsWith(line, at)) return null;
    ends[2 * i] = bytes;
    bytes += Buffer.byteLength(line, 'utf8');
    at += line.length;
    ends[2 * i + 1] = bytes;
  }
  while (at < text.length && text.charCodeAt(at) === 0x20) at++;
  return at === text.length ? ends : null;
}
