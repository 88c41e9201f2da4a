import { formatMessage, type Lang } from '../messages.js';
import type { Kind, Op } from '../plan/types.js';
import { escapeControls } from './sanitize.js';

/** The parts of a target needed to put it in words. */
export interface TargetTerms {
  kind: Kind;
  op: Op;
  value: number | [number, number] | null;
  unit: string;
}

const SYMBOLS: Partial<Record<Op, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '~': '≈' };

/** A target in words, as a table cell: `≥ 3.4 %`, `3–5 个`, `年均增长 ≥ 20 %`, `完成`. */
export function describeTarget(target: TargetTerms, lang: Lang): string {
  const { op, value, unit, kind } = target;
  if (op === 'done') return formatMessage('word.done', {}, lang);
  if (op === 'increase' || op === 'decrease') return formatMessage(`word.${op}`, {}, lang);
  const amount = Array.isArray(value) ? `${value[0]}–${value[1]}` : `${SYMBOLS[op] ?? op} ${value ?? ''}`;
  const text = unit ? `${amount} ${unit}` : amount;
  const prefix = KIND_WORDS[kind];
  return prefix ? `${formatMessage(prefix, {}, lang)} ${text}` : text;
}

const KIND_WORDS: Partial<Record<Kind, 'word.growth' | 'word.change' | 'word.per-year' | 'word.yearly-mean' | 'word.total'>> = {
  cagr: 'word.growth',
  change: 'word.change',
  annual: 'word.per-year',
  average: 'word.yearly-mean',
  cumulative: 'word.total',
};

/** Text from a user's file made safe for a terminal: the one rule of `escapeControls`. */
export const sanitize = escapeControls;

/** A number as a report cell: up to 4 decimals, no binary noise, no exponent for plain sizes. */
export function formatNumber(x: number | null | undefined, signed = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  const rounded = Number(x.toFixed(4));
  const text = String(rounded);
  return signed && rounded > 0 ? `+${text}` : text;
}
