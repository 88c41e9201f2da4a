import { formatMessage, type Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import { emptyCell, type ListedCell, type ListedResults } from '../report/listed-results.js';
import { STATUSES, type FigureRef, type Reason, type Result } from '../report/types.js';
import { ByteChunks, utf8 } from './byte-chunks.js';
import { JsonCache, resultJson, resultText } from './json.js';
import { prettyJson } from './pretty-json.js';
import { escapeJsonText } from './sanitize.js';
import { writePrettyJson } from './write-pretty-json.js';
import { writeFourPlaces } from './write-four-places.js';

const SEVERITY_INDEX: Record<string, number> = { ok: 0, info: 1, warning: 2, failure: 3 };
const STATUS_INDEX = new Map<string, number>(STATUSES.map((status, i) => [status, i]));
const SOURCES = ['plan', 'decomposed', 'intensive_plan', 'reported', 'derived'];

const NULL = utf8('null');
const FIRST = utf8('[\n    ');
const NEXT = utf8(',\n    ');
const EMPTY = new Uint8Array(0);
const ACTUAL_YEAR = utf8('{\n        "year": ');
const ACTUAL_VALUE = utf8(',\n        "value": ');
const ACTUAL_FILE = utf8(',\n        "file": ');
const ACTUAL_ROW = utf8(',\n        "row": ');
const ACTUAL_END = utf8('\n      }');
const GAP = utf8(',\n      "gap": ');
const ATTAINMENT = utf8(',\n      "attainment": ');
const PROGRESS = utf8(',\n      "progress": ');
const REASON = utf8(',\n      "reason": ');
const FIGURE_AGE = utf8(',\n      "figure_age": ');
const NO_NOTES = utf8(',\n      "notes": []');
const NOTES = utf8(',\n      "notes": ');

/** What one target writes the same in every region: its head, and its fields up to `"actual": ` for each status, severity and finality. */
interface TargetText {
  /** The result whose terms these are (compared field by field: a town's own target differs). */
  terms: Result;
  /** `{\n      "id": …,\n      "region": `. */
  head: Uint8Array;
  /** The target's fields, from `"measure"` to `"soft"`, as text. */
  fields: string;
  /** By status × severity × final: the fields, status, severity and final, then `"actual": `. */
  middles: (Uint8Array | undefined)[];
  /** The pieces of its cells, by what they share (`cellPieces`). */
  cells: Map<number, CellPieces>;
  /** The pieces of its last cell. */
  lastCell: CellPieces | null;
}

/** The pieces of a cell between its region and numbers (see `JsonResultWriter.cellPieces`). */
interface CellPieces {
  middle: Uint8Array;
  file: Uint8Array;
  end: Uint8Array;
  rest: Uint8Array;
  status: ListedCell['status'];
  severity: ListedCell['severity'];
  final: boolean;
  hasActual: boolean;
  shape: ListedCell['shape'];
  year: number;
  fileName: string | null;
  targetSource: ListedCell['targetSource'];
  figureSource: ListedCell['figureSource'];
  /** Its last piece joined with the separator and head that last followed it (`JsonResultWriter.joined`). */
  join: { separator: Uint8Array; head: Uint8Array; bytes: Uint8Array } | undefined;
}

const TERM_KEYS = ['measure', 'goal', 'action', 'indicator', 'indicatorEn', 'kind', 'op', 'value', 'unit', 'year', 'soft'] as const;

function sameTerms(a: Result, b: Result): boolean {
  for (const key of TERM_KEYS) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Writes results as the JSON report lists them (`resultText`: a test holds them equal), as UTF-8
 * bytes spliced from pieces encoded once: each target's fields per status, each region's name,
 * each file name, a shared reason per language; only numbers are written per result.
 */
export class JsonResultWriter {
  private readonly targets = new Map<string, TargetText>();
  private readonly strings = new Map<string, Uint8Array>();
  private readonly reasons = new WeakMap<object, Uint8Array>();
  /** By code, the last reason of that code encoded (a copy: a caller's object may change) and its bytes. */
  private readonly lastReasons = new Map<string, { reason: Reason; bytes: Uint8Array }>();
  private readonly tails: Uint8Array[] = [];
  private readonly cache = new JsonCache();

  constructor(
    private readonly out: ByteChunks,
    private readonly lang: Lang,
  ) {}

  private readonly cellTargets = new Map<Target, TargetText>();
  /** `cellTargets` by the target's index, for the plan's targets (found again by their object). */
  private readonly byIndex: (TargetText | undefined)[] = [];
  private readonly indexed: (Target | undefined)[] = [];
  private lastRegion: string | null = null;
  private lastRegionBytes: Uint8Array = NULL;
  private readonly years = new Map<number, Uint8Array>();
  private readonly files = new Map<string, Uint8Array>();
  private readonly rests = [new Map<Uint8Array, Uint8Array>(), new Map<Uint8Array, Uint8Array>(), new Map<Uint8Array, Uint8Array>()];
  /** The last piece of the cell before, not yet written (`writeCellAfter`). */
  private pending: Uint8Array | null = null;
  /** The pieces of the cell whose last piece is held back. */
  private pendingPieces: CellPieces | null = null;

  /** How many results `writeKeys` has written. */
  count = 0;
  private readonly cell = emptyCell();

  /**
   * Appends the listed results of `keys`, each after its separator (`[` and a line before the
   * first), up to 1,024 of them or until the chunk is full (true: hand it out if `full`, then
   * call again), or until the keys end (false, the last piece written). A cell's last piece is
   * held back to join the next one's separator and head (written before anything else: a chunk
   * handed out may end without it). A call of a bounded number of results: a long loop of its
   * own would be compiled twice (for the loop, on-stack, then for its calls).
   */
  writeKeys(listed: ListedResults, keys: Iterator<number>): boolean {
    const { out, cell } = this;
    for (let n = 0; n < 1024; n++) {
      const next = keys.next();
      if (next.done === true) break;
      const key = next.value;
      const separator = this.count === 0 ? FIRST : NEXT;
      this.count++;
      if (listed.cell?.(key, cell, true)) this.writeCellAfter(cell, separator);
      else {
        this.flush();
        out.bytes(separator);
        this.write(listed.get(key));
      }
      if (out.full) return true;
      if (n === 1023) return true;
    }
    this.flush();
    return false;
  }

  /** Appends the text of a result given as a `ListedCell` (as `write` would write its result). */
  writeCell(cell: ListedCell): void {
    this.flush();
    this.writeCellAfter(cell, EMPTY);
    this.flush();
  }

  /**
   * Appends `separator` then the text of a cell, as `writeCell` after the separator, but holds
   * the cell's last piece back (`flush` writes it): the next cell's separator and head join it
   * in one piece, made once per run of that cell's pieces before that target's head.
   */
  writeCellAfter(cell: ListedCell, separator: Uint8Array): void {
    const { out } = this;
    const target = this.cellTarget(cell.target);
    const pending = this.pending;
    if (pending !== null) {
      this.pending = null;
      out.bytes(this.joined(this.pendingPieces!, pending, separator, target.head));
    } else {
      out.bytes(separator);
      out.bytes(target.head);
    }
    this.writeCellBody(cell, target);
  }

  /** Writes the piece `writeCellAfter` held back, if any: before anything else is appended. */
  flush(): void {
    if (this.pending === null) return;
    this.out.bytes(this.pending);
    this.pending = null;
  }

  /**
   * The last piece of a cell (`pieces`' last: its `end` or `rest`, by its shape), a separator and
   * a head, joined once: kept with the pieces for the separator and head that last followed
   * (cells come region by region, so a target's cells are followed by the same target's).
   */
  private joined(pieces: CellPieces, piece: Uint8Array, separator: Uint8Array, head: Uint8Array): Uint8Array {
    let join = pieces.join;
    if (join === undefined || join.head !== head || join.separator !== separator) pieces.join = join = { separator, head, bytes: Buffer.concat([piece, separator, head]) };
    return join.bytes;
  }

  /** A cell's text after its head: its region, the pieces of its target and its numbers (the last piece held back). */
  private writeCellBody(cell: ListedCell, target: TargetText): void {
    const { out } = this;
    // Cells come region by region: the region's bytes are looked up once per run of its cells.
    if (cell.region !== this.lastRegion) {
      this.lastRegion = cell.region;
      this.lastRegionBytes = this.quoted(cell.region);
    }
    out.bytes(this.lastRegionBytes);
    const pieces = this.cellPieces(target, cell);
    out.bytes(pieces.middle);
    if (!cell.hasActual) return;
    this.number(cell.value);
    out.bytes(pieces.file);
    if (cell.row === null) out.bytes(NULL);
    else this.number(cell.row);
    this.pendingPieces = pieces;
    if (cell.shape === 'not_judged') this.pending = pieces.end;
    else {
      out.bytes(pieces.end);
      this.nullable(cell.gap);
      out.bytes(ATTAINMENT);
      this.nullable(cell.attainment);
      this.pending = pieces.rest;
    }
  }

  /**
   * The pieces of a cell of `target` between its numbers, spliced once per target and what the
   * cell shares with others of that target (shape, status, severity, finality, year, file,
   * sources): from the target's fields to its actual's value (or to the end, without an actual),
   * from the value to the row, from the row on (to a final level's gap) and after its attainment.
   */
  private cellPieces(target: TargetText, cell: ListedCell): CellPieces {
    // Most cells of a target share all of it with the target's cell before (in the region before).
    const last = target.lastCell;
    if (last !== null && last.status === cell.status && last.severity === cell.severity && last.final === cell.final && last.hasActual === cell.hasActual && last.shape === cell.shape
      && last.year === cell.year && last.fileName === cell.file && last.targetSource === cell.targetSource && last.figureSource === cell.figureSource) return last;
    const pieces = this.keptPieces(target, cell);
    target.lastCell = pieces;
    return pieces;
  }

  /** `cellPieces` kept by what a cell shares with others of its target. */
  private keptPieces(target: TargetText, cell: ListedCell): CellPieces {
    const s = STATUS_INDEX.get(cell.status) ?? 0;
    const key = ((((s * 4 + (SEVERITY_INDEX[cell.severity] ?? 0)) * 2 + (cell.final ? 1 : 0)) * 2 + (cell.hasActual ? 1 : 0)) * 2 + (cell.shape === 'not_judged' ? 1 : 0)) * 4096 + (cell.year & 4095);
    let pieces = target.cells.get(key);
    if (pieces !== undefined && pieces.year === cell.year && pieces.fileName === cell.file && pieces.targetSource === cell.targetSource && pieces.figureSource === cell.figureSource) return pieces;
    const middle = this.middleOf(target, cell.status, cell.severity, cell.final)!;
    const tail = this.tail(cell)!;
    const notJudged = cell.shape === 'not_judged';
    const join = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);
    // One literal with every field: every cell's pieces share one shape, their fields in the object.
    pieces = {
      // Only a town not judged is without an actual (a final level always has one).
      middle: cell.hasActual ? join(middle, this.year(cell.year)) : join(middle, NULL, this.rest(0, tail)),
      file: cell.hasActual ? this.file(cell.file) : NULL,
      end: !cell.hasActual ? NULL : notJudged ? this.rest(1, tail) : join(ACTUAL_END, GAP),
      rest: !cell.hasActual || notJudged ? NULL : this.rest(2, tail),
      status: cell.status,
      severity: cell.severity,
      final: cell.final,
      hasActual: cell.hasActual,
      shape: cell.shape,
      year: cell.year,
      fileName: cell.file,
      targetSource: cell.targetSource,
      figureSource: cell.figureSource,
      join: undefined,
    };
    target.cells.set(key, pieces);
    return pieces;
  }

  /** What follows a cell's actual (0, 1: a town not judged without and with one; 2: after a final level's attainment), then `tail`: encoded once each. */
  private rest(kind: 0 | 1 | 2, tail: Uint8Array): Uint8Array {
    let bytes = this.rests[kind]!.get(tail);
    if (bytes === undefined) {
      const text = kind === 2
        ? ',\n      "progress": null,\n      "reason": null,\n      "figure_age": 0,\n      "notes": []'
        : `${kind === 1 ? '\n      }' : ''},\n      "gap": null,\n      "attainment": null,\n      "progress": null,\n      "reason": ${notJudgedText(this.lang)},\n      "figure_age": null,\n      "notes": []`;
      const head = utf8(text);
      bytes = new Uint8Array(head.length + tail.length);
      bytes.set(head);
      bytes.set(tail, head.length);
      this.rests[kind]!.set(tail, bytes);
    }
    return bytes;
  }

  /** `{\n        "year": Y,\n        "value": `, encoded once per year. */
  private year(year: number): Uint8Array {
    let bytes = this.years.get(year);
    if (bytes === undefined) this.years.set(year, (bytes = utf8(`{\n        "year": ${prettyJson(year, 8)},\n        "value": `)));
    return bytes;
  }

  /** `,\n        "file": F,\n        "row": `, encoded once per file. */
  private file(file: string | null): Uint8Array {
    const key = file ?? '\u0000null';
    let bytes = this.files.get(key);
    if (bytes === undefined) this.files.set(key, (bytes = utf8(`,\n        "file": ${file === null ? 'null' : prettyJson(file, 8, escapeJsonText)},\n        "row": `)));
    return bytes;
  }

  /** The texts of a plan target, for its cells. */
  private cellTarget(target: Target): TargetText {
    const index = target.index;
    if (this.indexed[index] === target) return this.byIndex[index]!;
    let text = this.cellTargets.get(target);
    if (!text) {
      const terms = termsOf(target);
      text = { terms, head: headOf(target.id), fields: this.cache.terms(terms), middles: [], cells: new Map(), lastCell: null };
      this.cellTargets.set(target, text);
    }
    if (Number.isInteger(index) && index >= 0 && index < 65536) {
      this.indexed[index] = target;
      this.byIndex[index] = text;
    }
    return text;
  }

  /** Appends one result's text (`resultText(result, lang)`) to the chunks. */
  write(result: Result): void {
    this.flush();
    const { out } = this;
    const { final, actual, gap, attainment, progress, reason } = result;
    const middle = typeof result.id === 'string' && typeof result.region === 'string' && typeof final === 'boolean' ? this.middle(result) : undefined;
    const tail = this.tail(result);
    if (!middle || tail === undefined || gap === undefined || attainment === undefined || progress === undefined || reason === undefined || (actual !== null && !isFigureRef(actual))) {
      // A result not as evaluate makes them: written the general way.
      out.text(resultText(result, this.lang, this.cache));
      return;
    }
    const target = this.targets.get(result.id)!;
    out.bytes(target.head);
    out.bytes(this.quoted(result.region));
    out.bytes(middle);
    if (actual === null) out.bytes(NULL);
    else {
      out.bytes(ACTUAL_YEAR);
      this.number(actual.year);
      out.bytes(ACTUAL_VALUE);
      this.number(actual.value);
      out.bytes(ACTUAL_FILE);
      out.bytes(actual.file === null ? NULL : this.quoted(actual.file));
      out.bytes(ACTUAL_ROW);
      if (actual.row === null) out.bytes(NULL);
      else this.number(actual.row);
      out.bytes(ACTUAL_END);
    }
    out.bytes(GAP);
    this.nullable(gap);
    out.bytes(ATTAINMENT);
    this.nullable(attainment);
    out.bytes(PROGRESS);
    if (progress === null) out.bytes(NULL);
    else writePrettyJson(out, progress, 6, escapeJsonText);
    out.bytes(REASON);
    out.bytes(this.reason(result));
    out.bytes(FIGURE_AGE);
    this.nullable(result.figureAge ?? null);
    const notes = result.notes ?? [];
    if (notes.length === 0) out.bytes(NO_NOTES);
    else {
      out.bytes(NOTES);
      writePrettyJson(out, resultJson(result, this.lang).notes, 6, escapeJsonText);
    }
    out.bytes(tail);
  }

  private number(value: number): void {
    // A row (a whole number) by ByteChunks' own first case; most figures and gaps are decimals
    // of up to 4 places, found in one step.
    if ((value >= 0 && value < 0x7fffffff && (value | 0) === value) || !writeFourPlaces(this.out, value)) {
      if (Number.isFinite(value)) this.out.number(value);
      else this.out.bytes(NULL);
    }
  }

  private nullable(value: number | null): void {
    if (value === null) this.out.bytes(NULL);
    else this.number(value);
  }

  /** A string quoted and escaped as the JSON report writes it, encoded once. */
  private quoted(text: string): Uint8Array {
    let bytes = this.strings.get(text);
    if (bytes === undefined) {
      bytes = utf8(prettyJson(text, 6, escapeJsonText));
      if (this.strings.size < 100_000) this.strings.set(text, bytes);
    }
    return bytes;
  }

  /**
   * The reason with its message; a frozen one (shared by many results) encoded once, another
   * reused when it is the last of its code again (its own object, the same code and parameters:
   * a mean's missing years in region after region).
   */
  private reason(result: Result): Uint8Array {
    const reason = result.reason;
    if (reason === null) return NULL;
    const shared = Object.isFrozen(reason) && Object.isFrozen(reason.params);
    let bytes = shared ? this.reasons.get(reason) : undefined;
    if (bytes !== undefined) return bytes;
    const last = shared ? undefined : this.lastReasons.get(reason.code);
    if (last !== undefined && sameReason(last.reason, reason)) return last.bytes;
    bytes = utf8(this.cache.reason(result, this.lang));
    if (shared) this.reasons.set(reason, bytes);
    else if (this.lastReasons.size < 256 || this.lastReasons.has(reason.code)) this.lastReasons.set(reason.code, { reason: { code: reason.code, params: { ...reason.params } }, bytes });
    return bytes;
  }

  /** The text from the target's fields to `"actual": `, for this result's target, status, severity and finality; undefined for a result not as evaluate makes them. */
  private middle(result: Result): Uint8Array | undefined {
    let target = this.targets.get(result.id);
    if (!target || !sameTerms(target.terms, result)) {
      target = { terms: result, head: headOf(result.id), fields: this.cache.terms(result), middles: [], cells: new Map(), lastCell: null };
      // One entry per id: a town's own target replaces its plan's, and back.
      this.targets.set(result.id, target);
    }
    return this.middleOf(target, result.status, result.severity, result.final);
  }

  /** The fields of `target` with a status, severity and finality, to `"actual": `; undefined for a status or severity not of the report. */
  private middleOf(target: TargetText, status: string, severity: string, final: boolean): Uint8Array | undefined {
    const s = STATUS_INDEX.get(status);
    const v = SEVERITY_INDEX[severity];
    if (s === undefined || v === undefined) return undefined;
    const at = (s * 4 + v) * 2 + (final ? 1 : 0);
    let middle = target.middles[at];
    if (middle === undefined) {
      const text = `${target.fields},\n      "status": ${prettyJson(status, 6, escapeJsonText)},\n      "severity": ${prettyJson(severity, 6, escapeJsonText)},\n      "final": ${final ? 'true' : 'false'},\n      "actual": `;
      target.middles[at] = middle = utf8(text);
    }
    return middle;
  }

  /** `"target_source"` and `"figure_source"` to the object's end; undefined for a source not of the report. */
  private tail(result: Pick<Result, 'targetSource' | 'figureSource'>): Uint8Array | undefined {
    const target = result.targetSource ?? null;
    const figure = result.figureSource ?? null;
    const t = target === null ? 0 : SOURCES.indexOf(target) + 1;
    const f = figure === null ? 0 : SOURCES.indexOf(figure) + 1;
    if ((target !== null && t === 0) || (figure !== null && f === 0)) return undefined;
    const at = t * 8 + f;
    let tail = this.tails[at];
    if (tail === undefined) {
      const quote = (value: string | null): string => (value === null ? 'null' : prettyJson(value, 6, escapeJsonText));
      this.tails[at] = tail = utf8(`,\n      "target_source": ${quote(target)},\n      "figure_source": ${quote(figure)}\n    }`);
    }
    return tail;
  }
}

/** `{\n      "id": …,\n      "region": `. */
function headOf(id: string): Uint8Array {
  return utf8(`{\n      "id": ${prettyJson(id, 6, escapeJsonText)},\n      "region": `);
}

/** A result's terms as a plan target gives them (a result of `evaluate` on the plan's own terms). */
function termsOf(target: Target): Result {
  const { id, measure, goal, action, indicator, indicatorEn, kind, op, value, unit, year, soft } = target;
  return {
    id, measure, goal, action, region: '', indicator, indicatorEn, kind, op, value, unit, year, soft,
    severity: 'info', status: 'not_assessable', final: true, actual: null, gap: null, attainment: null, progress: null, reason: null,
  };
}

/** The reason of a town not judged, with its message, as the JSON report writes it. */
function notJudgedText(lang: Lang): string {
  return prettyJson({ code: 'reason.no-decomposed-target', params: {}, message: formatMessage('reason.no-decomposed-target', {}, lang) }, 6, escapeJsonText);
}

/**
 * Whether two reasons are written alike: the same code and the same parameters in the same order
 * (strings and numbers, compared as they are written), and no member besides `code` and `params`.
 */
function sameReason(a: Reason, b: Reason): boolean {
  if (a.code !== b.code) return false;
  const keys = Object.keys(b);
  if (keys.length !== 2 || keys[0] !== 'code' || keys[1] !== 'params') return false;
  const ours = Object.keys(a.params);
  const theirs = Object.keys(b.params);
  if (ours.length !== theirs.length) return false;
  for (let i = 0; i < ours.length; i++) {
    const key = ours[i]!;
    const value = b.params[key];
    if (theirs[i] !== key || (typeof value !== 'string' && typeof value !== 'number') || !Object.is(a.params[key], value)) return false;
  }
  return true;
}

/** A figure reference as the judges make it: year, value, file, row, in that order. */
function isFigureRef(actual: FigureRef): boolean {
  return typeof actual.year === 'number' && typeof actual.value === 'number' && (actual.file === null || typeof actual.file === 'string') && (actual.row === null || typeof actual.row === 'number');
}
