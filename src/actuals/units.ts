/** A unit reduced to a base quantity and a power of ten: 亿元 is 元 × 10^8. */
export interface UnitScale {
  /** What is counted; units convert only within the same base. */
  base: string;
  exponent: number;
}

// Magnitude characters that may stand before a unit (万千瓦 = 10^4 × 10^3 瓦).
const PREFIXES: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };

// Whole units that are other units under another name.
const ALIASES: Record<string, string> = {
  公里: '千米',
  公斤: '千克',
  吨: '百万克',
  平方公里: '百万平方米',
  名: '人',
  位: '人',
  元人民币: '元',
  percent: '%',
  pct: '%',
};

// Per-mille and per-ten-thousand are percent scaled down.
const PERCENTS: Record<string, number> = { '%': 0, '％': 0, '‰': -1, '‱': -2 };

const cache = new Map<string, UnitScale>();

/** Reduces a unit as written (万元, 平方米/万元, ‰, "") to its base and power of ten. */
export function unitScale(unit: string): UnitScale {
  let scale = cache.get(unit);
  if (!scale) {
    scale = computeScale(unit.normalize('NFKC').trim());
    cache.set(unit, scale);
  }
  return scale;
}

function computeScale(unit: string): UnitScale {
  const slash = unit.indexOf('/');
  if (slash >= 0) {
    const top = computeScale(unit.slice(0, slash));
    const bottom = computeScale(unit.slice(slash + 1));
    return { base: `${top.base}/${bottom.base}`, exponent: top.exponent - bottom.exponent };
  }
  const percent = PERCENTS[unit];
  if (percent !== undefined) return { base: '%', exponent: percent };
  const alias = ALIASES[unit];
  if (alias !== undefined) return computeScale(alias);
  let exponent = 0;
  let rest = unit;
  while (rest.length > 0) {
    const step = PREFIXES[rest[0] ?? ''];
    if (step === undefined) break;
    exponent += step;
    rest = rest.slice(1);
  }
  const restAlias = ALIASES[rest];
  if (restAlias !== undefined) {
    const inner = computeScale(restAlias);
    return { base: inner.base, exponent: exponent + inner.exponent };
  }
  return { base: rest, exponent };
}

/**
 * The power of ten that turns a figure in `from` into one in `to`, or null when they measure
 * different things. Factors are powers of ten, so conversion is exact on decimal digits.
 */
export function conversionExponent(from: string, to: string): number | null {
  if (from === to) return 0;
  const a = unitScale(from);
  const b = unitScale(to);
  if (a.base !== b.base) return null;
  return a.exponent - b.exponent;
}

/** Converts decimal `digits` by 10^exponent without binary rounding on the way. */
export function scaleDigits(digits: string, exponent: number): number {
  return exponent === 0 ? Number(digits) : Number(`${digits}e${exponent}`);
}
