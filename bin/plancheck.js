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
  const build = /^\/\/ plancheck build ([0-9a-f]{16})\n/.exec(source)?.[1];
  const useCache = build !== undefined && !process.env.PLANCHECK_NO_CODE_CACHE;
  // The cache made at build time sits beside the bundle, named by the build id (V8 checks a cache
  // against the source's length only) and by the Node that made it, with no flags. A run of
  // another Node, or with flags, keeps its own in the user's cache folder (never a shared
  // temporary folder: a cache is code); only then is the home folder looked up.
  const shipped = build && join(dirname(bundle), `plancheck-${build}-${process.version}-${process.arch}.cache`);
  const plain = process.execArgv.length === 0 && !process.env.NODE_OPTIONS;
  const own = () => {
    const { homedir } = require('node:os');
    const home = process.env.XDG_CACHE_HOME || (homedir() && join(homedir(), '.cache'));
    const flags = [...`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0, 0x811c9dc5).toString(16);
    return home ? join(home, 'plancheck', `code-${build}-${process.version}-${process.arch}-${flags}.cache`) : undefined;
  };

  // A plain run tries the shipped cache first; a run with flags its own first (flags such as
  // --import leave V8's alone, so the shipped cache may still fit).
  let cachedData;
  let ownFile;
  const candidates = [() => shipped, () => (ownFile = own())];
  for (const file of useCache ? (plain ? candidates : candidates.reverse()) : []) {
    try {
      cachedData = readFileSync(file() ?? '');
      break;
    } catch {
      // none there
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));

  const writeCache = process.env.PLANCHECK_WRITE_CODE_CACHE ? shipped : useCache && (cachedData === undefined || script.cachedDataRejected) ? (ownFile ?? own()) : undefined;
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
