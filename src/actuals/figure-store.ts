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

/** One region's figures, indexed by target and year, in flat typed arrays to keep memory flat. */
class RegionFigures {
  readonly values: Float64Array;
  readonly rows: Int32Array;
  readonly files: Uint16Array;
  /** 1 where the figure is a level given for a rate or change target (see `Figure.level`). */
  readonly levels: Uint8Array;

  constructor(size: number) {
    this.values = new Float64Array(size).fill(Number.NaN);
    this.rows = new Int32Array(size);
    this.files = new Uint16Array(size);
    this.levels = new Uint8Array(size);
  }
}

/**
 * Every figure submitted, by region, target and year. Memory grows with the number of regions
 * times targets times years, not with the size of the files read.
 */
export class FigureStore {
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly yearCount: number;
  private readonly targetCount: number;
  private readonly regions = new Map<string, RegionFigures>();

  constructor(targetCount: number, firstYear: number, lastYear: number) {
    this.targetCount = targetCount;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.yearCount = lastYear - firstYear + 1;
  }

  /** Stores a figure; returns where the same figure was stored before, if it was. */
  set(region: string, target: number, year: number, value: number, source: FigureSource, level = false): FigureSource | null {
    let figures = this.regions.get(region);
    if (!figures) {
      figures = new RegionFigures(this.targetCount * this.yearCount);
      this.regions.set(region, figures);
    }
    const slot = target * this.yearCount + (year - this.firstYear);
    if (!Number.isNaN(figures.values[slot] ?? Number.NaN)) {
      return { file: figures.files[slot] ?? 0, row: figures.rows[slot] ?? 0 };
    }
    figures.values[slot] = value;
    figures.rows[slot] = source.row;
    figures.files[slot] = source.file;
    figures.levels[slot] = level ? 1 : 0;
    return null;
  }

  /** The regions that have at least one figure, in the order first seen ('' is "no region"). */
  regionNames(): string[] {
    return [...this.regions.keys()];
  }

  /** The figures of one target in one region, oldest year first. */
  series(region: string, target: number): Figure[] {
    const figures = this.regions.get(region);
    const points: Figure[] = [];
    if (!figures) return points;
    const base = target * this.yearCount;
    for (let i = 0; i < this.yearCount; i++) {
      const value = figures.values[base + i] ?? Number.NaN;
      if (Number.isNaN(value)) continue;
      points.push({
        year: this.firstYear + i,
        value,
        source: { file: figures.files[base + i] ?? 0, row: figures.rows[base + i] ?? 0 },
        level: figures.levels[base + i] === 1,
      });
    }
    return points;
  }

  /** The latest year that has a figure in any region, if any. */
  latestYear(): number | undefined {
    let latest = -1;
    for (const figures of this.regions.values()) {
      for (let slot = 0; slot < figures.values.length; slot++) {
        if (Number.isNaN(figures.values[slot] ?? Number.NaN)) continue;
        const yearIndex = slot % this.yearCount;
        if (yearIndex > latest) latest = yearIndex;
      }
    }
    return latest < 0 ? undefined : this.firstYear + latest;
  }

  /** How many figures are stored in all. */
  count(): number {
    let total = 0;
    for (const figures of this.regions.values()) {
      for (const value of figures.values) if (!Number.isNaN(value)) total++;
    }
    return total;
  }
}
