// Numbers as people read them in a report: rounded for display from the exact figures.
import Big from 'big.js';
import type { Result } from '../report/types.js';
import { showNumber } from './show-number.js';

/** Decimal places of a number as written (3.4 → 1), at most 4. */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x)) return 0;
  // Most figures have 4 decimals or fewer and no exponent: their own text says how many.
  const own = String(x);
  const point = own.indexOf('.');
  if (point < 0 && !own.includes('e')) return 0;
  if (point >= 0 && own.length - point - 1 <= 4 && !own.includes('e')) return own.length - point - 1;
  const text = String(Number(x.toFixed(4)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(4, text.length - dot - 1);
}

/** The target's own precision: the decimals of its figure (or of a range's ends). */
export function targetDecimals(result: Result): number {
  const { value } = result;
  if (Array.isArray(value)) return Math.max(decimalsOf(value[0]), decimalsOf(value[1]));
  return typeof value === 'number' ? decimalsOf(value) : 0;
}

/** A number for display: up to 4 decimals without binary noise, a plus sign when asked; never 0 when it is not (`showNumber`). */
export function displayNumber(x: number | null | undefined, signed = false): string {
  return showNumber(x, signed);
}

/** A number with exactly `decimals` places (no exponent for plain sizes). */
export function fixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return '—';
  const text = x.toFixed(decimals);
  return text.charCodeAt(0) === 45 && text.charCodeAt(1) === 48 && /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * A share (0.578) as a percentage with `decimals` places (57.8). A share below 1 never reads as
 * 100 (0.99999999999997 reads 99.9, not 100.0), so "short of the target" never stands beside 100 %.
 */
export function percent(share: number, decimals: number): string {
  const text = fixed(share * 100, decimals);
  if (share < 1 && Number(text) >= 100) {
    const scale = 10 ** decimals;
    return fixed(Math.floor(share * 100 * scale) / scale, decimals);
  }
  return text;
}

/**
 * A figure or gap with `decimals` places, except where rounding would put it on the target's line
 * while `gap` says it is not (docs/progress.md, one rule): then it gets the fewest more places
 * that keep it off the line (17.7 beside 18, 3.3999999999999 beside 3.4), so a status of "not
 * met" never stands beside a figure that reads as met or a gap that reads 0.
 */
export function fixedBeside(x: number, decimals: number, gap: number | null | undefined): string {
  const text = fixed(x, decimals);
  // A gap of at least one unit of the last place never rounds to 0: only small gaps need the rounding.
  const onLine = gap !== null && gap !== undefined && gap !== 0 && Math.abs(gap) < 10 ** -decimals && Number(fixed(gap, decimals)) === 0;
  if (!onLine || !Number.isFinite(x)) return text;
  // With more than one unit of the last place between it and the line, the rounded figure
  // (within half a unit of it) cannot reach the line.
  const size = Math.abs(gap);
  for (let places = decimals + 1; places <= 15; places++) {
    if (10 ** -places < size) return trimZeros(fixed(x, places), decimals);
  }
  return new Big(x).toFixed();
}

/** Drops trailing zeros after the decimal point, keeping at least `decimals` places. */
function trimZeros(text: string, decimals: number): string {
  const point = text.indexOf('.');
  if (point < 0) return text;
  let end = text.length;
  while (end > point + 1 + decimals && text.charCodeAt(end - 1) === 48) end--;
  return text.slice(0, end === point + 1 ? point : end);
}
