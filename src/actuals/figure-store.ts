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

/**
 * One region's figures for one year, indexed by target, in flat typed arrays. A block exists
 * only for a year that has a figure; file indexes and level flags are kept only once one differs
 * from the default (file 0, not a level), so a single-file submission pays 12 bytes a target. File
 * indexes are 32-bit: a run may read more than 65,535 files (or sheets).
 */
class YearFigures {
  readonly values: Float64Array;
  readonly rows: Int32Array;
  files: Uint32Array | null = null;
  /** 1 where the figure is a level given for a rate or change target (see `Figure.level`). */
  levels: Uint8Array | null = null;

  constructor(size: number) {
    this.values = new Float64Array(size).fill(Number.NaN);
    this.rows = new Int32Array(size);
  }
}

/**
 * Every figure submitted, by region, target and year. Memory grows with the number of regions
 * times targets times the years given, not with the size of the files read.
 */
export class FigureStore {
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly yearCount: number;
  private readonly targetCount: number;
  /** Per region, one block per year (index = year − firstYear), created on first use. */
  private readonly regions = new Map<string, (YearFigures | undefined)[]>();

  constructor(targetCount: number, firstYear: number, lastYear: number) {
    this.targetCount = targetCount;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.yearCount = lastYear - firstYear + 1;
  }

  /** Stores a figure; returns where the same figure was stored before, if it was. */
  set(region: string, target: number, year: number, value: number, source: FigureSource, level = false): FigureSource | null {
    let years = this.regions.get(region);
    if (!years) {
      years = new Array<YearFigures | undefined>(this.yearCount).fill(undefined);
      this.regions.set(region, years);
    }
    const yearIndex = year - this.firstYear;
    let block = years[yearIndex];
    if (!block) {
      block = new YearFigures(this.targetCount);
      years[yearIndex] = block;
    }
    if (!Number.isNaN(block.values[target] ?? Number.NaN)) {
      return { file: block.files?.[target] ?? 0, row: block.rows[target] ?? 0 };
    }
    block.values[target] = value;
    block.rows[target] = source.row;
    if (source.file !== 0 || block.files) (block.files ??= new Uint32Array(this.targetCount))[target] = source.file;
    if (level || block.levels) (block.levels ??= new Uint8Array(this.targetCount))[target] = level ? 1 : 0;
    return null;
  }

  /** The regions that have at least one figure, in the order first seen ('' is "no region"). */
  regionNames(): string[] {
    return [...this.regions.keys()];
  }

  /** The figure of one target in one region for one year, if there is one. */
  valueAt(region: string, target: number, year: number): number | undefined {
    const value = this.regions.get(region)?.[year - this.firstYear]?.values[target];
    return value === undefined || Number.isNaN(value) ? undefined : value;
  }

  /** The figures of one target in one region up to year `until`, oldest year first. */
  series(region: string, target: number, until = this.lastYear): Figure[] {
    const years = this.regions.get(region);
    const points: Figure[] = [];
    if (!years) return points;
    const last = Math.min(this.yearCount, until - this.firstYear + 1);
    for (let i = 0; i < last; i++) {
      const block = years[i];
      if (!block) continue;
      const value = block.values[target] ?? Number.NaN;
      if (Number.isNaN(value)) continue;
      points.push({
        year: this.firstYear + i,
        value,
        source: { file: block.files?.[target] ?? 0, row: block.rows[target] ?? 0 },
        level: block.levels?.[target] === 1,
      });
    }
    return points;
  }

  /** The latest year that has a figure in any region, if any. */
  latestYear(): number | undefined {
    let latest = -1;
    for (const years of this.regions.values()) {
      for (let i = this.yearCount - 1; i > latest; i--) {
        const block = years[i];
        if (block && block.values.some((value) => !Number.isNaN(value))) {
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
    for (const years of this.regions.values()) {
      for (const block of years) {
        if (block) for (const value of block.values) if (!Number.isNaN(value)) total++;
      }
    }
    return total;
  }
}
