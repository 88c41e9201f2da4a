// Build step: bundles the CLI into one CommonJS file, dist/bundle/plancheck.cjs, that
// bin/plancheck.js compiles with a V8 code cache (Node 20 has no module compile cache; measured
// about 0.77× the start-up of the ESM bundle it replaces). The plan loader (YAML parser, schema
// validator) and anything else imported with import() is evaluated only when first needed.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';

rmSync('dist/bundle', { recursive: true, force: true });

/**
 * Builtins that start-up must not load (commander requires child_process for subcommands we do
 * not have; crypto is only for a changed plan file and temporary names; zlib for workbooks
 * only): each becomes an object of getters that requires the real module on first use.
 */
const buildId = randomBytes(8).toString('hex');

const LAZY_BUILTINS = ['child_process', 'crypto', 'zlib'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin' ? { path: `node:${args.path}`, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const names = Object.keys(await import(`node:${args.path}`)).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
      const getters = names.map((name) => `  get ${name}() { return load().${name}; },`).join('\n');
      return { contents: `let real;\nconst load = () => (real ??= require(${JSON.stringify(args.path)}));\nmodule.exports = {\n${getters}\n};\n`, loader: 'js' };
    });
  },
};

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/bundle/plancheck.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // import() becomes a deferred require(): a script compiled by vm cannot load ES modules.
  supported: { 'dynamic-import': false },
  // Modules that find files from their own URL get the bundle's.
  // The build id names the code cache made for this very bundle (V8 checks only a cache's source
  // length): a rebuilt bundle never meets a cache of another build.
  // Worked out when first read (a module that needs its URL: a changed plan's hash, iconv-lite),
  // not at every start-up.
  banner: { js: `// plancheck build ${buildId}\nvar __plancheck_import_meta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };` },
  define: { 'import.meta.url': '__plancheck_import_meta.url' },
  // Loaded on demand from node_modules, not read at every start-up: iconv-lite for GB18030 and
  // UTF-16 files only (its code tables are half a megabyte); the workbook reader and writer
  // (imported with import(), which becomes a deferred require()) for .xlsx files only.
  external: ['iconv-lite', '@e965/xlsx', 'write-excel-file', 'echarts'],
  plugins: [lazyBuiltins],
  // Without indentation and comments the bundle is about a third smaller: read faster at every
  // start-up (its code cache is the same size: bytecode, not text). Names are kept.
  minifyWhitespace: true,
  logLevel: 'warning',
});

// The worker that reads the second part of a large file (src/actuals/read-csv-parallel.ts): one
// CommonJS file, so that the worker starts without the ES module loader (an ES module entry cost
// the worker about 0.2 s of compiling Node's own loader and resolving a dozen files).
await build({
  entryPoints: ['src/actuals/scan-worker.ts'],
  outfile: 'dist/bundle/scan-worker.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  banner: { js: `var __plancheck_import_meta_url = require('node:url').pathToFileURL(__filename).href;` },
  define: { 'import.meta.url': '__plancheck_import_meta_url' },
  logLevel: 'warning',
});

// esbuild escapes non-ASCII characters in strings but keeps them in regular expressions and
// comments. Escaped there too (\uXXXX means the same code unit in a regular expression, with or
// without the u flag, and nothing in a comment), the bundle is pure ASCII: bin/plancheck.js reads
// it as Latin-1, a one-byte string, about three times faster than decoding UTF-8 into a two-byte one.
const bundlePath = 'dist/bundle/plancheck.cjs';
const text = plainModuleInits(readFileSync(bundlePath, 'utf8'));
// An identity escape (`\é`, an odd run of backslashes before the character) loses its backslash:
// `\é` and `\u00E9` mean the same character.
const ascii = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) =>
  `${slashes.length % 2 ? slashes.slice(1) : slashes}\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
);
// The bundle is written as one function expression taking what a CommonJS module is given (its
// build line first): bin/plancheck.js compiles it as read, without copying 0.8 MB into a wrapper
// string first (a copy in V8's young generation, about 2 M instructions of garbage collection).
const newline = ascii.indexOf('\n') + 1;
writeFileSync(bundlePath, `${ascii.slice(0, newline)}(function (exports, require, module, __filename, __dirname) {${ascii.slice(newline)}\n})`);

// The code cache shipped beside the bundle: made after summary checks of a county's file (the
// fixture) and of one village's (written here from the plan), so that the functions a check runs
// are in it, not only the top level. A Node of another version makes its own.
const sample = 'fixtures/xiangshan/submission-2025.csv';
const prebuilt = 'dist/bundled-plan.json';
const warmDir = mkdtempSync(join(tmpdir(), 'plancheck-warm-'));
const warmRuns = [];
if (existsSync(prebuilt)) {
  const village = join(warmDir, 'village.csv');
  writeFileSync(village, villageFile(JSON.parse(readFileSync(prebuilt, 'utf8').split('\n')[0]).plan));
  warmRuns.push(['check', village, '--format', 'summary']);
  if (existsSync(sample)) warmRuns.push(['check', sample, '--format', 'summary']);
}
const [warmArgs = ['--help'], ...firstRuns] = warmRuns.length > 0 ? [warmRuns.at(-1), ...warmRuns.slice(0, -1)] : [];
// Made with no flags (the bin uses it only for runs without any), named by this Node's version.
const warmEnv = { ...process.env, PLANCHECK_WRITE_CODE_CACHE: '1', PLANCHECK_WARM_UP: JSON.stringify(firstRuns) };
delete warmEnv.NODE_OPTIONS;
const warm = spawnSync(process.execPath, ['bin/plancheck.js', ...warmArgs], { env: warmEnv, stdio: 'ignore' });
rmSync(warmDir, { recursive: true, force: true });
if (warm.error || !existsSync(`dist/bundle/plancheck-${buildId}-${process.version}-${process.arch}.cache`)) {
  console.error('bundle: no code cache was made; start-up compiles the bundle on each run');
}

/**
 * One village's figures for every target of `plan` in its last year (a long-format file, as
 * users send): some met, some short, so that a check's usual paths all run.
 */
function villageFile(plan) {
  const year = plan.period.end;
  const lines = ['region,id,year,value'];
  plan.targets.forEach((target, i) => {
    const short = i % 3 === 0;
    let value;
    if (target.kind === 'milestone' || target.op === 'done') value = short ? '否' : '是';
    else if (Array.isArray(target.value)) value = String((target.value[0] + target.value[1]) / 2);
    else if (typeof target.value === 'number') value = String(short ? target.value * 0.8 : target.value);
    else value = '100';
    lines.push(`石浦镇东门村,${target.id},${year},${value}`);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * esbuild wraps each module's top level in an object literal with one method, named for its file
 * (`var init_x = __esm({ "src/x.ts"() {…} })`, and `__commonJS` alike), which its helper finds by
 * name when the module is first used. Each of the 239 literals costs V8 a boilerplate made at run
 * time when the bundle starts (about 12,000 instructions each, 3 M in all). Here each becomes the
 * function itself (`__esm(function () {…})`, with its file named in a comment) and the helpers call it directly: the same code,
 * run at the same moment. Any call of another shape, or helpers not written as expected, leave
 * the bundle as it was.
 */
function plainModuleInits(source) {
  const helpers = [
    ['(0,fn[__getOwnPropNames(fn)[0]])(fn=0)', '(0,fn)(fn=0)'],
    ['(0,cb[__getOwnPropNames(cb)[0]])((mod={exports:{}}).exports,mod)', '(0,cb)((mod={exports:{}}).exports,mod)'],
  ];
  if (helpers.some(([from]) => source.split(from).length !== 2)) {
    console.error('bundle: the module helpers are not as expected; module inits left as esbuild wrote them');
    return source;
  }
  const file = ts.createSourceFile('bundle.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits = [];
  let odd = 0;
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === '__esm' || node.expression.text === '__commonJS')) {
      const [literal] = node.arguments;
      const method = literal && ts.isObjectLiteralExpression(literal) && literal.properties.length === 1 ? literal.properties[0] : undefined;
      if (node.arguments.length !== 1 || !method || !ts.isMethodDeclaration(method) || !ts.isStringLiteral(method.name) || method.asteriskToken || !method.body) odd++;
      else {
        const async = method.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) ? 'async ' : '';
        const parameters = method.parameters.map((parameter) => parameter.getText(file)).join(',');
        // The file's name kept in a comment first in the body, where Function.prototype.toString shows it (test/startup.e2e.test.ts reads it).
        const body = method.body.getText(file);
        const name = method.name.text.replace(/\*\//g, '* /');
        edits.push([literal.getStart(file), literal.getEnd(), `${async}function(${parameters}){/*${name}*/${body.slice(1)}`]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (odd > 0 || edits.length === 0) {
    console.error(`bundle: ${odd} module wrappers of another shape; module inits left as esbuild wrote them`);
    return source;
  }
  let out = '';
  let at = 0;
  for (const [start, end, replacement] of edits.sort((a, b) => a[0] - b[0])) {
    if (start < at) {
      console.error('bundle: module wrappers inside one another; module inits left as esbuild wrote them');
      return source;
    }
    out += source.slice(at, start) + replacement;
    at = end;
  }
  out += source.slice(at);
  for (const [from, to] of helpers) out = out.replace(from, to);
  return out;
}
