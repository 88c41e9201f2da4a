import type { Lang } from '../messages.js';
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
}

/** Turns a report into the text of one output format. Pure: no I/O. */
export type Formatter = (report: Report, options: FormatOptions) => string;

/**
 * A formatter that loads its libraries on demand and may return bytes (a workbook) rather than
 * text; it must not be written to a terminal when it does.
 */
export type AsyncFormatter = (report: Report, options: FormatOptions) => Promise<string | Uint8Array>;
