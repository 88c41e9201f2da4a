import { describe, expect, it } from 'vitest';
import { miniPlan, townsPlan } from '../evaluate/plan.test-helper.js';
import { rowKeeper, rowPolicy, UNLISTED_NAMED } from './row-policy.js';

describe('whose rows a summary keeps', () => {
  it('keeps the plan level\'s (by any of its names) and the first ten regions the plan does not list, in the order asked', () => {
    const keep = rowKeeper(rowPolicy(townsPlan()));
    // The plan level: blank, a built-in name, the plan's name and alias, however spaced or cased.
    for (const name of ['', '全县', '示例县', ' 本县 ', 'Sample County', 'TOTAL']) expect(keep(name)).toBe(true);
    // Listed towns: never.
    for (const name of ['甲镇', '乙镇', '丙乡']) expect(keep(name)).toBe(false);
    const unlisted = Array.from({ length: 13 }, (_, i) => `村${i}`);
    expect(unlisted.map((name) => keep(name))).toEqual([true, true, true, true, true, true, true, true, true, true, false, false, false]);
    expect(UNLISTED_NAMED).toBe(10);
    // Still the plan level after the ten.
    expect(keep('合计')).toBe(true);
  });

  it('keeps no row for a plan without towns', () => {
    const policy = rowPolicy(miniPlan());
    expect(policy).toBeNull();
    const keep = rowKeeper(policy);
    expect(['', '全县', 'a'].map((name) => keep(name))).toEqual([false, false, false]);
  });
});

describe('a row keeper told whether a region is the plan level', () => {
  it('takes the caller\'s word, so a store that has worked it out does not normalise the name twice', () => {
    const keep = rowKeeper(rowPolicy(townsPlan()));
    expect(keep('甲镇', true)).toBe(true);
    expect(keep('乙镇', false)).toBe(false);
  });
});
