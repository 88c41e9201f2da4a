// Installs the DuckDB reference (@duckdb/node-api, pinned) into bench/.deps/ on demand: it is
// no dependency of plancheck, only something to measure against. Nothing is installed elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The version measured; its native binding comes inside a registry package for each platform. */
export const DUCKDB_VERSION = '1.5.6-r.1';

/** Makes @duckdb/node-api loadable from `benchDir`/.deps; says why not when it cannot. */
export function installDuckdb(benchDir) {
  const deps = join(benchDir, '.deps');
  const manifest = join(deps, 'node_modules', '@duckdb', 'node-api', 'package.json');
  const installed = () => existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === DUCKDB_VERSION;
  if (!installed()) {
    console.log(`installing @duckdb/node-api@${DUCKDB_VERSION} into bench/.deps/ (once) ...`);
    mkdirSync(deps, { recursive: true });
    if (!existsSync(join(deps, 'package.json'))) writeFileSync(join(deps, 'package.json'), '{ "name": "plancheck-bench-deps", "private": true }\n');
    const npm = spawnSync(
      'npm',
      ['install', '--prefix', deps, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', `@duckdb/node-api@${DUCKDB_VERSION}`],
      { encoding: 'utf8', timeout: 600_000 },
    );
    if (npm.error || npm.status !== 0 || !installed()) {
      const why = npm.error ? npm.error.message : (npm.stderr || npm.stdout || '').trim().split('\n').filter(Boolean).pop();
      return { ok: false, reason: `npm could not install @duckdb/node-api@${DUCKDB_VERSION} (${why ?? `exit ${npm.status}`})` };
    }
  }
  // The package may install yet have no binding for this platform: try it once.
  const probe = spawnSync(process.execPath, ['--input-type=module', '-e', "const { DuckDBInstance } = await import(process.argv[1]); await (await DuckDBInstance.create(':memory:')).connect();", pathToFileURL(join(deps, 'node_modules', '@duckdb', 'node-api', 'lib', 'index.js')).href], { encoding: 'utf8', timeout: 120_000 });
  if (probe.error || probe.status !== 0) {
    return { ok: false, reason: `@duckdb/node-api does not load here (${(probe.error?.message ?? probe.stderr).trim().split('\n')[0]})` };
  }
  return { ok: true, version: DUCKDB_VERSION };
}
