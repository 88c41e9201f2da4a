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

// Counting magnitudes people write after a figure ("5.2亿", "50万"), longest first.
const MAGNITUDE = /^(?:万亿|千万|百万|十万|亿|万|千|百|十)$/;
const LEADING_MAGNITUDE = /^(?:万亿|千万|百万|十万|亿|万)/;

/** True when a unit written after a figure is a bare magnitude (万, 亿, 百万) rather than a unit. */
export function isMagnitude(unit: string): boolean {
  return MAGNITUDE.test(unit);
}

/**
 * The unit meant by a figure written with a bare magnitude, given the unit otherwise assumed:
 * "5.2亿" in 亿元 is 5.2 亿元 (the magnitude stands for the assumed unit's own), "50万" in 千瓦 is
 * 50 万千瓦, "1.2万" in 人 is 1.2 万人.
 */
export function withMagnitude(magnitude: string, assumed: string): string {
  return magnitude + assumed.replace(LEADING_MAGNITUDE, '');
}

// What units end in: the things counted or measured in the plans' and statistics' units.
const UNIT_WORDS = new Set([
  '', '元', '人', '户', '家', '个', '所', '张', '条', '支', '件', '亩', '米', '平方米', '立方米', '千米', '公里', '平方公里', '克', '千克',
  '公斤', '吨', '瓦', '千瓦', '千瓦时', '度', '%', '‰', '‱', '岁', '年', '次', '辆', '座', '公顷', '项', '台', '套', '间', '套(间)', '床',
  '张床', '名', '位', '处', '艘', '只', '头', '株', '人次', '标箱', '元人民币', '美元', '天', '小时', '分', '倍', '册', '部', '场', '批',
]);

/** True when `text` reads as a unit (亿元, 万人, 平方米/万元, %), not as a note (基期, 预计). */
export function isUnitText(text: string): boolean {
  const unit = text.normalize('NFKC').trim();
  if (unit === '') return false;
  return unit.split('/').every((part) => UNIT_WORDS.has(part.replace(/^(?:万亿|千万|百万|十万|亿|万|千|百|十)+/, '')) || UNIT_WORDS.has(part));
}
