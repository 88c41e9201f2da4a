/** The library API, as another tool uses it: the example in docs/api.md, run against the built package entry. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// Resolved through the package's own `exports` to dist/index.d.ts: `npm test` typechecks this file after the build.
import type { Formatter, Report, Result } from 'plancheck';

const root = new URL('../', import.meta.url).pathname;

/** The first ```js block of docs/api.md. */
function docExample(): string {
  const doc = readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8');
  const block = /```js\n([\s\S]*?)```/.exec(doc);
  if (!block?.[1]) throw new Error('docs/api.md has no js example');
  return block[1];
}

/** Runs ES module code in the package root, where `import … from 'plancheck'` resolves to the package's own `exports`. */
function runModule(code: string) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('library API (package entry "plancheck")', () => {
  it('the documented example runs and gives the CLI\'s figures', () => {
    const { code, stdout, stderr } = runModule(docExample());
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1] ?? '') as { targets: number; failed: number; exit: number };
    // The whole plan is in scope: 311 targets; the CLI's summary line and exit code for the same file agree.
    expect(last.targets).toBe(311);
    const cli = spawnSync(process.execPath, ['bin/plancheck.js', 'check', 'fixtures/xiangshan/submission-2025.csv', '-f', 'summary', '--lang', 'zh'], { cwd: root, encoding: 'utf8' });
    expect(lines.slice(0, -1).join('\n')).toBe(cli.stdout.trim());
    expect(last.exit).toBe(cli.status);
    expect(last.failed > 0).toBe(last.exit === 1);
  });

  it('exports exactly the documented names, and nothing reaches past the entry', () => {
    const { stdout } = runModule("import * as api from 'plancheck'; console.log(Object.keys(api).sort().join(' '));");
    expect(stdout.trim()).toBe(
      'BUNDLED_PLAN EXIT FAIL_CONDITIONS KINDS MACHINE_FORMATS OPS PlancheckError REPORT_SCHEMA_VERSION STATUSES describeProblem detectLang evaluate evaluateListed exitCode formatMessage formatters isFormatName loadPlan outputToString parsePlan readActuals resultOfCell toolVersion',
    );
    const deep = runModule("await import('plancheck/dist/run.js');");
    expect(deep.code).not.toBe(0);
    expect(deep.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('an invalid plan is data, not a throw', () => {
    const { stdout } = runModule(
      "import { parsePlan, describeProblem } from 'plancheck'; const r = parsePlan('goals: 3', 'x.yaml'); console.log(r.plan === null, r.problems.length > 0, describeProblem(r.problems[0], 'zh').startsWith('x.yaml'));",
    );
    expect(stdout.trim()).toBe('true true true');
  });

  it('its types let another tool write a formatter', () => {
    const failedIds: Formatter = (report: Report) => report.results.filter((r: Result) => r.severity === 'failure').map((r) => r.id).join(',');
    const report = { results: [{ id: 'M1.1', severity: 'failure' }, { id: 'M1.2', severity: 'ok' }] } as unknown as Report;
    expect(failedIds(report, { lang: 'zh', color: false, maxErrors: 50 })).toBe('M1.1');
  });

  it('ships declarations for the entry', () => {
    const dts = readFileSync(new URL('../dist/index.d.ts', import.meta.url), 'utf8');
    for (const name of ['loadPlan', 'readActuals', 'evaluate', 'formatters', 'exitCode', 'Report', 'Formatter']) expect(dts).toContain(name);
  });
});
