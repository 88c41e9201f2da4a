import type { Target } from '../plan/types.js';
import type { ListedCell } from '../report/listed-results.js';
import { aboveCell, type DigitWords } from './cell-figure-words.js';
import { decimalsOf } from './display-number.js';

// The numbers of a final level's off-track sentence as digits, all slots of one cell at once:
// what `cellFigureWords` (cell-figure-words.ts) gives slot by slot (a property test holds them
// equal), with the figure's and the gap's short decimals found once per cell and the target's
// places once per target, rather than once per slot.

const POW10 = [1, 10, 100, 1000, 10000];
/** 10 ** -places, as `10 ** -places` gives it. */
const UNITS = Array.from({ length: 16 }, (_, places) => 10 ** -places);
const MAX_MANTISSA = 1e15;

/** The mantissa `shortDecimals` found last. */
let found = 0;

/** As cell-figure-words.ts: the places of x as String writes it when a plain decimal of ≤ 4 places and 15 digits (mantissa in `found`); -1 otherwise. */
function shortDecimals(x: number): number {
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
    if (mantissa / scale === magnitude) {
      found = mantissa;
      return k;
    }
  }
  return -1;
}

/** `targetDecimals` of a target, as cell-figure-words.ts works it out. */
export function targetPlaces(target: Target): number {
  const { value } = target;
  return Array.isArray(value) ? Math.max(decimalsOf(value[0]), decimalsOf(value[1])) : typeof value === 'number' ? decimalsOf(value) : 0;
}

function set(into: DigitWords, sign: -1 | 0 | 1, mantissa: number, places: number, percent: boolean): void {
  into.sign = sign;
  into.mantissa = mantissa;
  into.places = places;
  into.percent = percent;
}

/**
 * The digits of each numbered slot of `slots` (1 actual, 2 gap, 3 shortfall, 4 attainment, 5
 * missed; 0, the region, and an attainment of none are skipped) into `words[slot]`, for a
 * final-level cell with an actual whose target has `places` (`targetPlaces`); false when one of
 * them must be worded the general way (then `words` means nothing).
 */
export function cellDigits(cell: ListedCell, slots: Int8Array, places: number, words: readonly DigitWords[]): boolean {
  const value = cell.value;
  const gap = cell.gap;
  const valueK = shortDecimals(value);
  const valueM = found;
  // The gap's digits at the figures' places, found when a slot first needs them.
  let fixedPlaces = -1;
  let gapMantissa = -1;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    if (slot === 1 || slot === 5) {
      // showActual words a figure in full when its gap is not 0 but rounds to 0 at 4 decimals.
      if (slot === 1 && gap !== null && gap !== 0 && Math.abs(gap) < 0.0001) return false;
      if (valueK < 0) return false;
      set(words[slot]!, value < 0 && valueM !== 0 ? -1 : 0, valueM, valueK, false);
    } else if (slot === 2 || slot === 3) {
      if (gap === null) return false;
      if (gapMantissa < 0) {
        fixedPlaces = Math.max(places, valueK >= 0 ? valueK : decimalsOf(value));
        // fixedBeside widens a number whose gap rounds to 0 at these places.
        if (gap !== 0 && Math.abs(gap) < (fixedPlaces < UNITS.length ? UNITS[fixedPlaces]! : 10 ** -fixedPlaces)) return false;
        const k = shortDecimals(Math.abs(gap));
        if (k < 0 || k > fixedPlaces) return false;
        gapMantissa = found * POW10[fixedPlaces - k]!;
        if (!(gapMantissa < 2 ** 52 / 16)) return false;
      }
      if (slot === 3) set(words[3]!, 0, gapMantissa, fixedPlaces, false);
      else {
        // A band reads from the target: above it is +, below it −, whatever way the gap is measured.
        const { op } = cell.target;
        const signed = (op === '~' || op === 'range') && aboveCell(cell) ? Math.abs(gap) : gap;
        set(words[2]!, gapMantissa === 0 ? 0 : signed < 0 ? -1 : 1, gapMantissa, fixedPlaces, false);
      }
    } else if (slot === 4) {
      const share = cell.attainment;
      if (share === null) continue;
      const hundred = share * 100;
      const magnitude = Math.abs(hundred);
      if (!(magnitude < 1e9)) return false;
      // toFixed(1) takes the tenth nearest the double: the rounded tenths, unless near a half.
      const tenths = Math.round(magnitude * 10);
      if (Math.abs(magnitude * 10 - tenths) > 0.49) return false;
      // percent keeps a share below 1 off 100.0.
      if (share < 1 && hundred >= 0 && tenths >= 1000) return false;
      set(words[4]!, hundred < 0 && tenths !== 0 ? -1 : 0, tenths, 1, true);
    } else if (slot !== 0) return false;
  }
  return true;
}
