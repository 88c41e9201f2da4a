import Big from 'big.js';
import type { Target } from '../plan/types.js';
import { differenceOfParts, fastQuotient, figureParts, quotientOfParts, type Parts } from './exact-decimal.js';

/**
 * Rounds a computed value (a rate from a root, a mean) to 12 significant digits: the one
 * precision at which computed values are both shown and compared (docs/progress.md).
 */
export function clean(x: number): number {
  // Whole numbers carry no binary noise; the string round trip is for fractions only.
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(12));
}

// A constructor of its own, so that no other module's settings reach it: quotients keep 40
// decimal places before they are rounded or truncated (the default, 20, would lose 1e-25 ÷ 3).
const Dec = Big();
Dec.DP = 40;

/**
 * A figure as the decimal it was written as (the shortest decimal that reads back as it). A
 * result that overflowed a double on the way (figures near 1e308, or a ratio to one near 5e-324:
 * both valid cells) is taken as the largest double of its sign, as `toNumber` gives it.
 */
export function decimal(x: number): Big {
  return new Dec(Number.isFinite(x) || Number.isNaN(x) ? x : x > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE);
}

/**
 * A decimal result as a number; exact for sums and differences of figures as written. Beyond
 * the largest double it is that double (rounded toward zero, never Infinity).
 */
export function toNumber(x: Big): number {
  return finiteOf(Number(x.toString()));
}

/** A number rounded toward zero into the doubles' finite range. */
function finiteOf(x: number): number {
  return x === Infinity ? Number.MAX_VALUE : x === -Infinity ? -Number.MAX_VALUE : x;
}

/**
 * A quotient rounded toward zero at 15 significant digits: a share below 1 never shows as 1 and
 * one at or above 1 never below it, so a shown share agrees with the status it explains.
 */
export function truncated(x: Big): number {
  if (x.eq(0)) return 0;
  return finiteOf(Number(x.prec(15, Big.roundDown).toString()));
}

/** `a ÷ b` in decimal, truncated as `truncated` says; null when `b` is 0. */
export function quotient(a: number | Big, b: number | Big): number | null {
  // Figures of up to 15 digits divide exactly in whole numbers, far faster than big.js.
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) return null;
    const fast = fastQuotient(a, b);
    if (fast !== undefined) return fast;
  }
  const divisor = typeof b === 'number' ? decimal(b) : b;
  if (divisor.eq(0)) return null;
  return truncated((typeof a === 'number' ? decimal(a) : a).div(divisor));
}

/** The band a `~` or `range` target accepts; `~` edges are value ∓ |value| × tolerance in decimal. */
export function band(target: Target, defaultTolerance: number): [number, number] | null {
  const { op, value } = target;
  if (op === 'range' && Array.isArray(value)) return value;
  if (op === '~' && typeof value === 'number') {
    const tolerance = target.tolerance ?? defaultTolerance;
    const known = bands.get(target);
    if (known && known.tolerance === tolerance) return known.edges;
    const spread = decimal(value).abs().times(decimal(tolerance));
    const edges: [number, number] = [toNumber(decimal(value).minus(spread)), toNumber(decimal(value).plus(spread))];
    bands.set(target, { tolerance, edges });
    return edges;
  }
  return null;
}

// Edges are computed once per target: a large run compares every region's figure with them.
const bands = new WeakMap<Target, { tolerance: number; edges: [number, number] }>();

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

/** `meets` for one target, worked out once: a run applies it to the figure of every region. */
export function meetsFor(target: Target, defaultTolerance: number): (actual: number) => boolean {
  const { op, value } = target;
  if (op === 'range' || op === '~') {
    const edges = band(target, defaultTolerance);
    if (edges === null) return () => false;
    const [low, high] = edges;
    return (a) => a >= low && a <= high;
  }
  if (op === 'done') return (a) => a === 1;
  if (typeof value !== 'number') return () => false;
  switch (op) {
    case '>=': return (a) => a >= value;
    case '>': return (a) => a > value;
    case '<=': return (a) => a <= value;
    case '<': return (a) => a < value;
    case '==': return (a) => a === value;
    default: return () => false;
  }
}

/**
 * How far `actual` is from the target, in its unit, signed so that ≥ 0 is good: margin above a
 * floor or below a ceiling; distance outside a band or from an exact value as a negative number.
 * Computed in decimal, so the gap is the exact difference of the figures shown.
 */
export function gapOf(actual: number, target: Target, defaultTolerance: number): number | null {
  return decimalTermsOf(target, defaultTolerance).gap(actual);
}

/**
 * Actual as a share of the target: actual ÷ value for floors and exact values, value ÷ actual
 * for ceilings (≥ 1 means within the ceiling), 1 inside a band, else the nearer edge ÷ actual.
 * Decimal quotients truncated toward zero, so a share under 1 is never shown as 1.
 */
export function attainmentOf(actual: number, target: Target, defaultTolerance: number): number | null {
  return decimalTermsOf(target, defaultTolerance).attainment(actual);
}

// A target's decimals worked out once (as its band's edges are): a result judged in full asks
// for its gap and its attainment, and a large run judges thousands against one target.
const decimalsByTarget = new WeakMap<Target, TargetDecimals>();

/** The `TargetDecimals` of a target under a default tolerance, made once per target and tolerance. */
export function decimalTermsOf(target: Target, defaultTolerance: number): TargetDecimals {
  let known = decimalsByTarget.get(target);
  if (known === undefined || known.defaultTolerance !== defaultTolerance) decimalsByTarget.set(target, (known = new TargetDecimals(target, defaultTolerance)));
  return known;
}

// How a target's terms give a gap and an attainment (TargetDecimals).
const NONE = 0;
const BAND = 1;
const DONE = 2;
const FLOOR = 3;
const CEILING = 4;
const EXACTLY = 5;
/** A number with another comparator (a trend's): no gap, the attainment of a floor. */
const OTHER = 6;

/**
 * A target's terms read once for the gap (`gapOf`) and attainment (`attainmentOf`) of many
 * figures: its value's or band edges' decimals (`figureParts`) worked out when it is made, so a
 * caller that has a figure's parts already (the store's short decimals) hands them in.
 */
export class TargetDecimals {
  private readonly form: number;
  /** The value, or a band's low edge; a band's high edge; and their parts. */
  private readonly low: number = 0;
  private readonly high: number = 0;
  private readonly lowParts: Parts | undefined;
  private readonly highParts: Parts | undefined;

  constructor(
    readonly target: Target,
    readonly defaultTolerance: number,
  ) {
    const { op, value } = target;
    if (op === 'range' || op === '~') {
      const edges = band(target, defaultTolerance);
      this.form = edges ? BAND : NONE;
      if (edges) [this.low, this.high] = edges;
    } else if (op === 'done') this.form = DONE;
    else if (typeof value !== 'number') this.form = NONE;
    else {
      this.form = op === '>=' || op === '>' ? FLOOR : op === '<=' || op === '<' ? CEILING : op === '==' ? EXACTLY : OTHER;
      this.low = value;
    }
    this.lowParts = this.form === BAND || this.form >= FLOOR ? figureParts(this.low) : undefined;
    this.highParts = this.form === BAND ? figureParts(this.high) : undefined;
  }

  /** `gapOf` of a figure, `parts` its `figureParts`. */
  gap(actual: number, parts: Parts | undefined = figureParts(actual)): number | null {
    const { low, high } = this;
    switch (this.form) {
      case BAND:
        if (actual < low) return difference(actual, parts, low, this.lowParts);
        if (actual > high) return difference(high, this.highParts, actual, parts);
        return 0;
      case FLOOR:
        return difference(actual, parts, low, this.lowParts);
      case CEILING:
        return difference(low, this.lowParts, actual, parts);
      case EXACTLY: {
        const off = Math.abs(difference(actual, parts, low, this.lowParts));
        return off === 0 ? 0 : -off;
      }
      default:
        return null;
    }
  }

  /** `attainmentOf` of a figure, `parts` its `figureParts`. */
  attainment(actual: number, parts: Parts | undefined = figureParts(actual)): number | null {
    const { low, high } = this;
    switch (this.form) {
      case DONE:
        return actual === 1 ? 1 : 0;
      case BAND: {
        if (actual >= low && actual <= high) return 1;
        const below = actual < low;
        const edge = below ? low : high;
        if (actual === 0 || edge === 0) return null;
        const edgeParts = below ? this.lowParts : this.highParts;
        return below ? quotientWith(actual, parts, edge, edgeParts) : quotientWith(edge, edgeParts, actual, parts);
      }
      case CEILING:
        return actual > 0 && low >= 0 ? quotientWith(low, this.lowParts, actual, parts) : null;
      case FLOOR:
      case EXACTLY:
      case OTHER:
        return low > 0 ? quotientWith(actual, parts, low, this.lowParts) : null;
      default:
        return null;
    }
  }
}

/** `a − b` in decimal (`a`, `b` with their parts): exact whole numbers for figures of up to 15 digits, else big.js. */
function difference(a: number, aParts: Parts | undefined, b: number, bParts: Parts | undefined): number {
  return differenceOfParts(aParts, bParts) ?? toNumber(decimal(a).minus(decimal(b)));
}

/** `quotient` of two figures with their parts. */
function quotientWith(a: number, aParts: Parts | undefined, b: number, bParts: Parts | undefined): number | null {
  if (b === 0) return null;
  return quotientOfParts(aParts, bParts) ?? truncated(decimal(a).div(decimal(b)));
}

/** The single value a target aims at: the value, or for a band the edge nearest to `from`. */
export function aimOf(target: Target, from: number, defaultTolerance: number): number | null {
  const edges = band(target, defaultTolerance);
  if (edges) return from < edges[0] ? edges[0] : edges[1];
  return typeof target.value === 'number' ? target.value : null;
}

/**
 * Which side of the target a figure is on: 0 on the right side (it meets the target), −1 below
 * a floor or band or exact value, +1 above a ceiling or band or exact value.
 */
export function sideOf(actual: number, target: Target, defaultTolerance: number): -1 | 0 | 1 {
  if (meets(actual, target, defaultTolerance)) return 0;
  const { op } = target;
  if (op === '>=' || op === '>') return -1;
  if (op === '<=' || op === '<') return 1;
  const aim = aimOf(target, actual, defaultTolerance);
  if (aim === null) return 0;
  return actual < aim ? -1 : 1;
}
