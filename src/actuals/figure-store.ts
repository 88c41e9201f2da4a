import { isPlanLevel } from '../plan/plan-level.js';
import {
  fullLayout, MET, NO_STATUS, NOT_MET, setStatusCell, STATUS_MET, STATUS_NOT_MET, statusCell, statusLayout, withinEdges,
  type BlockLayout, type StatusCells,
} from './status-layout.js';

import { decodeFigure, EMPTY, encodeFigure, EXACT } from './figure-code.js';
import { UNKNOWN_ROW, YearFigures, YearPresence, type YearValues } from './year-figures.js';

export { STATUS_MET, STATUS_NOT_MET, valueNotKept, withinEdges, type StatusCells } from './status-layout.js';
export { decodeFigure, encodeFigure, NOT_SHORT } from './figure-code.js';
export { UNKNOWN_ROW, YearPresence, type YearValues } from './year-figures.js';

/** Where a figure came from: the input file (by index) and its spreadsheet row. */
export interface FigureSource {
  file: number;
  row: number;
}

/** One figure of a series. */
export interface Figure {
  year: number;
  value: number;
  source: FigureSource;
  /**
   * True when the figure is the indicator's level (in its base unit, e.g. 元) submitted for a
   * `cagr` or `change` target, whose own unit is a rate in %.
   */
  level: boolean;
}


// A slot's flags (FigureStore.flags): its rows kept; its figures not kept; its final levels kept as a status only.
const ROWS_KEPT = 1;
const DROPPED = 2;
const STATUS_KEPT = 4;
/** Where a slot's plan-level code (0 not asked, 1 not the plan level, 2 the plan level) sits in its flags. */
const LEVEL_SHIFT = 3;

/** The most blocks cut from one array. */
const SLAB_BLOCKS = 256;


/**
 * A store's figures as a few flat arrays, to pass to another thread (single file, no levels):
 * see `FigureStore.toData` and `FigureStore.merge`.
 */
export interface StoreData {
  names: string[];
  /** By region (in `names` order) and year: 1 where a block follows (its cells as its layout says). */
  blockMap: Uint8Array;
  /** The arrays the blocks' codes and status cells were cut from, whole: handed over (transferred), not copied. */
  slabs: Int32Array[];
  statusSlabs: Uint8Array[];
  /** By block: which slab holds its codes, and where in it; the same of its status cells. */
  blockSlab: Uint32Array;
  blockAt: Uint32Array;
  blockStatusSlab: Uint32Array;
  blockStatusAt: Uint32Array;
  /** By block: its layout's kind (0 every cell a code, 1 with status cells). */
  blockKind: Uint8Array;
  /** By block: 1 where the block's rows follow in `rows` (a store keeping rows for some regions only). */
  blockRows: Uint8Array;
  rows: Int32Array;
  /** Figures that are no short decimals: the cell (block × targetCount + target) and its value. */
  exactCells: Int32Array;
  exactValues: Float64Array;
  /** By block: how many figures it has (counted by the thread that read them). */
  blockFigures: Uint32Array;
  /** By region (in `names` order): 2 when its name stands for the plan level, 1 when not, 0 when the store did not ask (no status cells). */
  levels: Uint8Array;
}

/**
 * Every figure submitted, by region, target and year. Memory grows with the number of regions
 * times targets times the years given, not with the size of the files read. Regions are kept by
 * slot (a dense number given on first use) so that a reader can look a region's name up once.
 * With `keepRows`, the row of a figure is kept only for the regions it accepts (asked once per
 * region, in the order they are first seen): the others' rows are `UNKNOWN_ROW`, 4 bytes less a
 * figure, for a run that names rows only of a few regions (a summary; see row-policy.ts). With
 * `status`, a summary's final levels keep only whether they met their target (`StatusCells`).
 */
export class FigureStore {
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly yearCount: number;
  private readonly targetCount: number;
  private readonly slots = new Map<string, number>();
  private readonly names: string[] = [];
  /** One block per slot and year (at slot × yearCount + year − firstYear), created on first use; one array for every region. */
  private readonly blocks: (YearFigures | undefined)[] = [];
  // Blocks are cut from larger arrays (growing to SLAB_BLOCKS blocks): one allocation for many regions.
  private slabCodes = new Int32Array(0);
  private codesFree = 0;
  private slabStatus = new Uint8Array(0);
  private statusFree = 0;
  private slabRows = new Int32Array(0);
  private rowsFree = 0;
  private slabSize = 2;
  /** Every cell a code; and by year, the layout of a status region's block (see `StatusCells`). */
  private readonly full: BlockLayout;
  /** By year index, made when first needed (a summary's file usually has a year or two of the period's six). */
  private readonly statusLayouts: (BlockLayout | undefined)[] = [];
  private readonly statusKeys: Set<string> | null;
  /**
   * By slot, the region's flags (ROWS_KEPT, DROPPED, STATUS_KEPT) and its plan-level code as
   * `StoreData.levels` gives it (bits 3–4): one byte a region, not four arrays of 8-byte slots
   * (16,078 regions: 16 kB, against 0.5 MB and as much again left behind as they grew).
   */
  private flags = new Uint8Array(64);
  /** Figures merged without their rows into a region whose rows are kept (see `merge`). */
  private readonly rowsMissing: { region: string; target: number; year: number }[] = [];

  constructor(
    targetCount: number,
    firstYear: number,
    lastYear: number,
    /** Whether to keep the rows of a region's figures; absent: every region's. */
    private readonly keepRows?: (region: string, planLevel?: boolean) => boolean,
    /** Whether to keep a region's figures at all (a reading that looks for a few regions' rows); absent: every region's. */
    private readonly only?: (region: string) => boolean,
    /** The cells kept as a status only (a summary); absent: none. */
    readonly status?: StatusCells,
  ) {
    this.targetCount = targetCount;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.yearCount = lastYear - firstYear + 1;
    this.full = fullLayout(targetCount);
    this.statusKeys = status ? new Set(status.levelKeys) : null;
  }

  private newBlock(rows: boolean, layout: BlockLayout): YearFigures {
    const T = this.targetCount;
    const all = this.keepRows === undefined;
    if (this.codesFree < layout.codes || this.statusFree < layout.statuses || (all && this.rowsFree < T)) {
      this.slabSize = Math.min(this.slabSize * 2, SLAB_BLOCKS);
      if (this.codesFree < layout.codes) this.codesFree = (this.slabCodes = new Int32Array(this.slabSize * T).fill(EMPTY)).length;
      if (this.statusFree < layout.statuses) this.statusFree = (this.slabStatus = new Uint8Array(Math.ceil((this.slabSize * T) / 4))).length * 4;
      if (all && this.rowsFree < T) this.rowsFree = (this.slabRows = new Int32Array(this.slabSize * T)).length;
    }
    const at = this.slabCodes.length - this.codesFree;
    this.codesFree -= layout.codes;
    const statusAt = this.slabStatus.length * 4 - this.statusFree;
    this.statusFree -= layout.statuses;
    let blockRows: Int32Array | null = null;
    if (all) {
      const rowsAt = this.slabRows.length - this.rowsFree;
      this.rowsFree -= T;
      blockRows = this.slabRows.subarray(rowsAt, rowsAt + T);
    } else if (rows) blockRows = new Int32Array(T); // a store keeping rows of a few regions gives each of their blocks rows of its own
    return new YearFigures(this.slabCodes, at, layout, this.slabStatus, statusAt, blockRows);
  }

  /** The layout of a slot's block of a year (by its index from `firstYear`). */
  private layoutOf(slot: number, yearIndex: number): BlockLayout {
    return (this.flags[slot]! & STATUS_KEPT) !== 0 ? this.statusLayoutOf(yearIndex) : this.full;
  }

  /** The layout of a status region's block of a year (by its index from `firstYear`): one object per year. */
  private statusLayoutOf(yearIndex: number): BlockLayout {
    if (!this.status) return this.full;
    return (this.statusLayouts[yearIndex] ??= statusLayout(this.status, this.targetCount, this.firstYear + yearIndex));
  }

  /**
   * The slot of a region, given on first use ('' is "no region"). `planLevel`: whether its name
   * stands for the plan level, when another store with the same status cells found it already.
   */
  slotOf(region: string, planLevel?: boolean): number {
    let slot = this.slots.get(region);
    if (slot === undefined) {
      slot = this.names.length;
      this.slots.set(region, slot);
      this.names.push(region);
      // The status cells' level keys are the row policy's (both the plan's): one normalisation a region.
      const level = this.statusKeys === null ? undefined : (planLevel ?? isPlanLevel(region, this.statusKeys));
      if (slot === this.flags.length) {
        const grown = new Uint8Array(slot * 2);
        grown.set(this.flags);
        this.flags = grown;
      }
      let flags = (level === undefined ? 0 : level ? 2 : 1) << LEVEL_SHIFT;
      if (this.keepRows === undefined || this.keepRows(region, level)) flags |= ROWS_KEPT;
      if (this.only !== undefined && !this.only(region)) flags |= DROPPED;
      if (level === false) flags |= STATUS_KEPT;
      this.flags[slot] = flags;
      for (let y = 0; y < this.yearCount; y++) this.blocks.push(undefined);
    }
    return slot;
  }

  /** The slot of a region that has figures, or -1. */
  findSlot(region: string): number {
    return this.slots.get(region) ?? -1;
  }

  /** Stores a figure; returns where the same figure was stored before, if it was. */
  set(region: string, target: number, year: number, value: number, source: FigureSource, level = false): FigureSource | null {
    return this.setAt(this.slotOf(region), target, year, value, source.file, source.row, level);
  }

  /**
   * `set` for a region's slot; `code` is `encodeFigure(value)` when the caller has it already
   * (or, from another store, STATUS_MET / STATUS_NOT_MET for a figure kept as its status).
   */
  setAt(slot: number, target: number, year: number, value: number, file: number, row: number, level = false, code = encodeFigure(value)): FigureSource | null {
    if (slot < 0 || slot >= this.names.length) throw new RangeError(`figure store: no slot ${slot}`);
    if ((this.flags[slot]! & DROPPED) !== 0) return null;
    const yearIndex = year - this.firstYear;
    if (yearIndex < 0 || yearIndex >= this.yearCount) throw new RangeError(`figure store: year ${year} outside ${this.firstYear}–${this.lastYear}`);
    const at = slot * this.yearCount + yearIndex;
    let block = this.blocks[at];
    if (!block) {
      block = this.newBlock((this.flags[slot]! & ROWS_KEPT) !== 0, this.layoutOf(slot, yearIndex));
      this.blocks[at] = block;
    }
    // One look at the cell's column: a figure per call, millions of calls.
    const c = block.layout.cols[target] ?? 0;
    const cell = c >= 0 ? block.at + c : block.statusAt + ~c;
    if (c >= 0 ? block.slab[cell] !== EMPTY : statusCell(block.status, cell) !== NO_STATUS) return { file: block.files?.[target] ?? 0, row: block.row(target) };
    const status = code === STATUS_MET || code === STATUS_NOT_MET;
    if (c < 0) {
      // A status cell: from another store's status, or judged now.
      const cells = this.status as StatusCells;
      if (!status && Number.isNaN(value)) return null;
      const met = status ? code === STATUS_MET : withinEdges(value, cells.low[target] as number, cells.high[target] as number, cells.open[target] as number);
      setStatusCell(block.status, cell, met ? MET : NOT_MET);
    } else {
      if (status) throw new Error(`figure store: a status for a value cell (target ${target})`);
      // Not a figure: nothing is stored (readers give only finite figures).
      if (Number.isNaN(value)) return null;
      block.slab[cell] = code;
      if (code === EXACT) (block.exact ??= new Float64Array(this.targetCount))[target] = value;
    }
    if (block.rows) block.rows[target] = row;
    if (file !== 0 || block.files) (block.files ??= new Uint32Array(this.targetCount))[target] = file;
    if (level || block.levels) (block.levels ??= new Uint8Array(this.targetCount))[target] = level ? 1 : 0;
    return null;
  }

  /**
   * This store's figures as flat arrays, sharing the arrays the codes are kept in (their buffers
   * can be transferred to another thread; this store must not be used after).
   */
  toData(): StoreData {
    const T = this.targetCount;
    const blockMap = new Uint8Array(this.names.length * this.yearCount);
    const blocks: YearFigures[] = [];
    this.blocks.forEach((block, at) => {
      if (!block) return;
      blockMap[at] = 1;
      blocks.push(block);
    });
    const slabs: Int32Array[] = [];
    const statusSlabs: Uint8Array[] = [];
    const slabIndex = <A extends Int32Array | Uint8Array>(list: A[], found: Map<ArrayBufferLike, number>, array: A): number => {
      let index = found.get(array.buffer);
      if (index === undefined) {
        found.set(array.buffer, (index = list.length));
        list.push(array);
      }
      return index;
    };
    const codeSlabOf = new Map<ArrayBufferLike, number>();
    const statusSlabOf = new Map<ArrayBufferLike, number>();
    const blockSlab = new Uint32Array(blocks.length);
    const blockAt = new Uint32Array(blocks.length);
    const blockStatusSlab = new Uint32Array(blocks.length);
    const blockStatusAt = new Uint32Array(blocks.length);
    const blockKind = Uint8Array.from(blocks, (block) => block.layout.kind);
    const blockRows = Uint8Array.from(blocks, (block) => (block.rows ? 1 : 0));
    const rows = new Int32Array(blockRows.reduce((sum, has) => sum + has, 0) * T);
    const exactCells: number[] = [];
    const exactValues: number[] = [];
    let rowsAt = 0;
    blocks.forEach((block, b) => {
      // Whole arrays (a slab is never a view of a larger buffer), so that their buffers can be transferred.
      blockSlab[b] = slabIndex(slabs, codeSlabOf, block.slab);
      blockAt[b] = block.at;
      blockStatusSlab[b] = slabIndex(statusSlabs, statusSlabOf, block.status);
      blockStatusAt[b] = block.statusAt;
      if (block.rows) rows.set(block.rows, rowsAt++ * T);
      if (block.exact) {
        for (let t = 0; t < T; t++) {
          if (block.code(t) !== EXACT) continue;
          exactCells.push(b * T + t);
          exactValues.push(block.exact[t] ?? Number.NaN);
        }
      }
    });
    return {
      names: [...this.names], blockMap, slabs, statusSlabs, blockSlab, blockAt, blockStatusSlab, blockStatusAt, blockKind, blockRows, rows,
      exactCells: Int32Array.from(exactCells), exactValues: Float64Array.from(exactValues),
      blockFigures: Uint32Array.from(blocks, (block) => block.size()),
      levels: this.flags.slice(0, this.names.length).map((flags) => flags >> LEVEL_SHIFT),
    };
  }

  /**
   * Adds the figures of another store read from the same table further on (its rows after
   * `rowOffset` lines), region by region in the order they were first seen, as if read here.
   * A figure this store has already is not taken: `onDuplicate` is told of it. Returns how many were taken.
   * A figure that comes without its row into a region whose rows are kept is noted (`rowsMissing`).
   * Both stores keep the same cells as a status (the same `StatusCells`, or none).
   */
  merge(data: StoreData, file: number, rowOffset: number, onDuplicate: (region: string, target: number, year: number, earlier: FigureSource, row: number) => void): number {
    const T = this.targetCount;
    const exact = new Map<number, number>();
    const exactBlocks = new Set<number>();
    data.exactCells.forEach((cell, i) => {
      exact.set(cell, data.exactValues[i] ?? Number.NaN);
      exactBlocks.add(Math.floor(cell / T));
    });
    const noStatus = new Uint8Array(0);
    let b = 0;
    let rowsAt = 0;
    let taken = 0;
    // Both stores have the same status cells, so the same level keys: a name's level found there holds here.
    const levels = this.statusKeys === null ? null : data.levels;
    data.names.forEach((name, r) => {
      let slot = -1;
      for (let y = 0; y < this.yearCount; y++) {
        if (data.blockMap[r * this.yearCount + y] !== 1) continue;
        const blockIndex = b;
        const base = blockIndex * T;
        if (slot < 0) {
          const level = levels?.[r];
          slot = this.slotOf(name, level === 2 ? true : level === 1 ? false : undefined);
        }
        const layout = data.blockKind[b] === 1 ? this.statusLayoutOf(y) : this.full;
        if (layout !== this.layoutOf(slot, y)) throw new Error(`figure store: a block of ${name} merged with another layout`);
        const slab = data.slabs[data.blockSlab[b] as number] as Int32Array;
        const source = new YearFigures(slab, data.blockAt[b] as number, layout, data.statusSlabs[data.blockStatusSlab[b] as number] ?? noStatus, data.blockStatusAt[b] as number, null);
        // Where the block's rows are in data.rows, if it has them.
        const rowBase = data.blockRows[b++] === 1 ? rowsAt++ * T : -1;
        const rowOf = (t: number): number => (rowBase >= 0 ? (data.rows[rowBase + t] ?? 0) + rowOffset : UNKNOWN_ROW);
        const at = slot * this.yearCount + y;
        const year = this.firstYear + y;
        if (!this.blocks[at]) {
          // A block this store has not got: taken whole (its cells where they are), its rows moved on.
          const rows = (this.flags[slot]! & ROWS_KEPT) !== 0 ? new Int32Array(T) : null;
          const block = new YearFigures(source.slab, source.at, layout, source.status, source.statusAt, rows);
          this.blocks[at] = block;
          if (file !== 0) block.files = new Uint32Array(T).fill(file);
          // Most blocks have neither rows to move nor values kept aside: only counted, as the other thread counted them.
          if (!rows && !exactBlocks.has(base / T)) {
            taken += data.blockFigures[blockIndex] ?? block.size();
            continue;
          }
          for (let t = 0; t < T; t++) {
            const code = block.code(t);
            if (code === EMPTY) continue;
            taken++;
            if (rows) {
              rows[t] = rowOf(t);
              if (rowBase < 0) this.rowsMissing.push({ region: name, target: t, year });
            }
            if (code === EXACT) (block.exact ??= new Float64Array(T))[t] = exact.get(base + t) ?? Number.NaN;
          }
          continue;
        }
        for (let t = 0; t < T; t++) {
          const code = source.code(t);
          if (code === EMPTY) continue;
          const row = rowOf(t);
          const value = code === EXACT ? (exact.get(base + t) ?? Number.NaN) : code === STATUS_MET || code === STATUS_NOT_MET ? 0 : decodeFigure(code);
          const earlier = this.setAt(slot, t, year, value, file, row, false, code);
          if (earlier) onDuplicate(name, t, year, earlier, row);
          else {
            taken++;
            if (rowBase < 0 && (this.flags[slot]! & ROWS_KEPT) !== 0) this.rowsMissing.push({ region: name, target: t, year });
          }
        }
      }
    });
    return taken;
  }

  /** Figures whose rows are kept but were not known when they were merged (read again by the caller), taken off the list. */
  takeRowsMissing(): { region: string; target: number; year: number }[] {
    return this.rowsMissing.splice(0);
  }

  /** Sets the row of a figure stored without it (see `takeRowsMissing`). */
  setRow(region: string, target: number, year: number, row: number): void {
    const rows = this.block(this.slots.get(region) ?? -1, year)?.rows;
    if (rows) rows[target] = row;
  }

  /** The regions that have at least one figure, in the order first seen ('' is "no region"): a region's slot is its position. */
  regionNames(): string[] {
    return [...this.names];
  }

  /** The figure of one target in one region for one year, if there is one. */
  valueAt(region: string, target: number, year: number): number | undefined {
    return this.valueAtSlot(this.slots.get(region) ?? -1, target, year);
  }

  /** The block of a slot (-1: none) and year, if there is one. */
  private block(slot: number, year: number): YearFigures | undefined {
    const y = year - this.firstYear;
    return slot < 0 || y < 0 || y >= this.yearCount ? undefined : this.blocks[slot * this.yearCount + y];
  }

  /** A region's figures of one year, by target (`value(target)`: NaN where none), if it has any that year: for a count that reads many targets of one region. */
  yearFigures(slot: number, year: number): YearValues | undefined {
    return this.block(slot, year);
  }

  /** `valueAt` for a region's slot (-1: a region without figures). */
  valueAtSlot(slot: number, target: number, year: number): number | undefined {
    const value = this.block(slot, year)?.value(target);
    return value === undefined || Number.isNaN(value) ? undefined : value;
  }

  /** Where the figure of one target in one region for one year came from, if there is one. */
  sourceAt(region: string, target: number, year: number): FigureSource | null {
    return this.sourceAtSlot(this.slots.get(region) ?? -1, target, year);
  }

  /** `sourceAt` for a region's slot (-1: none). */
  sourceAtSlot(slot: number, target: number, year: number): FigureSource | null {
    const block = this.block(slot, year);
    if (!block || block.code(target) === EMPTY) return null;
    return { file: block.files?.[target] ?? 0, row: block.row(target) };
  }

  /** Where the figure of one target in one region of its earliest year came from, if it has one (the first of `series`). */
  firstSource(region: string, target: number): FigureSource | null {
    const slot = this.slots.get(region) ?? -1;
    for (let year = this.firstYear; slot >= 0 && year <= this.lastYear; year++) {
      const block = this.block(slot, year);
      if (block && block.code(target) !== EMPTY) return { file: block.files?.[target] ?? 0, row: block.row(target) };
    }
    return null;
  }

  /**
   * The first in file order (file, then row) of every target's `firstSource` in a region: where
   * the region is first named. One pass over its years, not a lookup of the region per target.
   */
  firstSourceOfAll(region: string): FigureSource | null {
    const slot = this.slots.get(region) ?? -1;
    if (slot < 0) return null;
    // A target's first source is its earliest year's figure: a later year's is passed over.
    const seen = new Uint8Array(this.targetCount);
    let file = -1;
    let row = 0;
    for (let year = this.firstYear; year <= this.lastYear; year++) {
      const block = this.block(slot, year);
      if (!block) continue;
      for (let target = 0; target < this.targetCount; target++) {
        if (seen[target] === 1 || block.code(target) === EMPTY) continue;
        seen[target] = 1;
        const f = block.files?.[target] ?? 0;
        const r = block.row(target);
        if (file < 0 || f < file || (f === file && r < row)) {
          file = f;
          row = r;
        }
      }
    }
    return file < 0 ? null : { file, row };
  }

  /** Which of the regions at `slots` (-1: none) have figures in one year, for every target at once. */
  presence(slots: readonly number[], year: number): YearPresence {
    return new YearPresence(slots.map((slot) => this.block(slot, year)), this.targetCount);
  }

  /** The figure of one target in one region in one year, as `series` gives it, if there is one. */
  figureAt(region: string, target: number, year: number): Figure | undefined {
    const block = this.block(this.slots.get(region) ?? -1, year);
    if (!block || block.code(target) === EMPTY) return undefined;
    return { year, value: block.value(target), source: { file: block.files?.[target] ?? 0, row: block.row(target) }, level: block.levels?.[target] === 1 };
  }

  /** The figures of one target in one region up to year `until`, oldest year first. */
  series(region: string, target: number, until = this.lastYear): Figure[] {
    const slot = this.slots.get(region) ?? -1;
    const points: Figure[] = [];
    if (slot < 0) return points;
    const last = Math.min(this.yearCount, until - this.firstYear + 1);
    for (let i = 0; i < last; i++) {
      const block = this.blocks[slot * this.yearCount + i];
      if (!block || block.code(target) === EMPTY) continue;
      points.push({
        year: this.firstYear + i,
        value: block.value(target),
        source: { file: block.files?.[target] ?? 0, row: block.row(target) },
        level: block.levels?.[target] === 1,
      });
    }
    return points;
  }

  /**
   * How a region's figures of one target look to a check of rates (find-review-notices.ts), read
   * without building its series: 0 when it has no figure up to year `until`; 1 when one of the
   * years `from` to `to` (up to `until`) has a figure not given as a level whose value is at most
   * `limit`; else 2.
   */
  rateScan(slot: number, target: number, from: number, to: number, until: number, limit: number): 0 | 1 | 2 {
    if (slot < 0) return 0;
    const last = Math.min(this.yearCount, until - this.firstYear + 1);
    let any = false;
    for (let i = 0; i < last; i++) {
      const block = this.blocks[slot * this.yearCount + i];
      if (!block) continue;
      const kept = block.kept(target);
      if (kept === 0) continue;
      any = true;
      const year = this.firstYear + i;
      // A figure kept as its status alone has no value to compare: the series says the rest.
      if (kept === 3 && year >= from && year <= to && block.levels?.[target] !== 1 && block.value(target) <= limit) return 1;
    }
    return any ? 2 : 0;
  }

  /** The latest year that has a figure in any region, if any. */
  latestYear(): number | undefined {
    let latest = -1;
    for (let base = 0; base < this.blocks.length; base += this.yearCount) {
      for (let i = this.yearCount - 1; i > latest; i--) {
        const block = this.blocks[base + i];
        if (block && block.hasAny()) {
          latest = i;
          break;
        }
      }
    }
    return latest < 0 ? undefined : this.firstYear + latest;
  }

  /** How many figures are stored in all. */
  count(): number {
    let total = 0;
    for (const block of this.blocks) if (block) total += block.size();
    return total;
  }
}
