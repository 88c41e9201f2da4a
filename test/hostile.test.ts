/** Hostile input: the built bin must refuse it with exit 2 and a located message, never crash or hang. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../src/plan/load-plan.js';

const root = new URL('../', import.meta.url).pathname;
const hostile = (name: string): string => join('fixtures', 'hostile', name);
const MINI = 'fixtures/plans/mini.yaml';
const GOOD_CSV = 'fixtures/mini/final-2025.csv';
const STACK = /\n\s+at .+:\d+:\d+/;

interface Run {
  code: number | null;
  output: string;
}

function plancheck(args: string[], timeout = 30_000): Run {
  const result = spawnSync(process.execPath, ['bin/plancheck.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' },
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Exit 2, a message that names the file (and where in it), no stack trace, no raw escape. */
function expectRefused(run: Run, file: string, where?: { row: number; column?: number }, message?: RegExp): void {
  expect(run.code, run.output).toBe(2);
  expect(run.output).toContain(file);
  if (where) expect(run.output).toContain(`${file}:${where.row}${where.column !== undefined ? `:${where.column}` : ''}`);
  if (message) expect(run.output).toMatch(message);
  expect(run.output).not.toMatch(STACK);
  expect(run.output).not.toMatch(/internal error/i);
  expect(run.output).not.toContain('\x1b');
}

let temp: string;
beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  temp = mkdtempSync(join(tmpdir(), 'plancheck-hostile-'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('hostile plan files (--targets)', () => {
  const check = (plan: string): Run => plancheck(['--targets', plan, 'check', GOOD_CSV]);

  it('an alias bomb (billion laughs) is refused quickly', () => {
    const started = Date.now();
    expectRefused(check(hostile('plan-alias-bomb.yaml')), hostile('plan-alias-bomb.yaml'), undefined, /alias/i);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('10,000 nested [ do not overflow the stack', () => {
    expectRefused(check(hostile('plan-deep-nesting.yaml')), hostile('plan-deep-nesting.yaml'), undefined, /YAML/);
  });

  it('a huge scalar (3 MB) under the size limit', () => {
    const file = join(temp, 'huge-scalar.yaml');
    writeFileSync(file, `schemaVersion: 1\nplan:\n  id: "${'a'.repeat(3 * 1024 * 1024)}"\n`);
    const run = check(file);
    expectRefused(run, file);
    expect(run.output.length).toBeLessThan(100_000); // the scalar is not echoed back whole
  });

  it('__proto__ and constructor keys are unknown keys, located', () => {
    expectRefused(check(hostile('plan-proto-keys.yaml')), hostile('plan-proto-keys.yaml'), { row: 2, column: 1 }, /__proto__/);
  });

  it('duplicate keys', () => {
    expectRefused(check(hostile('plan-duplicate-keys.yaml')), hostile('plan-duplicate-keys.yaml'), { row: 4, column: 3 }, /duplicate key id/);
  });

  it('a file over the size limit is refused before parsing', () => {
    const file = join(temp, 'too-large.yaml');
    writeFileSync(file, `# padding\nx: ${'a'.repeat(5 * 1024 * 1024)}\n`);
    expectRefused(check(file), file, undefined, /too large/);
  });

  it('an empty file', () => {
    expectRefused(check(hostile('plan-empty.yaml')), hostile('plan-empty.yaml'), undefined, /empty/);
  });

  it('a file that is not YAML (a PNG)', () => {
    expectRefused(check(hostile('plan-not-yaml.yaml')), hostile('plan-not-yaml.yaml'), undefined, /not text/);
  });
});

describe('parsePlan and prototype pollution', () => {
  it('keys named __proto__ / constructor reach no prototype', () => {
    const text = [
      '__proto__: { polluted: yes }',
      'constructor: { prototype: { polluted: yes } }',
      'schemaVersion: 1',
      'plan: { __proto__: { polluted: yes }, id: x }',
      'measures: [{ __proto__: { polluted: yes } }]',
    ].join('\n');
    const { plan, problems } = parsePlan(text, 'x.yaml');
    expect(plan).toBeNull();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === 'x.yaml' && (p.line !== undefined || p.field !== undefined))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile actuals files', () => {
  const check = (file: string, ...more: string[]): Run => plancheck(['--targets', MINI, 'check', file, ...more]);

  it('an empty file', () => {
    expectRefused(check(hostile('empty.csv')), hostile('empty.csv'), undefined, /empty/);
  });

  it('a header and no rows', () => {
    expectRefused(check(hostile('header-only.csv')), hostile('header-only.csv'), { row: 1 }, /no data rows/);
  });

  it('NUL bytes', () => {
    expectRefused(check(hostile('nul-bytes.csv')), hostile('nul-bytes.csv'), undefined, /NUL/);
  });

  it('random binary', () => {
    expectRefused(check(hostile('random-binary.csv')), hostile('random-binary.csv'));
  });

  it('an .xlsx workbook passed as CSV says so and how to export', () => {
    expectRefused(check(hostile('workbook.xlsx')), hostile('workbook.xlsx'), undefined, /Excel workbook \(\.xlsx\).*Save As.*CSV/s);
  });

  it('an .xls workbook passed as CSV says so and how to export', () => {
    expectRefused(check(hostile('workbook.xls')), hostile('workbook.xls'), undefined, /Excel workbook \(\.xls\).*Save As.*CSV/s);
  });

  it('a 10 MB single field, quoted or not', () => {
    for (const quote of ['', '"']) {
      const file = join(temp, `field-10mb${quote ? '-quoted' : ''}.csv`);
      writeFileSync(file, `id,value\nM1.1,${quote}${'9'.repeat(10 * 1024 * 1024)}${quote}\n`);
      const run = check(file, '-f', 'summary');
      expectRefused(run, file, { row: 2, column: 2 }, /longer than the limit/);
      expect(run.output.length).toBeLessThan(100_000);
    }
  }, 60_000);

  it('a 50 MB field or a 16 MB line of tiny cells is refused without parsing it (no quadratic re-reads)', () => {
    const field = join(temp, 'field-50mb.csv');
    writeFileSync(field, `id,value\nM1.1,5\nM1.3,${'9'.repeat(50_000_000)}\n`);
    let started = Date.now();
    expectRefused(check(field, '-f', 'summary'), field, { row: 3, column: 2 }, /a cell of 50000000 characters/);
    expect(Date.now() - started).toBeLessThan(15_000);
    const line = join(temp, 'line-16mb.csv');
    writeFileSync(line, `id,value\nM1.1,5\n${'1,'.repeat(8_000_000)}\n`);
    started = Date.now();
    expectRefused(check(line, '-f', 'summary'), line, { row: 3 }, /the row has \d+ fields; the header has 2/);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);

  it('an unterminated quote', () => {
    expectRefused(check(hostile('unterminated-quote.csv')), hostile('unterminated-quote.csv'), { row: 2 }, /Quoted field unterminated/);
  });

  it('5,000 columns in the header, or in a row', () => {
    const wide = join(temp, 'wide-header.csv');
    const names = Array.from({ length: 4998 }, (_, i) => `c${i}`);
    writeFileSync(wide, `id,value,${names.join(',')}\nM1.1,5,${names.map(() => '1').join(',')}\n`);
    expectRefused(check(wide), wide, { row: 1 }, /5000 columns/);
    const ragged = join(temp, 'wide-row.csv');
    writeFileSync(ragged, `id,value\nM1.1,${Array.from({ length: 5000 }, () => '1').join(',')}\n`);
    expectRefused(check(ragged), ragged, { row: 2 }, /5001 fields/);
  });

  it('mixed line endings (\\r\\n, \\n, \\r) still read', () => {
    const run = check(hostile('mixed-line-endings.csv'), '-f', 'json');
    expect([0, 1], run.output).toContain(run.code);
    const report = JSON.parse(run.output) as { error_count: number; inputs: { rows: number; figures: number }[] };
    expect(report.error_count).toBe(0);
    expect(report.inputs[0]).toMatchObject({ rows: 4, figures: 4 });
  });

  it('a byte-order mark in the middle (two files joined)', () => {
    expectRefused(check(hostile('bom-in-middle.csv')), hostile('bom-in-middle.csv'), { row: 3, column: 1 }, /byte-order mark/);
  });

  it('invalid UTF-8 bytes inside a UTF-8 file', () => {
    expectRefused(check(hostile('invalid-utf8.csv')), hostile('invalid-utf8.csv'), { row: 3, column: 1 }, /utf-8/i);
  });

  it('terminal control sequences in a region name or an id never reach the terminal raw', () => {
    for (const format of ['table', 'summary', 'json']) {
      const run = check(hostile('control-sequences.csv'), '-f', format);
      expectRefused(run, hostile('control-sequences.csv'), format === 'json' ? undefined : { row: 3, column: 2 });
      expect(run.output).not.toContain('\x07');
    }
  });
});

describe('outputs under stress', () => {
  it('-o into a directory that does not exist: exit 2, no partial file', () => {
    const out = join(temp, 'no-such-dir', 'out.json');
    const run = plancheck(['--targets', MINI, 'check', GOOD_CSV, '-f', 'json', '-o', out]);
    expectRefused(run, out, undefined, /cannot write/);
    expect(existsSync(join(temp, 'no-such-dir'))).toBe(false);
  });

  it('SIGINT during a long run leaves no out.json and no temporary file', async () => {
    const dir = join(temp, 'interrupted');
    mkdirSync(dir);
    const big = join(temp, 'long.csv');
    const ids = ['G1.1', 'M1.1', 'M1.2', 'M1.3', 'M2.1', 'M2.2', 'M2.3', 'M2.4', 'M2.6', 'M2.7', 'M2.8'];
    const lines = ['region,id,year,value'];
    for (let region = 0; region < 80_000; region++) for (const id of ids) lines.push(`r${region},${id},2025,${region % 97}`);
    writeFileSync(big, `${lines.join('\n')}\n`);
    const out = join(dir, 'out.json');
    const child = spawn(process.execPath, ['bin/plancheck.js', '--targets', MINI, 'check', big, '-f', 'json', '-o', out], {
      cwd: root,
      stdio: 'ignore',
    });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill('SIGINT');
    const { code, signal } = await ended;
    expect({ code, signal }, 'the run ended before the signal: make the file longer').toEqual({ code: null, signal: 'SIGINT' });
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
