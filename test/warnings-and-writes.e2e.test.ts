/** End-to-end, as analysts and CI run the built bin: warnings reach every report people read, a matrix row names the plan's target, a failed write exits 2 in words. */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import XLSX from '@e965/xlsx';
import { root, runPlancheck } from './run-plancheck.test-helper.js';

const SCALE = 'fixtures/workbooks/scale-units-2025.csv'; // G2.2 156000 万元 (> 15), M35.3 45000 万人 (≥ 4.5), G3.5 0.7436 (≥ 71.5 %)
const TOWNS = ['fixtures/towns/towns-with-county-2025.csv', '--region-targets', 'fixtures/towns/region-targets.csv'];
const zh = { LANG: 'zh_CN.UTF-8' };
const dir = mkdtempSync(join(tmpdir(), 'plancheck-d3-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the reader’s warnings in every report people read', () => {
  it('markdown, csv and the table mark the doubted figures beside 已达标; markdown and the table word every warning', () => {
    const markdown = runPlancheck(['check', SCALE, '-f', 'markdown'], { env: zh }).stdout;
    expect(markdown).toContain('| G2.2 | 人均地区生产总值 | \\> 15 万元 | 156000 | +155985 | ✅ 已达标 ⚠ 数值疑似单位错误 |');
    expect(markdown).toContain('✅ 已达标 ⚠ 数值疑似单位错误');
    expect(markdown).toContain('❌ 未达标 ⚠ 数值疑似小数形式');
    expect(markdown).toContain('可能应为 15.6 万元');
    const csv = runPlancheck(['check', SCALE, '-f', 'csv'], { env: zh }).stdout;
    expect(csv).toContain(',已达标 ⚠ 数值疑似单位错误,通过,');
    const table = runPlancheck(['check', SCALE], { env: zh }).stdout;
    expect(table).toMatch(/^G2\.2 .*已达标 ⚠/m);
    expect(table).toContain('警告:fixtures/workbooks/scale-units-2025.csv:3:3 [实际值]: 45000 万人');
  });

  it('stdout and stderr into one place (2>&1, a terminal): each warning is said once, in the report; into two, on both', () => {
    const bin = join(root, 'bin', 'plancheck.js');
    const one = join(dir, 'one.txt');
    const fd = openSync(one, 'w');
    try {
      spawnSync(process.execPath, [bin, 'check', SCALE], { cwd: root, env: { ...process.env, ...zh }, stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    const warning = '45000 万人 约为 M35.3 目标';
    const times = (text: string): number => text.split(warning).length - 1;
    const both = readFileSync(one, 'utf8');
    expect(times(both)).toBe(1);
    expect(both).toContain('警告:fixtures/workbooks/scale-units-2025.csv:3:3 [实际值]: 45000 万人');
    const apart = runPlancheck(['check', SCALE], { env: zh });
    expect([times(apart.stdout), times(apart.stderr)]).toEqual([1, 1]);
  });

  it('villages judged on the plan\'s targets (the templated sentences of a large run): a doubted figure keeps its mark in every format, the others are worded as before', () => {
    // 甲村 G2.2 0.0014 万元 is 10^-4 of 15 万元: doubted, not met. 乙村 G2.2 14: not met, no doubt.
    const file = 'fixtures/misreads/villages-doubted.csv';
    for (const format of ['text', 'github', 'junit', 'sarif']) {
      const out = runPlancheck(['check', file, '-f', format], { env: zh }).stdout;
      expect(out, format).toContain('[甲村] 人均地区生产总值:未达标 ⚠ 数值疑似单位错误,实际 0.0014,目标 > 15 万元'.replace('>', format === 'junit' ? '&gt;' : '>'));
      expect(out, format).toContain('[乙村] 人均地区生产总值:未达标,实际 14,目标 '.replace('>', format === 'junit' ? '&gt;' : '>'));
    }
  });

  it('github annotates each warning at its cell; sarif has one result per warning; junit a warnings suite', () => {
    const github = runPlancheck(['check', SCALE, '-f', 'github']).stdout;
    expect(github).toContain('::warning file=fixtures/workbooks/scale-units-2025.csv,line=2,col=3,title=plancheck warning.scale-off::');
    expect(github.match(/^::warning /gm)).toHaveLength(3);
    const sarif = JSON.parse(runPlancheck(['check', SCALE, '-f', 'sarif']).stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['G3.5', 'warning.scale-off', 'warning.scale-off', 'warning.fraction-for-percent']);
    const junit = runPlancheck(['check', SCALE, '-f', 'junit']).stdout;
    expect(junit).toContain('warnings" tests="3" failures="0"');
    expect(junit).toContain('<system-out>GDP per capita: met ⚠ figure may be in the wrong unit; actual 156000');
  });

  it('the html page has a warnings section and the mark beside the status; the workbook a 警告 sheet', () => {
    const html = join(dir, 'r.html');
    const xlsx = join(dir, 'r.xlsx');
    expect(runPlancheck(['check', SCALE, '-f', 'html', '-o', html, '-f', 'xlsx', '-o', xlsx], { env: zh }).code).toBe(1);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<span class="badge s-met">√ 已达标</span> <span class="doubt">⚠ 数值疑似单位错误</span>');
    expect(page).toContain('<section class="warnings"><h2>警告(请核对)</h2><ul><li>警告:fixtures/workbooks/scale-units-2025.csv:2:3 [实际值]: 156000 万元 约为 G2.2');
    const book = XLSX.read(readFileSync(xlsx));
    expect(book.SheetNames).toEqual(['汇总', '明细', '警告(请核对)']);
    const warnings = XLSX.utils.sheet_to_json<string[]>(book.Sheets['警告(请核对)']!, { header: 1 });
    expect(warnings).toHaveLength(4);
  });

  it('the towns’ roll-up and decomposition warnings are in the html page and the workbook', () => {
    const html = join(dir, 't.html');
    const xlsx = join(dir, 't.xlsx');
    runPlancheck(['check', ...TOWNS, '-f', 'html', '-o', html, '-f', 'xlsx', '-o', xlsx], { env: zh });
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('分项之和与合计不符:乡镇汇总 262.63,全县填报 270.63,相差 -8');
    expect(page).toContain('分解目标之和 770 未达到县级目标 800');
    const book = XLSX.read(readFileSync(xlsx));
    const lines = XLSX.utils.sheet_to_json<string[]>(book.Sheets['警告(请核对)']!, { header: 1 }).map((row) => row[0]);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('分项之和与合计不符');
    // The county's figure the roll-up doubts is marked in the region sheet.
    expect(JSON.stringify(XLSX.utils.sheet_to_json(book.Sheets['分地区']!, { header: 1 }))).toContain('√ 已达标 ⚠ 与乡镇分项之和不符');
  });
});

describe('with -q the region matrix’s Target column is the plan’s target', () => {
  it('G2.7 reads > 250 亿元 (the plan), not a town’s > 32 亿元(分解目标), in table, markdown and csv', () => {
    const table = runPlancheck(['check', ...TOWNS, '-q'], { env: zh }).stdout;
    expect(table).toMatch(/^G2\.7 +外贸进出口总额 +> 250 亿元 /m);
    expect(table).toMatch(/^M3\.7 +规模企业数量 +≥ 800 家 /m);
    const markdown = runPlancheck(['check', ...TOWNS, '-q', '-f', 'markdown'], { env: zh }).stdout;
    expect(markdown).toContain('| G2.7 | 外贸进出口总额 | \\> 250 亿元 |');
    const csv = runPlancheck(['check', ...TOWNS, '-q', '-f', 'csv'], { env: zh }).stdout;
    expect(csv).toContain('\nG2.7,外贸进出口总额,> 250 亿元,亿元,');
    // A town's own target stays in its cell.
    expect(table).toContain('✗ 31.96/32');
  });
});

describe('a failed write exits 2 with its reason in the user’s language', () => {
  it('stdout on a full disk: worded, no stack, exit 2 (table, json, list)', () => {
    for (const [args, env, words] of [
      [['check', 'fixtures/xiangshan/submission-2025.csv'], zh, '无法写入标准输出:磁盘空间不足\n'],
      [['check', 'fixtures/xiangshan/submission-2025.csv', '-f', 'json'], {}, 'cannot write to standard output: no space left on the device\n'],
      [['list'], {}, 'cannot write to standard output: no space left on the device\n'],
    ] as const) {
      const run = runTo(args, { stdout: '/dev/full' }, env);
      expect(run.stderr, args.join(' ')).toBe(words);
      expect(run.code, args.join(' ')).toBe(2);
    }
  });

  it('-o to a full device and a failing stderr exit 2 too', () => {
    const file = runPlancheck(['check', 'fixtures/xiangshan/submission-2025.csv', '-f', 'junit', '-o', '/dev/full'], { env: zh });
    expect(file.code).toBe(2);
    expect(file.stderr).toBe('无法写入 /dev/full:磁盘空间不足\n');
    // G3.5 is not met: 1 when stderr takes the reader's warnings, 2 when it cannot.
    expect(runTo(['check', SCALE], { stdout: '/dev/null', stderr: '/dev/null' }, {}).code).toBe(1);
    expect(runTo(['check', SCALE], { stdout: '/dev/null', stderr: '/dev/full' }, {}).code).toBe(2);
  });

  it('a reader that goes away (EPIPE) ends quietly with the report’s own exit code', async () => {
    const child = spawn(process.execPath, ['bin/plancheck.js', 'check', 'fixtures/xiangshan/submission-2025.csv', '-f', 'json'], { cwd: root, env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    // submission-2025 has targets not met: 1, as when it is read whole.
    expect(code).toBe(1);
  });
});

/** Runs the built bin with stdout and stderr sent to the files given (a device such as /dev/full), stderr captured otherwise. */
function runTo(args: readonly string[], to: { stdout: string; stderr?: string }, env: Record<string, string>) {
  const out = openSync(to.stdout, 'w');
  const err = to.stderr === undefined ? 'pipe' : openSync(to.stderr, 'w');
  try {
    const result = spawnSync(process.execPath, ['bin/plancheck.js', ...args], {
      cwd: root, encoding: 'utf8', stdio: ['ignore', out, err], env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...env }, timeout: 60_000,
    });
    return { code: result.status, stderr: result.stderr ?? '' };
  } finally {
    closeSync(out);
    if (typeof err === 'number') closeSync(err);
  }
}
