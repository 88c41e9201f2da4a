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
 * Appends `quickShowNumber(x)` to `buf` at `at` as ASCII, for a figure below 10^11 in magnitude of
 * at most 4 decimals (the digits written from the whole number, no string made); returns where it
 * ends, or -1, with nothing written, for any other figure. `buf` must have room for 18 bytes.
 */
export function writeQuickNumber(buf: Uint8Array, at: number, x: number): number {
  const magnitude = x < 0 ? -x : x;
  if (!(magnitude < 1e11)) return -1;
  for (let k = 0; k <= 4; k++) {
    const scale = SCALE[k]!;
    const whole = Math.round(magnitude * scale);
    if (whole / scale !== magnitude) continue;
    // As quickShowNumber: the digits of `whole`, a point k from the end, at least one digit before it.
    let digits = 1;
    for (let rest = whole; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    const width = Math.max(digits, k + 1);
    let i = at + (x < 0 ? 1 : 0) + width + (k > 0 ? 1 : 0);
    const end = i;
    let rest = whole;
    for (let place = 0; place < width; place++) {
      if (place === k && k > 0) buf[--i] = 46; // '.'
      const next = Math.floor(rest / 10);
      buf[--i] = 48 + (rest - next * 10);
      rest = next;
    }
    if (x < 0) buf[--i] = 45; // '-'
    return end;
  }
  return -1;
}
