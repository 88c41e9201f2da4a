import type { MessageCode, MessageParams } from '../messages.js';
import type { Target } from '../plan/types.js';
import { readFastLong, type FallbackReason, type FastLongLayout } from './fast-long-reader.js';
import { FigureStore, type StatusCells, type StoreData } from './figure-store.js';
import { rowKeeper, type RowPolicy } from './row-policy.js';
import { quietScale, scaleFractions, scaleReference, scaleWarning } from './read-figure.js';

/** What reading a part of a long-format file needs of the plan. */
export interface RangePlan {
  targets: Target[];
  baselineYear: number;
  endYear: number;
  /** Whose rows the part's store keeps (see row-policy.ts); absent: every region's. */
  rows?: RowPolicy | null;
  /** The cells the part's store keeps as a status only (see `StatusCells`); absent: none. */
  status?: StatusCells;
}

/**
 * A remark on one line of the part, in the part's own line numbers: a figure far from its
 * target's scale, a year outside the plan's period, or a figure given twice within the part.
 */
export type RangeEvent =
  | { kind: 'scale'; line: number; code: MessageCode; params: MessageParams; severity: 'warning' | 'notice' }
  | { kind: 'year'; line: number; year: number }
  /** `earlierLine`: UNKNOWN_ROW when the part's store keeps no row of the region. */
  | { kind: 'duplicate'; line: number; target: number; year: number; region: string; earlierLine: number; value: string };

/** The figures of the lines `from` to the next odd line (or the end) of a part, in a store of their own. */
export interface RangeSegment {
  store: StoreData;
  /** The part's first line of the segment. */
  from: number;
}

/** A line of the part that the normal path's row reader must read (see `readFastLong`'s `onLine`): its cells, and its line in the part. */
export interface RangeLine {
  line: number;
  cells: string[];
}

/**
 * What reading a part gave: its figures, its remarks, and where the normal path must take over, if it must.
 * The figures are in segments cut at the lines the row reader must read (`lines`, one after each
 * segment but the last): the reader of the whole file merges a segment, reads the line after it,
 * then merges the next, so that every figure meets the ones before it in file order.
 */
export interface RangeScan {
  segments: RangeSegment[];
  lines: RangeLine[];
  events: RangeEvent[];
  /** Physical lines read whole (the row reader's included), and data rows among them (the row reader's not). */
  lineCount: number;
  rows: number;
  /** Null when the part was read to its end; else the first line (of the part) the normal path must read, and its byte offset in the part. */
  fallback: { line: number; offset: number; reason: FallbackReason } | null;
  /** True when the part had more remarks than are kept: its reading is then no use (the caller reads the part itself). */
  overflow: boolean;
}

/** More remarks than this and the part is left to the caller, which reads it as it reads the rest (with exact counts). */
const MAX_EVENTS = 100_000;
/** More lines for the row reader than this and the rest of the part is the caller's: each costs a store and a merge. */
export const MAX_RANGE_LINES = 32;
/** Nor more characters in them than this: they are copied from thread to thread. */
const MAX_RANGE_LINE_CHARS = 1 << 20;

/**
 * Reads a part of a long-format file that starts at a line boundary, as the fast reader reads
 * the file from its start: every line is data (`layout.headerLine` 0), figures go to a store
 * of the part's own, remarks are kept with the part's line numbers. The same function serves a
 * worker thread and, when none can be started, the main thread.
 */
export async function scanRange(chunks: AsyncIterable<Uint8Array>, layout: FastLongLayout, plan: RangePlan): Promise<RangeScan> {
  const newStore = (): FigureStore => new FigureStore(plan.targets.length, plan.baselineYear, plan.endYear, plan.rows === undefined ? undefined : rowKeeper(plan.rows), undefined, plan.status);
  let store = newStore();
  const segments: RangeSegment[] = [];
  const lines: RangeLine[] = [];
  let from = 1;
  let chars = 0;
  const events: RangeEvent[] = [];
  const references = Float64Array.from(plan.targets, (target) => scaleReference(target));
  const fractions = Uint8Array.from(plan.targets, (target) => (scaleFractions(target) ? 1 : 0));
  const slots: number[] = [];
  let overflow = false;
  const remark = (event: RangeEvent): void => {
    if (events.length < MAX_EVENTS) events.push(event);
    else overflow = true;
  };
  const result = await readFastLong(chunks, { ...layout, headerLine: 0 }, plan.targets, (figure) => {
    const target = plan.targets[figure.target];
    if (!target) throw new Error(`fast reader: no target ${figure.target}`);
    const reference = references[figure.target] ?? 0;
    if (!quietScale(figure.value, reference, fractions[figure.target] === 1)) {
      const scale = scaleWarning(figure.value, target, false, reference);
      if (scale) remark({ kind: 'scale', line: figure.row, code: scale.code, params: scale.params, severity: scale.severity });
    }
    if (figure.year < plan.baselineYear || figure.year > plan.endYear) return remark({ kind: 'year', line: figure.row, year: figure.year });
    let slot = slots[figure.region] ?? -1;
    if (slot < 0) slots[figure.region] = slot = store.slotOf(figure.regionName);
    const earlier = store.setAt(slot, figure.target, figure.year, figure.value, 0, figure.row, false, figure.code);
    if (earlier) {
      remark({ kind: 'duplicate', line: figure.row, target: figure.target, year: figure.year, region: figure.regionName, earlierLine: earlier.row, value: figure.valueText() });
    }
  }, (cells, line) => {
    const length = cells.reduce((sum, cell) => sum + cell.length, 0);
    if (lines.length >= MAX_RANGE_LINES || chars + length > MAX_RANGE_LINE_CHARS) return false;
    chars += length;
    // The figures after the line go to a store of their own: merged only after the line is read.
    segments.push({ store: store.toData(), from });
    lines.push({ line, cells });
    store = newStore();
    slots.length = 0;
    from = line + 1;
    return true;
  });
  segments.push({ store: store.toData(), from });
  const fallback = result.fallback ? { line: result.fallback.line, offset: result.fallback.offset, reason: result.fallback.reason } : null;
  // The rest of the part is the normal path's: nothing more of it is read here.
  if (result.fallback) await result.fallback.rest[Symbol.asyncIterator]().return?.();
  return { segments, lines, events, lineCount: result.lines, rows: result.rows, fallback, overflow };
}
