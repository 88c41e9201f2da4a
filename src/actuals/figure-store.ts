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

/** The cell of a target that has no figure. */
const EMPTY = -0x80000000;
/** The code of a figure that is no short decimal: it is kept in the block's `exact` array. */
export const NOT_SHORT = -0x7fffffff;
const EXACT = NOT_SHORT;
/** Short decimals m / 10^k are kept in 32 bits as m·16 + k: |m| below 2^27, k up to 15. */
const MAX_MANTISSA = 1 << 27;
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A figure as 32 bits when it is a short decimal (m / 10^k giving exactly this double), the
 * form nearly every submitted figure has; EXACT otherwise.
 */
export function encodeFigure(value: number): number {
  if (value === 0) return Object.is(value, -0) ? EXACT : 0;
  for (let k = 0; k < 8; k++) {
    const scale = POW10[k] as number;
    const mantissa = Math.round(value * scale);
    if (mantissa >= MAX_MANTISSA || mantissa <= -MAX_MANTISSA) return EXACT;
    if ((k === 0 ? mantissa : mantissa / scale) === value) return mantissa * 16 + k;
  }
  return EXACT;
}

/** The double of a short decimal kept by `encodeFigure`: the same division, so the same bits. */
export function decodeFigure(code: number): number {
  const k = code & 15;
  const mantissa = (code - k) / 16;
  return k === 0 ? mantissa : mantissa / (POW10[k] as number);
}

/**
 * One region's figures for one year, indexed by target, in flat typed arrays: 32 bits for a
 * short decimal, a 64-bit double only for a block that has another figure. A block exists only
 * for a year that has a figure; file indexes and level flags are kept only once one differs
 * from the default (file 0, not a level). File indexes are 32-bit: a run may read more than
 * 65,535 files (or sheets).
 */
class YearFigures {
  readonly codes: Int32Array;
  readonly rows: Int32Array;
  exact: Float64Array | null = null;
  files: Uint32Array | null = null;
  /** 1 where the figure is a level given for a rate or change target (see `Figure.level`). */
  levels: Uint8Array | null = null;

  constructor(size: number) {
    this.codes = new Int32Array(size).fill(EMPTY);
    this.rows = new Int32Array(size);
  }

  value(target: number): number {
    const code = this.codes[target] ?? EMPTY;
    if (code === EMPTY) return Number.NaN;
    return code === EXACT ? (this.exact?.[target] ?? Number.NaN) : decodeFigure(code);
  }
}

/** Which of some regions have a figure of a target in one year (see `FigureStore.presence`). */
export class YearPresence {
  /** True when none of the regions has any figure that year. */
  readonly none: boolean;

  constructor(private readonly codes: (Int32Array | undefined)[]) {
    this.none = codes.every((block) => block === undefined);
  }

  /** Whether region number `i` (in the order given) has a figure of the target. */
  has(i: number, target: number): boolean {
    const block = this.codes[i];
    return block !== undefined && block[target] !== EMPTY;
  }

  private counts: Int32Array | null = null;

  /** How many of the regions have a figure of the target. */
  count(target: number): number {
    if (this.none) return 0;
    // Counted for every target at once, block by block: one pass through memory in order.
    if (this.counts === null) {
      const counts = new Int32Array(this.codes.find((block) => block !== undefined)?.length ?? 0);
      for (const block of this.codes) {
        if (block === undefined) continue;
        for (let t = 0; t < block.length; t++) if (block[t] !== EMPTY) counts[t] = (counts[t] as number) + 1;
      }
      this.counts = counts;
    }
    return this.counts[target] ?? 0;
  }
}

/**
 * Every figure submitted, by region, target and year. Memory grows with the number of regions
 * times targets times the years given, not with the size of the files read. Regions are kept by
 * slot (a dense number given on first use) so that a reader can look a region's name up once.
 */
export class FigureStore {
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly yearCount: number;
  private readonly targetCount: number;
  private readonly slots = new Map<string, number>();
  private readonly names: string[] = [];
  /** Per slot, one block per year (index = year − firstYear), created on first use. */
  private readonly blocks: (YearFigures | undefined)[][] = [];

  constructor(targetCount: number, firstYear: number, lastYear: number) {
    this.targetCount = targetCount;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.yearCount = lastYear - firstYear + 1;
  }

  /** The slot of a region, given on first use ('' is "no region"). */
  slotOf(region: string): number {
    let slot = this.slots.get(region);
    if (slot === undefined) {
      slot = this.names.length;
      this.slots.set(region, slot);
      this.names.push(region);
      this.blocks.push(new Array<YearFigures | undefined>(this.yearCount).fill(undefined));
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

  /** `set` for a region's slot; `code` is `encodeFigure(value)` when the caller has it already. */
  setAt(slot: number, target: number, year: number, value: number, file: number, row: number, level = false, code = encodeFigure(value)): FigureSource | null {
    const years = this.blocks[slot];
    if (!years) throw new RangeError(`figure store: no slot ${slot}`);
    const yearIndex = year - this.firstYear;
    let block = years[yearIndex];
    if (!block) {
      block = new YearFigures(this.targetCount);
      years[yearIndex] = block;
    }
    if (block.codes[target] !== EMPTY) return { file: block.files?.[target] ?? 0, row: block.rows[target] ?? 0 };
    // Not a figure: nothing is stored (readers give only finite figures).
    if (Number.isNaN(value)) return null;
    block.codes[target] = code;
    if (code === EXACT) (block.exact ??= new Float64Array(this.targetCount))[target] = value;
    block.rows[target] = row;
    if (file !== 0 || block.files) (block.files ??= new Uint32Array(this.targetCount))[target] = file;
    if (level || block.levels) (block.levels ??= new Uint8Array(this.targetCount))[target] = level ? 1 : 0;
    return null;
  }

  /** The regions that have at least one figure, in the order first seen ('' is "no region"). */
  regionNames(): string[] {
    return [...this.names];
  }

  /** The figure of one target in one region for one year, if there is one. */
  valueAt(region: string, target: number, year: number): number | undefined {
    return this.valueAtSlot(this.slots.get(region) ?? -1, target, year);
  }

  /** `valueAt` for a region's slot (-1: a region without figures). */
  valueAtSlot(slot: number, target: number, year: number): number | undefined {
    const value = this.blocks[slot]?.[year - this.firstYear]?.value(target);
    return value === undefined || Number.isNaN(value) ? undefined : value;
  }

  /** Whether a region's slot (-1: none) has a figure of the target for the year. */
  hasAt(slot: number, target: number, year: number): boolean {
    const block = this.blocks[slot]?.[year - this.firstYear];
    return block !== undefined && block.codes[target] !== EMPTY;
  }

  /** Which of the regions at `slots` (-1: none) have figures in one year, for every target at once. */
  presence(slots: readonly number[], year: number): YearPresence {
    return new YearPresence(slots.map((slot) => this.blocks[slot]?.[year - this.firstYear]?.codes));
  }

  /** The figures of one target in one region up to year `until`, oldest year first. */
  series(region: string, target: number, until = this.lastYear): Figure[] {
    const years = this.blocks[this.slots.get(region) ?? -1];
    const points: Figure[] = [];
    if (!years) return points;
    const last = Math.min(this.yearCount, until - this.firstYear + 1);
    for (let i = 0; i < last; i++) {
      const block = years[i];
      if (!block || block.codes[target] === EMPTY) continue;
      points.push({
        year: this.firstYear + i,
        value: block.value(target),
        source: { file: block.files?.[target] ?? 0, row: block.rows[target] ?? 0 },
        level: block.levels?.[target] === 1,
      });
    }
    return points;
  }

  /** The latest year that has a figure in any region, if any. */
  latestYear(): number | undefined {
    let latest = -1;
    for (const years of this.blocks) {
      for (let i = this.yearCount - 1; i > latest; i--) {
        const block = years[i];
        if (block && block.codes.some((code) => code !== EMPTY)) {
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
    for (const years of this.blocks) {
      for (const block of years) {
        if (block) for (const code of block.codes) if (code !== EMPTY) total++;
      }
    }
    return total;
  }
}
