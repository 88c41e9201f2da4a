#!/usr/bin/env node
// Starts the CLI from its CommonJS bundle, compiled with a V8 code cache: Node 20 compiles an
// ES module from scratch on every run. The cache is only a speed-up: a missing, stale or
// rejected cache is ignored (V8 checks it against the source and its own version and flags),
// and any failure to read or write one leaves the run as it was.
// This file is CommonJS (bin/package.json): an ES module entry point costs Node's ESM loader,
// about a third of a bare start-up, before any of our code runs.
'use strict';
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/** V8's defaults of the flags the bin sets, by V8 version (major.minor): Node 20's V8 is 11.3. */
const DEFAULT_FLAGS = { '11.3': '--interrupt-budget=67584' };

// `plancheck --version` alone prints package.json's version, as the CLI does, without loading it.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  startBundle();
}


/** Compiles the bundle (with the code cache when there is one) and runs the CLI. */
function startBundle() {
  // Most runs are short: V8's optimising compiler would spend more time (on a second thread, but
  // the CPU is shared) than it saves. Six times the default budget before a function is
  // considered for it delays it by a fraction of a millisecond in a long run; a one-region check
  // then costs about a fifth less. Set before the bundle is compiled, as when the cache was made.
  const flags = setRunFlags('--interrupt-budget=400000');
  const bundle = join(__dirname, '..', 'dist', 'bundle', 'plancheck.cjs');
  // The build makes the bundle pure ASCII: read as Latin-1, it is a one-byte string, decoded fast.
  const source = readFileSync(bundle, 'latin1');
  const build = /^\/\/ plancheck build ([0-9a-f]{16})\n/.exec(source)?.[1];
  const useCache = build !== undefined && !process.env.PLANCHECK_NO_CODE_CACHE;
  // The cache made at build time sits beside the bundle, named by the build id (V8 checks a cache
  // against the source's length only) and by the Node that made it. A user's own, in their cache
  // folder (never a shared temporary folder: a cache is code), serves another Node version or
  // flags, and is tried first: once written it is the one that fits.
  const shipped = build && join(dirname(bundle), `plancheck-${build}-${process.version}-${process.arch}.cache`);
  const own = ownCacheFile(build);
  let cachedData;
  for (const file of useCache ? [own, shipped] : []) {
    try {
      // Looked for without an exception: most runs have no cache of their own, and a thrown
      // ENOENT (its message and stack) costs more than the look.
      if (file && statSync(file, { throwIfNoEntry: false })?.isFile()) cachedData = readFileSync(file);
      if (cachedData) break;
    } catch {
      // none here
    }
  }
  // The bundle is one function expression (`(function (exports, require, module, __filename,
  // __dirname) {…})`, written so by the build): compiled as read, not copied into a wrapper first.
  const script = new Script(source, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, flags.wrapRequire(createRequire(bundle)), module, bundle, dirname(bundle));

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

  // The build makes the shipped cache after checks of a few kinds of file (PLANCHECK_WARM_UP: a
  // JSON list of argument lists, run first with their output dropped), so that the functions each
  // of them runs are in the cache: a function the cache lacks is compiled from source when first
  // called, several times the cost of reading it from the cache.
  const warmUp = process.env.PLANCHECK_WRITE_CODE_CACHE && process.env.PLANCHECK_WARM_UP;
  if (warmUp) return warm(module.exports, JSON.parse(warmUp)).then(() => module.exports.runFromProcess());
  return module.exports.runFromProcess();
}

/**
 * Node's own modules (streams, tty, net, zlib…) come with a code cache made under V8's default
 * flags, and V8 takes a cache only under the flags it was made with: a module first loaded after
 * the flags change is compiled from its source (about 15 M instructions, 4 ms, for what a pipe
 * needs). On the V8 whose defaults are known here (Node 20's), `flags` are set through V8's
 * binding, without `node:v8`, whose module alone loads Node's twenty stream modules (8 M
 * instructions; a check into a file or /dev/null needs none of them), and each builtin the
 * bundle loads later, and the first use of process.stdout, stderr and stdin (which load tty, net
 * and the streams), runs with the flags at their defaults for that moment. Elsewhere the flags
 * are set through `node:v8` and nothing is wrapped. Returns the wrapper of the bundle's `require`.
 */
function setRunFlags(flags) {
  const defaults = DEFAULT_FLAGS[/^\d+\.\d+/.exec(process.versions.v8)?.[0] ?? ''];
  const unwrapped = { wrapRequire: (require) => require };
  let set;
  if (defaults) {
    try {
      // `process.binding('v8')` says it is deprecated (DEP0111) on stderr, and throws under
      // --throw-deprecation: not said for this call alone, which falls back to `node:v8` if it fails.
      const noDeprecation = process.noDeprecation;
      process.noDeprecation = true;
      try {
        set = process.binding('v8').setFlagsFromString;
      } finally {
        process.noDeprecation = noDeprecation;
      }
      set(flags);
    } catch {
      set = undefined;
    }
  }
  if (!set) {
    try {
      require('node:v8').setFlagsFromString(flags);
    } catch {
      // Only a speed-up.
    }
    return unwrapped;
  }
  let inside = false;
  const atDefaults = (load) => {
    if (inside) return load();
    inside = true;
    set(defaults);
    try {
      return load();
    } finally {
      set(flags);
      inside = false;
    }
  };
  for (const name of ['stdout', 'stderr', 'stdin']) {
    const property = Object.getOwnPropertyDescriptor(process, name);
    if (!property?.get || !property.configurable) continue;
    let made = false;
    Object.defineProperty(process, name, {
      ...property,
      get() {
        if (made) return property.get.call(this);
        const stream = atDefaults(() => property.get.call(this));
        made = true;
        return stream;
      },
    });
  }
  const { isBuiltin } = require('node:module');
  const loaded = new Set();
  // A builtin Node loaded before the bin (fs, path, url…) compiles nothing when required: the
  // flags need not change for it (each change costs V8 about 35,000 instructions).
  const before = Array.isArray(process.moduleLoadList) ? new Set(process.moduleLoadList) : new Set();
  return {
    wrapRequire: (require) => {
      const wrapped = (id) => {
        if (loaded.has(id) || !isBuiltin(id) || before.has(`NativeModule ${id.replace(/^node:/, '')}`)) return require(id);
        const exports = atDefaults(() => require(id));
        loaded.add(id);
        return exports;
      };
      return Object.assign(wrapped, { resolve: require.resolve, cache: require.cache, main: require.main, extensions: require.extensions });
    },
  };
}

/** Runs each argument list with the CLI's `main`, its output dropped (the build's warm-up of the code cache). */
async function warm(cli, argvs) {
  const drop = { write: () => true, isTTY: false };
  for (const argv of argvs) {
    await cli.main(argv, { stdout: drop, stderr: drop, stdin: [], env: process.env, writeStdoutBytes: () => true, stdoutIsStderr: () => false });
  }
}

/** The user's own code cache for this build, Node and flags, or undefined when there is no home folder. */
function ownCacheFile(build) {
  if (build === undefined) return undefined;
  // HOME is what os.homedir() reads first; node:os is loaded only when it is not set.
  const home = process.env.XDG_CACHE_HOME || join(process.env.HOME || require('node:os').homedir() || '', '.cache');
  const flags = [...`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0, 0x811c9dc5).toString(16);
  return home === '.cache' ? undefined : join(home, 'plancheck', `code-${build}-${process.version}-${process.arch}-${flags}.cache`);
}
