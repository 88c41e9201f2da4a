import { decodeFigure, EMPTY, EXACT } from './figure-code.js';
import { MET, NO_STATUS, NOT_MET, STATUS_MET, STATUS_NOT_MET, statusCell, valueNotKept, type BlockLayout } from './status-layout.js';

/** The row of a figure whose row is not kept (see `FigureStore`'s `keepRows`). */
export const UNKNOWN_ROW = -1;

/** One region's figures for one year: `value(target)` is the figure, NaN where there is none. */
export interface YearValues {
  value(target: number): number;
  /** 0: no figure; 1 / 2: a figure kept as its status only, met / not met; 3: a figure whose `value` is kept. */
  kept(target: number): number;
  /** `kept` of each of `targets`, into `out`. */
  keptAll(targets: ArrayLike<number>, out: Uint8Array): void;
}

/**
 * One region's figures for one year, indexed by target, in flat typed arrays: 32 bits for a
 * short decimal, a 64-bit double only for a block that has another figure, 2 bits for a figure
 * kept as its status only (`StatusCells`). A block exists only
 * for a year that has a figure; file indexes and level flags are kept only once one differs
 * from the default (file 0, not a level). File indexes are 32-bit: a run may read more than
 * 65,535 files (or sheets). `value` is NaN for a target without a figure.
 */
export class YearFigures implements YearValues {
  exact: Float64Array | null = null;
  files: Uint32Array | null = null;
  /** 1 where the figure is a level given for a rate or change target (see `Figure.level`). */
  levels: Uint8Array | null = null;

  constructor(
    /** The codes are `slab[at]` to `slab[at + layout.codes - 1]`: no view object per block (16,078 regions: about 1.5 MB). */
    readonly slab: Int32Array,
    readonly at: number,
    readonly layout: BlockLayout,
    /** The status cells are cells `statusAt` to `statusAt + layout.statuses - 1` of `status`, 2 bits each (see `statusCell`). */
    readonly status: Uint8Array,
    readonly statusAt: number,
    /** Null for a region whose rows are not kept. */
    readonly rows: Int32Array | null,
  ) {}

  code(target: number): number {
    const c = this.layout.cols[target];
    if (c === undefined) return EMPTY;
    if (c >= 0) return this.slab[this.at + c] ?? EMPTY;
    const s = statusCell(this.status, this.statusAt + ~c);
    return s === MET ? STATUS_MET : s === NOT_MET ? STATUS_NOT_MET : EMPTY;
  }

  /** Whether the block has any figure. */
  hasAny(): boolean {
    return this.size() > 0;
  }

  /** How many figures the block has (its cells in order: no call per cell). */
  size(): number {
    let n = 0;
    const { slab, status } = this;
    for (let c = this.at; c < this.at + this.layout.codes; c++) if (slab[c] !== EMPTY) n++;
    for (let s = this.statusAt; s < this.statusAt + this.layout.statuses; s++) if (statusCell(status, s) !== NO_STATUS) n++;
    return n;
  }

  row(target: number): number {
    return this.rows ? (this.rows[target] ?? 0) : UNKNOWN_ROW;
  }

  value(target: number): number {
    const code = this.code(target);
    if (code === EMPTY) return Number.NaN;
    if (code === STATUS_MET || code === STATUS_NOT_MET) throw valueNotKept();
    return code === EXACT ? (this.exact?.[target] ?? Number.NaN) : decodeFigure(code);
  }

  /**
   * `kept` of many targets at once, into `out` (`out[j]` for `targets[j]`): a count of a region's
   * final levels reads them without a call per target.
   */
  keptAll(targets: ArrayLike<number>, out: Uint8Array): void {
    const { slab, at, status, statusAt } = this;
    const cols = this.layout.cols;
    for (let j = 0; j < targets.length; j++) {
      const c = cols[targets[j] as number];
      if (c === undefined) out[j] = 0;
      else if (c >= 0) {
        const code = slab[at + c] ?? EMPTY;
        out[j] = code === EMPTY ? 0 : code === STATUS_MET ? 1 : code === STATUS_NOT_MET ? 2 : 3;
      } else {
        const s = statusCell(status, statusAt + ~c);
        out[j] = s === MET ? 1 : s === NOT_MET ? 2 : 0;
      }
    }
  }

  kept(target: number): number {
    const code = this.code(target);
    return code === EMPTY ? 0 : code === STATUS_MET ? 1 : code === STATUS_NOT_MET ? 2 : 3;
  }
}

/** Which of some regions have a figure of a target in one year (see `FigureStore.presence`). */
export class YearPresence {
  /** True when none of the regions has any figure that year. */
  readonly none: boolean;
  /** True when every one of the regions has some figure that year (else no target has a figure in all of them). */
  readonly every: boolean;

  constructor(
    private readonly blocks: (YearFigures | undefined)[],
    private readonly targetCount: number,
  ) {
    this.none = blocks.every((block) => block === undefined);
    this.every = blocks.every((block) => block !== undefined);
  }

  /** Whether region number `i` (in the order given) has a figure of the target. */
  has(i: number, target: number): boolean {
    const block = this.blocks[i];
    return block !== undefined && block.code(target) !== EMPTY;
  }

  private counts: Int32Array | null = null;

  /** How many of the regions have a figure of the target. */
  count(target: number): number {
    if (this.none) return 0;
    // Counted for every target at once, block by block: one pass through memory in order.
    if (this.counts === null) {
      const counts = new Int32Array(this.targetCount);
      for (const block of this.blocks) {
        if (block === undefined) continue;
        const { slab, at, status, statusAt } = block;
        const { codeTargets, statusTargets } = block.layout;
        // Each kind of cell in one pass of its own (no branch on the kind per cell).
        for (let c = 0; c < codeTargets.length; c++) {
          if (slab[at + c] !== EMPTY) {
            const t = codeTargets[c] as number;
            counts[t] = (counts[t] as number) + 1;
          }
        }
        for (let s = 0; s < statusTargets.length; s++) {
          if (statusCell(status, statusAt + s) !== NO_STATUS) {
            const t = statusTargets[s] as number;
            counts[t] = (counts[t] as number) + 1;
          }
        }
      }
      this.counts = counts;
    }
    return this.counts[target] ?? 0;
  }
}
