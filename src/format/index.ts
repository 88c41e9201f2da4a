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
import { BINARY_FORMATS, isFormatName, MACHINE_FORMATS, type FormatName } from './load-formatter.js';

/**
 * Every output format by name, loaded at once (the library's table; the CLI loads only the formats
 * it writes, through `loadFormatter`): the same keys as `formatLoaders`, the list of `--format` choices.
 */
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
} satisfies Record<FormatName, Formatter | AsyncFormatter>;

export { BINARY_FORMATS, isFormatName, MACHINE_FORMATS, type FormatName };

/** Formats computed synchronously as text: every format but those loaded on demand (html, xlsx). */
export type TextFormatName = { [K in FormatName]: (typeof formatters)[K] extends Formatter ? K : never }[FormatName];

/** True when a format is computed synchronously as text. */
export function isTextFormat(name: FormatName): name is TextFormatName {
  return name !== 'html' && name !== 'xlsx';
}
