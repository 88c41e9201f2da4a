/** Codes of figures as the store keeps them: a short decimal in 32 bits, or a mark. */

/** The cell of a target that has no figure. */
export const EMPTY = -0x80000000;
/** The code of a figure that is no short decimal: it is kept in the block's `exact` array. */
export const NOT_SHORT = -0x7fffffff;
/** The code the store keeps for a figure it holds as a double (see `NOT_SHORT`). */
export const EXACT = NOT_SHORT;
/** Short decimals m / 10^k are kept in 32 bits as m·16 + k: |m| below 2^27, k up to 15. */
const MAX_MANTISSA = 1 << 27;
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A figure as 32 bits when it is a short decimal (m / 10^k giving exactly this double), the
 * form nearly every submitted figure has; EXACT otherwise.
 */
export function encodeFigure(value: number): number {
  if (value === 0) return Object.is(value, -0) ? EXACT : 0;
  for (let k = 0; k < 8; k++) {
    const scale = POW10[k] as number;
    const mantissa = Math.round(value * scale);
    if (mantissa >= MAX_MANTISSA || mantissa <= -MAX_MANTISSA) return EXACT;
    if ((k === 0 ? mantissa : mantissa / scale) === value) return mantissa * 16 + k;
  }
  return EXACT;
}

/** The double of a short decimal kept by `encodeFigure`: the same division, so the same bits. */
export function decodeFigure(code: number): number {
  const k = code & 15;
  const mantissa = (code - k) / 16;
  return k === 0 ? mantissa : mantissa / (POW10[k] as number);
}
