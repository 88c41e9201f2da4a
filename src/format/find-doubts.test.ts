import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { interpretRegionTargets } from '../actuals/interpret-region-targets.js';
import { readActuals } from '../actuals/read-actuals.js';
import { evaluate, evaluateListed } from '../evaluate/evaluate.js';
import { actualsFrom, bundledPlan, townsPlan } from '../evaluate/plan.test-helper.js';
import { listResults } from '../list-results.js';
import type { Report, Result } from '../report/types.js';
import { findDoubts } from './find-doubts.js';
import { outputToString, type FormatOptions } from './formatter.js';
import { formatters } from './index.js';
import { regionMatrix } from './region-matrix.js';
import { readBack } from '../xlsx/read-workbook.test-helper.js';
import { formatXlsx } from './xlsx-report.js';
import { viewReport, viewResult } from './view.js';

const policy = { failOn: ['not_met' as const], maxWarnings: null };

/** G2.2 (target > 15 万元) given in 元 (156000), M35.3 (4.5 万人) in 人, G3.5 (71.5 %) as a fraction; G2.3 plain. */
async function scaleReport(): Promise<Report> {
  const plan = bundledPlan();
  const csv = 'id,year,value\nG2.2,2025,156000\nM35.3,2025,45000\nG3.5,2025,0.7436\nG2.3,2025,3.6\n';
  return evaluate(plan, await actualsFrom(plan, csv), { policy, planFile: 'targets.yaml', toolVersion: 'test' });
}

const pick = (report: Report, id: string, region = ''): Result => report.results.find((r) => r.id === id && r.region === region)!;

describe('figures a warning doubts are marked beside their status', () => {
  it('a figure 10⁴ off its target’s scale reads 已达标 ⚠ 数值疑似单位错误; a fraction for a percentage 未达标 ⚠ 数值疑似小数形式; a plain figure is not marked', async () => {
    const report = await scaleReport();
    const doubts = findDoubts(report);
    expect(doubts.size).toBe(3);
    expect(viewResult(pick(report, 'G2.2'), 'zh', doubts).status).toBe('已达标 ⚠ 数值疑似单位错误');
    expect(viewResult(pick(report, 'M35.3'), 'zh', doubts).status).toBe('已达标 ⚠ 数值疑似单位错误');
    expect(viewResult(pick(report, 'G3.5'), 'zh', doubts).status).toBe('未达标 ⚠ 数值疑似小数形式');
    expect(viewResult(pick(report, 'G2.2'), 'en', doubts).status).toBe('met ⚠ figure may be in the wrong unit');
    expect(viewResult(pick(report, 'G2.3'), 'zh', doubts).status).toBe('已达标');
    expect(viewResult(pick(report, 'G2.3'), 'zh', doubts).doubt).toBe('');
    // Without the report's doubts a result is worded as before.
    expect(viewResult(pick(report, 'G2.2'), 'zh').status).toBe('已达标');
  });

  it('a warning marks only the result of its own target, file and row', async () => {
    const report = await scaleReport();
    const g22 = pick(report, 'G2.2');
    const doubts = findDoubts(report);
    expect(doubts.of({ ...g22, actual: { ...g22.actual!, file: 'other.csv' } }, 'zh')).toBe('');
    expect(doubts.of({ ...g22, actual: { ...g22.actual!, row: 5 } }, 'zh')).toBe('');
    expect(doubts.of({ ...g22, id: 'G2.3' }, 'zh')).toBe('');
    expect(doubts.of(g22, 'zh')).toBe('⚠ 数值疑似单位错误');
  });

  it('in a wide table a warning doubts the figure of its own year only, not the row’s other figures', async () => {
    const plan = bundledPlan();
    // G2.2: 2024 given in 元 (warned), 2025 = 16 (judged, not doubted); M35.3: 2025 in 人 (warned and judged).
    const csv = '指标编号,2024年,2025年\nG2.2,156000,16\nM35.3,3,45000\n';
    const report = evaluate(plan, await actualsFrom(plan, csv), { policy, planFile: 'targets.yaml', toolVersion: 'test' });
    const doubts = findDoubts(report);
    expect(doubts.size).toBe(2);
    expect(viewResult(pick(report, 'G2.2'), 'zh', doubts).status).toBe('已达标');
    expect(viewResult(pick(report, 'M35.3'), 'zh', doubts).status).toBe('已达标 ⚠ 数值疑似单位错误');
  });

  it('every person-facing format shows the mark beside the status and every warning in words', async () => {
    const report = await scaleReport();
    const options: FormatOptions = { lang: 'zh', color: false, maxErrors: 50 };
    for (const format of ['markdown', 'csv'] as const) {
      const text = outputToString(formatters[format](report, options));
      expect(text, format).toContain('已达标 ⚠ 数值疑似单位错误');
      expect(text, format).toContain('未达标 ⚠ 数值疑似小数形式');
    }
    // The table wraps its status column: the mark starts on the result's own line.
    const table = outputToString(formatters.table(report, options)).split('\n');
    expect(table.find((line) => line.startsWith('G2.2 '))).toMatch(/已达标 ⚠ 数值疑/);
    expect(table.find((line) => line.startsWith('G2.3 '))).toMatch(/已达标$/);
    for (const format of ['table', 'markdown', 'text', 'github', 'sarif', 'junit'] as const) {
      const text = outputToString(formatters[format](report, options));
      expect(text, format).toContain('可能应为 15.6 万元');
      expect(text, format).toContain('可能应为 4.5 万人');
      expect(text, format).toContain('是否应为 74.36%'.replace('%', format === 'github' ? '%25' : '%'));
    }
    const html = (await formatters.html(report, options)) as string;
    expect(html).toContain('<span class="doubt">⚠ 数值疑似单位错误</span>');
    expect(html).toMatch(/<section class="warnings"><h2>警告\(请核对\)<\/h2><ul>(<li>[^<]*<\/li>){3}<\/ul><\/section>/);
  });

  it('the workbook marks the status cell and lists every warning on a sheet 警告(请核对)', async () => {
    const book = readBack(await formatXlsx(await scaleReport(), { lang: 'zh', color: false, maxErrors: 50 }));
    expect(book.book.SheetNames).toEqual(['汇总', '明细', '警告(请核对)']);
    const details = book.sheet('明细');
    const rowOf = (id: string): number => Number(Object.keys(details).find((cell) => /^B\d+$/.test(cell) && details[cell]?.v === id)!.slice(1));
    expect(details[`J${rowOf('G2.2')}`]?.v).toBe('√ 已达标 ⚠ 数值疑似单位错误');
    expect(details[`J${rowOf('G2.3')}`]?.v).toBe('√ 已达标');
    const warnings = book.sheet('警告(请核对)');
    expect([warnings.A1?.v, warnings.A2?.v, warnings.A4?.v, warnings.A5]).toEqual([
      '警告(请核对)',
      '警告:in1.csv:2:3 [value]: 156000 万元 约为 G2.2 目标(15 万元)的 10^4 倍:是否按“元”填报?可能应为 15.6 万元(已按 156000 万元 判定)',
      '警告:in1.csv:4:3 [value]: G3.5 的目标为 71.5%,填报值 0.7436 像是小数形式:是否应为 74.36%?(已按 0.7436% 判定)',
      undefined,
    ]);
  });

  it('SARIF has one result per warning, at its cell', async () => {
    const report = await scaleReport();
    const sarif = JSON.parse(outputToString(formatters.sarif(report, { lang: 'en', color: false, maxErrors: 50 }))) as {
      runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region?: { startLine: number; startColumn?: number } } }[] }[] }[];
    };
    const warnings = sarif.runs[0]!.results.filter((r) => r.ruleId.startsWith('warning.'));
    expect(warnings.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region?.startLine])).toEqual([
      ['warning.scale-off', 'warning', 2],
      ['warning.scale-off', 'warning', 3],
      ['warning.fraction-for-percent', 'warning', 4],
    ]);
  });

  it('the view caps the reader’s warnings at maxErrors and counts the rest', async () => {
    const view = viewReport(await scaleReport(), { lang: 'zh', maxErrors: 1 });
    expect(view.checks).toHaveLength(2);
    expect(view.checks[0]).toMatch(/^警告:in1\.csv:2:3 \[value\]: 156000 万元/);
    expect(view.checks[1]).toBe('……另有 2 条警告未显示(共 3 条;完整列表见 -f json)');
  });

  it('a hostile file name in a warning reaches no format raw (ESC, a line break, a workflow command)', async () => {
    const plan = bundledPlan();
    const name = 'in\u001b[31m\n::error::x.csv';
    const source = { name, open: async function* () { yield Buffer.from('id,year,value\nG2.2,2025,156000\n'); } };
    const report = evaluate(plan, await readActuals([source], plan), { policy, planFile: 'targets.yaml', toolVersion: 'test' });
    expect(findDoubts(report).size).toBe(1);
    for (const format of ['table', 'markdown', 'text', 'github', 'junit', 'sarif'] as const) {
      const text = outputToString(formatters[format](report, { lang: 'en', color: false, maxErrors: 50 }));
      expect(text, format).toContain('156000 万元 is about 10^4 times');
      expect(text, format).not.toContain('\u001b');
      expect(text, format).not.toMatch(/^::error::x/m);
    }
    const html = (await formatters.html(report, { lang: 'en', color: false, maxErrors: 50 })) as string;
    expect(html).toContain('<li>warning: in\\u001b[31m\\u000a:\\u003aerror:\\u003ax.csv:2:3 [value]: 156000 万元');
  });
});

/** Trade 120 / 90 / 50 (county 270 reported, towns 260: the roll-up warns), shares 101 / 90 / 60 of the plan's > 250. */
async function townsReport(quiet: boolean) {
  const plan = townsPlan();
  const csv = 'region,id,year,value\n全县,M1.1,2025,270\n甲镇,M1.1,2025,120\n乙镇,M1.1,2025,90\n丙乡,M1.1,2025,50\n';
  const shares = 'region,id,value\n甲镇,M1.1,101\n乙镇,M1.1,90\n丙乡,M1.1,60\n';
  const regionTargets = interpretRegionTargets(Papa.parse<string[]>(shares.trim(), { newline: '\n' }).data, plan, 'rt.csv');
  const actuals = await actualsFrom(plan, csv);
  const options = { policy, planFile: 'towns.yaml', toolVersion: 'test', regionTargets };
  const listing = { quiet, manyRegions: true };
  return { whole: evaluate(plan, actuals, { ...options, list: listResults(listing) }), ...evaluateListed(plan, actuals, { ...options, listing }) };
}

describe('the county figure a roll-up check doubts', () => {
  it('is marked ⚠ 与乡镇分项之和不符 in the listing and ⚠ in its matrix cell; the check is a warning line', async () => {
    const { whole } = await townsReport(false);
    const view = viewReport(whole, { lang: 'zh', maxErrors: 50 });
    expect(viewResult(pick(whole, 'M1.1', '全县'), 'zh', view.doubts).status).toBe('已达标 ⚠ 与乡镇分项之和不符');
    expect(viewResult(pick(whole, 'M1.1', '甲镇'), 'zh', view.doubts).doubt).toBe('');
    const row = regionMatrix(view).find((r) => r.id === 'M1.1')!;
    expect(row.cell(view.regions.findIndex((r) => r.key === '全县'))!.text).toBe('✓ 270 ⚠');
    expect(view.checks.some((line) => line.startsWith('警告:') && line.includes('分项之和与合计不符'))).toBe(true);
    expect(view.doubtLegend).toBe('⚠ 数值存疑(见警告)');
  });
});

describe('the region matrix’s Target column', () => {
  it('is the plan’s target with -q, when every listed result is a town judged on its own target (the CLI judges results again)', async () => {
    const { report, listed } = await townsReport(true);
    const view = viewReport(report, { lang: 'zh', maxErrors: 50, results: listed });
    const row = regionMatrix(view).find((r) => r.id === 'M1.1')!;
    // Only 乙镇 (90, not > 90) and 丙乡 (50, not > 60) are off track: both judged on their own targets.
    expect([...listed.keys()].map((key) => listed.regionOf(key))).toEqual(['乙镇', '丙乡']);
    expect(row.target).toBe('> 250 亿元');
    for (const format of ['table', 'markdown', 'csv'] as const) {
      const text = outputToString(formatters[format](report, { lang: 'zh', color: false, maxErrors: 50, results: listed }));
      expect(text, format).toContain('> 250 亿元');
      expect(text, format).not.toContain('> 60 亿元(分解目标)');
    }
  });

  it('says each cell holds its own target when a report of results lists only towns judged on their own (it holds no plan target)', async () => {
    const { whole } = await townsReport(true);
    expect(whole.results.map((r) => r.region)).toEqual(['乙镇', '丙乡']);
    for (const [lang, words] of [['zh', '各地分解目标(见单元格)'], ['en', "each town's own target (see its cell)"]] as const) {
      expect(regionMatrix(viewReport(whole, { lang, maxErrors: 50 })).find((r) => r.id === 'M1.1')!.target).toBe(words);
    }
  });
});
