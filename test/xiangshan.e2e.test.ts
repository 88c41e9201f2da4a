/** End-to-end on the bundled plan and the sample submissions of fixtures/xiangshan/. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const STACK = /\n\s+at .+:\d+:\d+/;

function plancheck(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/plancheck.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonResult {
  id: string;
  region: string;
  kind: string;
  soft: boolean;
  op: string;
  value: number | number[] | null;
  status: string;
  severity: string;
  final: boolean;
  actual: { year: number; value: number; row: number | null } | null;
  gap: number | null;
  progress: { projected: number | null; ratio: number | null; elapsedShare: number | null } | null;
  reason: { code: string; message: string } | null;
}
interface JsonReport {
  as_of: number;
  valid: boolean;
  inputs: { encoding: string; bom: boolean; delimiter: string; layout: string }[];
  summary: { targets: number; failures: number; warnings: number; byStatus: Record<string, number>; byRegion: Record<string, { targets: number }> };
  results: JsonResult[];
  errors: { code: string; line: number; column: number }[];
}

function report(args: string[]): { code: number | null; json: JsonReport } {
  const { code, stdout, stderr } = plancheck([...args, '-f', 'json']);
  expect(stderr).toBe('');
  return { code, json: JSON.parse(stdout) as JsonReport };
}

/** The figures of a sample CSV (id,year,value), read here independently of plancheck. */
function figures(file: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of readFileSync(new URL(file, new URL('../', import.meta.url)), 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).slice(1)) {
    const [id, year, value] = line.split(',');
    if (id && year === '2025' && value && /^-?[\d.]+$/.test(value)) map.set(id, Number(value));
  }
  return map;
}

describe('the bundled plan', () => {
  it('validates', () => {
    const { code, stdout } = plancheck(['validate']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid: 6 goals, 117 measures, \d+ targets/);
  });

  it('list --action 7 shows measures 40–48 and only those', () => {
    const { code, stdout } = plancheck(['list', '--action', '7', '--format', 'json']);
    expect(code).toBe(0);
    const targets = JSON.parse(stdout) as { id: string; measure: number; action: number; quote: string; indicator_en: string; soft: boolean; unit: string; year: number; kind: string; op: string; goal: null }[];
    expect(targets.length).toBeGreaterThan(5);
    expect(new Set(targets.map((t) => t.action))).toEqual(new Set([7]));
    for (const t of targets) expect(t.measure).toBeGreaterThanOrEqual(40), expect(t.measure).toBeLessThanOrEqual(48);
    expect(Object.keys(targets[0]!)).toEqual(expect.arrayContaining(['id', 'measure', 'goal', 'action', 'indicator', 'indicator_en', 'op', 'value', 'unit', 'kind', 'year', 'soft', 'quote']));
    const table = plancheck(['list', '--action', '7']).stdout;
    expect(table).toContain('M40.1');
    expect(table).not.toContain('M39.');
  });

  it('list --width N lays the table out in N columns, as check --width does', () => {
    const widest = (width: number): number => {
      const { code, stdout } = plancheck(['list', '--action', '7', '--width', String(width)]);
      expect(code).toBe(0);
      return Math.max(...stdout.split('\n').map((line) => [...line].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0)));
    };
    const [narrow, middle] = [widest(50), widest(80)];
    expect(narrow).toBeLessThanOrEqual(50);
    expect(middle).toBeLessThanOrEqual(80);
    // Narrower when asked: the width is the option's, not the terminal's or the default.
    expect(narrow).toBeLessThan(middle);
    expect(plancheck(['list', '--width', '0']).code).toBe(2);
  });

  it('show M24 gives the measure text and every figure in it as a target', () => {
    const { code, stdout } = plancheck(['show', 'M24', '--lang', 'zh']);
    expect(code).toBe(0);
    expect(stdout).toContain('衔接国土空间规划和生态环境保护');
    for (const figure of ['1200', '1545', '11970', '25', '125', '4']) expect(stdout).toContain(figure);
    expect(stdout).toMatch(/M24\.7/);
  });

  it('show of an unknown id suggests the nearest, exit 2', () => {
    const { code, stderr } = plancheck(['show', 'M3.77']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/did you mean M3\.7\?/);
  });
});

describe('check: the 2025 submission', () => {
  const { code, json } = report(['check', 'fixtures/xiangshan/submission-2025.csv']);

  it('evaluates every target; hard misses fail the run (exit 1), soft misses only warn', () => {
    expect(code).toBe(1);
    expect(json.valid).toBe(true);
    expect(json.summary.byStatus.no_data).toBe(0);
    expect(json.summary.failures).toBeGreaterThan(0);
    expect(json.summary.warnings).toBeGreaterThan(0);
    for (const r of json.results.filter((x) => x.status === 'not_met')) expect(r.severity, r.id).toBe(r.soft ? 'warning' : 'failure');
    const soft = json.results.filter((r) => r.status === 'not_met' && r.severity === 'warning');
    expect(soft.length).toBe(json.summary.warnings);
  });

  it('judges level targets against the figures in the file, exactly at the boundary', () => {
    const given = figures('fixtures/xiangshan/submission-2025.csv');
    let checked = 0;
    for (const r of json.results) {
      const figure = given.get(r.id);
      if (r.kind !== 'level' || figure === undefined || typeof r.value !== 'number') continue;
      const ok = { '>=': figure >= r.value, '>': figure > r.value, '<=': figure <= r.value, '<': figure < r.value, '==': figure === r.value }[r.op];
      if (ok === undefined) continue;
      expect(r.status, r.id).toBe(ok ? 'met' : 'not_met');
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('check: dialects of the same figures agree', () => {
  const statuses = (file: string, extra: string[] = []) => {
    const { json } = report(['check', file, ...extra]);
    return { input: json.inputs[0], statuses: json.results.map((r) => `${r.id}=${r.status}`).join(' ') };
  };
  const reference = statuses('fixtures/xiangshan/utf8-no-bom-2025.csv');

  it('GBK without BOM is detected and reads the same', () => {
    const gbk = statuses('fixtures/xiangshan/gbk-2025.csv');
    expect(gbk.input).toMatchObject({ encoding: 'gb18030', bom: false });
    expect(gbk.statuses).toBe(reference.statuses);
  });

  it('semicolons and Chinese headers read the same', () => {
    const semi = statuses('fixtures/xiangshan/semicolon-2025.csv');
    expect(semi.input).toMatchObject({ delimiter: ';', bom: true });
    expect(semi.statuses).toBe(reference.statuses);
  });

  it('UTF-8 without BOM', () => {
    expect(reference.input).toMatchObject({ encoding: 'utf-8', bom: false, delimiter: ',' });
  });

  it('the wide form reads one column per year', () => {
    const { json } = report(['check', 'fixtures/xiangshan/wide-2020-2025.csv']);
    expect(json.inputs[0]?.layout).toBe('wide');
    expect(json.results.filter((r) => /^M[23]\./.test(r.id) && r.status === 'no_data')).toEqual([]);
  });

  it('regions are judged and tallied each on their own, the plan level (象山县, not in the file) first', () => {
    const { json } = report(['check', 'fixtures/xiangshan/regions-2025.csv']);
    expect(Object.keys(json.summary.byRegion)).toEqual(['象山县', '丹东街道', '丹西街道', '石浦镇']);
    expect(new Set(json.results.map((r) => r.region))).toEqual(new Set(['象山县', '丹东街道', '丹西街道', '石浦镇']));
  });
});

describe('check: progress over time', () => {
  it('mid-term (2020–2023, --as-of 2023): a progress status and projection for every target with data, a reason otherwise', () => {
    const { code, json } = report(['check', 'fixtures/xiangshan/midterm-2020-2023.csv', '--as-of', '2023']);
    expect(json.as_of).toBe(2023);
    // The one target already missed (an annual one) is soft, and off-track only warns by default.
    expect(code).toBe(0);
    expect(json.summary.warnings).toBeGreaterThan(0);
    const progress = new Set(['achieved', 'on_track', 'moderate', 'insufficient', 'moving_away', 'pending', 'not_assessable', 'not_met']);
    for (const r of json.results) {
      expect(progress.has(r.status), `${r.id} ${r.status}`).toBe(true);
      if (r.status === 'not_assessable' || r.status === 'pending') expect(r.reason, r.id).not.toBeNull();
      if ((r.kind === 'level' || r.kind === 'cumulative') && !['achieved', 'not_assessable'].includes(r.status)) {
        expect(r.progress?.projected, r.id).not.toBeNull();
      }
    }
    const seen = new Set(json.results.map((r) => r.status));
    for (const status of ['on_track', 'moderate', 'insufficient', 'moving_away', 'pending']) expect(seen.has(status), status).toBe(true);
    expect(json.results.find((r) => r.progress?.elapsedShare != null)?.progress?.elapsedShare).toBe(0.6);
  });

  it('off-track targets fail a mid-term review only when asked', () => {
    const warned = report(['check', 'fixtures/xiangshan/midterm-2020-2023.csv', '--as-of', '2023', '--action', '1-4']);
    const strict = report(['check', 'fixtures/xiangshan/midterm-2020-2023.csv', '--as-of', '2023', '--action', '1-4', '--fail-on', 'not_met,off_track']);
    expect(strict.json.summary.failures).toBeGreaterThan(warned.json.summary.failures);
  });

  it('final (2020–2025): every kind is judged met or not met', () => {
    const { json } = report(['check', 'fixtures/xiangshan/final-2020-2025.csv']);
    const kinds = new Set(json.results.map((r) => r.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(7);
    for (const r of json.results) {
      expect(r.final, r.id).toBe(true);
      expect(['met', 'not_met'], `${r.id} ${r.status} ${r.reason?.message ?? ''}`).toContain(r.status);
    }
  });
});

describe('check: broken submissions', () => {
  it.each([
    ['unknown-id.csv', 'row.unknown-id', 3, 1],
    ['not-a-number.csv', 'row.not-a-number', 2, 3],
    ['percent-not-percent.csv', 'row.percent-not-percent', 2, 3],
    ['unit-mismatch.csv', 'row.unit-mismatch', 2, 4],
    ['duplicate-row.csv', 'row.duplicate', 4, 3],
    ['year-outside-period.csv', 'row.year-outside-period', 2, 2],
    ['ragged-row.csv', 'csv.ragged-row', 3, undefined],
    ['missing-column.csv', 'csv.missing-column', 1, undefined],
    ['undecodable-bytes.csv', 'csv.undecodable', 3, 4],
    ['unterminated-quote.csv', 'csv.syntax', 2, undefined],
    ['not-yes-no.csv', 'row.not-yes-no', 3, 3],
    ['workbook.xlsx', 'workbook.unreadable', undefined, undefined],
  ])('%s: %s at row %s, column %s, exit 2, no stack trace', (file, code, line, column) => {
    const path = `fixtures/xiangshan/broken/${file}`;
    const out = plancheck(['check', path, '-f', 'json']);
    expect(out.code).toBe(2);
    const json = JSON.parse(out.stdout) as JsonReport;
    expect(json.valid).toBe(false);
    const error = json.errors[0] as Record<string, unknown>;
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.column).toBe(column);
    const text = plancheck(['check', path, '--lang', 'zh']);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(path);
    expect(`${text.stdout}${text.stderr}`).not.toMatch(STACK);
  });

  it('collects every error of a file, not just the first', () => {
    const { json } = report(['check', 'fixtures/xiangshan/broken/year-outside-period.csv']);
    expect(json.errors.map((e) => e.line)).toEqual([2, 3]);
  });
});
