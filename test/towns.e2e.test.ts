/** End-to-end on the 18-town samples of fixtures/towns/ (scripts/make-town-samples.mjs) and every fixture's report. */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import type { Io } from '../src/run.js';

const root = new URL('../', import.meta.url).pathname;
const TOWNS = ['fixtures/towns/towns-2025.csv', 'fixtures/towns/towns-with-county-2025.csv'];
const REGION_TARGETS = 'fixtures/towns/region-targets.csv';

function plancheck(args: string[], lang = 'en_US.UTF-8') {
  const result = spawnSync(process.execPath, ['bin/plancheck.js', ...args], {
    cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: lang }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonResult { id: string; region: string; status: string; severity: string; target_source: string | null; figure_source: string | null; value: unknown; reason: { code: string } | null }
interface JsonReport {
  region_roles: { plan_level: string; derived: boolean; towns: string[] } | null;
  results: JsonResult[];
  checks: { kind: string; id: string; severity: string; expected: number; actual: number; difference: number; message: string | null }[];
  summary: { failures: number; warnings: number };
  errors: { code: string; line: number; field: string }[];
}

/** Runs plancheck in-process with JSON on stdout (fast enough to run over every fixture). */
async function jsonOf(args: string[]): Promise<JsonReport> {
  const out: string[] = [];
  const io: Io = { stdout: { write: (text: string) => out.push(text) }, stderr: { write: () => true }, stdin: (async function* () {})(), env: { LANG: 'en_US.UTF-8' } };
  await main([...args, '-f', 'json'], io);
  return JSON.parse(out.join('')) as JsonReport;
}

function csvFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return csvFiles(path);
    return name.endsWith('.csv') && !name.includes('region-targets') ? [path] : [];
  });
}

describe('no town is ever "not met" against a county total', () => {
  const files = csvFiles(join(root, 'fixtures')).map((file) => relative(root, file));

  it.each(files)('%s', async (file) => {
    const args = ['check', join(root, file)];
    if (file.startsWith('fixtures/towns/')) args.push('--region-targets', join(root, REGION_TARGETS));
    const report = await jsonOf(args);
    const planLevel = report.region_roles?.plan_level;
    for (const result of report.results) {
      if (!report.region_roles || result.region === planLevel) continue;
      // A town fails only against what it was given (分解目标) or against the plan's rate (县级目标).
      if (result.status === 'not_met') expect(['decomposed', 'intensive_plan'], `${file} ${result.region} ${result.id}`).toContain(result.target_source);
      if (result.target_source === null) expect(result.severity, `${result.region} ${result.id}`).toBe('info');
    }
  });

  it('covers the 18-town samples and the samples without towns', () => {
    expect(files).toEqual(expect.arrayContaining([...TOWNS, 'fixtures/xiangshan/regions-2025.csv', 'fixtures/xiangshan/submission-2025.csv']));
  });
});

describe('18 towns (fixtures/towns)', () => {
  it('without a county row: county figures derived and judged, each town against its own target, every result says which target and figure', () => {
    const { code, stdout } = plancheck(['check', TOWNS[0]!, '--region-targets', REGION_TARGETS, '-f', 'json']);
    const report = JSON.parse(stdout) as JsonReport;
    expect(code).toBe(1);
    expect(report.region_roles).toMatchObject({ plan_level: '象山县', derived: true });
    expect(report.region_roles?.towns).toHaveLength(18);
    const county = (id: string) => report.results.find((r) => r.region === '象山县' && r.id === id);
    expect(county('G2.7')).toMatchObject({ status: 'met', target_source: 'plan', figure_source: 'derived' });
    expect(county('M35.3')).toMatchObject({ status: 'not_met', figure_source: 'derived' });
    expect(report.results.find((r) => r.region === '东陈乡' && r.id === 'M3.7')).toMatchObject({ target_source: 'decomposed', value: 13 });
    for (const result of report.results) expect(result).toHaveProperty('target_source');
    // 18 towns × 311 targets: only the 99 intensive targets and the towns' own targets are judged in a town.
    const summary = plancheck(['check', TOWNS[0]!, '--region-targets', REGION_TARGETS, '-f', 'summary']).stdout.split('\n');
    expect(summary[0]).toMatch(/; 3780 not judged \(no decomposed target\)$/); // 18 × (311 − 99 − 2 shared out) = 3780
    // The firms' shares add up to 770 of 800: one warning.
    expect(report.checks.filter((c) => c.severity === 'warning').map((c) => [c.kind, c.id, c.actual, c.expected])).toEqual([['decomposition', 'M3.7', 770, 800]]);
  });

  it('with a county row (全县) that the towns do not add up to: a warning in Chinese naming both and the difference', () => {
    const { stdout } = plancheck(['check', TOWNS[1]!, '--region-targets', REGION_TARGETS, '-f', 'text'], 'zh_CN.UTF-8');
    expect(stdout).toContain('外贸进出口总额(G2.7,2025 年):分项之和与合计不符:乡镇汇总 262.63,全县填报 270.63,相差 -8');
    const table = plancheck(['check', TOWNS[1]!, '--region-targets', REGION_TARGETS, '--measure', '3', '--no-color'], 'zh_CN.UTF-8').stdout;
    expect(table).toContain('无分解目标');
    expect(table).toContain('分解目标');
  });

  it('a broken decomposed-targets file: exit 2, every fault located', () => {
    const { code, stdout } = plancheck(['check', TOWNS[0]!, '--region-targets', 'fixtures/towns/broken-region-targets.csv', '-f', 'json']);
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.errors.map((e) => [e.code, e.line, e.field])).toEqual([
      ['rt.unknown-region', 3, '地区'],
      ['rt.plan-level-region', 4, '地区'],
      ['row.unknown-id', 5, '编号'],
      ['row.not-a-number', 6, '分解目标值'],
      ['rt.bad-op', 7, '比较符'],
    ]);
  });

  it('-q with nothing off track: no matrix of empty columns, the counts once, and what is not listed', () => {
    const { code, stdout } = plancheck(['check', TOWNS[0]!, '--action', '1', '-q', '--width', '100'], 'zh_CN.UTF-8');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.some((line) => line.startsWith('编号'))).toBe(false);
    expect(stdout).not.toContain('各地');
    expect(lines.filter((line) => line.startsWith('合计:'))).toHaveLength(1);
    expect(stdout).toMatch(/另有 627 项\(地区 × 指标\)未列出/);
    // Something listed: the matrix and the counts under it again.
    const listed = plancheck(['check', TOWNS[0]!, '--action', '1', '--width', '100'], 'zh_CN.UTF-8').stdout.split('\n');
    expect(listed.some((line) => line.startsWith('编号'))).toBe(true);
    expect(listed.filter((line) => line.startsWith('合计:'))).toHaveLength(2);
  });

  it('list --format json says how each target adds up', () => {
    const targets = JSON.parse(plancheck(['list', '--format', 'json']).stdout) as { id: string; aggregate: string }[];
    const of = (id: string) => targets.find((t) => t.id === id)?.aggregate;
    expect([of('G2.1'), of('G2.2'), of('G2.7'), of('G4.8')]).toEqual(['none', 'weighted:常住人口', 'sum', 'mean']);
  });

  it('template --decomposition writes the form the check reads back, with a check column', () => {
    const { code, stdout } = plancheck(['template', '--decomposition', '--regions', '甲镇,=乙镇', '--lang', 'zh']);
    expect(code).toBe(0);
    const lines = stdout.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('地区,编号,指标,单位,县级目标,比较符,分解目标值,年份,校核');
    // G2.7 (> 250 亿元) is the first additive target: its block is rows 2–3, checked by their sum.
    expect(lines[1]).toBe('甲镇,G2.7,外贸进出口总额,亿元,> 250 亿元,,,2025,"=IF(SUM($G$2:$G$3)>250,""分解之和已达县级目标"",""分解之和未达县级目标: ""&SUM($G$2:$G$3))"');
    // A region name that a spreadsheet would run as a formula is kept as text.
    expect(lines[2]?.startsWith("'=乙镇,G2.7,")).toBe(true);
    // Rates, growth and milestones are not shared out; the weights close the form.
    expect(stdout).not.toContain(',G3.5,');
    expect(stdout).not.toContain(',M1.2,');
    expect(lines.at(-1)).toBe("'=乙镇,地区生产总值,地区生产总值,亿元,权重,,,2025,");
  });
});
