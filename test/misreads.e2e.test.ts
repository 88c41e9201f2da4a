/** End-to-end: tables as analysts really make them (fixtures/misreads): no column, sheet or cell misread silently. */
import { describe, expect, it } from 'vitest';
import { checkJson, runPlancheck, verdicts } from './run-plancheck.test-helper.js';

const dir = 'fixtures/misreads/';
const errors = (report: ReturnType<typeof checkJson>['report']) => report.errors.map((e) => [e.code, e.cell ?? `${e.line}:${e.column}`, e.params]);
const notices = (report: ReturnType<typeof checkJson>['report']) => report.inputs.flatMap((i) => i.notices.map((n) => [n.code, n.severity, n.params]));

describe('columns without a header and headers over several columns', () => {
  it('2025年 over unnamed columns (a merged header whose second row is gone): refused with one error, the targets never shown as figures', () => {
    // 序号,指标名称,计量单位,2025年,, — rows 250,232.5,93%: 250 is the form's target.
    const { code, report } = checkJson([`${dir}year-over-unnamed-columns.csv`]);
    expect(code).toBe(2);
    expect(errors(report)).toEqual([['header.spans-columns', '1:4', { column: '2025年', first: 'D', last: 'F' }]]);
    expect(verdicts(report)).toEqual({});
    const zh = runPlancheck(['check', `${dir}year-over-unnamed-columns.csv`], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('year-over-unnamed-columns.csv:1:4 [2025年]: 表头 “2025年” 跨 D–F 列(合并单元格)');
  });

  it('the same table with its second header row (目标值 | 完成值 | 完成率), as CSV and as a merged workbook: 完成值 is the figure', () => {
    for (const file of ['two-row-header.csv', 'merged-year-header.xlsx']) {
      const { code, report } = checkJson([`${dir}${file}`]);
      expect(report.errors).toEqual([]);
      // By hand: 232.5 亿元 is not > 250; 3.16 % < 3.4 %; 7.3 万元 < 7.85 万元.
      expect(verdicts(report)).toEqual({ 'G2.3': ['not_met', 3.16], 'G2.7': ['not_met', 232.5], 'G3.1': ['not_met', 7.3] });
      expect(code).toBe(1);
      expect(notices(report).map(([c]) => c)).toEqual(['notice.header-two-rows', 'notice.column-ignored']);
    }
  });

  it('data under a blank header beside the value column: a located error, that row not judged', () => {
    const { code, report } = checkJson([`${dir}unnamed-beside-value.csv`]);
    expect(code).toBe(2);
    expect(errors(report)).toEqual([['row.unnamed-beside-figure', '3:4', { column: 'D', value: '3.6', figure: 'value' }]]);
    expect(verdicts(report)).toEqual({ 'G2.7': ['met', 260] });
  });
});

describe('two figure columns', () => {
  it('实际值 and 完成值: the error names both headers as written, and neither column is read', () => {
    const { code, report } = checkJson([`${dir}two-value-columns.csv`]);
    expect(code).toBe(2);
    expect(errors(report)).toEqual([['csv.duplicate-figure-column', '1:3', { column: '完成值', other: '实际值', first: 2, second: 3 }]]);
    expect(verdicts(report)).toEqual({});
    const en = runPlancheck(['check', `${dir}two-value-columns.csv`, '-f', 'summary']);
    expect(en.stderr + en.stdout).toContain('columns "实际值" (column 2) and "完成值" (column 3) both hold figures');
  });

  it('本年完成 and 累计完成: cumulative targets judged on the running total, yearly ones on the year\'s figure, said once', () => {
    const { code, report } = checkJson([`${dir}yearly-and-total.csv`]);
    // M35.3 (累计 ≥ 4.5 万人) 4.6 not 0.9; M12.1 (累计 ≥ 44 公里) 45 not 8; G2.7 (level > 250 亿元) 260.
    expect(verdicts(report)).toEqual({ 'G2.7': ['met', 260], 'M12.1': ['met', 45], 'M35.3': ['met', 4.6] });
    expect(code).toBe(0);
    // The file has no year column either: that is said once too.
    expect(notices(report)).toEqual([
      ['notice.yearly-and-total', 'notice', { value: '本年完成', total: '累计完成' }],
      ['notice.no-year-column', 'notice', { year: 2025 }],
    ]);
  });
});

describe('hidden sheets and rows, dates', () => {
  it('a hidden sheet (草稿(勿用)) is not read: a notice names it, its figures are not judged', () => {
    const { code, report } = checkJson([`${dir}hidden-sheet.xlsx`]);
    expect(code).toBe(0);
    expect(verdicts(report)).toEqual({ 'G2.3': ['met', 3.5], 'G2.7': ['met', 260] });
    expect(notices(report)).toEqual([['notice.sheet-hidden', 'notice', { sheet: '草稿(勿用)' }]]);
    const picked = checkJson([`${dir}hidden-sheet.xlsx`, '--sheet', '草稿(勿用)']);
    expect(verdicts(picked.report)).toEqual({ 'G3.1': ['met', 8.1], 'M35.3': ['met', 4.8] });
  });

  it('a hidden row is read and judged, with a warning that counts for --max-warnings', () => {
    const { code, report } = checkJson([`${dir}hidden-row.xlsx`]);
    expect(code).toBe(0);
    expect(verdicts(report)['G3.1']).toEqual(['met', 8.1]);
    expect(notices(report)).toEqual([['warning.hidden-rows', 'warning', { rows: '4', count: 1 }]]);
    expect(runPlancheck(['check', `${dir}hidden-row.xlsx`, '--max-warnings', '0', '-f', 'summary']).code).toBe(1);
  });

  it('a date in a value cell and a date in a year cell are located errors quoting the date, never 45672 %', () => {
    const { code, report } = checkJson([`${dir}dates.xlsx`]);
    expect(code).toBe(2);
    expect(errors(report).slice(0, 2)).toEqual([
      ['row.date-not-figure', 'C2', { value: '2025-01-15' }],
      ['row.date-for-year', 'B3', { value: '2025-12-31', year: 2025 }],
    ]);
    expect(verdicts(report)['G3.5']).toBeUndefined();
    const zh = runPlancheck(['check', `${dir}dates.xlsx`, '-f', 'summary'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr + zh.stdout).toContain('dates.xlsx[Sheet1]!B3 [年份]: 年份单元格是日期 2025-12-31,不是年份:请只填写年份(如 2025)');
  });
});
