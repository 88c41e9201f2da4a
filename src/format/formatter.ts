import type { Lang } from '../messages.js';
import type { Report } from '../report/types.js';

/** What every formatter may take into account besides the report. */
export interface FormatOptions {
  lang: Lang;
  /** Colour the output (terminal formats only; machine formats ignore it). */
  color: boolean;
  /** How many input errors to show before a count of the rest. */
  maxErrors: number;
}

/** Turns a report into the text of one output format. Pure: no I/O. */
export type Formatter = (report: Report, options: FormatOptions) => string;
