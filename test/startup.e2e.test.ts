/** End-to-end: what the built bin loads at start-up, and its code cache. */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** Whether this Node's V8 is one whose default flags bin/plancheck.js knows (DEFAULT_FLAGS): Node 20's V8 11.3. */
const BIN_KNOWS_V8_DEFAULTS = process.versions.v8.startsWith('11.3.');

const root = new URL('../', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'plancheck-startup-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// Prints the builtins the process loaded, as it exits (listed before process.stderr, which may load some, is touched).
const preload = join(temp, 'loaded.mjs');
writeFileSync(preload, "process.on('exit', () => { const loaded = process.moduleLoadList.join(','); process.stderr.write(`\\nLOADED ${loaded}\\n`); });\n");

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

// Runs the bundle as the bin does (without the code cache), recording each bundled module as it is
// evaluated: esbuild wraps a module reached by import() in an initialiser keyed by its path.
const harness = join(temp, 'harness.cjs');
writeFileSync(
  harness,
  `'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');
const bundle = process.env.BUNDLE;
const source = readFileSync(bundle, 'latin1');
// (The bundle is minified: no whitespace around the helpers' "=".)
const helpers = /var __toCommonJS ?= ?[^;\\n]*;/;
if (!helpers.test(source)) throw new Error('the bundle no longer has esbuild helpers where expected');
const evaluated = new Set();
globalThis.__recordModule = (name) => evaluated.add(name);
// (Put into the bundle as its source text: self-contained. The build passes each module's init as a
// function whose body starts with its file's name in a comment: scripts/bundle.mjs.)
const record = (wrap) => (body, ...rest) => { const name = typeof body === 'function' ? /^[^{]*\\{\\/\\*(.*?)\\*\\//.exec(String(body))?.[1] ?? '?' : Object.keys(body)[0]; const init = wrap(body, ...rest); return (...args) => (globalThis.__recordModule(name), init(...args)); };
const patched = source.replace(helpers, (line) => line + '\\n__esm = (' + record + ')(__esm); __commonJS = (' + record + ')(__commonJS);\\n');
const mod = { exports: {} };
new Script(patched, { filename: bundle }).runInThisContext().call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));
process.on('exit', () => process.stderr.write('\\nEVALUATED ' + [...evaluated].join(',') + '\\n'));
mod.exports.runFromProcess();
`,
);

function evaluatedModules(args: string[]) {
  const result = spawnSync(process.execPath, [harness, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', BUNDLE: join(root, 'dist', 'bundle', 'plancheck.cjs') },
    timeout: 30_000,
  });
  const evaluated = /EVALUATED (.*)/.exec(result.stderr)?.[1]?.split(',') ?? [];
  return { code: result.status, stdout: result.stdout, evaluated };
}

/** Modules a summary check of the bundled plan must not evaluate: other formats, other commands, the plan parser. */
const HEAVY = [
  'node_modules/chalk/source/index.js',
  'node_modules/yaml/dist/index.js',
  'src/format/table.ts',
  'src/format/paint.ts',
  'src/format/json.ts',
  'src/format/html/format-html.ts',
  'src/format/xlsx-report.ts',
  'src/list-targets.ts',
  'src/template.ts',
  'src/commands/run-show.ts',
  'src/plan/load-plan.ts',
  'src/plan/targets-schema.ts',
  'src/write-file-output.ts',
  // The sample is read whole by the fast path (its lines with a unit one by one): no Papa Parse.
  'src/actuals/read-csv-table.ts',
  // Nor the workbook reader (nor the lazy zlib its zip check takes) for a CSV.
  'src/actuals/read-workbook.ts',
  'node_modules/papaparse/papaparse.js',
  // The usual check is read without commander (src/cli-plain-check.ts): no program, no help texts.
  'node_modules/commander/index.js',
  'src/cli-program.ts',
];

describe('start-up', () => {
  it('a summary check evaluates only what it needs: no other format, command, plan parser or file writer', () => {
    const source = readFileSync(join(root, 'dist', 'bundle', 'plancheck.cjs'), 'latin1');
    // Each is in the bundle behind an initialiser (so its evaluation would be recorded), not at its top level.
    // (Matched by the end of the path: a linked node_modules gives esbuild a longer one.)
    // (The build passes each initialiser as a function whose body starts with its path in a comment: scripts/bundle.mjs.)
    for (const name of HEAVY) expect(source, name).toContain(`${name}*/`);
    const { code, stdout, evaluated } = evaluatedModules(['check', 'fixtures/xiangshan/submission-2025.csv', '--format', 'summary']);
    expect(code).toBe(1);
    expect(stdout).toContain('All: 311 targets');
    expect(evaluated).toContain('src/format/summary.ts');
    expect(evaluated).toContain('src/evaluate/evaluate.ts');
    expect(evaluated.filter((name) => HEAVY.some((heavy) => name.endsWith(heavy)))).toEqual([]);
  });

  it('--help evaluates no runner: neither the reader, the evaluation nor any format', () => {
    const { code, stdout, evaluated } = evaluatedModules(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: plancheck');
    for (const name of ['node_modules/commander/index.js', 'src/cli-program.ts']) expect(evaluated.some((module) => module.endsWith(name)), name).toBe(true);
    const commander = ['node_modules/commander/index.js', 'src/cli-program.ts'];
    const runners = ['src/run.ts', 'src/actuals/read-actuals.ts', 'node_modules/papaparse/papaparse.js', 'src/evaluate/evaluate.ts', 'src/format/summary.ts', ...HEAVY.filter((name) => !commander.includes(name))];
    expect(evaluated.filter((name) => runners.some((runner) => name.endsWith(runner)))).toEqual([]);
  });

  it('the default table evaluates the table and its colours, and a plan file given with --targets the plan parser', () => {
    const table = evaluatedModules(['check', 'fixtures/xiangshan/submission-2025.csv']);
    expect(table.code).toBe(1);
    const ending = (names: string[], end: string): boolean => names.some((name) => name.endsWith(end));
    for (const name of ['src/format/table.ts', 'src/format/paint.ts', 'node_modules/chalk/source/index.js']) expect(ending(table.evaluated, name), name).toBe(true);
    expect(table.evaluated).not.toContain('src/plan/load-plan.ts');
    const parsed = evaluatedModules(['--targets', 'targets.yaml', 'check', 'fixtures/xiangshan/submission-2025.csv', '--format', 'summary']);
    expect(parsed.code).toBe(1);
    for (const name of ['src/plan/load-plan.ts', 'node_modules/yaml/dist/index.js']) expect(ending(parsed.evaluated, name), name).toBe(true);
  });


  it('a check of the bundled plan loads neither child_process nor crypto, nor (for a small file) worker threads or os', () => {
    const { code, stdout, loaded } = run(['check', 'fixtures/xiangshan/submission-2025.csv', '--format', 'summary']);
    expect(code).toBe(1);
    expect(stdout).toContain('All: 311 targets');
    expect(loaded).toContain('NativeModule vm');
    for (const builtin of ['child_process', 'crypto', 'worker_threads', 'os']) expect(loaded).not.toContain(`NativeModule ${builtin}`);
  });

  it('a check into files sets its V8 flags without node:v8: neither it nor the stream modules it loads are loaded, and Node says nothing of it', () => {
    const args = ['check', 'fixtures/xiangshan/submission-2025.csv', '--format', 'summary'];
    const expected = run(args);
    // The deprecation of V8's binding is not said even where Node says or throws every deprecation.
    for (const flags of [[], ['--pending-deprecation'], ['--throw-deprecation'], ['--trace-deprecation']]) {
      const out = join(temp, 'flags-out.txt');
      const err = join(temp, 'flags-err.txt');
      const [stdout, stderr] = [openSync(out, 'w'), openSync(err, 'w')];
      const result = spawnSync(process.execPath, [...flags, '--import', preload, 'bin/plancheck.js', ...args], {
        cwd: root,
        stdio: ['ignore', stdout, stderr],
        env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', XDG_CACHE_HOME: join(temp, 'cache') },
      });
      closeSync(stdout);
      closeSync(stderr);
      const text = readFileSync(err, 'utf8');
      const loaded = /LOADED (.*)/.exec(text)?.[1]?.split(',') ?? [];
      expect({ status: result.status, stdout: readFileSync(out, 'utf8'), stderr: text.replace(/\nLOADED .*\n/, '') }, flags.join(' ')).toEqual({ status: expected.code, stdout: expected.stdout, stderr: '' });
      // Only on a V8 whose default flags the bin knows (DEFAULT_FLAGS in bin/plancheck.js: Node 20's); elsewhere it uses node:v8 on purpose.
      if (BIN_KNOWS_V8_DEFAULTS) for (const builtin of ['v8', 'stream', 'internal/streams/readable']) expect(loaded, `${flags.join(' ')} ${builtin}`).not.toContain(`NativeModule ${builtin}`);
    }
    // Into a pipe (Node's streams), the same report.
    expect(expected.stdout).toContain('All: 311 targets');
    expect(expected.loaded).toContain('NativeModule stream');
  });

  it('a check into a file or /dev/null writes stdout directly (no stream made for it): the same bytes as into a pipe', () => {
    const args = ['check', 'fixtures/xiangshan/submission-2025.csv', '--format', 'summary'];
    const piped = run(args);
    const file = join(temp, 'summary.txt');
    for (const target of [file, '/dev/null']) {
      const out = openSync(target, 'w');
      const result = spawnSync(process.execPath, ['--import', preload, 'bin/plancheck.js', ...args], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', out, 'pipe'],
        env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', XDG_CACHE_HOME: join(temp, 'cache') },
      });
      closeSync(out);
      const loaded = /LOADED (.*)/.exec(result.stderr)?.[1]?.split(',') ?? [];
      expect(result.status, target).toBe(piped.code);
      expect(loaded, target).not.toContain('NativeModule internal/fs/sync_write_stream');
    }
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
    expect(piped.stdout).toContain('All: 311 targets');
    // Any other command keeps Node's stream (commander may write to it).
    const out = openSync(file, 'w');
    const help = spawnSync(process.execPath, ['--import', preload, 'bin/plancheck.js', '--help'], { cwd: root, encoding: 'utf8', stdio: ['ignore', out, 'pipe'], env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' } });
    closeSync(out);
    expect(/LOADED (.*)/.exec(help.stderr)?.[1]?.split(',')).toContain('NativeModule internal/fs/sync_write_stream');
    expect(readFileSync(file, 'utf8')).toContain('Usage: plancheck');
  });

  it('the warm-up that makes the shipped code cache runs its checks silently before the command (PLANCHECK_WARM_UP)', () => {
    const cacheDir = join(temp, 'warm');
    mkdirSync(join(cacheDir, 'bin'), { recursive: true });
    for (const dir of ['dist/bundle', 'fixtures/xiangshan']) mkdirSync(join(cacheDir, dir), { recursive: true });
    for (const file of ['package.json', 'targets.yaml', 'bin/plancheck.js', 'bin/package.json', 'dist/bundled-plan.json', 'dist/bundle/plancheck.cjs', 'fixtures/xiangshan/submission-2025.csv']) copyFileSync(join(root, file), join(cacheDir, file));
    const result = spawnSync(process.execPath, [join(cacheDir, 'bin', 'plancheck.js'), '--lang', 'en', 'check', 'fixtures/xiangshan/submission-2025.csv', '--format', 'summary'], {
      cwd: cacheDir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', PLANCHECK_WRITE_CODE_CACHE: '1', PLANCHECK_WARM_UP: JSON.stringify([['check', 'fixtures/xiangshan/submission-2025.csv', '--format', 'json'], ['--help']]) },
    });
    const alone = run(['--lang', 'en', 'check', 'fixtures/xiangshan/submission-2025.csv', '--format', 'summary']);
    // Only the command's own output: the warm-up's JSON and help went nowhere.
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: alone.code, stdout: alone.stdout });
    expect(readdirSync(join(cacheDir, 'dist', 'bundle')).filter((name) => name.endsWith(`-${process.version}-${process.arch}.cache`))).toHaveLength(1);
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

  it('a damaged shipped code cache is rejected by V8 and only costs speed: the same output, and a cache of the user\'s own is written', () => {
    // A copy of the installation whose shipped cache is garbage of the right length.
    const copy = join(temp, 'damaged');
    for (const dir of ['bin', 'dist/bundle', 'fixtures/xiangshan']) mkdirSync(join(copy, dir), { recursive: true });
    for (const file of ['package.json', 'targets.yaml', 'bin/plancheck.js', 'bin/package.json', 'dist/bundled-plan.json', 'fixtures/xiangshan/submission-2025.csv']) copyFileSync(join(root, file), join(copy, file));
    for (const file of readdirSync(join(root, 'dist', 'bundle'))) {
      const from = join(root, 'dist', 'bundle', file);
      if (file.endsWith('.cache')) writeFileSync(join(copy, 'dist', 'bundle', file), Buffer.alloc(readFileSync(from).length, 0x5a));
      else copyFileSync(from, join(copy, 'dist', 'bundle', file));
    }
    const cache = join(temp, 'damaged-cache');
    const check = () =>
      spawnSync(process.execPath, [join(copy, 'bin', 'plancheck.js'), 'check', 'fixtures/xiangshan/submission-2025.csv', '--format', 'summary'], {
        cwd: copy,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', XDG_CACHE_HOME: cache },
      });
    const expected = spawnSync(process.execPath, ['bin/plancheck.js', 'check', 'fixtures/xiangshan/submission-2025.csv', '--format', 'summary'], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', XDG_CACHE_HOME: join(temp, 'cache') },
    });
    const first = check();
    expect({ status: first.status, stdout: first.stdout, stderr: first.stderr }).toEqual({ status: expected.status, stdout: expected.stdout, stderr: expected.stderr });
    expect(first.stdout).toContain('All: 311 targets');
    expect(readdirSync(join(cache, 'plancheck'))).toHaveLength(1);
    // The next run takes the user's own cache: still the same output.
    const second = check();
    expect({ status: second.status, stdout: second.stdout, stderr: second.stderr }).toEqual({ status: expected.status, stdout: expected.stdout, stderr: expected.stderr });
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
