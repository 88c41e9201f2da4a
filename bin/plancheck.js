#!/usr/bin/env node
// Starts the CLI from its CommonJS bundle, compiled with a V8 code cache: Node 20 compiles an
// ES module from scratch on every run. The cache is only a speed-up: a missing, stale or
// rejected cache is ignored (V8 checks it against the source and its own version and flags),
// and any failure to read or write one leaves the run as it was.
// This file is CommonJS (bin/package.json): an ES module entry point costs Node's ESM loader,
// about a third of a bare start-up, before any of our code runs.
'use strict';
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

// `plancheck --version` alone prints package.json's version, as the CLI does, without loading it.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  startBundle();
}


/** Compiles the bundle (with the code cache when there is one) and runs the CLI. */
function startBundle() {
  const bundle = join(__dirname, '..', 'dist', 'bundle', 'plancheck.cjs');
  // The build makes the bundle pure ASCII: read as Latin-1, it is a one-byte string, decoded fast.
  const source = readFileSync(bundle, 'latin1');
  const tag = `${process.version}-${process.arch}-${source.length}`;
  // The cache made at build time sits beside the bundle; a user's own, in their cache folder
  // (never a shared temporary folder: a cache is code), serves another Node version or flags.
  // Both are named by the bundle's build id: V8 checks a cache against the source's length only.
  const build = /^\/\/ plancheck build ([0-9a-f]{16})\n/.exec(source)?.[1];
  const shipped = build && join(dirname(bundle), `plancheck-${build}.cache`);
  const home = process.env.XDG_CACHE_HOME || (homedir() && join(homedir(), '.cache'));
  const flags = [...process.execArgv.join(' ')].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0, 0x811c9dc5).toString(16);
  const own = build && home ? join(home, 'plancheck', `code-${build}-${process.version}-${process.arch}-${flags}.cache`) : undefined;
  const useCache = build !== undefined && !process.env.PLANCHECK_NO_CODE_CACHE;

  let cachedData;
  for (const file of useCache ? [own, shipped] : []) {
    try {
      if (file) cachedData = readFileSync(file);
      if (cachedData) break;
    } catch {
      // none here
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));

  const writeCache = process.env.PLANCHECK_WRITE_CODE_CACHE ? shipped : useCache && (cachedData === undefined || script.cachedDataRejected) ? own : undefined;
  if (writeCache) {
    // After the run, so that the functions it compiled are in the cache too.
    process.once('exit', () => {
      try {
        mkdirSync(dirname(writeCache), { recursive: true, mode: 0o700 });
        const temporary = `${writeCache}.${process.pid}.tmp`;
        // The shipped cache is read by every user of an installation; a user's own, by them only.
        writeFileSync(temporary, script.createCachedData(), { mode: writeCache === shipped ? 0o644 : 0o600 });
        renameSync(temporary, writeCache);
      } catch {
        // A read-only or missing cache folder only costs speed.
      }
    });
  }

  return module.exports.runFromProcess();
}
