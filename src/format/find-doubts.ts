import { formatMessage, type Lang, type MessageCode } from '../messages.js';
import type { FigureRef, Report, Result } from '../report/types.js';

/** The results whose figure the tool itself doubts (a reader's warning on its row, a roll-up that disagrees), worded for a mark beside the status. */
export interface FigureDoubts {
  /** How many warnings can mark a result; 0: no result is marked (the common case, one test per result). */
  readonly size: number;
  /** `⚠ 数值疑似单位错误` for a doubted result, '' otherwise. */
  of(result: Result, lang: Lang): string;
}

/** A reader's warning about one figure: where it was, which target, what it says. */
interface RowWarning {
  file: string;
  id: string;
  code: string;
  /** The figure it is about, when it names one: a wide table has a row of figures (years) of one target. */
  value: number | null;
}

// The short words a mark uses, by the warning's code; any other warning reads `doubt.other`.
const DOUBT_WORDS = new Map<string, MessageCode>([
  ['warning.scale-off', 'doubt.scale-off'],
  ['warning.fraction-for-percent', 'doubt.fraction-for-percent'],
  ['warning.name-differs', 'doubt.name-differs'],
  ['warning.form-target-differs', 'doubt.form-target-differs'],
  ['roll-up', 'doubt.roll-up'],
]);

const NONE: FigureDoubts = { size: 0, of: () => '' };

// One index per report: every format of a run asks the same report.
const KNOWN = new WeakMap<Report, FigureDoubts>();

/**
 * The doubts of a report: a result is marked when a reader's warning (report.inputs[].notices of
 * severity warning naming its target) sits on the row of a figure it rests on (its actual, or the
 * baseline or latest figure of its progress), or when the roll-up check of its region and target
 * warns (the county figure is not the towns' sum; docs/regions.md).
 */
export function findDoubts(report: Report): FigureDoubts {
  let doubts = KNOWN.get(report);
  if (!doubts) KNOWN.set(report, (doubts = indexDoubts(report)));
  return doubts;
}

function indexDoubts(report: Report): FigureDoubts {
  // By row number first: a number key needs no string built per result.
  const byRow = new Map<number, RowWarning[]>();
  let size = 0;
  for (const input of report.inputs) {
    for (const notice of input.notices ?? []) {
      const id = notice.params.id;
      if (notice.severity !== 'warning' || typeof id !== 'string' || notice.line === undefined) continue;
      let list = byRow.get(notice.line);
      if (!list) byRow.set(notice.line, (list = []));
      list.push({ file: notice.file, id, code: notice.code, value: typeof notice.params.value === 'number' ? notice.params.value : null });
      size++;
    }
  }
  // Roll-ups by target id, then region: the region names come from input (a Map, never an object).
  const rollUps = new Map<string, Map<string, number>>();
  for (const check of report.checks ?? []) {
    if (check.kind !== 'roll-up' || check.severity !== 'warning') continue;
    let regions = rollUps.get(check.id);
    if (!regions) rollUps.set(check.id, (regions = new Map()));
    regions.set(check.region, check.year);
    size++;
  }
  if (size === 0) return NONE;
  const words = new Map<string, string>();
  return {
    size,
    of(result, lang) {
      const codes: string[] = [];
      const look = (ref: FigureRef | null | undefined): void => {
        if (!ref || ref.row === null || ref.file === null) return;
        for (const warning of byRow.get(ref.row) ?? []) {
          if (warning.id !== result.id || warning.file !== ref.file || codes.includes(warning.code)) continue;
          // A warning about one figure of a row (one year of a wide table) doubts that figure only.
          if (warning.value === null || sameFigure(warning.value, ref.value)) codes.push(warning.code);
        }
      };
      if (byRow.size > 0) {
        look(result.actual);
        look(result.progress?.latest);
        look(result.progress?.baseline);
      }
      const year = rollUps.get(result.id)?.get(result.region);
      if (year !== undefined && (result.actual === null || result.actual.year === year)) codes.push('roll-up');
      if (codes.length === 0) return '';
      const key = `${lang}\u0000${codes.join('\u0000')}`;
      let text = words.get(key);
      if (text === undefined) {
        const phrases = [...new Set(codes.map((code) => formatMessage(DOUBT_WORDS.get(code) ?? 'doubt.other', {}, lang)))];
        text = `⚠ ${phrases.join(lang === 'zh' ? '、' : '; ')}`;
        words.set(key, text);
      }
      return text;
    },
  };
}

function sameFigure(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
