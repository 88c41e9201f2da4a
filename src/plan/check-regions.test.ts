import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './load-plan.js';
import { isPlanLevel, planLevelKeys } from './plan-level.js';

const towns = readFileSync(new URL('../../fixtures/plans/towns.yaml', import.meta.url), 'utf8');

describe('a plan that uses regions', () => {
  it('declares them with a regions block; then every target needs an aggregate, located', () => {
    const text = towns.replace('aggregate: sum, quote: 外贸进出口总额突破250亿元', 'quote: 外贸进出口总额突破250亿元');
    const { plan, problems } = parsePlan(text, 'towns.yaml');
    expect(plan).toBeNull();
    expect(problems.map((p) => [p.code, p.line, p.params.id])).toEqual([['plan.aggregate-missing', 21, 'M1.1']]);
  });

  it('a weighted aggregate names a declared weight or a target id', () => {
    const bad = parsePlan(towns.replace('"weighted:常住人口"', '"weighted:户籍人口"'), 'towns.yaml');
    expect(bad.problems.map((p) => [p.code, p.params.weight, p.field])).toEqual([['plan.aggregate-weight-unknown', '户籍人口', 'measures.0.targets.1.aggregate']]);
    const byTarget = parsePlan(towns.replace('"weighted:常住人口"', '"weighted:M1.1"'), 'towns.yaml');
    expect(byTarget.problems).toEqual([]);
    expect(byTarget.plan?.targets[1]?.aggregate).toEqual({ method: 'weighted', weight: 'M1.1' });
  });

  it('an aggregate that is not sum, mean, none or weighted:<name> does not fit the schema', () => {
    const { problems } = parsePlan(towns.replace('aggregate: mean', 'aggregate: median'), 'towns.yaml');
    expect(problems.map((p) => [p.code, p.field])).toEqual([['plan.schema', 'measures.0.targets.2.aggregate']]);
  });

  it('a plan without regions needs no aggregate (the mini plan has none)', () => {
    const mini = parsePlan(readFileSync(new URL('../../fixtures/plans/mini.yaml', import.meta.url), 'utf8'), 'mini.yaml');
    expect(mini.problems).toEqual([]);
    expect(mini.plan?.regions).toBeNull();
  });

  it('the plan level is recognised by name: blank, 全县, 合计, the plan\'s name and aliases, not 县本级 (a part, not the whole)', () => {
    const plan = parsePlan(towns, 'towns.yaml').plan!;
    const keys = planLevelKeys(plan);
    for (const name of ['', '全县', '合计', '全县合计', '总计', '示例县', 'Sample County', '本县', ' 全 县 ', 'Total']) expect(isPlanLevel(name, keys), name).toBe(true);
    for (const name of ['县本级', '甲镇', '全县甲镇']) expect(isPlanLevel(name, keys), name).toBe(false);
  });
});
