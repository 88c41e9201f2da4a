import { STATUSES, type Status } from '../report/types.js';

/** How a status looks in the leadership reports: a shape that survives grey-scale printing, and colours. */
export interface StatusStyle {
  /** A symbol every CJK font has (GB 2312), shown beside the status word. */
  symbol: string;
  /** Background fill, `#rrggbb`. */
  fill: string;
  /** Text colour on that fill, `#rrggbb`. */
  ink: string;
}

const GOOD = { fill: '#C6EFCE', ink: '#006100' };
const WATCH = { fill: '#DDEBF7', ink: '#1F4E79' };
const BEHIND = { fill: '#FFEB9C', ink: '#7A4500' };
const BAD = { fill: '#FFC7CE', ink: '#9C0006' };
const NONE = { fill: '#EDEDED', ink: '#3F3F3F' };

/** Symbol and colours of every status. */
export const STATUS_STYLES: Record<Status, StatusStyle> = {
  met: { symbol: '√', ...GOOD },
  achieved: { symbol: '★', ...GOOD },
  on_track: { symbol: '●', ...GOOD },
  moderate: { symbol: '◎', ...WATCH },
  insufficient: { symbol: '△', ...BEHIND },
  moving_away: { symbol: '↓', ...BAD },
  not_met: { symbol: '×', ...BAD },
  pending: { symbol: '○', ...NONE },
  no_data: { symbol: '◇', ...NONE },
  not_assessable: { symbol: '□', ...NONE },
};

/** Statuses counted as met or on track (达标或符合进度) in the leadership reports' shares. */
export const GOOD_STATUSES: ReadonlySet<Status> = new Set<Status>(['met', 'achieved', 'on_track']);

/** Statuses that judge nothing (no figure, no way to judge, not due): left out of every share. */
export const UNJUDGED_STATUSES: ReadonlySet<Status> = new Set<Status>(['no_data', 'not_assessable', 'pending']);

/** What a count in the leadership reports is of: a status, or towns not judged (无分解目标, apart from 无法评估). */
export type CountKey = Status | 'not_judged';

/** Every count key in the order the reports show them: the statuses, then towns not judged. */
export const COUNT_KEYS: readonly CountKey[] = [...STATUSES, 'not_judged'];

/** Symbol and colours of a count: a status's, or the matrix's `·` for towns not judged. */
export function countStyle(key: CountKey): StatusStyle {
  return key === 'not_judged' ? { symbol: '·', ...NONE } : STATUS_STYLES[key];
}
