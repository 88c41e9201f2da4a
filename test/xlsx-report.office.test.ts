/**
 * The report workbook in a real spreadsheet application: LibreOffice (Debian `libreoffice-calc`)
 * opens the workbooks the built CLI writes and prints them to PDF; the tests check that it converts
 * without error and that the PDF shows the expected text (sheet names, headers, Chinese words).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { hasCommand, plancheck, ROOT } from './helpers/run-bin.js';

const office = hasCommand('soffice') && hasCommand('pdftotext');
const OUT = join(ROOT, 'test-results', 'office');

if (!office) console.warn('SKIPPED: spreadsheet tests of the report workbook need LibreOffice and poppler (apt-get install libreoffice-calc poppler-utils)');

/** Converts a workbook to PDF with LibreOffice in a private profile; returns the PDF's text. */
function printWorkbook(xlsx: string, profile: string): { status: number | null; stderr: string; text: string } {
  const run = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', OUT, xlsx], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  const text = existsSync(pdf) ? spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout : '';
  return { status: run.status, stderr: run.stderr, text };
}

describe.skipIf(!office)('report workbook in LibreOffice', () => {
  const profile = mkdtempSync(join(tmpdir(), 'plancheck-office-'));
  mkdirSync(OUT, { recursive: true });
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  test('the mid-term workbook converts and shows the summary, the headers, statuses and the words of the plan', () => {
    const xlsx = join(OUT, 'midterm-zh.xlsx');
    const run = plancheck(['check', 'fixtures/xiangshan/midterm-2020-2023.csv', '--as-of', '2023', '--lang', 'zh', '-f', 'xlsx', '-o', xlsx]);
    expect(run.code).toBe(0);
    const printed = printWorkbook(xlsx, profile);
    expect(printed.status).toBe(0);
    expect(printed.stderr).not.toMatch(/Error:/);
    for (const text of ['规划', '时序进度', '60%', '指标名称', '计量单位', '滞后进度', '逆向变化', '人均地区生产总值', '原文', '地区生产总值超过15万元']) {
      expect(printed.text, text).toContain(text);
    }
  }, 180_000);

  test('with regions and input errors: 分地区 and 错误 sheets', () => {
    const xlsx = join(OUT, 'regions-errors-en.xlsx');
    const run = plancheck(['check', 'fixtures/xiangshan/regions-2025.csv', 'fixtures/xiangshan/broken/not-a-number.csv', '--lang', 'en', '-f', 'xlsx', '-o', xlsx]);
    expect(run.code).toBe(2);
    const printed = printWorkbook(xlsx, profile);
    expect(printed.status).toBe(0);
    // LibreOffice prints no sheet names: each sheet is recognised by its headers.
    for (const text of ['Review year', 'Indicator', 'Reason', '丹东街道 Status', '石浦镇 Actual', 'Message', 'not-a-number.csv']) expect(printed.text, text).toContain(text);
  }, 180_000);
});
