import { ByteChunks } from './byte-chunks.js';
import { GrowingBytes } from './growing-bytes.js';
import { offTrackLines, offTrackWords, type LinesView } from './off-track-lines.js';
import { paintsNothing, type Painter } from './paint.js';
import type { MatrixRow } from './region-matrix.js';
import { wrapAlike } from './wrap-alike.js';

const NEWLINE = 10;
const LINE_BREAK = new Uint8Array([NEWLINE]);

/**
 * The table's lines of the results off track (`offTrackLines` with the symbol), each wrapped to
 * `width` and painted in its tone, appended to `out` as UTF-8 after a blank line (none when no
 * result is off track); stops every 32 results so that the caller can hand out a full chunk.
 * Uncoloured, a spliced line is written from its template's bytes, its text never made: whole
 * when it fits the width, else cut where the first line of its shape was (`wrapAlike`); any other
 * line is wrapped as text. The UTF-8 offsets of a shape's cuts are worked out once, for its first line.
 */
export function* writeOffTrackLines(view: LinesView, rows: readonly Pick<MatrixRow, 'key'>[], width: number, paint: Painter, out: ByteChunks): Generator<void> {
  const coloured = !paintsNothing(paint);
  let count = 0;
  // Most lines are alike (a target's sentence with a region and numbers spliced in): cut where the first of their shape was.
  const wrapLine = wrapAlike(width);
  const fills: string[] = [];
  // A line to be cut is written here first, then its lines copied into `cut`, handed to `out` every few lines.
  const whole = new ByteChunks(64 * 1024);
  const cut = new GrowingBytes(64 * 1024);
  const flush = (): void => {
    if (cut.length === 0) return;
    out.bytes(cut.view());
    cut.reset();
  };
  // Each template's pieces' UTF-8 lengths, by the array of pieces (one per template and shape: few).
  const pieceBytes = new Map<readonly string[], Int32Array>();
  // The UTF-8 offsets of a shape's cuts, by its cuts (one array per shape, `AlikeWrap.splicedCuts`):
  // a shape fixes each unit's UTF-8 length, so every line of one shape is cut at the same offsets.
  const byteCuts = new Map<Int32Array, Int32Array>();
  for (const line of offTrackLines(view, rows, offTrackWords(view.lang, true), (text) => text)) {
    if (count === 0) out.bytes(LINE_BREAK);
    const pieces = line.pieces(fills);
    const cuts = pieces && !coloured ? wrapLine.splicedCuts(pieces, fills) : undefined;
    if (cuts === null) {
      // A line of its own, as `spliced` gives it.
      flush();
      line.write(out);
      out.bytes(LINE_BREAK);
    } else if (cuts !== undefined) {
      line.write(whole);
      const bytes = whole.take();
      let ends = byteCuts.get(cuts);
      if (!ends) {
        let lengths = pieceBytes.get(pieces!);
        if (!lengths) {
          lengths = utf8Lengths(pieces!);
          if (pieceBytes.size < 100_000) pieceBytes.set(pieces!, lengths);
        }
        ends = new Int32Array(cuts.length);
        byteOffsets(pieces!, lengths, fills, cuts, ends);
        if (byteCuts.size < 100_000) byteCuts.set(cuts, ends);
      }
      for (let i = 0; i < ends.length; i += 2) {
        cut.bytes(bytes, ends[i]!, ends[i + 1]!);
        cut.byte(NEWLINE);
      }
    } else {
      flush();
      const parts = pieces ? wrapLine.spliced(line.text(), pieces, fills) : wrapLine(line.text());
      for (const part of parts) {
        out.text(paint.tone(line.tone, part));
        out.bytes(LINE_BREAK);
      }
    }
    if (++count % 32 === 0) {
      flush();
      yield;
    }
  }
  flush();
}

/**
 * The UTF-8 offsets of `cuts` (UTF-16 offsets, ascending) in the text spliced from `pieces` and
 * `fills` (`pieces[0] + fills[0] + pieces[1] + …`), each part encoded on its own as
 * `OffTrackSentences.writeLast` writes it, into `into`. `pieceBytes` holds each piece's UTF-8
 * length (`utf8Lengths`). A text `wrapAlike` cut holds no surrogate: a unit is one, two or three bytes.
 */
export function byteOffsets(pieces: readonly string[], pieceBytes: Int32Array, fills: readonly string[], cuts: Int32Array, into: Int32Array): void {
  const last = 2 * fills.length;
  let part = 0;
  // Where the current part starts, in units and in bytes.
  let unitStart = 0;
  let byteStart = 0;
  for (let c = 0; c < cuts.length; c++) {
    const cut = cuts[c]!;
    for (;;) {
      const text = (part & 1) === 0 ? pieces[part >> 1]! : fills[part >> 1]!;
      if (cut > unitStart + text.length && part < last) {
        // The cut lies past this part: skip it whole.
        byteStart += (part & 1) === 0 ? pieceBytes[part >> 1]! : bytesOf(text, text.length);
        unitStart += text.length;
        part++;
        continue;
      }
      into[c] = byteStart + bytesOf(text, cut - unitStart);
      break;
    }
  }
}

/** The UTF-8 length of each piece, as `byteOffsets` takes them. */
export function utf8Lengths(pieces: readonly string[]): Int32Array {
  return Int32Array.from(pieces, (piece) => bytesOf(piece, piece.length));
}

/** The UTF-8 length of the first `end` units of `text` (no surrogates). */
function bytesOf(text: string, end: number): number {
  let n = end;
  for (let i = 0; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) n += unit < 0x800 ? 1 : 2;
  }
  return n;
}
