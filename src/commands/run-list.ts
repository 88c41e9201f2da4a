import { listJson, listTable, selectTargets, type ListFilter } from '../list-targets.js';
import { EXIT } from '../report/exit-code.js';
import { loadPlanFor, terminalWidth, usageErrors, type CommonOptions, type Io } from '../run.js';
import { DEFAULT_WIDTH } from '../format/formatter.js';
import { checkSelection } from '../check-selection.js';

/** Options of `plancheck list`. */
export interface ListOptions extends CommonOptions, ListFilter {
  format: 'table' | 'json';
  /** Columns of the table (as check's --width); else the terminal's, or the default. */
  width?: number;
}

/** `plancheck list`: prints the plan's targets after the filters, as a table or JSON. */
export async function runList(options: ListOptions, io: Io): Promise<number> {
  const plan = await loadPlanFor(options, io);
  if (!plan) return EXIT.invalid;
  // A selection of nothing is a usage error, so a typo never lists an empty table.
  const refusals = checkSelection(plan, options);
  if (refusals.length > 0) return usageErrors(refusals, options.lang, io);
  const targets = selectTargets(plan, options);
  io.stdout.write(options.format === 'json' ? listJson(targets) : listTable(targets, options.lang, options.width ?? terminalWidth(io) ?? DEFAULT_WIDTH));
  return EXIT.ok;
}
