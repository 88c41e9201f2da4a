/** End-to-end: what the built bin loads at start-up, and its code cache. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'plancheck-startup-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// Prints the builtins the process loaded, as it exits.
const preload = join(temp, 'loaded.mjs');
writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nLOADED ${process.moduleLoadList.join(',')}\\n`));\n");

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', preload, 'bin/plancheck.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', XDG_CACHE_HOME: join(temp, 'cache'), ...env },
    timeout: 30_000,
  });
  const loaded = /LOADED (.*)/.exec(result.stderr)?.[1]?.split(',') ?? [];
  return { code: result.status, stdout: result.stdout, loaded };
}

describe('start-up', () => {
  it('a check of the bundled plan loads neither child_process nor crypto', () => {
    const { code, stdout, loaded } = run(['check', 'fixtures/xiangshan/submission-2025.csv', '--format', 'summary']);
    expect(code).toBe(1);
    expect(stdout).toContain('All: 311 targets');
    expect(loaded).toContain('NativeModule vm');
    expect(loaded).not.toContain('NativeModule child_process');
    expect(loaded).not.toContain('NativeModule crypto');
  });

  it('--version alone prints the version from package.json without loading the CLI', () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(run(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    // A copy of the package without its build still answers: the bundle was not needed.
    const bare = join(temp, 'bare');
    mkdirSync(join(bare, 'bin'), { recursive: true });
    copyFileSync(join(root, 'bin', 'plancheck.js'), join(bare, 'bin', 'plancheck.js'));
    copyFileSync(join(root, 'bin', 'package.json'), join(bare, 'bin', 'package.json'));
    copyFileSync(join(root, 'package.json'), join(bare, 'package.json'));
    const result = spawnSync(process.execPath, [join(bare, 'bin', 'plancheck.js'), '-V'], { encoding: 'utf8' });
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 0, stdout: `${version}\n` });
  });

  it('the build ships a code cache for this Node; another Node or other flags get one in the user cache folder', () => {
    const shipped = `-${process.version}-${process.arch}.cache`;
    expect(readdirSync(join(root, 'dist', 'bundle')).filter((name) => /^plancheck-[0-9a-f]{16}-/.test(name) && name.endsWith(shipped))).toHaveLength(1);
    run(['--help']);
    expect(() => readdirSync(join(temp, 'cache', 'plancheck'))).toThrow(); // the shipped cache fitted: nothing written
    const { status } = spawnSync(process.execPath, ['--max-old-space-size=200', 'bin/plancheck.js', '--help'], { cwd: root, env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: join(temp, 'cache') } });
    expect(status).toBe(0);
    expect(readdirSync(join(temp, 'cache', 'plancheck'))).toHaveLength(1);
  });
});
