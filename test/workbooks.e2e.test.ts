/** End-to-end: analysts' own files (fixtures/workbooks, built by scripts/make-workbooks.mjs) read by the built bin. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkJson, runPlancheck, verdicts } from './run-plancheck.test-helper.js';

const dir = 'fixtures/workbooks/';

describe('workbooks as Excel and WPS save them', () => {
  it('title rows, an instructions sheet first, 序号/备注, % cells, 万元 and 人 units, 小计 and footnotes: every figure right', () => {
    const { code, report } = checkJson([`${dir}excel-title-rows.xlsx`]);
    // Figures by hand: 2,600,000 万元 = 260 亿元; a 0.0% cell holding 0.531 shows 53.1 %; 526,000 人 = 52.6 万人;
    // "3.5（预计）" is 3.5 with a note; "120万" for a 千瓦 target is 1,200,000 千瓦; #N/A is no figure.
    expect(verdicts(report)).toEqual({
      'G2.3': ['met', 3.5],
      'G2.7': ['met', 260],
      'G3.2': ['met', 53.1],
      'G5.1': ['met', 1],
      'M9.1': ['met', 1200000],
      'M89.1': ['not_met', 8],
      'M90.1': ['met', 52.6],
    });
    expect(code).toBe(1);
    expect(report.errors).toEqual([]);
    const [guide, form] = report.inputs;
    expect(guide?.notices.map((n) => n.code)).toEqual(['notice.sheet-skipped']);
    expect(form?.headerRow).toBe(4);
    expect(form?.notices.map((n) => [n.code, n.cell])).toEqual([
      ['notice.header-found', 'A4'],
      ['notice.row-note', 'G8'],
      ['notice.figure-note', 'F9'],
      ['notice.magnitude', 'F11'],
      ['notice.error-cell', 'F12'],
      ['notice.row-subtotal', 'C13'],
      ['notice.row-footnote', 'A14'],
      ['notice.row-footnote', 'A15'],
    ]);
    // The form's own targets (in 万元 and 人) agree with the plan's once converted: no warning.
    expect(form?.notices.filter((n) => n.severity === 'warning')).toEqual([]);
    expect(report.results.find((r) => r.id === 'G2.7')?.actual).toMatchObject({ file: `${dir}excel-title-rows.xlsx[完成情况]`, row: 5 });
  });

  it('names without ids, one column per year, a bare magnitude (亿) as the unit', () => {
    const { code, report } = checkJson([`${dir}wps-names.xlsx`]);
    expect(report.errors).toEqual([]);
    const v = verdicts(report);
    expect(v['G2.7']).toEqual(['met', 262]);
    expect(v['G2.2']).toEqual(['met', 15.6]);
    expect(v['G3.5']).toEqual(['met', 72]); // a 0.0% cell holding 0.72
    expect(v['G2.6']).toEqual(['met', 4.01]); // 40,100 元 = 4.01 万元, the name in quotation marks
    expect(v['M2.1']).toEqual(['not_met', 1150]); // 1150 with unit 亿 is 1150 亿元 < 1200
    expect(code).toBe(1);
  });

  it('a legacy .xls (BIFF5) with GBK text', () => {
    const { report } = checkJson([`${dir}legacy-gbk.xls`]);
    expect(report.errors).toEqual([]);
    expect(report.inputs.map((i) => i.sheet)).toEqual(['完成情况']);
    expect(verdicts(report)).toEqual({ 'G2.7': ['met', 262], 'M90.1': ['met', 52.6] });
  });

  it('a GBK CSV with a title row, names and 计量单位 in other units than the targets', () => {
    const { report } = checkJson([`${dir}gbk-title-names.csv`]);
    expect(report.errors).toEqual([]);
    expect(verdicts(report)).toEqual({ 'G2.7': ['met', 260], 'M90.1': ['met', 52.6], 'G2.6': ['met', 4.01], 'M89.1': ['not_met', 1.2] });
    expect(report.inputs[0]?.notices.map((n) => n.code)).toEqual(['notice.header-found', 'notice.row-subtotal']);
  });

  it('--sheet picks a sheet; a sheet that does not exist is a located error naming the sheets', () => {
    const picked = checkJson([`${dir}excel-title-rows.xlsx`, '--sheet', '完成情况']);
    expect(picked.report.inputs.map((i) => i.sheet)).toEqual(['完成情况']);
    const missing = checkJson([`${dir}excel-title-rows.xlsx`, '--sheet', '汇总']);
    expect(missing.code).toBe(2);
    expect(missing.report.errors.map((e) => [e.code, e.params.sheets])).toEqual([['workbook.no-such-sheet', '填报说明, 完成情况']]);
  });
});

describe('never a silent misread', () => {
  it('a fraction for a % target and a figure 10⁴ off get a warning with the likely reading', () => {
    const run = runPlancheck(['check', `${dir}scale-warnings.csv`, '-f', 'summary']);
    expect(run.stderr).toContain('scale-warnings.csv:2:2 [实际值]: target G3.2 is 52.3 %, and 0.531 looks like a fraction: did you mean 53.1 %?');
    expect(run.stderr).toContain('scale-warnings.csv:3:2 [实际值]: 2600000 亿元 is about 10^4 times the target of G2.7 (250 亿元): was it entered in 万元? The likely reading is 260 亿元');
    expect(run.stderr).not.toContain('G2.3');
  });

  it('a scale warning counts as a warning of the run: --max-warnings 0 fails a run whose only doubt is a figure 10⁴ off', () => {
    // G2.7 > 250 亿元 given as 2600000 (亿元 assumed): met as read, but most likely 万元.
    const only = '指标编号,实际值\nG2.7,2600000\n';
    const relaxed = runPlancheck(['check', '-', '-f', 'summary'], { input: only });
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/1 met, 0 not met, 310 no data; 0 failing, 1 warning/);
    const strict = runPlancheck(['check', '-', '-f', 'summary', '--max-warnings', '0'], { input: only });
    expect(strict.code).toBe(1);
    expect(strict.stdout.trimEnd().split('\n').at(-1)).toBe('exit code 1: 1 warning, more than --max-warnings 0');
  });

  it('names that match no target or two are located errors listing the closest names and ids', () => {
    const run = runPlancheck(['check', `${dir}names-errors.csv`], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('names-errors.csv:2:1 [指标名称]: 规划中没有名为 “外贸进口总额” 的指标;最接近的有:外贸进出口总额 (G2.7)');
    expect(run.stdout).toContain('省级民主法治村(社区)数量 (M111.2)、省级民主法治村(社区)数量 (M111.3)');
  });

  it('nothing readable: the errors and a hint, exit 2, no table of "no data"', () => {
    const run = runPlancheck(['check', `${dir}instructions-only.xlsx`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('instructions-only.xlsx[填报说明]!A1: required column "id" is missing');
    expect(run.stdout).not.toContain('no data');
    const lines = run.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toBe('the submission has 3 errors; it is not a valid submission');
  });

  it('zip bombs are refused before parsing: a part that lies about its size, and one declared too large', () => {
    // The lying part declares 1,000 bytes: that is its own size, not a limit, and is said so.
    const lying = runPlancheck(['check', `${dir}zip-bomb-lying.xlsx`]);
    expect(lying.code).toBe(2);
    expect(lying.stdout).toContain('expands beyond the 1000 bytes it declares: damaged or tampered with (a zip bomb?); refused');
    const declared = runPlancheck(['check', `${dir}zip-bomb-declared.xlsx`]);
    expect(declared.code).toBe(2);
    expect(declared.stdout).toContain('expands beyond the limit of 67108864 bytes (a zip bomb?); refused');
  });
});

describe('the workbook form', () => {
  it('round-trips: written, filled in, checked: the same figures', () => {
    const temp = mkdtempSync(join(tmpdir(), 'plancheck-form-'));
    const form = join(temp, 'form.xlsx');
    expect(runPlancheck(['template', '--lang', 'zh', '-o', form]).code).toBe(0);
    const book = XLSX.read(readFileSync(form), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['填报说明', '填报表']);
    const sheet = book.Sheets['填报表'];
    if (!sheet) throw new Error('no form sheet');
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
    expect(rows[0]).toEqual(['指标编号', '指标名称', '计量单位', '目标', '2020年', '2021年', '2022年', '2023年', '2024年', '2025年']);
    const put = (id: string, column: number, value: string | number): void => {
      const r = rows.findIndex((row) => row[0] === id);
      sheet[XLSX.utils.encode_cell({ r, c: column })] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
    };
    put('G2.7', 9, 262); // 2025
    put('G2.1', 9, '是');
    put('G3.2', 9, 51); // below 52.3 %
    writeFileSync(form, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const { report } = checkJson([form]);
    expect(report.errors).toEqual([]);
    expect(verdicts(report)).toEqual({ 'G2.1': ['met', 1], 'G2.7': ['met', 262], 'G3.2': ['not_met', 51] });
  });

  it('milestone years get 是/否 drop-downs; years a target does not need are shaded', () => {
    const temp = mkdtempSync(join(tmpdir(), 'plancheck-form-'));
    const form = join(temp, 'form.xlsx');
    runPlancheck(['template', '-o', form]);
    const xml = XLSX.read(readFileSync(form), { type: 'buffer', bookFiles: true }) as unknown as { files: Record<string, { content: Buffer }> };
    const sheetXml = Object.entries(xml.files).find(([name]) => name.endsWith('sheet2.xml'))?.[1].content.toString('utf8') ?? '';
    expect(sheetXml).toContain('<dataValidation type="list"');
    expect(sheetXml).toContain('&quot;是,否&quot;');
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="1"/);
  });
});

describe('reader hardening (issue 11)', () => {
  it('`check - -` is a usage error: standard input can be read only once', () => {
    const run = runPlancheck(['check', '-', '-'], { input: 'id,value\nG2.7,262\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"-" (standard input) is given 2 times');
    expect(run.stdout).toBe('');
  });

  it('after a fatal header error the rest of standard input is not read', () => {
    // 40 rows without a header, then 60 MB: the run ends on the header error without reading them.
    const input = `${'a,b\n'.repeat(40)}${'1,2\n'.repeat(15_000_000)}`;
    const started = Date.now();
    const run = runPlancheck(['check', '-', '-f', 'summary'], { input });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('<stdin>:1: required column "id" is missing');
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it("a 400-digit figure is a located error, never Infinity; Excel's sep=; line is understood", () => {
    const run = runPlancheck(['check', '-', '-f', 'summary'], { input: `sep=;\nid;value\nG2.7;${'9'.repeat(400)}\n` });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`<stdin>:2:2 [value]: "${'9'.repeat(400)}" is too large to be a number`);
  });
});
