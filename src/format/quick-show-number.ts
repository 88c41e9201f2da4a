import { showNumber } from './show-number.js';

const SCALE = [1, 10, 100, 1000, 10000];
const ZEROS = ['', '0', '00', '000', '0000', '00000'];

/**
 * `showNumber(x)` of a matrix cell's figure, without `String` of a fraction for the common one: a
 * figure below 10^11 in magnitude of at most 4 decimals is written from its digits as a whole
 * number (`Math.round(|x| × 10^k)` for the fewest decimals k that give x back exactly), which is
 * `String(x)`: below 10^11 no other decimal of k places or fewer reads back as x. Any other
 * figure is `showNumber`'s.
 */
export function quickShowNumber(x: number): string {
  const magnitude = x < 0 ? -x : x;
  if (magnitude < 1e11) {
    for (let k = 0; k <= 4; k++) {
      const scale = SCALE[k]!;
      const whole = Math.round(magnitude * scale);
      if (whole / scale !== magnitude) continue;
      let digits = String(whole);
      if (k > 0) {
        if (digits.length <= k) digits = ZEROS[k + 1 - digits.length]! + digits;
        digits = `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
      }
      return x < 0 ? `-${digits}` : digits;
    }
  }
  return showNumber(x);
}

/**
 * Appends `quickShowNumber(x)` of `x = figures[index]` to `buf` at `at` as ASCII, for a figure below 10^11 in magnitude of
 * at most 4 decimals (the digits written from the whole number, no string made); returns where it
 * ends, or -1, with nothing written, for any other figure. `buf` must have room for 18 bytes.
 *
 * One test instead of `quickShowNumber`'s five: if x is a decimal of k ≤ 4 places (|x| × 10^k
 * rounds to a whole w with w / 10^k = x), |x| × 10^4 rounds to w × 10^(4−k) (its error stays below
 * 0.25 under 10^15) and that divided by 10^4 is x again; so x has at most 4 places exactly when
 * `Math.round(|x| × 10^4) / 10^4` is x, and its fewest places are 4 less the zeros that whole ends in.
 */
export function writeQuickNumber(buf: Uint8Array, at: number, figures: Float64Array, index: number): number {
  // The figure comes as an array and a place: a double passed to a function not inlined (this one is too long) is a new heap object.
  const x = figures[index]!;
  const magnitude = x < 0 ? -x : x;
  if (!(magnitude < 1e11)) return -1;
  const whole = Math.round(magnitude * 10000);
  if (whole / 10000 !== magnitude) return -1;
  // Below 10^11: the quotient is never rounded up to the next whole, so this is the part before the point.
  const int = Math.floor(whole / 10000);
  // The places as a small integer (integer arithmetic: `%` of a double is a call).
  let fraction = (whole - int * 10000) | 0;
  let places = 4;
  if (fraction === 0) places = 0;
  else if (fraction % 1000 === 0) {
    fraction = (fraction / 1000) | 0;
    places = 1;
  } else if (fraction % 100 === 0) {
    fraction = (fraction / 100) | 0;
    places = 2;
  } else if (fraction % 10 === 0) {
    fraction = (fraction / 10) | 0;
    places = 3;
  }
  let i = at;
  if (x < 0) buf[i++] = 45; // '-'
  let digits = 1;
  for (let bound = 10; int >= bound && digits < 11; bound *= 10) digits++;
  i += digits;
  const end = places > 0 ? i + 1 + places : i;
  if (int < 0x80000000) {
    let rest = int | 0;
    for (let d = i - 1; d >= i - digits; d--) {
      const next = (rest / 10) | 0;
      buf[d] = 48 + rest - next * 10;
      rest = next;
    }
  } else {
    let rest = int;
    for (let d = i - 1; d >= i - digits; d--) {
      const next = Math.floor(rest / 10);
      buf[d] = 48 + (rest - next * 10);
      rest = next;
    }
  }
  if (places > 0) {
    buf[i] = 46; // '.'
    for (let d = end - 1; d > i; d--) {
      const next = (fraction / 10) | 0;
      buf[d] = 48 + fraction - next * 10;
      fraction = next;
    }
  }
  return end;
}
