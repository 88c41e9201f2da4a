/**
 * A submission (and a plan) is untrusted: whatever it holds, no control, bidi or separator
 * character reaches stdout or stderr raw, and no line it produces can be a workflow command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatters } from '../src/format/index.js';

const EVIL = '\u001b]0;pwned\u0007\u202e\u009b31m\u2028::error title=forged::fake';
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]/;
const dir = mkdtempSync(join(tmpdir(), 'plancheck-injection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root = new URL('../', import.meta.url).pathname;

/** The built bin, run as a user runs it (with FORCE_COLOR, so the table is coloured too). */
function run(args: string[], input: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['bin/plancheck.js', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', FORCE_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Our own colours (SGR sequences) are the only escapes allowed, and only in the table.
const SGR = /\u001b\[[0-9;]*m/g;

function expectInert(text: string, format: string): void {
  for (const line of text.split(format === 'csv' ? '\r\n' : '\n')) {
    expect(format === 'table' ? line.replace(SGR, '') : line).not.toMatch(RAW);
    if (format !== 'github') expect(line).not.toMatch(/^\s*::/);
    else expect(line === '' || /^::(error|warning|notice) [^:]*::/.test(line)).toBe(true);
  }
}

// Hostile text in a region, an id (an unknown id is a located error quoting it) and a value.
const CSV = [
  'region,id,year,value',
  `"${EVIL}\n::warning::x",G2.2,2025,14`,
  `丹东街道,"G3.2\n::error title=forged::fake${EVIL}",2025,1`,
  `丹东街道,G2.2,2025,"${EVIL}"`,
].join('\n');

describe('hostile input in every format, stdout and stderr', () => {
  for (const format of Object.keys(formatters)) {
    for (const by of ['indicator', 'region']) {
      it(`${format} --by ${by}`, () => {
        const { code, stdout, stderr } = run(['check', '-', '-f', format, '--by', by], CSV);
        expect(code).toBe(2);
        expect(stdout.length).toBeGreaterThan(0);
        expectInert(stdout, format);
        expectInert(stderr, 'stderr');
      });
    }
  }

  it('a write error naming a hostile path is escaped on stderr', () => {
    const { code, stderr } = run(['check', '-', '-f', 'json', '-o', join(dir, `no-such-dir${EVIL}`, 'out.json')], 'id,value\nG2.2,16\n');
    expect(code).toBe(2);
    expect(stderr).toContain('\\u001b]0;pwned\\u0007<U+202E>\\u009b31m<U+2028>:\\u003aerror');
    expectInert(stderr, 'stderr');
  });

  it('problems of a hostile plan are escaped on stderr', () => {
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, `id: x\n"${EVIL.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a')}": 1\n`);
    const { code, stderr } = run(['--targets', plan, 'check', '-'], 'id,value\n');
    expect(code).toBe(2);
    expect(stderr.length).toBeGreaterThan(0);
    expectInert(stderr, 'stderr');
  });
});
