import type { Lang } from '../messages.js';
import type { ListedResults } from '../report/listed-results.js';
import type { Report } from '../report/types.js';
import type { ReportSources } from './report-sources.js';

/** What every formatter may take into account besides the report. */
export interface FormatOptions {
  lang: Lang;
  /** Colour the output (terminal formats only; machine formats ignore it). */
  color: boolean;
  /** How many input errors to show before a count of the rest. */
  maxErrors: number;
  /** Plan wording, yearly figures and the time made, for the formats that show them (html, xlsx). */
  sources?: ReportSources;
  /** Display columns a table may take (terminal formats); default 100. */
  width?: number;
  /** `status` lists failures first; default: the plan's order. */
  sort?: 'plan' | 'status';
  /**
   * With regions: `indicator` (default) lays results out as indicator × region; `region` lists
   * each region's results in turn.
   */
  by?: 'indicator' | 'region';
  /** `--region`: only these regions are listed (their sections, columns and rows); the counts still cover all. */
  regions?: readonly string[];
  /**
   * The listed results, when the report does not hold them (`results` empty): judged again as
   * each is reached, so a large run streams. Default: the report's `results`.
   */
  results?: ListedResults;
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

/**
 * A formatter that loads its libraries on demand and may return bytes (a workbook) rather than
 * text; bytes are never written to a terminal.
 */
export type AsyncFormatter = (report: Report, options: FormatOptions) => Promise<FormatOutput | Uint8Array>;

/**
 * A format's output as UTF-8 chunks of about a megabyte, each valid only until the next is asked for
 * (one buffer is reused): the same text as its formatter's, written to a file without a string
 * per piece. Internal to the CLI's file writing.
 */
export interface ChunkOutput {
  chunks: Iterable<Uint8Array>;
}

/** Lays a report out as `ChunkOutput` chunks. */
export type ChunkFormatter = (report: Report, options: FormatOptions) => Iterable<Uint8Array>;
