// Numbers as people read them in a report: rounded for display from the exact figures.
import type { Result } from '../report/types.js';

/** Decimal places of a number as written (3.4 → 1), at most 4. */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x)) return 0;
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

/** A number for display: up to 4 decimals without binary noise, a plus sign when asked. */
export function displayNumber(x: number | null | undefined, signed = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  const rounded = Number(x.toFixed(4));
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return signed && rounded > 0 ? `+${text}` : text;
}

/** A number with exactly `decimals` places (no exponent for plain sizes). */
export function fixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return '—';
  const text = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A share (0.578) as a percentage with `decimals` places (57.8). */
export function percent(share: number, decimals: number): string {
  return fixed(share * 100, decimals);
}
