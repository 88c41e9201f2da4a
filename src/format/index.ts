import { formatCsv } from './csv.js';
import type { AsyncFormatter, Formatter } from './formatter.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatSummary } from './summary.js';
import { formatTable } from './table.js';
import { formatText } from './text.js';

/** Every output format by name: the list of `--format` choices is this table's keys. */
export const formatters = {
  table: formatTable,
  summary: formatSummary,
  text: formatText,
  json: formatJson,
  csv: formatCsv,
  markdown: formatMarkdown,
  junit: formatJunit,
  github: formatGithub,
  sarif: formatSarif,
  // Loaded only when asked for: ECharts and the workbook writer are large.
  html: (async (report, options) => (await import('./html/format-html.js')).formatHtml(report, options)) as AsyncFormatter,
  xlsx: (async (report, options) => (await import('./xlsx-report.js')).formatXlsx(report, options)) as AsyncFormatter,
} satisfies Record<string, Formatter | AsyncFormatter>;

/** The name of an output format. */
export type FormatName = keyof typeof formatters;

/** Formats whose output is read by programs: never coloured. */
export const MACHINE_FORMATS: ReadonlySet<FormatName> = new Set<FormatName>(['json', 'csv', 'junit', 'github', 'sarif']);

/** Formats whose output is bytes, never written to a terminal: they need `-o FILE`. */
export const BINARY_FORMATS: ReadonlySet<FormatName> = new Set<FormatName>(['xlsx']);

/** Formats computed synchronously as text: every format but those loaded on demand (html, xlsx). */
export type TextFormatName = { [K in FormatName]: (typeof formatters)[K] extends Formatter ? K : never }[FormatName];

/** True when a format is computed synchronously as text. */
export function isTextFormat(name: FormatName): name is TextFormatName {
  return name !== 'html' && name !== 'xlsx';
}

/** True when `name` is a known format. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}
