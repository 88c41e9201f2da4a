import Big from 'big.js';

/**
 * A number as a person reads it: at most 4 decimals, no binary noise, no exponent; but a number
 * that is not zero is never shown as 0 — it then keeps as many decimals as it has — so a gap of
 * −1e-13 reads −0.0000000000001 beside "not met", never 0 (docs/progress.md, one rule).
 */
export function showNumber(x: number | null | undefined, signed = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  // A figure written with at most 4 decimals and no exponent is its own text: rounding keeps it.
  const own = String(x);
  const point = own.indexOf('.');
  if ((point < 0 || own.length - point - 1 <= 4) && !own.includes('e')) return signed && x > 0 ? `+${own}` : own;
  let rounded = Number(x.toFixed(4));
  if (Object.is(rounded, -0)) rounded = 0;
  // String(x) is the shortest decimal that reads back as x: exactly the figure computed.
  const text = rounded === 0 && x !== 0 ? new Big(x).toFixed() : plain(rounded);
  return signed && x > 0 ? `+${text}` : text;
}

/** A number in positional notation, as big.js writes it: String(x) itself unless it has an exponent. */
function plain(x: number): string {
  const text = String(x);
  return text.includes('e') ? new Big(x).toFixed() : text;
}

/**
 * A figure beside its gap: as `showNumber`, but in full when the figure lies so near the line
 * that 4 decimals would put it on it (3.3999999999999 against ≥ 3.4 reads 3.3999999999999, not
 * 3.4, so that it never looks met when it is not).
 */
export function showActual(x: number | null | undefined, gap: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  // A gap of 0.0001 or more never rounds to 0 at 4 decimals: only small gaps need the rounding.
  const nearLine = gap !== null && gap !== undefined && gap !== 0 && Math.abs(gap) < 0.0001 && Number(gap.toFixed(4)) === 0;
  return nearLine ? new Big(x).toFixed() : showNumber(x);
}
