import type { Target } from '../plan/types.js';

/** Rounds away binary noise (0.1 + 0.2) so that decimal figures compare as written. */
export function clean(x: number): number {
  // Whole numbers carry no binary noise; the string round trip is for fractions only.
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(12));
}

/** The band a `~` or `range` target accepts, with edges rounded as decimals. */
export function band(target: Target, defaultTolerance: number): [number, number] | null {
  const { op, value } = target;
  if (op === 'range' && Array.isArray(value)) return value;
  if (op === '~' && typeof value === 'number') {
    const tolerance = target.tolerance ?? defaultTolerance;
    const spread = Math.abs(value) * tolerance;
    return [clean(value - spread), clean(value + spread)];
  }
  return null;
}

/**
 * True when `actual` satisfies the target's comparator, exactly at the boundary. Figures read
 * from decimal text are the nearest doubles of what was written and compare as written;
 * computed values (rates, means, changes) must be passed through `clean` first.
 */
export function meets(actual: number, target: Target, defaultTolerance: number): boolean {
  const a = actual;
  const { op, value } = target;
  if (op === 'range' || op === '~') {
    const edges = band(target, defaultTolerance);
    return edges !== null && a >= edges[0] && a <= edges[1];
  }
  if (op === 'done') return a === 1;
  if (typeof value !== 'number') return false;
  switch (op) {
    case '>=': return a >= value;
    case '>': return a > value;
    case '<=': return a <= value;
    case '<': return a < value;
    case '==': return a === value;
    default: return false;
  }
}

/**
 * How far `actual` is from the target, in its unit, signed so that ≥ 0 is good: margin above a
 * floor or below a ceiling; distance outside a band or from an exact value as a negative number.
 */
export function gapOf(actual: number, target: Target, defaultTolerance: number): number | null {
  const { op, value } = target;
  if (op === 'range' || op === '~') {
    const edges = band(target, defaultTolerance);
    if (!edges) return null;
    if (actual < edges[0]) return clean(actual - edges[0]);
    if (actual > edges[1]) return clean(edges[1] - actual);
    return 0;
  }
  if (typeof value !== 'number') return null;
  switch (op) {
    case '>=':
    case '>':
      return clean(actual - value);
    case '<=':
    case '<':
      return clean(value - actual);
    case '==':
      return clean(-Math.abs(actual - value));
    default:
      return null;
  }
}

/**
 * Actual as a share of the target: actual ÷ value for floors and exact values, value ÷ actual
 * for ceilings (≥ 1 means within the ceiling), 1 inside a band, else the nearer edge ÷ actual.
 */
export function attainmentOf(actual: number, target: Target, defaultTolerance: number): number | null {
  const { op, value } = target;
  if (op === 'done') return actual === 1 ? 1 : 0;
  if (op === 'range' || op === '~') {
    const edges = band(target, defaultTolerance);
    if (!edges) return null;
    if (actual >= edges[0] && actual <= edges[1]) return 1;
    const edge = actual < edges[0] ? edges[0] : edges[1];
    return actual === 0 || edge === 0 ? null : clean(actual < edges[0] ? actual / edge : edge / actual);
  }
  if (typeof value !== 'number') return null;
  if (op === '<=' || op === '<') return actual > 0 && value >= 0 ? clean(value / actual) : null;
  return value > 0 ? clean(actual / value) : null;
}

/** The single value a target aims at: the value, or for a band the edge nearest to `from`. */
export function aimOf(target: Target, from: number, defaultTolerance: number): number | null {
  const edges = band(target, defaultTolerance);
  if (edges) return from < edges[0] ? edges[0] : edges[1];
  return typeof target.value === 'number' ? target.value : null;
}
