import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { interpretRegionTargets } from '../actuals/interpret-region-targets.js';
import { evaluate } from '../evaluate/evaluate.js';
import { actualsFrom, townsPlan } from '../evaluate/plan.test-helper.js';
import type { Report, Result } from '../report/types.js';
import { render } from './format-output.test-helper.js';
import { viewReport, viewResult } from './view.js';

const plan = townsPlan();

/** Trade 120 / 90 / 50 (county 270 reported, towns 260), shares 101 / 90 / 60; urbanisation 80 / 60 / 50. */
async function townsReport(): Promise<Report> {
  const csv = 'region,id,year,value\n甲镇,M1.1,2025,120\n乙镇,M1.1,2025,90\n丙乡,M1.1,2025,50\n全县,M1.1,2025,270\n'
    + '甲镇,M1.2,2025,80\n乙镇,M1.2,2025,60\n丙乡,M1.2,2025,50\n甲镇,M1.5,2025,2\n乙镇,M1.5,2025,1.5\n丙乡,M1.5,2025,1.1\n';
  const shares = 'region,id,value\n甲镇,M1.1,101\n乙镇,M1.1,90\n丙乡,M1.1,60\n甲镇,常住人口,10\n乙镇,常住人口,30\n丙乡,常住人口,60\n';
  const decomposed = interpretRegionTargets(Papa.parse<string[]>(shares.trim(), { newline: '\n' }).data, plan, 'rt.csv');
  return evaluate(plan, await actualsFrom(plan, csv), {
    policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'towns.yaml', toolVersion: 'test', regionTargets: decomposed,
  });
}

const pick = (report: Report, region: string, id: string): Result => report.results.find((r) => r.region === region && r.id === id)!;

describe('the view of towns and the county', () => {
  it('a town with its own target: the target is tagged, the matrix cell reads figure/target, the reason leads with it', async () => {
    const view = viewResult(pick(await townsReport(), '丙乡', 'M1.1'), 'zh');
    expect(view.target).toBe('> 60 亿元(分解目标)');
    expect(view.figure).toBe('50/60');
    expect(view.reason.startsWith('分解目标 > 60 亿元;')).toBe(true);
  });

  it('a rate judged against the plan in a town says 县级目标 / county target', async () => {
    const report = await townsReport();
    expect(viewResult(pick(report, '丙乡', 'M1.2'), 'zh').target).toBe('≥ 55 %(县级目标)');
    expect(viewResult(pick(report, '丙乡', 'M1.2'), 'en').reason.startsWith('county target ≥ 55 %; ')).toBe(true);
  });

  it('a county figure rolled up from the towns is marked Σ in a cell and (乡镇汇总) in a listing; a town not judged is ·', async () => {
    const report = await townsReport();
    // (80×10 + 60×30 + 50×60) ÷ 100 = 56
    const county = viewResult(pick(report, '全县', 'M1.2'), 'zh');
    expect([county.figure, county.actual]).toEqual(['Σ56', '56(乡镇汇总)']);
    const town = viewResult(pick(report, '甲镇', 'M1.5'), 'zh');
    expect([town.symbol, town.figure, town.tone]).toEqual(['·', '2', 'neutral']);
  });

  it('the warning that towns and county disagree is worded once and shown by table, text and markdown alike', async () => {
    const report = await townsReport();
    const view = viewReport(report, { lang: 'zh', maxErrors: 50 });
    const line = '外贸进出口总额(M1.1,2025 年):分项之和与合计不符:乡镇汇总 260,全县填报 270,相差 -10';
    expect(view.checks).toEqual([`警告:${line}`]);
    const options = { lang: 'zh' as const, color: false, maxErrors: 50, width: 200 };
    expect(render('table', report, options)).toContain(line);
    expect(render('text', report, options)).toContain(line);
    expect(render('markdown', report, options)).toContain(line);
  });
});
