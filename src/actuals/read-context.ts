import { planTablesOf } from '../plan/plan-tables.js';
import type { Plan, Target } from '../plan/types.js';
import type { Problem } from '../problem.js';
import { FigureStore, type StatusCells } from './figure-store.js';
import { NameIndex } from './name-index.js';
import { scaleFractions, scaleReference } from './read-figure.js';
import type { ActualsInput } from './read-actuals.js';
import type { RowPolicy } from './row-policy.js';

/** A located remark on the input that does not make it invalid: a warning or a notice. */
export interface Notice extends Problem {
  severity: 'warning' | 'notice';
}

/** A duplicate reported before the row of the figure it repeats was known (a store not keeping that region's rows). */
export interface UnknownEarlier {
  problem: Problem;
  region: string;
  target: number;
  year: number;
}

/** What every table read in one run shares: the plan's lookups, the figures, where problems go. */
export class ReadContext {
  readonly store: FigureStore;
  readonly ids: string[];
  /** Targets by id, for cells that hold an id exactly as the plan writes it (most do). */
  readonly exactIds: Map<string, Target>;
  private nameIndex: NameIndex | null = null;
  /** Each target's `scaleReference` and `scaleFractions`, by index, for the fast path's per-figure check. */
  readonly scaleReferences: Float64Array;
  readonly scaleFractions: Uint8Array;
  /** Display names of the tables read so far, by the index figures keep (a file, or a sheet of one). */
  readonly tableNames: string[] = [];
  /** Duplicates whose earlier row is to be found by reading the files again (see readActuals), as many as problems are kept. */
  readonly unknownEarlier: UnknownEarlier[] = [];
  /** Problems kept: a duplicate past this many is only counted, so its earlier row is not looked for. */
  maxProblems = Infinity;

  constructor(
    readonly plan: Plan,
    readonly sink: (problem: Problem) => void,
    /** Keeps a notice (with the input it is about) or only counts it, past a cap. */
    readonly notice: (notice: Notice, input: ActualsInput) => void,
    /** Whether the store keeps a region's rows (FigureStore's `keepRows`); absent: every region's. */
    keepRows?: (region: string) => boolean,
    /** The policy `keepRows` follows, for a worker thread that reads a part of a file; absent: every row kept. */
    readonly rowPolicy?: RowPolicy | null,
    /** Whether the store keeps a region's figures at all (FigureStore's `only`); absent: every region's. */
    only?: (region: string) => boolean,
    /** The cells the store keeps as a status only (a summary; FigureStore's `status`); absent: none. */
    status?: StatusCells,
  ) {
    this.store = new FigureStore(plan.targets.length, plan.baselineYear, plan.period.end, keepRows, only, status);
    this.ids = plan.targets.map((target) => target.id);
    // The bundled plan's tables come prebuilt with it (plan-tables.ts); any other plan's are worked out here.
    const tables = planTablesOf(plan);
    this.scaleReferences = tables ? new Float64Array(tables.scaleReferences) : Float64Array.from(plan.targets, (target) => scaleReference(target));
    this.scaleFractions = tables ? new Uint8Array(tables.scaleFractions) : Uint8Array.from(plan.targets, (target) => (scaleFractions(target) ? 1 : 0));
    const inexact = tables ? new Set(tables.inexactIds) : undefined;
    this.exactIds = inexact?.size === 0 ? new Map(plan.targetsById) : new Map([...plan.targetsById].filter(([id]) => (inexact ? !inexact.has(id) : normaliseId(id) === id)));
  }

  /** Targets by name, built the first time a table has names and no ids. */
  get names(): NameIndex {
    this.nameIndex ??= new NameIndex(this.plan);
    return this.nameIndex;
  }
}

/** Target ids as people type them: full-width, lower-case, padded, with a space inside (G 2.7). */
export function normaliseId(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** A 0-based column index as a spreadsheet letter: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
