/** End-to-end: the built bin, run as a user runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runPlancheck as plancheck } from './run-plancheck.test-helper.js';

const MINI = ['--targets', 'fixtures/plans/mini.yaml'];

const STACK = /\n\s+at .+:\d+:\d+/;

describe('plancheck check (mini plan)', () => {
  it('exit 1 when a hard target fails; the table names each status', () => {
    const { code, stdout, stderr } = plancheck(['check', 'fixtures/mini/final-2025.csv', ...MINI]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('M1.1');
    expect(stdout).toMatch(/All: 12 targets, 10 met, 2 not met, 0 no data; 1 failing, 1 warning\b/);
  });

  it('exit 0 when nothing failed, even with targets missing', () => {
    expect(plancheck(['check', 'fixtures/mini/all-met-2025.csv', ...MINI]).code).toBe(0);
  });

  it('--require-complete makes missing figures fail', () => {
    expect(plancheck(['check', 'fixtures/mini/all-met-2025.csv', '--require-complete', ...MINI]).code).toBe(1);
  });

  it('exit 2 with located messages for invalid rows, in Chinese too', () => {
    const en = plancheck(['check', 'fixtures/mini/invalid-rows.csv', ...MINI]);
    expect(en.code).toBe(2);
    expect(en.stdout).toContain('fixtures/mini/invalid-rows.csv:2:2 [value]: "3.4x" is not a number');
    expect(en.stdout).toContain('fixtures/mini/invalid-rows.csv:3:1 [id]: the plan has no target "M9.1" (did you mean M1.1?)');
    const zh = plancheck(['check', 'fixtures/mini/invalid-rows.csv', ...MINI], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('“3.4x” 不是数字');
    expect(`${en.stdout}${en.stderr}${zh.stdout}${zh.stderr}`).not.toMatch(STACK);
  });

  it('reads standard input with -', () => {
    const { code, stdout } = plancheck(['check', '-', '-f', 'summary', ...MINI], { input: 'id,value\nG1.1,3.5\n' });
    expect(code).toBe(0);
    expect(stdout).toContain('1 met');
  });

  it('writes several formats from one run, files atomically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-'));
    const out = join(dir, 'report.json');
    const { code, stdout } = plancheck(['check', 'fixtures/mini/final-2025.csv', ...MINI, '-f', 'summary', '-f', 'json', '-o', out]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^All: 12 targets/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { schemaVersion: number; results: { id: string; status: string }[] };
    expect(report.schemaVersion).toBe(1);
    expect(report.results.find((r) => r.id === 'M1.1')?.status).toBe('not_met');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('a failed write is exit 2 and leaves nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-'));
    const out = join(dir, 'missing-dir', 'report.json');
    const { code, stderr } = plancheck(['check', 'fixtures/mini/final-2025.csv', ...MINI, '-f', 'json', '-o', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot write');
    expect(existsSync(join(dir, 'missing-dir'))).toBe(false);
  });

  it('never colours machine output, and honours NO_COLOR and FORCE_COLOR for tables', () => {
    const forced = plancheck(['check', 'fixtures/mini/final-2025.csv', ...MINI], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const json = plancheck(['check', 'fixtures/mini/final-2025.csv', ...MINI, '-f', 'json'], { env: { FORCE_COLOR: '1' } });
    expect(json.stdout).not.toContain('\u001b[');
    const off = plancheck(['check', 'fixtures/mini/final-2025.csv', ...MINI], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(off.stdout).not.toContain('\u001b[');
    const flag = plancheck(['check', 'fixtures/mini/final-2025.csv', ...MINI, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toContain('\u001b[');
  });

  it('a mid-term review shows progress statuses and projections', () => {
    const csv = 'id,year,value\nG1.1,2020,2.5\nG1.1,2023,3.0\nM2.1,2023,2.6\n';
    const { code, stdout } = plancheck(['check', '-', '--as-of', '2023', '-f', 'json', ...MINI], { input: csv });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { as_of: number; results: { id: string; status: string; progress: { projected: number } | null }[] };
    expect(report.as_of).toBe(2023);
    expect(report.results.find((r) => r.id === 'G1.1')).toMatchObject({ status: 'on_track' });
    expect(report.results.find((r) => r.id === 'G1.1')?.progress?.projected).toBeCloseTo(3.3877, 3);
  });
});

describe('progress bands', () => {
  const csv = 'id,year,value\nG1.1,2020,2.5\nG1.1,2023,2.7\n';
  const status = (extra: string[]) => {
    const { code, stdout } = plancheck(['check', '-', '--as-of', '2023', '-f', 'json', ...MINI, ...extra], { input: csv });
    return { code, status: (JSON.parse(stdout || '{"results":[]}') as { results: { id: string; status: string }[] }).results.find((r) => r.id === 'G1.1')?.status };
  };

  it('default bands rate a ratio of 0.41 insufficient; --bands can set them', () => {
    expect(status([]).status).toBe('insufficient');
    expect(status(['--bands', '0.4,0.2']).status).toBe('on_track');
    expect(status(['--bands', '0.5,0.4']).status).toBe('moderate');
  });

  it('refuses bands that are not two ordered shares', () => {
    expect(plancheck(['check', 'fixtures/mini/final-2025.csv', ...MINI, '--bands', '0.5,0.9']).code).toBe(2);
    expect(plancheck(['check', 'fixtures/mini/final-2025.csv', ...MINI, '--bands', 'high']).code).toBe(2);
  });
});

describe('plancheck template', () => {
  it('round-trips: the form it writes, filled in, is read back by check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-'));
    const form = join(dir, 'form.csv');
    expect(plancheck(['template', ...MINI, '--lang', 'zh', '-o', form]).code).toBe(0);
    const text = readFileSync(form, 'utf8');
    // The years the mini plan's targets need: its baseline year 2020 and the period 2021–2025.
    expect(text.startsWith('\ufeff指标编号,指标名称,计量单位,目标,2020年,2021年,2022年,2023年,2024年,2025年\r\n')).toBe(true);
    const filled = text.replace(/^(G1\.1,.*),$/m, '$1,3.6').replace(/^(M1\.1,.*),$/m, '$1,1200');
    writeFileSync(form, filled);
    const { code, stdout } = plancheck(['check', form, ...MINI, '-f', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { results: { id: string; status: string }[] };
    expect(report.results.filter((r) => r.status === 'met').map((r) => r.id)).toEqual(['G1.1', 'M1.1']);
  });

  it('--years chooses the year columns', () => {
    const { stdout } = plancheck(['template', ...MINI, '--years', '2021-2023']);
    expect(stdout.split('\r\n')[0]).toBe('\ufeffid,indicator,unit,target,2021,2022,2023');
  });

  it('no cell of the CSV form starts like a formula', () => {
    const { stdout } = plancheck(['template', '--regions', '=cmd,+x,-y,@z', '--lang', 'zh']);
    const cells = stdout.replace(/^\ufeff/, '').split('\r\n').flatMap((line) => line.split(','));
    expect(cells.filter((cell) => /^"?[=+\-@]/.test(cell))).toEqual([]);
    expect(stdout).toContain("'=cmd");
  });
});

describe('usage', () => {
  it('--help and --version exit 0', () => {
    const help = plancheck(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes');
    expect(plancheck(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('an unknown option or format is exit 2 without a stack trace', () => {
    const bad = plancheck(['check', 'x.csv', '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('pdf');
    expect(bad.stderr).not.toMatch(STACK);
    expect(plancheck(['frobnicate']).code).toBe(2);
  });

  it('a missing actuals file is exit 2 with a message', () => {
    const { code, stdout } = plancheck(['check', 'no-such.csv', ...MINI, '-f', 'summary']);
    expect(code).toBe(2);
    expect(stdout).toContain('no-such.csv');
  });

  it('a broken plan is exit 2 with every problem located', () => {
    const { code, stderr } = plancheck(['validate', 'fixtures/plans/broken/semantic-errors.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('semantic-errors.yaml:14:15 [measures.0.targets.1.id]');
    expect(stderr).not.toMatch(STACK);
  });

  it('output piped into a reader that stops early does not crash', () => {
    const result = spawnSync('bash', ['-c', `node bin/plancheck.js check fixtures/mini/final-2025.csv ${MINI.join(' ')} | head -n 2`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').length).toBeGreaterThanOrEqual(2);
  });
});

describe('reports people read (built bin)', () => {
  const SGR = /\u001b\[[0-9;]*m/g;
  const width = (line: string): number => {
    let w = 0;
    for (const ch of line.replace(SGR, '')) w += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
    return w;
  };

  it('in an 80-column Chinese terminal the mid-term table fits, says why, and keeps colours per line', () => {
    const { code, stdout } = plancheck(['check', 'fixtures/xiangshan/midterm-2020-2023.csv'], { env: { LANG: 'zh_CN.UTF-8', COLUMNS: '80', FORCE_COLOR: '1' } });
    expect(code).toBe(0);
    for (const line of stdout.split('\n')) expect(width(line)).toBeLessThanOrEqual(80);
    expect(stdout).toContain('原因:需年均增长');
    expect(stdout).toContain('预计2025年');
    expect(stdout.replace(SGR, '')).toContain('完成率 0.0%(仅计已到期评判的 1 个中达标 0 个)');
  });
});
