/** The leadership reports from the built CLI: both at once, and a workbook never sent to a terminal. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { plancheck } from './helpers/run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-leader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('one run writes the page and the workbook', () => {
  const html = join(dir, 'report.html');
  const xlsx = join(dir, 'report.xlsx');
  const run = plancheck(['check', 'fixtures/xiangshan/midterm-2020-2023.csv', '--as-of', '2023', '-f', 'html', '-o', html, '-f', 'xlsx', '-o', xlsx]);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('');
  expect(readFileSync(html, 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
  // A workbook is a zip archive.
  expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
}, 120_000);

test('mid-term, the page heads with the share met or on track, not a 完成率 of the few targets due', () => {
  const html = join(dir, 'mid.html');
  const run = plancheck(['check', 'fixtures/xiangshan/midterm-2020-2023.csv', '--as-of', '2023', '-f', 'html', '-o', html], { LANG: 'zh_CN.UTF-8' });
  expect(run.code).toBe(0);
  const page = readFileSync(html, 'utf8');
  // The summary's counts: 1 not met, 18 already met, 198 on track, 15 moderate, 23 insufficient,
  // 8 moving away: 263 judged, 216 met or on track = 82.1 %; 完成率 so far 0 of 1.
  expect(page).toContain('<dt>达标或符合进度</dt><dd>82.1%<small>已评判 263 个中 216 个;完成率 0.0%(仅计已到期评判的 1 个中达标 0 个)</small></dd>');
  const final = plancheck(['check', 'fixtures/xiangshan/final-2020-2025.csv', '-f', 'html', '-o', html], { LANG: 'zh_CN.UTF-8' });
  expect(readFileSync(html, 'utf8')).toMatch(/<dt>完成率<\/dt><dd>\d+\.\d%<\/dd>/);
  expect(final.code).toBeLessThan(2);
}, 120_000);

test.each([[[]], [['-o', '-']]])('-f xlsx %j: a usage error in the user\'s language, no bytes on the terminal', (output) => {
  const zh = plancheck(['check', 'fixtures/xiangshan/final-2020-2025.csv', '-f', 'xlsx', ...output], { LANG: 'zh_CN.UTF-8' });
  expect(zh.code).toBe(2);
  expect(zh.stdout).toBe('');
  expect(zh.stderr).toContain('xlsx 格式输出的是文件,不能写到终端');
  const en = plancheck(['check', 'fixtures/xiangshan/final-2020-2025.csv', '-f', 'xlsx', ...output]);
  expect(en.stderr).toBe('error: the xlsx format writes a file, never to a terminal: name one with -o, e.g. -f xlsx -o report.xlsx\n(add --help for usage)\n');
});

test('a refusal that is no misused option (an output into a folder that does not exist) says 错误: but gives no help hint', () => {
  const run = plancheck(['check', 'fixtures/xiangshan/final-2020-2025.csv', '-f', 'json', '-o', join(dir, 'no-such-folder', 'r.json')], { LANG: 'zh_CN.UTF-8' });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^错误:[^\n]*r\.json[^\n]*\n$/);
});

test('--region naming no region of the data is refused as a usage error: 错误:, the region it likely meant, the regions there are, the help hint', () => {
  const run = plancheck(['check', 'fixtures/xiangshan/regions-2025.csv', '--region', '丹东', '-f', 'html', '-o', join(dir, 'x.html')], { LANG: 'zh_CN.UTF-8' });
  expect(run.code).toBe(2);
  expect(run.stderr).toBe('错误:数据中没有地区 丹东,是否指 丹东街道?(共有 3 个地区:丹东街道, 丹西街道, 石浦镇)\n(加 --help 查看用法)\n');
  const far = plancheck(['check', 'fixtures/xiangshan/regions-2025.csv', '--region', '北京市朝阳区'], { LANG: 'en_US.UTF-8' });
  expect(far.code).toBe(2);
  expect(far.stderr).toBe('error: the data names no region 北京市朝阳区 (3 regions: 丹东街道, 丹西街道, 石浦镇)\n(add --help for usage)\n');
});

test('--region among more than ten regions: the first ten and an ellipsis, never a list cut without a word', () => {
  const run = plancheck(['check', 'fixtures/towns/towns-2025.csv', '--region', '石浦'], { LANG: 'zh_CN.UTF-8' });
  expect(run.code).toBe(2);
  expect(run.stderr).toBe('错误:数据中没有地区 石浦,是否指 石浦镇?(共有 18 个地区:丹东街道, 丹西街道, 爵溪街道, 石浦镇, 西周镇, 鹤浦镇, 贤庠镇, 墙头镇, 泗洲头镇, 定塘镇, …)\n(加 --help 查看用法)\n');
});

test('3,000 regions: a page that stays usable (under 2 MB, the --region hint first, a heat table, no per-target rows)', () => {
  const csv = ['地区,编号,年份,实际值'];
  for (let r = 0; r < 3000; r += 1) for (const id of ['M1.1', 'G2.2', 'M2.4']) csv.push(`镇${r},${id},2025,${(r % 7) + 1}`);
  const input = join(dir, 'towns.csv');
  writeFileSync(input, `${csv.join('\n')}\n`);
  const html = join(dir, 'towns.html');
  const run = plancheck(['check', input, '--lang', 'en', '-f', 'html', '-o', html]);
  expect(run.code).toBe(1);
  const page = readFileSync(html, 'utf8');
  expect(page.length).toBeLessThan(2_000_000);
  expect(page.indexOf('3000 regions: this page shows totals only')).toBeLessThan(page.indexOf('<table class="heat-table">'));
  // A row per region, none per target.
  expect(page.match(/<tr><th>镇\d+<\/th>/g)).toHaveLength(3000);
  expect(page).not.toContain('<table class="results">');
}, 120_000);

test('--region lists only the named regions in the table, --by region and the page; the counts still cover all', () => {
  const file = 'fixtures/xiangshan/regions-2025.csv';
  const table = plancheck(['check', file, '--region', '石浦镇', '--width', '120'], { LANG: 'zh_CN.UTF-8' });
  expect(table.code).toBe(1);
  // Four regions (象山县 and three towns) × 311 targets are counted: 1,244.
  expect(table.stdout).toContain('合计:4 个地区共 1244 项(地区 × 指标)');
  const header = table.stdout.split('\n').find((line) => line.startsWith('编号')) ?? '';
  expect(header.split(/\s{2,}/)).toEqual(['编号', '指标', '目标', '石浦镇']);
  const byRegion = plancheck(['check', file, '--region', '石浦镇,丹东街道', '--by', 'region', '--width', '120'], { LANG: 'zh_CN.UTF-8' });
  expect(byRegion.stdout.split('\n').filter((line) => line.startsWith('地区:'))).toEqual(['地区:丹东街道', '地区:石浦镇']);
  const html = join(dir, 'one-town.html');
  expect(plancheck(['check', file, '--region', '石浦镇', '-f', 'html', '-o', html], { LANG: 'zh_CN.UTF-8' }).code).toBe(1);
  const page = readFileSync(html, 'utf8');
  expect(page).toContain('石浦镇:共 311 个指标');
  expect(page).not.toContain('丹东街道:共 311 个指标');
  // The page's count of several regions is of results (region × target), not of targets.
  expect(page).toContain('<div><dt>结果数(地区 × 指标)</dt><dd>1244</dd></div>');
  expect(page).not.toContain('<dt>指标数</dt>');
});
