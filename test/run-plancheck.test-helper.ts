import { spawnSync } from 'node:child_process';

/** The repository root, where the built bin and the fixtures are. */
export const root = new URL('../', import.meta.url).pathname;

/** Runs the built bin as a user would, in English unless `LANG` is given. */
export function runPlancheck(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, ['bin/plancheck.js', ...args], {
    cwd: root,
    input: options.input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The parts of the JSON report these tests read. */
export interface JsonReport {
  results: { id: string; status: string; actual: { year: number; value: number; file: string; row: number } | null }[];
  inputs: { file: string; sheet: string | null; headerRow: number | null; rows: number; figures: number; notices: { code: string; severity: string; cell?: string; line?: number; params: Record<string, unknown> }[] }[];
  errors: { code: string; file: string; line?: number; column?: number; cell?: string; params: Record<string, unknown> }[];
}

/** Runs `check … -f json` and parses the report. */
export function checkJson(args: string[]): { code: number | null; report: JsonReport; stderr: string } {
  const run = runPlancheck(['check', ...args, '-f', 'json']);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

/** The judged results of a report as id → [status, value], targets without data left out. */
export function verdicts(report: JsonReport): Record<string, [string, number | null]> {
  const out: Record<string, [string, number | null]> = {};
  for (const result of report.results) if (result.status !== 'no_data') out[result.id] = [result.status, result.actual?.value ?? null];
  return out;
}
