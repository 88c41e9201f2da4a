/** The outcome of reading one cell as a figure. */
export type CellReading =
  | { kind: 'missing' }
  | {
      kind: 'number';
      value: number;
      digits: string;
      percent: '%' | '‰' | '‱' | null;
      unit: string | null;
      /** Words in brackets after the figure: 374（预计） is 374 with the note 预计. */
      note?: string;
    }
  | { kind: 'invalid' };

/** Cell texts that mean "no figure", never zero. */
const MISSING = new Set([
  '', '-', '--', '—', '——', '–', '/', '\\', '…', '...', '……', 'n/a', 'na', '#n/a', 'null', 'none',
  '无', '暂无', '暂缺', '空', '缺', '缺失', '未统计', '待统计', '暂未统计', '不适用', '待定', '无数据', '暂无数据',
]);

/** True when a cell's text is one of the words or marks for "no figure". */
export function isMissingText(raw: string): boolean {
  return MISSING.has((isAscii(raw) ? raw : raw.normalize('NFKC')).trim().toLowerCase());
}

// A note in brackets after a figure: "374（预计）", "374 (快报)". NFKC has made the brackets ASCII.
const NOTE = /^(.*?\S)\s*\(([^()]*)\)$/;

// Sign, integer part with optional thousands groups, fraction, then an optional percent sign and unit.
// Written out so that nothing is read from a prefix the way parseFloat would ("12abc" is not 12).
const NUMBER = /^([+-]?)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*([%‰‱])?\s*((?:[^\d\s+\-.,%‰‱]\D*)?)$/;

const PLAIN = /^-?\d+(?:\.\d+)?$/;

// An approximate figure: 约 or 大约 before it, or 左右 after it (as plans write 6%左右).
const APPROXIMATE = /^(?:大?约\s*(\S.*)|(.*\S)\s*左右)$/;

// Made when a cell first has a unit: a Unicode script class costs ICU's set of Han characters
// (about a millisecond at start-up), which a file of plain figures never needs.
let cellUnit: RegExp | undefined;
const CELL_UNIT = { test: (unit: string): boolean => (cellUnit ??= /^[\p{Script=Han}()（）/²]+$/u).test(unit) };

/** Reads a cell as people type figures: "1,200", "3.4%", "３．４", "- 5", "250亿元", blank. */
export function parseCell(raw: string): CellReading {
  // Most cells are plain decimals ("840.97", "-5"): the full grammar below reads them the same way.
  if (PLAIN.test(raw)) return { kind: 'number', value: Number(raw), digits: raw, percent: null, unit: null };
  // Full-width digits, points and percent signs become ASCII; plain ASCII skips the work.
  const text = (isAscii(raw) ? raw : raw.normalize('NFKC')).trim();
  if (MISSING.has(text.toLowerCase())) return { kind: 'missing' };
  // "约260", "大约260" and "260左右" are 260, noted as approximate.
  const about = APPROXIMATE.exec(text);
  if (about) {
    const inner = parseCell(about[1] ?? about[2] ?? '');
    return inner.kind === 'number' ? { ...inner, note: inner.note ? `约; ${inner.note}` : '约' } : inner;
  }
  const noted = NOTE.exec(text);
  if (noted) {
    const inner = parseCell(noted[1] ?? '');
    const note = (noted[2] ?? '').trim();
    return inner.kind === 'number' && note !== '' ? { ...inner, note } : { kind: 'invalid' };
  }
  const match = NUMBER.exec(text);
  if (!match) return { kind: 'invalid' };
  const sign = match[1] === '-' ? '-' : '';
  const digits = sign + (match[2] ?? '').replace(/,/g, '');
  const unit = (match[4] ?? '').trim();
  // A unit written in the cell is Chinese (250亿元); "3.4x" is a typo, not a unit.
  if (unit !== '' && (match[3] !== undefined || !CELL_UNIT.test(unit))) return { kind: 'invalid' };
  return {
    kind: 'number',
    value: Number(digits),
    digits,
    percent: (match[3] as '%' | '‰' | '‱' | undefined) ?? null,
    unit: unit === '' ? null : unit,
  };
}

const YES = new Set(['是', '已完成', '完成', '已实现', '实现', '达成', '已达成', '达标', '已达标', 'yes', 'y', 'true', 'done', '1', '✓', '✔', '√']);
const NO = new Set(['否', '未完成', '未实现', '未达成', '未达标', '不达标', 'no', 'n', 'false', 'not done', '0', '✗', '✘', '×']);

/** Reads a milestone cell: 1 for done, 0 for not done, null for no figure, undefined when unreadable. */
export function parseYesNo(raw: string): 1 | 0 | null | undefined {
  const text = (isAscii(raw) ? raw : raw.normalize('NFKC')).trim().toLowerCase();
  if (YES.has(text)) return 1;
  if (NO.has(text)) return 0;
  if (MISSING.has(text)) return null;
  return undefined;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
