import type { Target } from '../plan/types.js';
import type { Result } from '../report/types.js';
import { severityOfMark, statusOfMark, type ListedCell, type ListedResults, type RegionCells } from '../report/listed-results.js';
import type { KeptCells } from './keep-cells.js';

/** How `evaluateListed`'s listed results judge one region on one target again. */
export interface Cells {
  regions: readonly string[];
  targets: readonly Target[];
  judge: (region: number, target: Target) => Result;
  /** What the first pass kept of the common cells, read from the store (null: nothing kept). */
  kept: KeptCells | null;
  /** `ListedResults.cell` of a cell not kept, by its region's position and its target: judged again. */
  quick: (region: number, target: Target, into: ListedCell, decimals: boolean, place: boolean) => boolean;
  /** The marks of the keys (set by `evaluateListed`), which kept cells read their status and severity from. */
  marks: Uint8Array;
  /** How many keys are listed (marked): every cell is either listed or counted as unlisted. */
  size: number;
}

/** How many results judged in full `evaluateListed` keeps (about 1 KB each). */
export const KEPT_RESULTS = 10_000;

/** The listed results of `evaluateListed`: keys by their marks, each judged again (or kept) when asked for. */
export function listedCells(marks: Uint8Array, cells: Cells, judged: ReadonlyMap<number, Result>): ListedResults {
  const { targets, kept } = cells;
  const count = targets.length;
  // The region (by position) and target (by its place among the targets) of the key last asked
  // for: a format reads keys in order, the next one most often the next target of the same region.
  let last = -1;
  let position = 0;
  let at = 0;
  const region: RegionCells = { base: 0, size: count, marks: new Uint8Array(count), shapes: new Uint8Array(count), values: new Float64Array(count) };
  const locate = (key: number): void => {
    if (key === last + 1 && last >= 0) {
      if (++at === count) {
        at = 0;
        position++;
      }
    } else if (key !== last) {
      position = Math.floor(key / count);
      at = key - position * count;
    }
    last = key;
  };
  return {
    size: cells.size,
    keys: () => markedKeys(marks, null),
    get: (key) => judged.get(key) ?? cells.judge(Math.floor(key / count), cells.targets[key % count]!),
    status: (key) => statusOfMark(marks[key]!),
    severity: (key) => severityOfMark(marks[key]!),
    regionOf: (key) => cells.regions[Math.floor(key / count)]!,
    metaOf: (key) => cells.targets[key % count]!,
    cell: (key, into, decimals, place = true) => {
      locate(key);
      const target = targets[at]!;
      return (kept !== null && kept.fill(key, position, target, marks[key]!, into, decimals, place)) || cells.quick(position, target, into, decimals, place);
    },
    grid: () => ({ regions: cells.regions, metas: targets, marks }),
    region: (key) => {
      const start = Math.floor(key / count) * count;
      region.base = start;
      region.marks.set(marks.subarray(start, start + count));
      if (kept !== null) kept.readRegion(start / count, start, targets, region.values, region.shapes);
      else region.shapes.fill(0);
      return region;
    },
    keysOf: (accept) => {
      // Each of the few marks accepted or not once: the keys are then a scan of bytes.
      const accepted = new Uint8Array(256);
      for (let mark = 1; mark < 256; mark++) if (statusOfMark(mark) !== undefined) accepted[mark] = accept(statusOfMark(mark), severityOfMark(mark)) ? 1 : 0;
      return markedKeys(marks, accepted);
    },
  };
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/**
 * The keys whose mark is not 0 (or, given `accepted`, whose mark it holds 1 for), in order: an
 * iterator that hands out one result object again and again (a generator makes one per key,
 * and a format reads a million keys a pass).
 */
function markedKeys(marks: Uint8Array, accepted: Uint8Array | null): Iterable<number> {
  return {
    [Symbol.iterator]: (): Iterator<number> => {
      let key = -1;
      const result = { value: 0, done: false as const };
      return {
        next: (): IteratorResult<number> => {
          for (key++; key < marks.length; key++) {
            const mark = marks[key]!;
            if (accepted === null ? mark !== 0 : accepted[mark] === 1) {
              result.value = key;
              return result;
            }
          }
          key = marks.length;
          return DONE;
        },
      };
    },
  };
}
