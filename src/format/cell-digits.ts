import type { ListedCell } from '../report/listed-results.js';
import { aboveCell, foundMantissa, percentWords, POW10, shortDecimals, UNITS, type DigitWords } from './cell-figure-words.js';
import { decimalsOf } from './display-number.js';

// The numbers of a final level's off-track sentence as digits, all slots of one cell at once:
// what `cellFigureWords` (cell-figure-words.ts) gives slot by slot (a property test holds them
// equal), with the figure's and the gap's short decimals found once per cell and the target's
// places once per target, rather than once per slot.

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
  const valueM = foundMantissa();
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
        gapMantissa = foundMantissa() * POW10[fixedPlaces - k]!;
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
      if (!percentWords(share, words[4]!)) return false;
    } else if (slot !== 0) return false;
  }
  return true;
}
