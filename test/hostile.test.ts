/** Hostile input: the built bin must refuse it with exit 2 and a located message, never crash or hang. */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

const namespaceUnavailable = namespaceProbe();

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
    expectRefused(check(file), file, undefined, /larger than the limit of 4 MiB/);
  });

  it('/dev/zero stops at the plan size limit, worded in both languages', () => {
    const started = Date.now();
    expectRefused(check('/dev/zero'), '/dev/zero', undefined, /larger than the limit of 4 MiB \(4194304 bytes\); reading stopped there/);
    const zh = spawnSync(process.execPath, ['bin/plancheck.js', 'validate', '/dev/zero'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8' } });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('/dev/zero: 文件超过 4 MiB(4194304 字节)的大小上限,已停止读取');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a FIFO fed without end, or an endless stdin, stops at the plan size limit', () => {
    const fifo = join(temp, 'plan.fifo');
    spawnSync('mkfifo', [fifo]);
    const shell = (script: string): Run => {
      const result = spawnSync('sh', ['-c', script], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' }, timeout: 30_000 });
      if (result.error) throw result.error;
      return { code: result.status, output: `${result.stdout}${result.stderr}` };
    };
    // `yes` ends by SIGPIPE once plancheck stops reading; its status is not ours.
    const viaFifo = shell(`(yes 'key: value' > '${fifo}' &) ; node bin/plancheck.js --targets '${fifo}' check ${GOOD_CSV}`);
    expectRefused(viaFifo, fifo, undefined, /larger than the limit of 4 MiB/);
    const viaStdin = shell(`yes 'key: value' | node bin/plancheck.js validate /dev/stdin`);
    expectRefused(viaStdin, '/dev/stdin', undefined, /larger than the limit of 4 MiB/);
  });

  it('a plan saved in GBK validates and checks exactly as the UTF-8 plan does', () => {
    const gbk = join(temp, 'mini-gbk.yaml');
    writeFileSync(gbk, spawnSync('iconv', ['-f', 'utf-8', '-t', 'gbk', join(root, MINI)]).stdout);
    const validated = plancheck(['validate', gbk]);
    expect(validated.code, validated.output).toBe(0);
    expect(validated.output).toContain('valid: 1 goal, 3 measures, 12 targets');
    const viaGbk = plancheck(['--targets', gbk, 'check', GOOD_CSV, '-f', 'summary']);
    const viaUtf8 = plancheck(['--targets', MINI, 'check', GOOD_CSV, '-f', 'summary']);
    expect(viaGbk).toEqual(viaUtf8);
    expect(viaUtf8.output).toContain('12 targets, 10 met, 2 not met');
  });

  it('a plan with a byte that decodes in no encoding is not valid: the byte is located', () => {
    const bad = join(temp, 'mini-damaged.yaml');
    const bytes = readFileSync(join(root, MINI));
    const at = bytes.indexOf(Buffer.from('unit: 亿元')) + 6;
    bytes[at] = 0xff; // the first byte of 亿
    writeFileSync(bad, bytes);
    const run = plancheck(['validate', bad]);
    expectRefused(run, bad, { row: 25, column: 114 }, /not valid UTF-8/);
    expect(run.output).not.toContain('\ufffd');
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

  it('a damaged .xlsx workbook is refused with a message that says how to save it again', () => {
    expectRefused(check(hostile('workbook.xlsx')), hostile('workbook.xlsx'), undefined, /cannot read the workbook.*save it again as \.xlsx/s);
  });

  it('a damaged .xls workbook is refused with a message that says how to save it again', () => {
    expectRefused(check(hostile('workbook.xls')), hostile('workbook.xls'), undefined, /cannot read the workbook.*save it again as \.xlsx/s);
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
    expectRefused(check(hostile('unterminated-quote.csv')), hostile('unterminated-quote.csv'), { row: 2 }, /CSV syntax error: a cell that starts with a double quote \("\) is never closed/);
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

  it('UTF-16 without a BOM says which --encoding reads it, and that one does', () => {
    const file = join(temp, 'utf16le-no-bom.csv');
    writeFileSync(file, spawnSync('iconv', ['-f', 'utf-8', '-t', 'utf-16le', join(root, GOOD_CSV)]).stdout);
    expectRefused(check(file, '-f', 'summary'), file, undefined, /looks like utf-16le without a byte-order mark: check it with --encoding utf-16le/);
    const forced = check(file, '-f', 'summary', '--encoding', 'utf-16le');
    expect(forced.code, forced.output).toBe(1);
    expect(forced.output).toContain('12 targets, 10 met, 2 not met');
  });

  it('UTF-32 is named and refused', () => {
    const file = join(temp, 'utf32.csv');
    writeFileSync(file, spawnSync('iconv', ['-f', 'utf-8', '-t', 'utf-32', join(root, GOOD_CSV)]).stdout);
    expectRefused(check(file), file, undefined, /the file is in utf-32(le|be), which plancheck does not read/);
  });

  it('an ASCII file with two stray bytes is refused, located, not read as GB18030 mojibake', () => {
    const file = join(temp, 'latin1-region.csv');
    writeFileSync(file, Buffer.from('region,id,year,value\nCaf\u00e9s,M1.1,2025,1200\nPort,M1.3,2025,3.2\nd\u00e9p,M1.3,2025,3\n', 'latin1'));
    const run = check(file, '-f', 'json');
    expectRefused(run, file, undefined, /line 2, byte 4: 0xE9 is not valid UTF-8/);
    expect(run.output).not.toContain('Caf');
  });

  it('figures at the edges of a double (a decimal of 323 zeros then 5, a number of 308 digits) are judged, never an internal error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-edges-'));
    try {
      const tiny = `0.${'0'.repeat(323)}5`;
      const huge = `9${'0'.repeat(307)}`;
      const file = join(dir, 'edges.csv');
      // A level target mid-term (its path from the baseline), a trend and a mean: each computes ratios of these figures.
      writeFileSync(file, ['id,year,value', `M46.2,2020,${tiny}`, 'M46.2,2021,0', `M46.2,2022,${tiny}`, `G2.2,2020,-${huge}`, `G2.2,2022,${huge}`, `G3.9,2020,${tiny}`, `G3.9,2021,${huge}`, `G4.8,2021,${huge}`, `G4.8,2022,${huge}`, ''].join('\n'));
      for (const format of ['summary', 'table', 'json']) {
        const run = plancheck(['check', file, '--as-of', '2022', '-f', format]);
        expect([0, 1], run.output).toContain(run.code);
        expect(run.output).not.toMatch(/internal error/i);
        expect(run.output).not.toMatch(STACK);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('terminal control sequences in a region name or an id never reach the terminal raw', () => {
    for (const format of ['table', 'summary', 'json']) {
      const run = check(hostile('control-sequences.csv'), '-f', format);
      expectRefused(run, hostile('control-sequences.csv'), format === 'json' ? undefined : { row: 3, column: 2 });
      expect(run.output).not.toContain('\x07');
    }
  });
});

describe('selections and the review year', () => {
  it('--measure 999 or --action 0 checks nothing: a usage error naming the valid range, not exit 0', () => {
    expectRefused(plancheck(['check', 'fixtures/xiangshan/midterm-2020-2023.csv', '--measure', '999']), '--measure 999', undefined, /valid numbers are 1-117/);
    expectRefused(plancheck(['check', 'fixtures/xiangshan/midterm-2020-2023.csv', '--action', '0']), '--action 0', undefined, /valid numbers are 1-18/);
    expectRefused(plancheck(['list', '--goal', '7']), '--goal 7', undefined, /valid numbers are 1-6/);
  });

  it('options that together select no target are a usage error', () => {
    // Measure 24 is in action 4, not action 1.
    expectRefused(plancheck(['check', GOOD_CSV, '--action', '1', '--measure', '24']), '--action 1 --measure 24', undefined, /selects no target/);
  });

  it('--as-of far from the plan period is refused, in both languages', () => {
    expectRefused(plancheck(['--targets', MINI, 'check', GOOD_CSV, '--as-of', '1800']), '--as-of 1800', undefined, /must be within 2020–2030/);
    const zh = spawnSync(process.execPath, ['bin/plancheck.js', '--targets', MINI, 'check', GOOD_CSV, '--as-of', '9999'], {
      cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8' },
    });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('--as-of 9999 不在合理范围内');
    const late = plancheck(['--targets', MINI, 'check', GOOD_CSV, '--as-of', '2030', '-f', 'summary']);
    expect(late.code, late.output).toBe(1);
  });
});

describe('outputs under stress', () => {
  const entries = (dir: string): string[] => readdirSync(dir).sort();

  it('-o onto an existing directory: exit 2, worded, no temporary file left beside it or in it', () => {
    const dir = mkdtempSync(join(temp, 'onto-dir-'));
    mkdirSync(join(dir, 'reports'));
    const run = plancheck(['--targets', MINI, 'check', GOOD_CSV, '-f', 'json', '-o', join(dir, 'reports')]);
    expectRefused(run, join(dir, 'reports'), undefined, /cannot write .*: it is a directory/);
    expect(entries(dir)).toEqual(['reports']);
    expect(entries(join(dir, 'reports'))).toEqual([]);
  });

  it('-o into a folder that does not exist: exit 2, worded, nothing created in the parent', () => {
    const dir = mkdtempSync(join(temp, 'missing-dir-'));
    const out = join(dir, 'no-such-dir', 'out.json');
    expectRefused(plancheck(['--targets', MINI, 'check', GOOD_CSV, '-f', 'json', '-o', out]), out, undefined, /its folder does not exist/);
    expect(entries(dir)).toEqual([]);
  });

  it('-o onto an input (by any path to it) is refused and the input kept', () => {
    const dir = mkdtempSync(join(temp, 'onto-input-'));
    const input = join(dir, 'data.csv');
    writeFileSync(input, readFileSync(join(root, GOOD_CSV)));
    symlinkSync(input, join(dir, 'link.csv'));
    const before = readFileSync(input);
    for (const output of [input, `${dir}/./data.csv`, join(dir, 'link.csv')]) {
      const run = plancheck(['--targets', MINI, 'check', input, '-f', 'json', '-o', output]);
      expectRefused(run, output, undefined, /is the input file/);
    }
    // Relative to the working directory: ./data.csv and data.csv.
    const relative = spawnSync(process.execPath, [join(root, 'bin/plancheck.js'), '--targets', join(root, MINI), 'check', 'data.csv', '-f', 'json', '-o', './data.csv'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8' },
    });
    expect(relative.status).toBe(2);
    expect(relative.stderr).toContain('就是输入文件');
    // The plan is an input too.
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, readFileSync(join(root, MINI)));
    expectRefused(plancheck(['--targets', plan, 'check', input, '-f', 'json', '-o', plan]), plan, undefined, /is the input file/);
    expectRefused(plancheck(['--targets', plan, 'template', '-o', plan]), plan, undefined, /is the input file/);
    expect(readFileSync(input)).toEqual(before);
    expect(entries(dir)).toEqual(['data.csv', 'link.csv', 'plan.yaml']);
  });

  it('two -o to one file are refused before anything is written', () => {
    const dir = mkdtempSync(join(temp, 'twice-'));
    const run = plancheck(['--targets', MINI, 'check', GOOD_CSV, '-f', 'json', '-o', join(dir, 'r.json'), '-f', 'csv', '-o', `${dir}/./r.json`]);
    expectRefused(run, join(dir, 'r.json'), undefined, /two -o options name the same file/);
    expect(entries(dir)).toEqual([]);
  });

  /** Runs plancheck writing `out`, paused halfway through the write by the test hook; resolves how it ended. */
  async function interruptWrite(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = spawn(process.execPath, ['bin/plancheck.js', '--targets', MINI, 'check', GOOD_CSV, '-f', 'json', '-o', out], {
      cwd: root,
      stdio: 'ignore',
      env: { PATH: process.env.PATH ?? '', PLANCHECK_TEST_PAUSE_WRITE_MS: '30000' },
    });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    const dir = join(out, '..');
    const started = Date.now();
    // The signal goes once the temporary file exists: during the write itself, not the read.
    while (!readdirSync(dir).some((name) => name.endsWith('.tmp'))) {
      if (Date.now() - started > 20_000) {
        child.kill('SIGKILL');
        throw new Error('no temporary file appeared');
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill(signal);
    return ended;
  }

  it.each(['SIGINT', 'SIGTERM'] as const)('%s during the write removes the temporary file, keeps the old report and ends by the signal', async (signal) => {
    const dir = mkdtempSync(join(temp, `signal-${signal}-`));
    const out = join(dir, 'out.json');
    writeFileSync(out, 'the previous report');
    expect(await interruptWrite(out, signal)).toEqual({ code: null, signal });
    expect(entries(dir)).toEqual(['out.json']);
    expect(readFileSync(out, 'utf8')).toBe('the previous report');
  }, 40_000);

  it('SIGTERM while a FIFO reader stalls: the process ends by the signal and the FIFO stays a FIFO', async () => {
    const dir = mkdtempSync(join(temp, 'fifo-out-'));
    const fifo = join(dir, 'report.pipe');
    spawnSync('mkfifo', [fifo]);
    // A report far larger than a pipe's buffer, so the write blocks on the reader that never reads.
    const big = join(dir, 'regions.csv');
    const rows = ['region,id,year,value'];
    for (let region = 0; region < 3000; region++) rows.push(`r${region},M1.1,2025,${region}`);
    writeFileSync(big, `${rows.join('\n')}\n`);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const child = spawn(process.execPath, ['bin/plancheck.js', '--targets', MINI, 'check', big, '-f', 'json', '-o', fifo], { cwd: root, stdio: 'ignore' });
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, sig) => resolve({ code, signal: sig })),
      );
      // The first byte through the pipe shows the write has begun; the reader then stalls, the
      // pipe's buffer fills and the writer blocks mid-write.
      const started = Date.now();
      let got = 0;
      while (got === 0 && Date.now() - started < 20_000) {
        try {
          got = readSync(reader, Buffer.alloc(1), 0, 1, null);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      expect(got, 'nothing was written into the FIFO').toBe(1);
      child.kill('SIGTERM');
      expect(await ended).toEqual({ code: null, signal: 'SIGTERM' });
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(entries(dir)).toEqual(['regions.csv', 'report.pipe']);
    } finally {
      closeSync(reader);
    }
  }, 40_000);

  it(`devices stay devices: /dev/full reports the write error, /dev/stdout writes our stdout, /dev/null takes it all${namespaceUnavailable ? ` (SKIPPED: ${namespaceUnavailable})` : ''}`, (context) => {
    if (namespaceUnavailable) {
      context.skip();
      return;
    }
    const dir = mkdtempSync(join(temp, 'devices-'));
    const run = 'node bin/plancheck.js --targets fixtures/plans/mini.yaml check fixtures/mini/final-2025.csv -f summary';
    // A private mount namespace with its own /dev: were a device replaced, the host's /dev is untouched.
    const script = [
      'set -u',
      'mount -t tmpfs plancheck-dev /dev',
      'mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/full c 1 7 && mknod -m 666 /dev/zero c 1 5 && mknod -m 666 /dev/urandom c 1 9',
      'ln -s /proc/self/fd /dev/fd && ln -s /proc/self/fd/1 /dev/stdout && ln -s /proc/self/fd/2 /dev/stderr',
      `cd '${root}'`,
      `${run} -o /dev/full 2>'${dir}/full.err'; echo "full-rc=$?"`,
      `printf 'previous line\\n' > '${dir}/log.txt'`,
      `${run} -o /dev/stdout >>'${dir}/log.txt'; echo "stdout-rc=$?"`,
      `${run} -o /dev/stdout | cat >'${dir}/piped.txt'`,
      `${run} -o /dev/null; echo "null-rc=$?"`,
      'for d in full stdout null; do echo "$d=$(stat -c %F /dev/$d)"; done',
      'ls -a /dev | tr "\\n" " "; echo',
    ].join('\n');
    const result = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' },
      timeout: 60_000,
    });
    const lines = result.stdout.split('\n');
    expect(lines, result.stderr).toEqual(expect.arrayContaining(['full-rc=2', 'stdout-rc=1', 'null-rc=1']));
    expect(lines).toEqual(expect.arrayContaining(['full=character special file', 'stdout=symbolic link', 'null=character special file']));
    // Nothing but the nodes made above: no temporary file, no regular file put in a device's place.
    expect(lines).toContain('. .. fd full null stderr stdout urandom zero ');
    expect(readFileSync(join(dir, 'full.err'), 'utf8')).toBe('cannot write /dev/full: no space left on the device\n');
    const summary = 'All: 12 targets, 10 met, 2 not met, 0 no data; 1 failing, 1 warning (1 of them a soft target, not failing); completion rate 83.3% (10 of 12)\nexit code 1: 1 target fails under --fail-on not_met\n';
    expect(readFileSync(join(dir, 'log.txt'), 'utf8')).toBe(`previous line\n${summary}`);
    expect(readFileSync(join(dir, 'piped.txt'), 'utf8')).toBe(summary);
  }, 60_000);
});

/** Why the device test cannot run here (it needs root and a private mount namespace), or ''. */
function namespaceProbe(): string {
  if (process.getuid?.() !== 0) return 'needs root for unshare -m and mknod';
  const probe = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', 'mount -t tmpfs probe /mnt'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return `unshare -m is unavailable: ${(probe.error?.message ?? probe.stderr).trim()}`;
  return '';
}
