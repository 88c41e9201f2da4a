/**
 * The rule (steady-heap.ts, run.ts): a run that lists the results of a file of 4 MiB or more on
 * disk keeps V8's young generation at its starting size from its start, since each page a grown
 * young generation touches first is time; the same rows read from stdin (no size known
 * beforehand) let it grow as V8 likes. Read from the run's own heap at its exit, not timed.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlancheck } from './run-plancheck.test-helper.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-young-'));
const csvPath = join(dir, 'long.csv');
const preload = join(dir, 'new-space.cjs');
const report = join(dir, 'new-space.txt');

beforeAll(() => {
  // Every level target of the bundled plan in 1,000 regions (162k rows): about 4.3 MB.
  const listed = JSON.parse(runPlancheck(['list', '--format', 'json']).stdout) as { id: string; kind: string; year: number; value: unknown }[];
  const levels = listed.filter((target) => target.kind === 'level' && typeof target.value === 'number');
  const lines = ['region,id,year,value'];
  for (let r = 0; r < 1000; r++) {
    for (const [i, target] of levels.entries()) lines.push(`区域${String(r).padStart(4, '0')},${target.id},${target.year},${((r * 7 + i * 13) % 997) / 10 + 1}`);
  }
  writeFileSync(csvPath, `${lines.join('\n')}\n`);
  // The young generation's size (MB) at exit, written beside the data.
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, String(require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20)));\n`);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The young generation's size (MB) at the end of `check SOURCE -f table -o FILE`, the CSV given as stdin when SOURCE is '-'. */
function youngAfterTable(source: string): number {
  const run = runPlancheck(['check', source, '-f', 'table', '-o', join(dir, 'table.txt')], { input: source === '-' ? readFileSync(csvPath) : undefined, env: { NODE_OPTIONS: `--require ${JSON.stringify(preload)}` } });
  expect(run.stderr).not.toMatch(/Error|error:/);
  expect(run.code).toBe(1);
  return Number(readFileSync(report, 'utf8'));
}

describe('the young generation in a run that lists the results of a large file', () => {
  it('stays at its starting size for a file of 4 MiB or more on disk, and grows for the same rows from stdin', () => {
    expect(statSync(csvPath).size).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(youngAfterTable(csvPath)).toBeLessThanOrEqual(4);
    expect(youngAfterTable('-')).toBeGreaterThan(8);
  }, 120_000);
});
