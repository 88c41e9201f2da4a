import type { Target } from '../plan/types.js';
import { resultOfCell, type ListedCell, type ListedResults } from '../report/listed-results.js';
import type { Result, Severity, Status } from '../report/types.js';
import { finalCell, wildFigure } from './final-cells.test-helper.js';
import type { FigureDoubts } from './find-doubts.js';
import type { LinesView } from './off-track-lines.js';

// Shared by the tests of the lines off track (their words, and the table's lines written as
// bytes): a matrix of final-level cells with random figures, as `evaluateListed` lists them.

/** Listed results over cells (as `evaluateListed` gives them: `cell` when `withCells`), counting the results built. */
export function listedOver(cells: ListedCell[], withCells: boolean): ListedResults & { built: number } {
  const listed = {
    built: 0,
    size: cells.length,
    keys: () => cells.keys(),
    get(key: number): Result {
      listed.built++;
      return resultOfCell(cells[key]!);
    },
    status: (key: number) => cells[key]!.status,
    severity: (key: number) => cells[key]!.severity,
    regionOf: (key: number) => cells[key]!.region,
    metaOf: (key: number) => cells[key]!.target,
    // As `evaluateListed` gives them: each cell read without building its result, keys by status.
    ...(withCells
      ? {
          cell: (key: number, into: ListedCell) => (Object.assign(into, cells[key]!), true),
          keysOf: (accept: (status: Status, severity: Severity) => boolean) => [...cells.keys()].filter((key) => accept(cells[key]!.status, cells[key]!.severity)),
        }
      : {}),
  };
  return listed;
}

export const NO_DOUBTS: FigureDoubts = { size: 0, of: () => '' };

/** `count` regions × `targets`, a row per target, each cell a random figure; the view and rows the lines read. */
export function offTrackMatrix(random: () => number, targets: Target[], count: number, names: () => string, withCells: boolean, doubts = NO_DOUBTS) {
  const cells: ListedCell[] = [];
  const rows = targets.map(() => new Int32Array(count).fill(-1));
  targets.forEach((t, r) => {
    for (let region = 0; region < count; region++) {
      if (random() < 0.1) continue;
      const severity = (['failure', 'warning', 'info'] as const)[Math.floor(random() * 3)]!;
      rows[r]![region] = cells.length;
      cells.push(finalCell(t, names(), wildFigure(random, t), severity, random() < 0.7 ? 'plan' : 'intensive_plan'));
    }
  });
  const listed = listedOver(cells, withCells);
  const view: LinesView = { listed, lang: 'zh', doubts, regions: new Array(count).fill(null) as LinesView['regions'] };
  // Every other row gives its keys as an array too (as a matrix's rows do): the lines read them either way.
  return { listed, view, rows: rows.map((keys, r) => (r % 2 === 0 ? { key: (region: number) => keys[region]!, keys } : { key: (region: number) => keys[region]! })) };
}

