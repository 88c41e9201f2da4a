import type { Lang } from '../messages.js';
import type { Report } from '../report/types.js';

/** What every formatter may take into account besides the report. */
export interface FormatOptions {
  lang: Lang;
  /** Colour the output (terminal formats only; machine formats ignore it). */
  color: boolean;
  /** How many input errors to show before a count of the rest. */
  maxErrors: number;
  /** Display columns a table may take (terminal formats); default 100. */
  width?: number;
  /** `status` lists failures first; default: the plan's order. */
  sort?: 'plan' | 'status';
  /**
   * With regions: `indicator` (default) lays results out as indicator × region; `region` lists
   * each region's results in turn.
   */
  by?: 'indicator' | 'region';
}

/** A format's output: one string, or pieces written one after another so a large report streams. */
export type FormatOutput = string | Iterable<string>;

/** Turns a report into the text of one output format. Pure: no I/O. */
export type Formatter = (report: Report, options: FormatOptions) => FormatOutput;

/** The whole output of a formatter as one string (tests, small reports). */
export function outputToString(output: FormatOutput): string {
  return typeof output === 'string' ? output : [...output].join('');
}

/** The default table width when the terminal's is unknown (output piped or written to a file). */
export const DEFAULT_WIDTH = 100;
