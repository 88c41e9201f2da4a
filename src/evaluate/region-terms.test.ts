import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parsePlan } from '../plan/load-plan.js';
import { describe, expect, it } from 'vitest';
import { interpretRegionTargets, type RegionTargets } from '../actuals/interpret-region-targets.js';
import type { Plan } from '../plan/types.js';
import type { Report, Result } from '../report/types.js';
import { evaluate } from './evaluate.js';
import { actualsFrom, townsPlan } from './plan.test-helper.js';

const plan = townsPlan();

function regionTargets(csv: string): RegionTargets {
  const parsed = Papa.parse<string[]>(csv.trim(), { newline: '\n' });
  const read = interpretRegionTargets(parsed.data, plan, 'rt.csv');
  expect(read.problems).toEqual([]);
  return read;
}

async function check(csv: string, decomposed: RegionTargets | null = null, usePlan: Plan = plan): Promise<Report> {
  const actuals = await actualsFrom(usePlan, csv);
  expect(actuals.problems).toEqual([]);
  return evaluate(usePlan, actuals, {
    policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'towns.yaml', toolVersion: 'test', regionTargets: decomposed,
  });
}

function result(report: Report, region: string, id: string): Result {
  const found = report.results.find((r) => r.region === region && r.id === id);
  if (!found) throw new Error(`no result for ${region} ${id}`);
  return found;
}

// Foreign trade (M1.1, > 250 亿元, sum) of the three towns: 120 + 90 + 50 = 260.
const TRADE = 'region,id,year,value\n甲镇,M1.1,2025,120\n乙镇,M1.1,2025,90\n丙乡,M1.1,2025,50\n';

describe('a total (aggregate: sum)', () => {
  it('without a county row is judged only through its roll-up: 120 + 90 + 50 = 260 > 250, derived', async () => {
    const report = await check(TRADE);
    expect(report.regions).toEqual(['示例县', '甲镇', '乙镇', '丙乡']);
    expect(report.regionRoles).toEqual({ planLevel: '示例县', derived: true, towns: ['甲镇', '乙镇', '丙乡'] });
    const county = result(report, '示例县', 'M1.1');
    expect(county).toMatchObject({ status: 'met', gap: 10, targetSource: 'plan', figureSource: 'derived' });
    expect(county.actual).toEqual({ year: 2025, value: 260, file: null, row: null });
  });

  it('a summary counts the derived county as the detailed report judges it: met when every town reported (260 > 250), no data when one did not', async () => {
    const summaryOf = async (csv: string): Promise<Report> => {
      const actuals = await actualsFrom(plan, csv);
      return evaluate(plan, actuals, { policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'towns.yaml', toolVersion: 'test', detail: false });
    };
    const whole = await summaryOf(TRADE);
    expect(whole.summary.byRegion['示例县']?.byStatus.met).toBe(1);
    expect(whole.summary.byRegion['示例县']).toEqual((await check(TRADE)).summary.byRegion['示例县']);
    // 丙乡 without M1.1 (it reports another target): no year has a figure of every town, the county's total has no data.
    const partial = TRADE.replace('丙乡,M1.1,2025,50', '丙乡,M1.2,2025,5');
    const short = await summaryOf(partial);
    expect(short.summary.byRegion['示例县']?.byStatus.met).toBe(0);
    expect(short.summary.byRegion['示例县']).toEqual((await check(partial)).summary.byRegion['示例县']);
  });

  it('no town is judged against the county total: 无分解目标, severity info, its figure kept', async () => {
    const report = await check(TRADE);
    for (const town of ['甲镇', '乙镇', '丙乡']) {
      const r = result(report, town, 'M1.1');
      expect(r).toMatchObject({ status: 'not_assessable', severity: 'info', targetSource: null, figureSource: 'reported' });
      expect(r.reason?.code).toBe('reason.no-decomposed-target');
    }
    expect(result(report, '丙乡', 'M1.1').actual?.value).toBe(50);
    expect(report.summary.failures).toBe(0);
  });

  it('a town is judged against its decomposed target: 甲镇 120 ≥ 100 met; 丙乡 50 < 60 not met by 10', async () => {
    const report = await check(TRADE, regionTargets('地区,编号,分解目标值\n甲镇,M1.1,100\n乙镇,M1.1,90\n丙乡,M1.1,60'));
    // With no comparator given, the plan's (>) applies.
    expect(result(report, '甲镇', 'M1.1')).toMatchObject({ status: 'met', op: '>', value: 100, gap: 20, targetSource: 'decomposed' });
    expect(result(report, '丙乡', 'M1.1')).toMatchObject({ status: 'not_met', value: 60, gap: -10, targetSource: 'decomposed', severity: 'failure' });
    // 乙镇 90 > 90 is false: exactly its share is not "more than" it.
    expect(result(report, '乙镇', 'M1.1')).toMatchObject({ status: 'not_met', gap: 0 });
  });

  it('shares that do not add up: 100 + 80 + 60 = 240, short of 250 by 10, is a warning', async () => {
    const report = await check(TRADE, regionTargets('地区,编号,比较符,分解目标值\n甲镇,M1.1,≥,100\n乙镇,M1.1,≥,80\n丙乡,M1.1,≥,60'));
    expect(report.checks).toEqual([
      expect.objectContaining({ kind: 'decomposition', id: 'M1.1', severity: 'warning', expected: 250, actual: 240, difference: -10, regions: 3, total: 3 }),
    ]);
    expect(report.summary.warnings).toBe(1);
  });

  it('shares that add up (100 + 90 + 61 = 251 > 250) are no warning', async () => {
    const report = await check(TRADE, regionTargets('地区,编号,分解目标值\n甲镇,M1.1,100\n乙镇,M1.1,90\n丙乡,M1.1,61'));
    expect(report.checks?.map((c) => [c.kind, c.severity, c.actual])).toEqual([['decomposition', 'ok', 251]]);
    expect(report.summary.warnings).toBe(0);
  });

  it('county and towns that disagree: 全县 reported 270, towns add up to 260, difference −10: a warning, county judged on 270', async () => {
    const report = await check(`${TRADE}全县,M1.1,2025,270\n`);
    expect(report.regionRoles).toMatchObject({ planLevel: '全县', derived: false });
    expect(result(report, '全县', 'M1.1')).toMatchObject({ status: 'met', gap: 20, figureSource: 'reported', targetSource: 'plan' });
    expect(report.checks).toEqual([
      expect.objectContaining({ kind: 'roll-up', id: 'M1.1', year: 2025, severity: 'warning', expected: 270, actual: 260, difference: -10, region: '全县' }),
    ]);
    expect(report.checks?.[0]?.reported).toMatchObject({ value: 270, file: 'in1.csv', row: 5 });
    expect(report.summary.warnings).toBe(1);
  });

  it('a county figure within the tolerance (260.5 against 260: 0.19 % < 0.5 %) is no warning', async () => {
    const report = await check(`${TRADE}合计,M1.1,2025,260.5\n`);
    expect(report.checks?.map((c) => c.severity)).toEqual(['ok']);
    expect(report.summary.warnings).toBe(0);
  });

  it('a region called 全县, 合计, 本县 (an alias) or the plan\'s name is the plan level, never a town', async () => {
    for (const name of ['全县', '合计', '本县', '示例县', ' 全县 ']) {
      const report = await check(`${TRADE}${name},M1.1,2025,260\n`);
      expect(report.regionRoles?.towns, name).toEqual(['甲镇', '乙镇', '丙乡']);
      expect(report.regions[0], name).toBe(name.trim());
    }
  });

  it('a town missing for the year: no county figure is derived, and the reason names the town', async () => {
    const report = await check('region,id,year,value\n甲镇,M1.1,2025,120\n乙镇,M1.1,2025,90\n');
    const county = result(report, '示例县', 'M1.1');
    expect(county).toMatchObject({ status: 'no_data', figureSource: null });
    expect(county.reason).toEqual({ code: 'reason.roll-up-incomplete', params: { year: 2025, count: 1, regions: '丙乡' } });
  });

  it('a cumulative total rolls up year by year: 2.5 + 1.5 + 0.6 = 4.6 ≥ 4.5', async () => {
    const report = await check('region,id,year,value\n甲镇,M1.5,2025,2.5\n乙镇,M1.5,2025,1.5\n丙乡,M1.5,2025,0.6\n');
    expect(result(report, '示例县', 'M1.5')).toMatchObject({ status: 'met', figureSource: 'derived', actual: { value: 4.6 } });
  });

  it('growth rates reported by towns do not add up: no county figure, and the reason says to report levels', async () => {
    const report = await check('region,id,year,value\n甲镇,M1.6,2025,6\n乙镇,M1.6,2025,4\n丙乡,M1.6,2025,5\n');
    expect(result(report, '示例县', 'M1.6').reason?.code).toBe('reason.roll-up-rates');
  });
});

describe('an intensive indicator (rate, share, per capita)', () => {
  const RATES = 'region,id,year,value\n甲镇,M1.2,2025,80\n乙镇,M1.2,2025,60\n丙乡,M1.2,2025,50\n';

  it('each town is judged against the plan\'s value, and the report says so (intensive_plan)', async () => {
    const report = await check(RATES);
    expect(result(report, '甲镇', 'M1.2')).toMatchObject({ status: 'met', gap: 25, targetSource: 'intensive_plan' });
    expect(result(report, '丙乡', 'M1.2')).toMatchObject({ status: 'not_met', gap: -5, targetSource: 'intensive_plan', severity: 'failure' });
  });

  it('a weighted mean by population 10, 30, 60: (80×10 + 60×30 + 50×60) ÷ 100 = 56 ≥ 55 (a plain mean would be 63.33)', async () => {
    const report = await check(RATES, regionTargets('地区,编号,分解目标值,年份\n甲镇,常住人口,10,\n乙镇,常住人口,30,\n丙乡,常住人口,60,2025'));
    expect(result(report, '示例县', 'M1.2')).toMatchObject({ status: 'met', gap: 1, figureSource: 'derived', actual: { value: 56 } });
  });

  it('without the weights no county figure is derived, and the reason names the weight and the towns', async () => {
    const report = await check(RATES);
    const county = result(report, '示例县', 'M1.2');
    expect(county).toMatchObject({ status: 'no_data', figureSource: null });
    expect(county.reason).toEqual({ code: 'reason.roll-up-weights', params: { weight: '常住人口', year: 2025, count: 3, regions: '甲镇、乙镇、丙乡' } });
  });

  it('a plain mean (aggregate: mean): (70 + 60 + 50) ÷ 3 = 60 ≥ 60', async () => {
    const report = await check('region,id,year,value\n甲镇,M1.3,2025,70\n乙镇,M1.3,2025,60\n丙乡,M1.3,2025,50\n');
    expect(result(report, '示例县', 'M1.3')).toMatchObject({ status: 'met', gap: 0, figureSource: 'derived', actual: { value: 60 } });
  });
});

describe('an indicator that does not add up (aggregate: none)', () => {
  it('towns are not judged, and the county has no figure unless reported', async () => {
    const report = await check('region,id,year,value\n甲镇,M1.4,2025,1.9\n乙镇,M1.4,2025,1.5\n丙乡,M1.4,2025,1.6\n');
    expect(result(report, '甲镇', 'M1.4')).toMatchObject({ status: 'not_assessable', severity: 'info', targetSource: null });
    expect(result(report, '示例县', 'M1.4').reason?.code).toBe('reason.roll-up-none');
  });

  it('a milestone given to one town as its own task is judged for that town only', async () => {
    const report = await check('region,id,year,value\n甲镇,M1.7,2025,否\n乙镇,M1.7,2025,是\n', regionTargets('地区,编号,分解目标值\n甲镇,M1.7,是'));
    expect(result(report, '甲镇', 'M1.7')).toMatchObject({ status: 'not_met', targetSource: 'decomposed' });
    expect(result(report, '乙镇', 'M1.7')).toMatchObject({ status: 'not_assessable', targetSource: null });
  });
});

describe('a region the plan does not list', () => {
  it('is a warning at its first row, with the likely name; it is kept as a town, and the county is not derived without 丙乡', async () => {
    const report = await check('region,id,year,value\n甲镇,M1.1,2025,120\n乙镇,M1.1,2025,90\n丙,M1.1,2025,50\n');
    expect(report.inputWarnings).toEqual([
      { code: 'rt.region-not-in-plan', params: { value: '丙', suggestion: '丙乡' }, file: 'in1.csv', line: 4, value: '丙' },
    ]);
    expect(report.summary.warnings).toBe(1);
    expect(report.regionRoles?.towns).toEqual(['甲镇', '乙镇', '丙']);
    expect(result(report, '示例县', 'M1.1').reason).toEqual({ code: 'reason.roll-up-incomplete', params: { year: 2025, count: 1, regions: '丙乡' } });
  });
});

describe('many regions the plan does not list', () => {
  const rows = (count: number): string =>
    `region,id,year,value\n甲镇,M1.1,2025,120\n${Array.from({ length: count }, (_, i) => `村${i + 1},M1.1,2025,${i + 1}`).join('\n')}\n`;

  it('up to ten: a warning each, at its own row', async () => {
    const report = await check(rows(10));
    expect((report.inputWarnings ?? []).map((warning) => [warning.code, warning.value, warning.line])).toEqual(
      Array.from({ length: 10 }, (_, i) => ['rt.region-not-in-plan', `村${i + 1}`, i + 3]),
    );
  });

  it('eleven or more: one warning for the file, with their count and the first five in the order read', async () => {
    const report = await check(rows(11));
    expect(report.inputWarnings).toEqual([
      { code: 'rt.regions-not-in-plan', params: { count: 11, regions: '村1、村2、村3、村4、村5' }, file: 'in1.csv' },
    ]);
    // Decomposed targets of a town the data names and of one it does not: the latter a town as well, once, after the data's.
    const withTargets = await check(rows(11), regionTargets('地区,编号,分解目标值\n甲镇,M1.1,5\n丙乡,M1.1,6'));
    expect(withTargets.inputWarnings?.[0]?.params).toEqual({ count: 11, regions: '村1、村2、村3、村4、村5' });
    expect(withTargets.regionRoles?.towns).toEqual(['甲镇', ...Array.from({ length: 11 }, (_, i) => `村${i + 1}`), '丙乡']);
  });
});

describe('without towns', () => {
  it('a submission with only the county level is judged as before: target and figure from the plan and the file', async () => {
    const report = await check('id,year,value\nM1.1,2025,240\n');
    expect(report.regionRoles).toBeNull();
    expect(report.regions).toEqual(['']);
    expect(result(report, '', 'M1.1')).toMatchObject({ status: 'not_met', targetSource: 'plan', figureSource: 'reported' });
  });
});

describe('a weight that is a target of the plan', () => {
  it('weighted:M1.1 averages a rate by each town\'s figure of M1.1: (80×120 + 60×90 + 50×50) ÷ 260 = 67.31', async () => {
    const text = readFileSync(new URL('../../fixtures/plans/towns.yaml', import.meta.url), 'utf8').replace('"weighted:常住人口"', '"weighted:M1.1"');
    const byTrade = parsePlan(text, 'towns.yaml').plan!;
    const report = await check(`${TRADE}甲镇,M1.2,2025,80\n乙镇,M1.2,2025,60\n丙乡,M1.2,2025,50\n`, null, byTrade);
    // 9600 + 5400 + 2500 = 17500; 17500 ÷ 260 = 67.3076923077
    expect(result(report, '示例县', 'M1.2').actual?.value).toBe(67.3076923077);
  });
});
