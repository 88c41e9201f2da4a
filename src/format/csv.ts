import Papa from 'papaparse';
import { formatMessage } from '../messages.js';
import { describeTarget } from '../report/describe-target.js';
import type { Formatter } from './formatter.js';

/**
 * Text cells a spreadsheet would run as a formula (OWASP CSV injection): a leading `=`, `+`, `-`,
 * `@`, tab, CR or LF, or their full-width forms, which Excel also accepts.
 */
export const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/** Makes a text cell inert in a spreadsheet by prefixing a single quote when it could start a formula. */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * The gap table as CSV for Excel: UTF-8 with a BOM, CRLF line ends, one row per target and
 * region. Text cells are escaped against formula injection; numbers stay numbers.
 */
export const formatCsv: Formatter = (report, { lang }) => {
  const word = (code: Parameters<typeof formatMessage>[0]): string => formatMessage(code, {}, lang);
  const fields = [
    word('word.id'), word('word.region'), word('word.measure'), word('word.action'), word('word.indicator'), word('word.target'),
    word('word.unit'), word('word.year'), word('word.actual'), word('word.gap'), word('word.attainment'), word('word.status'), word('word.severity'),
  ];
  const data = report.results.map((r) => [
    r.id,
    r.region,
    r.measure ?? (r.goal !== null ? `G${r.goal}` : ''),
    r.action ?? '',
    lang === 'zh' ? r.indicator : r.indicatorEn,
    describeTarget(r, lang),
    r.unit,
    r.year,
    r.actual?.value ?? '',
    r.gap ?? '',
    r.attainment ?? '',
    word(`status.${r.status}`),
    word(`severity.${r.severity}`),
  ]);
  // Papa escapes only strings that match, so our numeric columns are never prefixed.
  return `\ufeff${Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: FORMULA_START })}\r\n`;
};
