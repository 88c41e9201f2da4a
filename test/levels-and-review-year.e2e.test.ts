/**
 * Through the built CLI, as an analyst or a CI job meets them: growth and change targets never
 * read levels as rates, and a review year never drops or re-dates figures without saying so
 * (once per input, on stderr and in the JSON report, in both languages).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlancheck } from './run-plancheck.test-helper.js';

const temp = mkdtempSync(join(tmpdir(), 'plancheck-levels-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Report {
  summary: { warnings: number; byStatus: Record<string, number> };
  results: { id: string; status: string; reason: { code: string; params: Record<string, unknown>; message: string } | null }[];
  inputs: { notices: { code: string; severity: string; line?: number; params: Record<string, unknown>; message: string }[] }[];
}

function json(args: string[], lang = 'en_US.UTF-8'): { code: number | null; report: Report; stderr: string } {
  const run = runPlancheck(['check', ...args, '-f', 'json'], { env: { LANG: lang } });
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

const byId = (report: Report, id: string) => report.results.find((r) => r.id === id);

describe('levels written as rates (docs/progress.md, "Rates that look like levels")', () => {
  it('M1.2 levels 100 … 161.1 for 2020–2025 with 计量单位 %: no data with the reason, never "133.6 % a year, met"', () => {
    const { code, report } = json(['fixtures/xiangshan/levels-as-rates/cagr-levels-percent.csv', '--measure', '1']);
    expect(code).toBe(0);
    expect(byId(report, 'M1.2')?.status).toBe('no_data');
    expect(byId(report, 'M1.2')?.reason?.params).toEqual({ year: 2020, value: 100 });
    expect(report.summary.byStatus.met).toBe(0);
    const zh = runPlancheck(['check', 'fixtures/xiangshan/levels-as-rates/cagr-levels-percent.csv', '--measure', '1', '--width', '200'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('基期 2020 年也填了数值 100,而年增长率没有基期年:这些数值像是未写单位的指标水平值');
    expect(zh.stdout).not.toContain('133.6');
  });

  it('levels without a unit for change targets (零增长 1000 → 990, 翻一番 20 → 45): no data, none "not met"', () => {
    const { code, report } = json(['fixtures/xiangshan/levels-as-rates/change-levels-no-unit.csv', '--measure', '1,111,113']);
    expect(code).toBe(0);
    expect([byId(report, 'M113.2'), byId(report, 'M111.2'), byId(report, 'M1.2')].map((r) => [r?.status, r?.reason?.code])).toEqual([
      ['no_data', 'reason.changes-look-like-levels'],
      ['no_data', 'reason.changes-look-like-levels'],
      ['no_data', 'reason.rates-look-like-levels'],
    ]);
    expect(byId(report, 'M113.2')?.reason?.message).toBe(
      'the baseline year 2020 has 1000, but a change against the baseline (%) is 0 in that year: the figures look like levels of the indicator without their unit. If they are levels, give their unit (e.g. 件, 个) in the unit column; if they are changes in %, leave 2020 blank',
    );
  });

  it('"rates" 110, 121, 133.1 with no 2020 figure are judged, with one warning that counts against --max-warnings 0', () => {
    const file = join(temp, 'rates.csv');
    writeFileSync(file, 'id,year,value\nM1.2,2021,110\nM1.2,2022,121\nM1.2,2023,133.1\n');
    const run = runPlancheck(['check', file, '--measure', '1', '--max-warnings', '0', '-f', 'summary']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`warning: ${file}:4: M1.2: the figures 110, 121, 133.1, read as growth rates or changes in %, are all above 100 %, far beyond the target: they look like levels of the indicator without their unit; if they are levels, give their unit (e.g. 亿元, 件) in the unit column and the figure for the baseline year 2020\n`);
  });
});

describe('what a review year leaves out is said once', () => {
  it('a file without a year column, --as-of 2023: one warning on stderr and in the JSON (2 figures taken as of 2025)', () => {
    const { code, report, stderr } = json(['fixtures/xiangshan/no-year-column.csv', '--as-of', '2023']);
    expect(code).toBe(0);
    expect(stderr).toBe(
      "warning: fixtures/xiangshan/no-year-column.csv: the file has no year column: 2 figures were taken as of their targets' deadline year (2025), after the review year 2023, and not used; if they are figures of 2023, add a year column (年份) holding 2023\n",
    );
    expect(report.inputs[0]?.notices.map((n) => [n.code, n.severity, n.params])).toEqual([
      ['warning.undated-after-review', 'warning', { count: 2, asOf: 2023, years: '2025' }],
    ]);
    expect(report.summary.warnings).toBe(1);
    const zh = runPlancheck(['check', 'fixtures/xiangshan/no-year-column.csv', '--as-of', '2023', '-f', 'summary'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toBe('警告:fixtures/xiangshan/no-year-column.csv: 文件没有“年份”列,其中 2 个数值按目标年份(2025 年)计,晚于评估年份 2023 年,未被采用;若这些是 2023 年的数值,请增加“年份”列并填 2023\n');
  });

  it('the same file with no --as-of: a notice at its header that figures are taken as of their deadline (2025)', () => {
    const { report, stderr } = json(['fixtures/xiangshan/no-year-column.csv']);
    expect(stderr).toBe("info: fixtures/xiangshan/no-year-column.csv:1: no year column: each figure is taken as of its target's deadline year (2025 for most targets); to give figures of other years, add a year column (年份)\n");
    expect(report.inputs[0]?.notices.map((n) => [n.code, n.line])).toEqual([['notice.no-year-column', 1]]);
    expect(report.summary.warnings).toBe(0);
    // -q keeps only warnings.
    expect(runPlancheck(['check', 'fixtures/xiangshan/no-year-column.csv', '-q', '-f', 'summary']).stderr).toBe('');
  });

  it('a workbook sheet without a year column: the notice names its header cell', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['填报单位:象山县统计局'], ['指标编号', '实际值'], ['G2.3', 3.1]]), '完成情况');
    const file = join(temp, 'no-year.xlsx');
    writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const run = runPlancheck(['check', file, '-f', 'summary'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(run.stderr).toContain(`提示:${file}[完成情况]!A2: 没有“年份”列:每个数值都按其指标的目标年份(大多为 2025 年)计;其他年份的数值请增加“年份”列\n`);
  });

  it('the final submission reviewed in 2023: its 572 rows of 2024 and 2025 are named as not used, in one line', () => {
    const { report, stderr } = json(['fixtures/xiangshan/final-2020-2025.csv', '--as-of', '2023']);
    expect(stderr).toBe('info: fixtures/xiangshan/final-2020-2025.csv: not used: 572 figures of years after the review year 2023 (2024, 2025)\n');
    expect(report.inputs[0]?.notices.filter((n) => n.code === 'notice.after-review-year').map((n) => n.params)).toEqual([{ count: 572, asOf: 2023, years: '2024, 2025' }]);
    const zh = runPlancheck(['check', 'fixtures/xiangshan/final-2020-2025.csv', '--as-of', '2023', '-f', 'summary'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toBe('提示:fixtures/xiangshan/final-2020-2025.csv: 未采用:572 个数值属于评估年份 2023 年之后(2024, 2025 年)\n');
  });
});

describe('the form says what to enter for growth and change targets', () => {
  it('CSV, both languages: the hint in the unit column, not %', () => {
    const zh = runPlancheck(['template', '--lang', 'zh']).stdout.split('\r\n');
    expect(zh.find((row) => row.startsWith('M1.2,'))?.split(',')[2]).toBe('年增长率(%)或指标水平值(填其单位)');
    expect(zh.find((row) => row.startsWith('M113.2,'))?.split(',')[2]).toBe('较基期变化(%)或指标水平值(填其单位)');
    const en = runPlancheck(['template', '--lang', 'en']).stdout;
    expect(en).toContain('M1.2,Industrial value added above designated size of the Xiangshan Economic Development Zone,"growth % a year, or levels (give their unit)",');
  });

  it('workbook: the same hint, and the instructions say how to fill it', () => {
    const form = join(temp, 'form.xlsx');
    expect(runPlancheck(['template', '--lang', 'zh', '-o', form]).code).toBe(0);
    const book = XLSX.read(readFileSync(form), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets['填报表']!, { header: 1, defval: '' });
    expect(rows.find((row) => row[0] === 'M35.6')?.[2]).toBe('年增长率(%)或指标水平值(填其单位)');
    const guide = XLSX.utils.sheet_to_json<string[]>(book.Sheets['填报说明']!, { header: 1, defval: '' }).map((row) => row[0]);
    expect(guide.some((line) => line?.startsWith('7. 年均增长、较基期变化类指标'))).toBe(true);
  });
});
