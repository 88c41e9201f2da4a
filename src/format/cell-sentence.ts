import { formatMessage, type Lang } from '../messages.js';
import { resultOfCell, type ListedCell } from '../report/listed-results.js';
import type { Target } from '../plan/types.js';
import { ByteChunks, utf8 } from './byte-chunks.js';
import { describeResult } from './findings.js';
import { escapeControls } from './sanitize.js';
import { showActual } from './show-number.js';
import { viewResult } from './view.js';

// Private-use characters no escaper changes: where a town's name and its figure go in a sentence
// worded once per target.
const REGION = '\ue000';
const FIGURE = '\ue001';

/** A sentence cut where the region and the figure go, each piece escaped and encoded once. */
interface Template {
  /** Before the region, between the region and the figure (or the end), after the figure. */
  pieces: Uint8Array[];
}

/**
 * The sentence of a town not judged (`describeResult` of its view, then `escape`: the line
 * formats' message), worded once per target and written per town with only its name and its
 * figure spliced in (a test holds them equal to the general path). `write` says false for
 * what it cannot write so (a region named '', a plan text holding the private-use marks, a
 * piece that could make `::` with what is spliced in): the caller then words it the general way.
 */
export class NotJudgedSentences {
  private readonly templates = new Map<Target, (Template | null)[]>();
  private readonly regions = new Map<string, Uint8Array>();

  constructor(
    private readonly lang: Lang,
    private readonly escape: (text: string) => string,
  ) {}

  /** Appends the escaped sentence of a `not_judged` cell; false when it must be worded the general way. */
  write(cell: ListedCell, out: ByteChunks): boolean {
    if (cell.shape !== 'not_judged' || cell.region === '') return false;
    const template = this.template(cell);
    if (!template) return false;
    const [before, middle, after] = template.pieces;
    out.bytes(before!);
    out.bytes(this.region(cell.region));
    out.bytes(middle!);
    if (after) {
      this.writeFigure(cell, out);
      out.bytes(after);
    }
    return true;
  }

  /**
   * The pieces `write` splices a cell's sentence from, escaped and encoded: before the region,
   * between the region and the figure (or the end), after the figure (none without an actual);
   * null when it must be worded the general way. A caller that splices them itself (the region
   * escaped as this class's `escape(escapeControls(region))`, the figure by `writeFigure`) writes
   * the same bytes as `write`.
   */
  pieces(cell: ListedCell): readonly Uint8Array[] | null {
    if (cell.shape !== 'not_judged' || cell.region === '') return null;
    return this.template(cell)?.pieces ?? null;
  }

  /** Appends a cell's figure as its sentence shows it (`3.52`, `3.52 (2023)`, `已完成`), escaped. */
  writeFigure(cell: ListedCell, out: ByteChunks): void {
    const { target } = cell;
    // A figure of up to 4 decimals is shown as it is (showActual): its digits written straight away.
    if (target.kind !== 'milestone' && out.plainDecimal(cell.value, 4)) {
      if (cell.year !== target.year) out.ascii(` (${cell.year})`);
    } else if (target.kind === 'milestone') {
      // Done or not done: worded and escaped once each.
      const done = cell.value === 1 ? 1 : 0;
      let words = this.milestoneWords[done];
      if (words === undefined) this.milestoneWords[done] = words = utf8(this.escape(escapeControls(this.figure(cell))));
      out.bytes(words);
    } else out.text(this.escape(escapeControls(this.figure(cell))));
  }

  /** A milestone's figure as its sentence shows it, not done and done, escaped, as UTF-8. */
  private readonly milestoneWords: (Uint8Array | undefined)[] = [undefined, undefined];

  /** The figure as the view words it: `3.52`, `3.52 (2023)`, `已完成`. */
  private figure(cell: ListedCell): string {
    const { target } = cell;
    if (target.kind === 'milestone') return formatMessage(cell.value === 1 ? 'view.done' : 'view.not-done', {}, this.lang);
    const figure = showActual(cell.value, null);
    return cell.year !== target.year ? `${figure} (${cell.year})` : figure;
  }

  private region(region: string): Uint8Array {
    let bytes = this.regions.get(region);
    if (bytes === undefined) {
      bytes = utf8(this.escape(escapeControls(region)));
      if (this.regions.size < 100_000) this.regions.set(region, bytes);
    }
    return bytes;
  }

  private template(cell: ListedCell): Template | null {
    let known = this.templates.get(cell.target);
    if (!known) this.templates.set(cell.target, (known = [undefined as unknown as null, undefined as unknown as null]));
    const at = cell.hasActual ? 1 : 0;
    if (known[at] === undefined) known[at] = this.cut(cell);
    return known[at]!;
  }

  /** The sentence of a town named REGION, its figure shown as FIGURE, cut at both. */
  private cut(cell: ListedCell): Template | null {
    const view = viewResult(resultOfCell({ ...cell, region: REGION }), this.lang);
    const sentence = describeResult(cell.hasActual ? { ...view, actual: FIGURE } : view, this.lang);
    const parts = sentence.split(REGION);
    if (parts.length !== 2) return null;
    const [before, rest] = parts as [string, string];
    const tail = rest.split(FIGURE);
    if (tail.length !== (cell.hasActual ? 2 : 1) || before.includes(FIGURE)) return null;
    const pieces = [before, ...tail];
    // escapeControls breaks `::`: a piece ending or starting with `:` could make one with a name.
    if (pieces.some((piece, i) => (i > 0 && piece.startsWith(':')) || (i < pieces.length - 1 && piece.endsWith(':')))) return null;
    return { pieces: pieces.map((piece) => utf8(this.escape(piece))) };
  }
}
