import type { Target } from '../plan/types.js';
import type { ListedCell } from '../report/listed-results.js';
import { decimalsOf } from './display-number.js';

// The numbers of an off-track sentence worded straight from a final level's cell, as digits:
// what `FIGURE_WORDS` gives for the cell's result (a test holds them equal), without a result
// object or a number's text made and read back. Each says false when it cannot be sure (a figure
// of more than 4 decimals or 15 digits, one near the target's line, a share near 100 %); the
// caller then words that number the general way.

/** A number's words as digits: a sign (-1 `-`, 0 none, 1 `+`), a whole mantissa, its decimal places, a `%` after it or not. */
export interface DigitWords {
  sign: -1 | 0 | 1;
  mantissa: number;
  places: number;
  percent: boolean;
}

/** 10 ** k for the places a short decimal has. */
export const POW10 = [1, 10, 100, 1000, 10000];
/** 10 ** -places for the places most figures have, as `10 ** -places` gives them (a power of a variable is a call). */
export const UNITS = Array.from({ length: 16 }, (_, places) => 10 ** -places);
/** Mantissas of at most 15 digits: two decimals that short never round to one double. */
const MAX_MANTISSA = 1e15;

/** The mantissa `shortDecimals` found last. */
let found = 0;

/** The mantissa the last `shortDecimals` that did not say -1 found. */
export function foundMantissa(): number {
  return found;
}

/**
 * The decimal places of a figure as String writes it when that is a plain decimal of at most 4
 * places and 15 digits (its mantissa left in `found`); -1 otherwise. -0 and 0 are `0`.
 */
export function shortDecimals(x: number): number {
  if (x === 0) {
    found = 0;
    return 0;
  }
  const magnitude = Math.abs(x);
  if (!(magnitude >= 1e-6 && magnitude < 1e15)) return -1;
  for (let k = 0; k <= 4; k++) {
    const scale = POW10[k]!;
    const mantissa = Math.round(magnitude * scale);
    if (mantissa >= MAX_MANTISSA) return -1;
    // The least k that reads back as the figure is the shortest decimal, which String writes.
    if (mantissa / scale === magnitude) {
      found = mantissa;
      return k;
    }
  }
  return -1;
}

/** `decimalsOf` (display-number.ts) without a text for a short figure. */
function placesOf(x: number): number {
  const k = shortDecimals(x);
  return k >= 0 ? k : decimalsOf(x);
}

const placesKept = new WeakMap<Target, number>();

/** `targetDecimals` of a target: the most places its value (or band's ends) are written with. */
export function targetPlaces(target: Target): number {
  const { value } = target;
  return Array.isArray(value) ? Math.max(decimalsOf(value[0]), decimalsOf(value[1])) : typeof value === 'number' ? decimalsOf(value) : 0;
}

/** `targetPlaces`, worked out once per target. */
function placesOfTarget(target: Target): number {
  let places = placesKept.get(target);
  if (places === undefined) {
    places = targetPlaces(target);
    placesKept.set(target, places);
  }
  return places;
}

/** For a band (`~`, range): true when the cell's figure lies above it (`aboveTarget` of its result). */
export function aboveCell(cell: ListedCell): boolean {
  const { value } = cell.target;
  if (Array.isArray(value)) return cell.value > value[1];
  return typeof value === 'number' && cell.value > value;
}

/** `showNumber(x)` (or `showActual(x, gap)` with the gap) as digits; false when it is not a plain short decimal or lies near the line. */
function plainWords(x: number, gap: number | null, into: DigitWords): boolean {
  // showActual words a figure in full when its gap is not 0 but rounds to 0 at 4 decimals.
  if (gap !== null && gap !== 0 && Math.abs(gap) < 0.0001) return false;
  const k = shortDecimals(x);
  if (k < 0) return false;
  into.sign = x < 0 && found !== 0 ? -1 : 0;
  into.mantissa = found;
  into.places = k;
  into.percent = false;
  return true;
}

/** `fixedBeside(x, places, gap)` as digits (a `+` before a positive `x` when `plus`); false unless `x` has at most `places` decimals and lies off the line. */
function fixedWords(x: number, places: number, gap: number | null, plus: boolean, into: DigitWords): boolean {
  // fixedBeside widens a number whose gap rounds to 0 at these places: left to it.
  if (gap !== null && gap !== 0 && Math.abs(gap) < (places < UNITS.length ? UNITS[places]! : 10 ** -places)) return false;
  const k = shortDecimals(x);
  if (k < 0 || k > places) return false;
  const mantissa = found * POW10[places - k]!;
  // toFixed of a decimal with no more places than asked is its digits when the double is that
  // near to them (|x| × 10^places well below 2^52: within half a unit of the last place).
  if (mantissa >= 2 ** 52 / 16) return false;
  into.sign = mantissa === 0 ? 0 : x < 0 ? -1 : plus ? 1 : 0;
  into.mantissa = mantissa;
  into.places = places;
  into.percent = false;
  return true;
}

/** `percent(share, 1)` and `%` as digits; false near a tie of the rounding, near 100 % or for a large share. */
export function percentWords(share: number, into: DigitWords): boolean {
  const hundred = share * 100;
  const magnitude = Math.abs(hundred);
  if (!(magnitude < 1e9)) return false;
  // toFixed(1) takes the tenth nearest the double share × 100: the rounded tenths, unless the
  // product lies so near a half that its rounding error could tip it (then toFixed is asked).
  const tenths = Math.round(magnitude * 10);
  if (Math.abs(magnitude * 10 - tenths) > 0.49) return false;
  // percent keeps a share below 1 off 100.0: left to it.
  if (share < 1 && hundred >= 0 && tenths >= 1000) return false;
  into.sign = hundred < 0 && tenths !== 0 ? -1 : 0;
  into.mantissa = tenths;
  into.places = 1;
  into.percent = true;
  return true;
}

/**
 * The words `FIGURE_WORDS[slot]` gives for the result of a final-level cell with an actual
 * (slots of off-track-sentences.ts: 1 actual, 2 gap, 3 shortfall, 4 attainment, 5 missed), as
 * digits into `into`; false (and `into` meaningless) when they must be worded the general way,
 * or for an attainment of none (`—`).
 */
export function cellFigureWords(slot: number, cell: ListedCell, into: DigitWords): boolean {
  switch (slot) {
    case 1:
      return plainWords(cell.value, cell.gap, into);
    case 2:
    case 3: {
      const gap = cell.gap;
      if (gap === null) return false;
      const places = Math.max(placesOfTarget(cell.target), placesOf(cell.value));
      if (slot === 3) return fixedWords(Math.abs(gap), places, gap, false, into);
      // A band reads from the target: above it is +, below it −, whatever way the gap is measured.
      const { op } = cell.target;
      const signed = (op === '~' || op === 'range') && aboveCell(cell) ? Math.abs(gap) : gap;
      return fixedWords(signed, places, signed, true, into);
    }
    case 4:
      return cell.attainment !== null && percentWords(cell.attainment, into);
    case 5:
      return plainWords(cell.value, null, into);
    default:
      return false;
  }
}

/** Digit words as text: what `ByteChunks.fixedPoint` writes (and `%` when asked for, as given). */
export function digitText(words: DigitWords, percentSign: string): string {
  let digits = String(words.mantissa);
  if (words.places > 0) {
    digits = digits.padStart(words.places + 1, '0');
    digits = `${digits.slice(0, -words.places)}.${digits.slice(-words.places)}`;
  }
  const sign = words.sign < 0 ? '-' : words.sign > 0 ? '+' : '';
  return `${sign}${digits}${words.percent ? percentSign : ''}`;
}
