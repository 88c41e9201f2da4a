import type { Formatter } from './formatter.js';
import { formatJson } from './json.js';
import { formatSummary } from './summary.js';
import { formatTable } from './table.js';

/** Every output format by name: the list of `--format` choices is this table's keys. */
export const formatters = {
  table: formatTable,
  summary: formatSummary,
  json: formatJson,
} satisfies Record<string, Formatter>;

/** The name of an output format. */
export type FormatName = keyof typeof formatters;

/** Formats whose output is read by programs: never coloured, never sanitised for a terminal. */
export const MACHINE_FORMATS: ReadonlySet<FormatName> = new Set<FormatName>(['json']);

/** True when `name` is a known format. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}
