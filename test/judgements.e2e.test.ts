/**
 * The issue-10 cases through the built CLI, as an analyst or a CI job meets them: mid-term
 * ratings, stale figures, decimal gaps, in the JSON report and in both languages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'plancheck-judgements-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Row {
  id: string;
  status: string;
  actual: { value: number } | null;
  gap: number | null;
  attainment: number | null;
  figure_age: number | null;
  notes: { code: string; message: string }[];
  reason: { code: string; message: string } | null;
  progress: { elapsedShare: number | null; ratio: number | null; projected: number | null } | null;
}

function check(csv: string, asOf: number, lang: 'en_US.UTF-8' | 'zh_CN.UTF-8' = 'en_US.UTF-8'): { code: number | null; byId: Map<string, Row>; table: string; text: string } {
  const file = join(temp, `in-${asOf}-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, csv);
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['bin/plancheck.js', 'check', file, '--as-of', String(asOf), ...args], {
      cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: lang }, timeout: 60_000,
    });
  const json = run(['-f', 'json']);
  expect(json.stderr).toBe('');
  const rows = (JSON.parse(json.stdout) as { results: Row[] }).results;
  return { code: json.status, byId: new Map(rows.map((r) => [r.id, r])), table: run(['--width', '200']).stdout, text: run(['-f', 'text']).stdout };
}

describe('mid-term (--as-of 2023)', () => {
  const { byId, table, text } = check('id,year,value\nG2.3,2020,3.6\nG2.3,2023,3.3\nM12.1,2021,10\n', 2023);

  it('G2.3 crossed from 3.6 to 3.3 below ≥ 3.4: moving away, with the reason', () => {
    const r = byId.get('G2.3')!;
    expect(r.status).toBe('moving_away');
    expect(r.reason?.code).toBe('reason.crossed');
    expect(r.reason?.message).toBe('was on the right side of the target in 2020 and has crossed to the wrong side');
  });

  it('M12.1 with only a 2021 figure: time share 0.6, insufficient, two years old, said so under the table', () => {
    const r = byId.get('M12.1')!;
    expect(r).toMatchObject({ status: 'insufficient', figure_age: 2 });
    expect(r.progress?.elapsedShare).toBe(0.6);
    expect(r.notes.map((n) => n.code)).toEqual(['reason.stale-figure']);
    expect(table).toMatch(/M12\.1 [^\n]*insufficient/);
    // The note may wrap in the table's reason column; the text format keeps it on the result's line.
    expect(text).toMatch(/ M12\.1 [^\n]*the latest figure is for 2021, before the review year 2023: rated at the review year/);
  });

  it('in Chinese too', () => {
    const zh = check('id,year,value\nM12.1,2021,10\n', 2023, 'zh_CN.UTF-8');
    expect(zh.byId.get('M12.1')?.notes[0]?.message).toBe('最新数据为 2021 年,早于评估年份 2023 年,按评估年份的时序进度评价');
  });
});

describe('final (--as-of 2025): decimal figures', () => {
  const { code, byId, table } = check('id,year,value,unit\nG2.3,2025,3.3999999999999,%\nG2.2,2025,0.00150001,亿元\n', 2025);

  it('3.3999999999999 against ≥ 3.4 is not met, and every figure shown says so', () => {
    expect(code).toBe(1);
    expect(byId.get('G2.3')).toMatchObject({ status: 'not_met', actual: { value: 3.3999999999999 }, gap: -1e-13, attainment: 0.99999999999997 });
    expect(table).toMatch(/G2\.3 .* 3\.3999999999999 +-0\.0000000000001 +not met/);
    // The reason's figures never read as met either: no 0.0 short, no 100.0 % attained.
    expect(table).toMatch(/0\.0000000000001 percentage points short of the target \(99\.9% attained\)/);
  });

  it('0.00150001亿元 against > 15万元: 15.0001, gap exactly 0.0001', () => {
    expect(byId.get('G2.2')).toMatchObject({ status: 'met', actual: { value: 15.0001 }, gap: 0.0001 });
  });
});
