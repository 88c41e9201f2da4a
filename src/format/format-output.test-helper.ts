import type { Report } from '../report/types.js';
import { outputToString, type FormatOptions } from './formatter.js';
import { formatters, type FormatName } from './index.js';

/** The whole output of format `name` for `report`, as one string. */
export function render(name: FormatName, report: Report, options: FormatOptions): string {
  return outputToString(formatters[name](report, options));
}
