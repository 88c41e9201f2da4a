import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parsePlan } from '../plan/load-plan.js';
import { describe, expect, it } from 'vitest';
import { miniPlan, townsPlan } from '../evaluate/plan.test-helper.js';
import { interpretRegionTargets } from './interpret-region-targets.js';

const plan = townsPlan();
const read = (csv: string) => interpretRegionTargets(Papa.parse<string[]>(csv.trim(), { newline: '\n' }).data, plan, 'rt.csv');

describe('decomposed-targets rows', () => {
  it('reads region, id, value, op and year; blank op and year take the plan\'s; blank values are no target', () => {
    const out = read('地区,编号,比较符,分解目标值,年份,校核\n甲镇,M1.1,,100,,=IF(1)\n乙镇,m1.1,≥,90,2024,\n丙乡,M1.1,,,,\n');
    expect(out.problems).toEqual([]);
    expect(out.byRegion.get('甲镇')?.get('M1.1')).toEqual({ region: '甲镇', id: 'M1.1', op: '>', value: 100, year: 2025, file: 'rt.csv', row: 2 });
    expect(out.byRegion.get('乙镇')?.get('M1.1')).toMatchObject({ op: '>=', value: 90, year: 2024 });
    expect(out.byRegion.has('丙乡')).toBe(false);
  });

  it('converts a unit written in the cell to the target\'s: 3000万元 of a 亿元 target is 0.3', () => {
    const out = read('region,id,value\n甲镇,M1.1,3000万元\n');
    expect(out.byRegion.get('甲镇')?.get('M1.1')?.value).toBe(0.3);
  });

  it('reads weights by the names the plan declares, per year or without one', () => {
    const out = read('region,id,value,year\n甲镇,常住人口,10.5,\n甲镇,常住人口,11,2024\n');
    expect(out.weights.get('常住人口')?.get('甲镇')).toEqual(new Map([[null, 10.5], [2024, 11]]));
  });

  it('every fault is located and all are collected: unknown id, unknown region, the county, bad value, bad op, duplicate', () => {
    const out = read([
      'region,id,op,value,year',
      '甲镇,M9.9,,1,',    // 2 unknown id
      '甲填,M1.1,,1,',    // 3 unknown region, suggests 甲镇
      '全县,M1.1,,250,',  // 4 the plan level is not decomposed
      '乙镇,M1.1,,abc,',  // 5 not a number
      '乙镇,M1.2,约莫,50,', // 6 not a comparator
      '丙乡,M1.1,,10,',
      '丙乡,M1.1,,12,',   // 8 duplicate
      '丙乡,M1.5,,1,1999', // 9 year outside the plan
      ',M1.5,,1,',        // 10 no region
      '丙乡,M1.2,,50%,',  // a share written with % is fine
    ].join('\n'));
    expect(out.problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['row.unknown-id', 2, 'id'],
      ['rt.unknown-region', 3, 'region'],
      ['rt.plan-level-region', 4, 'region'],
      ['row.not-a-number', 5, 'value'],
      ['rt.bad-op', 6, 'op'],
      ['rt.duplicate', 8, 'value'],
      ['rt.weight-year', 9, 'year'],
      ['rt.missing-region', 10, 'region'],
    ]);
    expect(out.problems[1]?.params).toMatchObject({ suggestion: '甲镇' });
    expect(out.byRegion.get('丙乡')?.get('M1.2')?.value).toBe(50);
  });

  it('a trend target (逐年下降, no figure) needs the comparator of the town\'s own target', () => {
    const bundled = parsePlan(readFileSync(new URL('../../targets.yaml', import.meta.url), 'utf8'), 'targets.yaml').plan!;
    const without = interpretRegionTargets([['region', 'id', 'value'], ['丹东街道', 'G6.2', '5']], bundled, 'rt.csv');
    expect(without.problems.map((p) => [p.code, p.line, p.params.op])).toEqual([['rt.op-needed', 2, 'decrease']]);
    const given = interpretRegionTargets([['region', 'id', 'op', 'value'], ['丹东街道', 'G6.2', '≤', '5']], bundled, 'rt.csv');
    expect(given.byRegion.get('丹东街道')?.get('G6.2')).toMatchObject({ op: '<=', value: 5 });
  });

  it('a plan that declares no regions takes no decomposed targets', () => {
    expect(interpretRegionTargets([['region', 'id', 'value']], miniPlan(), 'rt.csv').problems.map((p) => p.code)).toEqual(['rt.no-regions']);
  });

  it('a file without a region, id or value column says which one is missing', () => {
    expect(read('地区,指标\n甲镇,x').problems.map((p) => [p.code, p.params.column])).toEqual([
      ['rt.missing-column', 'id'],
      ['rt.missing-column', 'value'],
    ]);
  });
});
