/** Runs the built CLI as a user would, for the end-to-end tests of the leadership reports. */
import { spawnSync } from 'node:child_process';

/** The repository root. */
export const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs `node bin/plancheck.js …` in the repository root with a clean environment. */
export function plancheck(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['bin/plancheck.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** True when a command is on the PATH. */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}
