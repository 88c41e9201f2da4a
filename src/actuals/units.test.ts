import { describe, expect, it } from 'vitest';
import { conversionExponent, scaleDigits, unitScale } from './units.js';

describe('unitScale', () => {
  it.each([
    ['元', '元', 0],
    ['万元', '元', 4],
    ['亿元', '元', 8],
    ['万人', '人', 4],
    ['名', '人', 0],
    ['万亩', '亩', 4],
    ['公里', '米', 3],
    ['万吨', '克', 10],
    ['万千瓦', '瓦', 7],
    ['%', '%', 0],
    ['‰', '%', -1],
    ['平方米/万元', '平方米/元', -4],
    ['万元/人', '元/人', 4],
    ['', '', 0],
    ['万', '', 4],
    ['家', '家', 0],
  ])('%s is %s × 10^%d', (unit, base, exponent) => {
    expect(unitScale(unit)).toEqual({ base, exponent });
  });
});

describe('conversionExponent', () => {
  it('converts within one quantity', () => {
    expect(conversionExponent('万元', '亿元')).toBe(-4);
    expect(conversionExponent('亿元', '万元')).toBe(4);
    expect(conversionExponent('人', '万人')).toBe(-4);
    expect(conversionExponent('‰', '%')).toBe(-1);
    expect(conversionExponent('千米', '公里')).toBe(0);
  });

  it('refuses to compare different quantities', () => {
    expect(conversionExponent('亿元', '%')).toBeNull();
    expect(conversionExponent('家', '个')).toBeNull();
    expect(conversionExponent('亩', '平方米')).toBeNull();
    expect(conversionExponent('人', '户')).toBeNull();
  });
});

describe('scaleDigits', () => {
  it('converts on decimal digits, without binary rounding', () => {
    expect(scaleDigits('34000', -4)).toBe(3.4);
    expect(scaleDigits('0.1', 1)).toBe(1);
    expect(scaleDigits('3.3', -1)).toBe(0.33);
    // Multiplying in binary gives 3.4000000000000004 and 7.000000000000001.
    expect(34000 * 1e-4).not.toBe(3.4);
    expect(0.07 * 100).not.toBe(7);
    expect(scaleDigits('0.07', 2)).toBe(7);
    expect(scaleDigits('11500', -4)).toBe(1.15);
  });
});
