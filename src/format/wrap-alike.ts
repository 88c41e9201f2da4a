// A piece or fill of a spliced text is read by plain-shape.ts's rules, the same for lines off track.
import { LONGEST, plainShape, plainWidth } from './plain-shape.js';
import { wrapText } from './wrap-text.js';

/** How many shapes one wrapper remembers (each two bytes a unit of its text, and its cuts). */
const MOST_SHAPES = 16_384;

/** `wrapText` at one width that remembers where texts of one shape were cut, with how often it could. */
export interface AlikeWrap {
  (text: string): string[];
  /**
   * The same for a text spliced from pieces and fills (`pieces[0] + fills[0] + pieces[1] + …`),
   * its shape known from its pieces (measured once per array of pieces) and its fills: the pieces
   * are not read again.
   */
  spliced(text: string, pieces: readonly string[], fills: readonly string[]): string[];
  /**
   * `spliced` of a text made only when it is needed: null when the text fits the width whole
   * (where `spliced` gives `[text]`), else its lines; `text` is asked for at most once.
   */
  splicedLines(pieces: readonly string[], fills: readonly string[], text: () => string): string[] | null;
  /** How many texts were cut where a text of their shape was (for tests). */
  readonly reused: number;
}

/** A node of the tree of spliced shapes: its template's columns at the root, a branch per shape of the next fill, where a text of this shape was cut (undefined: none seen yet). */
interface ShapeNode {
  columns: number;
  next: Map<number, ShapeNode> | null;
  cuts: Int32Array | null | undefined;
}

/**
 * The shape of a short figure (up to 24 of the digits, `.`, `-` and `+`) as a positive whole
 * number: a leading 1, then two bits a character (a digit, `.`, `-`, `+`); 0 for any other text.
 */
function figureCode(fill: string): number {
  const n = fill.length;
  if (n === 0 || n > 24) return 0;
  let code = 1;
  for (let i = 0; i < n; i++) {
    const c = fill.charCodeAt(i);
    const kind = c >= 48 && c <= 57 ? 0 : c === 46 ? 1 : c === 45 ? 2 : c === 43 ? 3 : -1;
    if (kind < 0) return 0;
    code = code * 4 + kind;
  }
  return code;
}

/**
 * `wrapText(text, width)` of many texts alike (the lines off track of a large run: one
 * sentence per target and status, a region's name and a few numbers spliced in), each cut
 * where the last text of its shape was cut. A text's shape is the text with every ASCII digit
 * read as `0`, every ASCII letter as `a` and every CJK ideograph (U+4E00–U+9FFF) as 一: within
 * each of these classes no character is told from another by any rule of wrapping (width,
 * spaces, digits, %, brackets, short Chinese words), so two texts of one shape are cut at the
 * same places. Only a text whose lines are slices of it, with nothing but spaces dropped between
 * them, is remembered; a text holding a character wrapping could drop or trim besides a space (a
 * control, a mark of no width, another kind of space, a surrogate) is always wrapped afresh.
 */
export function wrapAlike(width: number): AlikeWrap {
  const limit = Math.max(1, width);
  // Shapes by a hash of them; each kept with its shape, compared in full before its cuts are used.
  const known = new Map<number, Shape[]>();
  let shapes = 0;
  const shape = new Uint16Array(LONGEST);
  let reused = 0;
  const wrap = (text: string): string[] => {
    const n = text.length;
    if (n > LONGEST) return wrapText(text, limit);
    let columns = 0;
    let hash = 0x811c9dc5 ^ n;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      let s: number;
      if (c >= 0x4e00 && c <= 0x9fff) {
        s = 0x4e00;
        columns += 2;
      } else if (c >= 48 && c <= 57) {
        s = 48;
        columns++;
      } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
        s = 97;
        columns++;
      } else {
        const w = plainWidth(c);
        if (w < 0) return wrapText(text, limit);
        s = c;
        columns += w;
      }
      shape[i] = s;
      hash = Math.imul(hash ^ s, 0x01000193);
    }
    // What fits is its own line, as wrapText gives it.
    if (columns <= limit) return [text];
    const bucket = known.get(hash);
    let found: Shape | undefined;
    if (bucket) {
      for (const candidate of bucket) {
        if (sameShape(candidate.shape, shape, n)) {
          found = candidate;
          break;
        }
      }
    }
    if (found === undefined) {
      const lines = wrapText(text, limit);
      if (shapes < MOST_SHAPES) {
        const entry = { shape: shape.slice(0, n), cuts: cutsOf(text, lines) };
        if (bucket) bucket.push(entry);
        else known.set(hash, [entry]);
        shapes++;
      }
      return lines;
    }
    const { cuts } = found;
    if (cuts === null) return wrapText(text, limit);
    reused++;
    const lines: string[] = new Array<string>(cuts.length >> 1);
    for (let i = 0; i < lines.length; i++) lines[i] = text.slice(cuts[2 * i]!, cuts[2 * i + 1]!);
    return lines;
  };
  // Spliced texts: a tree per array of pieces, a branch per fill's shape (a number for a short
  // figure's, else the number its shape was given), the cuts at its leaves.
  const pieceShapes = new Map<readonly string[], ShapeNode | null>();
  const fillShapes = new Map<string, { code: number; columns: number } | null>();
  const shapeCodes = new Map<string, number>();
  let nodes = 0;
  // Where a spliced text's shape leads in its tree, and its columns; null when it must be wrapped afresh.
  const found = { leaf: null as unknown as ShapeNode, columns: 0 };
  const leafOf = (pieces: readonly string[], fills: readonly string[]): typeof found | null => {
    let node = pieceShapes.get(pieces);
    if (node === undefined) {
      let columns = 0;
      for (const piece of pieces) {
        const part = plainShape(piece);
        if (part === null) {
          columns = -1;
          break;
        }
        columns += part.columns;
      }
      node = columns < 0 ? null : { columns, next: null, cuts: undefined };
      if (pieceShapes.size < MOST_SHAPES) pieceShapes.set(pieces, node);
    }
    if (node === null) return null;
    let columns = node.columns;
    let at: ShapeNode = node;
    for (const fill of fills) {
      let code = figureCode(fill);
      if (code > 0) columns += fill.length;
      else {
        let known = fillShapes.get(fill);
        if (known === undefined) {
          const part = plainShape(fill);
          if (part === null) known = null;
          else {
            let id = shapeCodes.get(part.key);
            // Bounded: past it, a shape not met before is wrapped afresh.
            if (id === undefined && shapeCodes.size >= MOST_SHAPES) return null;
            if (id === undefined) shapeCodes.set(part.key, (id = -1 - shapeCodes.size));
            known = { code: id, columns: part.columns };
          }
          if (fillShapes.size < MOST_SHAPES) fillShapes.set(fill, known);
        }
        if (known === null) return null;
        code = known.code;
        columns += known.columns;
      }
      let next: ShapeNode | undefined = at.next?.get(code);
      if (next === undefined) {
        // Past the bound, a shape not met before is wrapped afresh.
        if (nodes >= MOST_SHAPES * 4) return null;
        nodes++;
        next = { columns: 0, next: null, cuts: undefined };
        (at.next ??= new Map()).set(code, next);
      }
      at = next;
    }
    found.leaf = at;
    found.columns = columns;
    return found;
  };
  const splicedLines = (pieces: readonly string[], fills: readonly string[], textOf: () => string): string[] | null => {
    const leaf = leafOf(pieces, fills);
    if (leaf === null) return wrapWhole(textOf());
    if (leaf.columns <= limit) return null;
    const at = leaf.leaf;
    const text = textOf();
    if (text.length > LONGEST) return wrapWhole(text);
    const { cuts } = at;
    if (cuts === undefined) {
      const lines = wrapText(text, limit);
      at.cuts = cutsOf(text, lines);
      return lines;
    }
    if (cuts === null) return wrapText(text, limit);
    reused++;
    const lines: string[] = new Array<string>(cuts.length >> 1);
    for (let i = 0; i < lines.length; i++) lines[i] = text.slice(cuts[2 * i]!, cuts[2 * i + 1]!);
    return lines;
  };
  // A text wrapped afresh: null when it is its own line.
  const wrapWhole = (text: string): string[] | null => {
    const lines = wrapText(text, limit);
    return lines.length === 1 && lines[0] === text ? null : lines;
  };
  const spliced = (text: string, pieces: readonly string[], fills: readonly string[]): string[] => splicedLines(pieces, fills, () => text) ?? [text];
  Object.defineProperty(wrap, 'spliced', { value: spliced });
  Object.defineProperty(wrap, 'splicedLines', { value: splicedLines });
  return Object.defineProperty(wrap, 'reused', { get: () => reused }) as AlikeWrap;
}

/** A shape remembered, and where its text was cut (null: it is wrapped afresh). */
interface Shape {
  shape: Uint16Array;
  cuts: Int32Array | null;
}

/** True when `known` is the first `n` units of `shape`. */
function sameShape(known: Uint16Array, shape: Uint16Array, n: number): boolean {
  if (known.length !== n) return false;
  for (let i = 0; i < n; i++) if (known[i] !== shape[i]) return false;
  return true;
}

/**
 * Where `lines` lie in `text` as [start, end) pairs, when each is a slice of it and only spaces
 * lie between them (and after the last); null otherwise.
 */
function cutsOf(text: string, lines: readonly string[]): Int32Array | null {
  const cuts = new Int32Array(lines.length * 2);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    while (at < text.length && text.charCodeAt(at) === 0x20) at++;
    const line = lines[i]!;
    if (!text.startsWith(line, at)) return null;
    cuts[2 * i] = at;
    at += line.length;
    cuts[2 * i + 1] = at;
  }
  while (at < text.length && text.charCodeAt(at) === 0x20) at++;
  return at === text.length ? cuts : null;
}
