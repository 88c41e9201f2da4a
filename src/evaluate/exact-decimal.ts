// Fast exact paths for the decimal arithmetic of compare.ts: the common figures (at most 15
// significant digits) are divided and subtracted as whole numbers in doubles, where every step is
// exact; anything else returns undefined and the caller uses big.js. The answers are the same
// numbers big.js gives (tested against it), at a fraction of the cost: a check of 3,000 regions
// computes a million shares and gaps.

/** Whole numbers up to this are exact in a double, and so are their sums and products below 2^53. */
const LIMIT = 2 ** 52;

/** A figure as `mantissa × 10^exponent` from its shortest decimal, mantissa a whole number ≥ 0; undefined when too long. */
export interface Parts {
  negative: boolean;
  mantissa: number;
  exponent: number;
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** 10^k for k ≤ 22, each exact in a double (written out: no rounding of a power can creep in). */
const EXACT_POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * `d × 10^exponent` rounded once to the nearest double, as `Number(`${d}e${exponent}`)` reads it,
 * for a whole number |d| < 2^53: a division or product of two exact doubles is rounded once
 * (IEEE 754), so within 10^±22 no text need be made and read.
 */
function scaled(d: number, exponent: number): number {
  if (exponent <= 0 && exponent >= -22) return d / EXACT_POW10[-exponent]!;
  if (exponent > 0 && exponent <= 22) return d * EXACT_POW10[exponent]!;
  return Number(`${d}e${exponent}`);
}

// The last two figures asked for and their parts: a gap and an attainment of one cell ask for the
// same figure and target value in turn (parts are never changed by their readers).
let seenA = NaN;
let partsA: Parts | undefined;
let seenB = NaN;
let partsB: Parts | undefined;
/** Which slot was used least lately: the one a new figure replaces. */
let replaceA = true;

/** `partsOfFigure`, remembered for the last two figures. */
export function figureParts(x: number): Parts | undefined {
  if (x === seenA) {
    replaceA = false;
    return partsA;
  }
  if (x === seenB) {
    replaceA = true;
    return partsB;
  }
  const parts = partsOfFigure(x);
  if (replaceA) {
    seenA = x;
    partsA = parts;
  } else {
    seenB = x;
    partsB = parts;
  }
  replaceA = !replaceA;
  return parts;
}

/** A figure's parts (as the fast paths read it), worked out: undefined when it has more than 15 significant digits or is not finite. */
export function partsOfFigure(x: number): Parts | undefined {
  if (!Number.isFinite(x)) return undefined;
  // Most figures: the least k for which a whole m gives m ÷ 10^k === |x| exactly is the decimal
  // String(x) writes (two decimals of at most 15 significant digits never round to one double),
  // found without making the string. Beyond 1e15, below 1e-6 (written with an exponent) or with
  // more than 15 decimal places, the string is read.
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-6 && magnitude < 1e15) {
    for (let k = 0; k <= 15; k++) {
      const scale = POW10[k]!;
      const mantissa = Math.round(magnitude * scale);
      if (mantissa / scale !== magnitude) continue;
      // More than 15 significant digits: no fast answer, as below.
      if (mantissa >= 1e15) return undefined;
      return { negative: x < 0, mantissa, exponent: -k };
    }
  }
  return partsOfText(x);
}

/** `partsOfFigure` from the text String(x) writes. */
function partsOfText(x: number): Parts | undefined {
  const text = String(x);
  let end = text.length;
  let exponent = 0;
  const e = text.indexOf('e');
  if (e >= 0) {
    exponent = Number(text.slice(e + 1));
    end = e;
  }
  const negative = text.charCodeAt(0) === 45; // '-'
  let digits = '';
  let start = negative ? 1 : 0;
  const dot = text.indexOf('.');
  if (dot >= 0 && dot < end) {
    digits = text.slice(start, dot) + text.slice(dot + 1, end);
    exponent -= end - dot - 1;
  } else digits = text.slice(start, end);
  // Leading zeros (0.0035) carry no digits of their own.
  start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  if (digits.length - start > 15) return undefined;
  return { negative, mantissa: Number(digits.slice(start)), exponent };
}

/**
 * `a ÷ b` of the decimals the figures were written as, truncated toward zero at 15 significant
 * digits (as `quotient` in compare.ts); undefined when a fast exact answer is not possible
 * (more than 15 digits, a quotient below 1e-5 where big.js's 40 decimal places would round it).
 */
export function fastQuotient(a: number, b: number): number | undefined {
  return quotientOfParts(figureParts(a), figureParts(b));
}

/** `fastQuotient` of two figures given by their parts (`partsOfFigure`). */
export function quotientOfParts(x: Parts | undefined, y: Parts | undefined): number | undefined {
  if (!x || !y || y.mantissa === 0 || x.mantissa >= LIMIT || y.mantissa >= LIMIT) return undefined;
  if (x.mantissa === 0) return 0;
  const divisor = y.mantissa;
  // The whole part, corrected if the double division rounded across a whole number.
  let whole = Math.floor(x.mantissa / divisor);
  let rest = x.mantissa - whole * divisor;
  while (rest < 0) {
    whole--;
    rest += divisor;
  }
  while (rest >= divisor) {
    whole++;
    rest -= divisor;
  }
  const wholeDigits = whole === 0 ? 0 : whole < 1e15 ? digitCount(whole) : 16;
  if (wholeDigits < 15 && divisor >= LIMIT / 16) return undefined;
  if (wholeDigits <= 15) {
    // The common case, in whole numbers: the 15 significant digits as one number D below 10^15
    // (exact), then D × 10^e in one correctly rounded step, as Number(`${D}e${e}`) reads it.
    let d = whole;
    let count = wholeDigits;
    let places = 0;
    while (count < 15) {
      if (count > 0) {
        // Past the first significant digit every place is a digit: as many at once as stay exact
        // (rest × 10^step < 2^52, so the product and the check below are whole numbers in doubles),
        // the quotient corrected if the division rounded across a whole number. The same digits
        // and places as one at a time, whose check of places this makes once.
        if (places + 14 - count > 40) return undefined;
        let step = 15 - count;
        while (step > 1 && divisor * POW10[step]! >= LIMIT) step--;
        const scaledRest = rest * POW10[step]!;
        let chunk = Math.floor(scaledRest / divisor);
        let left = scaledRest - chunk * divisor;
        while (left < 0) {
          chunk--;
          left += divisor;
        }
        while (left >= divisor) {
          chunk++;
          left -= divisor;
        }
        d = d * POW10[step]! + chunk;
        rest = left;
        places += step;
        count += step;
        continue;
      }
      if (places > 40) return undefined;
      rest *= 10;
      const digit = Math.floor(rest / divisor);
      rest -= digit * divisor;
      places++;
      if (digit !== 0) {
        d = digit;
        count++;
      }
    }
    const exponent = x.exponent - y.exponent - places;
    if (exponent + 15 <= -5) return undefined;
    if (exponent < -22 || exponent > 22) return undefined;
    // An exact power from the table (a power of a variable is a call): the same double.
    const value = exponent < 0 ? d / EXACT_POW10[-exponent]! : d * EXACT_POW10[exponent]!;
    return x.negative !== y.negative ? -value : value;
  }
  let digits = String(whole);
  let shift = 0; // decimal places taken by long division
  // Long division, digit by digit: rest < divisor < 2^52, so rest × 10 < 2^56 would not be exact;
  // stay below 2^53 by requiring divisor < 2^52 / 10 for this path.
  while (digits.length < 15) {
    if (shift > 40) return undefined;
    rest *= 10;
    const digit = Math.floor(rest / divisor);
    rest -= digit * divisor;
    shift++;
    if (digits !== '' || digit !== 0) digits += String(digit);
  }
  // Cut to 15 significant digits (the whole part may have had 16).
  const cut = digits.length - 15;
  if (cut > 0) digits = digits.slice(0, 15);
  const exponent = x.exponent - y.exponent - shift + cut;
  // Magnitude of the truncated quotient: below 1e-5, big.js's rounding at 40 places could differ.
  if (exponent + 15 <= -5) return undefined;
  const value = Number(`${digits}e${exponent}`);
  return x.negative !== y.negative ? -value : value;
}

/** How many digits a whole number 1 ≤ n < 10^15 has. */
function digitCount(n: number): number {
  let count = 1;
  for (let v = n; v >= 10; v = Math.floor(v / 10)) count++;
  return count;
}

/** `a − b` of the decimals the figures were written as (as big.js gives it); undefined when not exact in whole numbers. */
export function fastDifference(a: number, b: number): number | undefined {
  return differenceOfParts(figureParts(a), figureParts(b));
}

/** `fastDifference` of two figures given by their parts (`partsOfFigure`). */
export function differenceOfParts(x: Parts | undefined, y: Parts | undefined): number | undefined {
  if (!x || !y) return undefined;
  const exponent = Math.min(x.exponent, y.exponent);
  const sx = x.exponent - exponent;
  const sy = y.exponent - exponent;
  if (sx > 15 || sy > 15) return undefined;
  const mx = x.mantissa * POW10[sx]!;
  const my = y.mantissa * POW10[sy]!;
  if (mx >= LIMIT || my >= LIMIT) return undefined;
  const difference = (x.negative ? -mx : mx) - (y.negative ? -my : my);
  if (difference === 0) return 0;
  return scaled(difference, exponent);
}

/** Counts of figures a mean is worked out fast for: their quotient's decimals repeat with a period of at most 6. */
const MAX_MEAN_COUNT = 12;

/**
 * The mean of figures as judge.ts works it out (their decimal sum ÷ their count in big.js at 40
 * places, rounded half away from zero to 12 significant digits, read as a number); undefined
 * when no fast exact answer (over 12 figures, a figure of more than 15 digits, a sum beyond 2^52,
 * a mean of more than 12 whole digits or below 1e-6).
 */
export function fastMean(values: readonly number[]): number | undefined {
  const n = values.length;
  if (n === 0 || n > MAX_MEAN_COUNT) return undefined;
  // The figures as whole numbers at their least common exponent.
  let exponent = 0;
  for (let i = 0; i < n; i++) {
    const parts = figureParts(values[i]!);
    if (!parts) return undefined;
    if (parts.exponent < exponent) exponent = parts.exponent;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const parts = figureParts(values[i]!)!;
    const shift = parts.exponent - exponent;
    if (shift > 15) return undefined;
    const whole = parts.mantissa * EXACT_POW10[shift]!;
    if (whole >= LIMIT) return undefined;
    sum += parts.negative ? -whole : whole;
    if (sum >= LIMIT || sum <= -LIMIT) return undefined;
  }
  if (sum === 0) return 0;
  const magnitude = Math.abs(sum);
  // Long division of |sum| by n: 12 significant digits, then the next one decides the rounding.
  const whole = Math.floor(magnitude / n);
  let rest = magnitude - whole * n;
  if (whole >= 1e12) return undefined;
  let digits = whole;
  let count = whole === 0 ? 0 : digitCount(whole);
  let places = 0;
  while (count < 12) {
    if (places >= 20) return undefined;
    rest *= 10;
    const digit = Math.floor(rest / n);
    rest -= digit * n;
    places++;
    if (count > 0 || digit !== 0) {
      digits = digits * 10 + digit;
      count++;
    }
  }
  // Half away from zero: a next digit of 5 or more rounds up (at 40 places the quotient's digits
  // after it, repeating with a period of at most 6 for 12 figures or fewer, cannot turn a 4 into a 5).
  if (Math.floor((rest * 10) / n) >= 5) digits++;
  const scale = exponent - places;
  if (scale + 12 <= -6) return undefined;
  const value = scaled(digits, scale);
  return sum < 0 ? -value : value;
}
