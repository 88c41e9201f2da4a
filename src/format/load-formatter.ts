import type { AsyncFormatter, ChunkFormatter, Formatter } from './formatter.js';

/**
 * Every output format by name, each module loaded on first use, so that a run evaluates only the
 * formats it writes (the table pulls in chalk and the layout code; html ECharts; xlsx the
 * workbook writer). The list of `--format` choices is this table's keys.
 */
export const formatLoaders = {
  table: async (): Promise<Formatter> => (await import('./table.js')).formatTable,
  summary: async (): Promise<Formatter> => (await import('./summary.js')).formatSummary,
  text: async (): Promise<Formatter> => (await import('./text.js')).formatText,
  json: async (): Promise<Formatter> => (await import('./json.js')).formatJson,
  csv: async (): Promise<Formatter> => (await import('./csv.js')).formatCsv,
  markdown: async (): Promise<Formatter> => (await import('./markdown.js')).formatMarkdown,
  junit: async (): Promise<Formatter> => (await import('./junit.js')).formatJunit,
  github: async (): Promise<Formatter> => (await import('./github.js')).formatGithub,
  sarif: async (): Promise<Formatter> => (await import('./sarif.js')).formatSarif,
  html: async (): Promise<AsyncFormatter> => (await import('./html/format-html.js')).formatHtml,
  xlsx: async (): Promise<AsyncFormatter> => (await import('./xlsx-report.js')).formatXlsx,
} satisfies Record<string, () => Promise<Formatter | AsyncFormatter>>;

/** Formats a file receives as UTF-8 chunks (`ChunkOutput`): their formatter's text without a string per piece. */
export const chunkLoaders: Partial<Record<FormatName, () => Promise<ChunkFormatter>>> = {
  json: async () => (await import('./json.js')).jsonChunks,
  junit: async () => (await import('./junit.js')).junitChunks,
  sarif: async () => (await import('./sarif.js')).sarifChunks,
  text: async () => (await import('./text.js')).textChunks,
  github: async () => (await import('./github.js')).githubChunks,
  csv: async () => (await import('./csv.js')).csvChunks,
  // The table and Markdown without colour: their formatters' own pieces, encoded as they come.
  table: async () => (await import('./table.js')).tableChunks,
  markdown: async () => (await import('./markdown.js')).markdownChunks,
};

/** The name of an output format. */
export type FormatName = keyof typeof formatLoaders;

/** The formatter of format `name`, its module loaded on first use. */
export function loadFormatter(name: FormatName): Promise<Formatter | AsyncFormatter> {
  return formatLoaders[name]();
}

/** Formats whose output is read by programs: never coloured. */
export const MACHINE_FORMATS: ReadonlySet<FormatName> = new Set<FormatName>(['json', 'csv', 'junit', 'github', 'sarif']);

/** Formats that take the listed results as `FormatOptions.results` (judged again as reached); the others read `report.results`. */
export const STREAMED_FORMATS: ReadonlySet<FormatName> = new Set<FormatName>(['table', 'summary', 'text', 'json', 'csv', 'markdown', 'junit', 'github', 'sarif']);

/** Formats whose output is bytes, never written to a terminal: they need `-o FILE`. */
export const BINARY_FORMATS: ReadonlySet<FormatName> = new Set<FormatName>(['xlsx']);

/** True when `name` is a known format. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatLoaders, name);
}
