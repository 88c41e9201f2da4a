// `npm run bench`: generates synthetic submissions, measures plancheck against references and
// prints every goal of the "Speed" issue as met or missed, from one run (commands interleaved,
// medians). See bench/README.md.
// Usage: node bench/run.mjs [--targets PLAN.yaml] [--rows 1000000,5000000] [--format-regions 3000]
//   [--runs N] [--big-runs N] [--format-runs N] [--startup-runs N] [--timeout SECONDS] [--skip-5m]
//   [--skip-formats] [--no-duckdb] [--no-mlr]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLong, writeTargetsCsv } from './generate.mjs';
import { installDuckdb } from './install-duckdb.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const data = join(root, 'bench', 'data');
const bin = join(root, 'bin', 'plancheck.js');
const TIME = '/usr/bin/time';

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
}
const flag = (name) => process.argv.includes(name);

const bundled = join(root, 'targets.yaml');
const planFile = option('--targets', existsSync(bundled) ? bundled : join(root, 'fixtures', 'plans', 'mini.yaml'));
const planArgs = planFile === bundled ? [] : ['--targets', planFile];
const RUNS = Number(option('--runs', '5'));
const BIG_RUNS = Number(option('--big-runs', '3'));
const FORMAT_RUNS = Number(option('--format-runs', '3'));
const STARTUP_RUNS = Number(option('--startup-runs', '15'));
const [ROWS_1M, ROWS_5M] = option('--rows', '1000000,5000000').split(',').map(Number);
const FORMAT_REGIONS = Number(option('--format-regions', '3000'));
/** One run longer than this is stopped and counted as missing its goal (a superlinear format can take hours). */
const TIMEOUT_S = Number(option('--timeout', '300'));

const { loadPlan } = await import(join(root, 'dist', 'plan', 'load-plan.js'));
const { plan, problems } = loadPlan(planFile);
if (!plan) {
  console.error(`bench: ${planFile} is not a valid plan (${problems.length} problem(s)); run plancheck validate`);
  process.exit(2);
}
if (planFile !== bundled) console.log(`note: targets.yaml not found or overridden; using ${planFile}`);

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// NODE_EXTRA_CA_CERTS makes every node start read a CA bundle (~100 ms here); no measured command
// needs it, so the children run without it. LANG is fixed so that reports are in one language.
const baseEnv = { ...process.env, LANG: 'en_US.UTF-8' };
const droppedCa = baseEnv.NODE_EXTRA_CA_CERTS !== undefined;
delete baseEnv.NODE_EXTRA_CA_CERTS;

const scratch = mkdtempSync(join(tmpdir(), 'plancheck-bench-'));
const haveTime = existsSync(TIME);

/** Runs a command once; returns its wall time in ms, its peak RSS in MB when asked, and its stdout when asked. */
function runOnce(command, args, { rss = false, okCodes = [0], stdout = false } = {}) {
  const rssFile = join(scratch, 'rss');
  rmSync(rssFile, { force: true });
  let cmd = command;
  let argv = args;
  let env = baseEnv;
  if (rss && haveTime) {
    cmd = TIME;
    argv = ['-f', '%M', '-o', rssFile, command, ...args];
  } else if (rss) {
    argv = ['--require', join(root, 'bench', 'max-rss.cjs'), ...args];
    env = { ...baseEnv, BENCH_RSS_FILE: rssFile };
  }
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, argv, { cwd: root, env, stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 256 << 20, encoding: 'utf8', timeout: TIMEOUT_S * 1000, killSignal: 'SIGKILL' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error?.code === 'ETIMEDOUT' || (result.signal === 'SIGKILL' && ms >= TIMEOUT_S * 1000)) return { ms: Infinity, mb: NaN, out: '', timedOut: true };
  if (result.error) throw result.error;
  if (!okCodes.includes(result.status)) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${String(result.stderr).slice(0, 2000)}`);
  }
  const kib = rss ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { ms, mb: kib / 1024, out: result.stdout };
}

/** Runs each named command `runs` times, interleaved so that drift hits all alike; medians of time, ratios pair by pair. */
function measure(commands, runs) {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, { ms: [], mb: [] }]));
  const timedOut = new Set();
  const failed = new Map();
  for (let i = 0; i < runs; i++) {
    for (const [name, { command, args, rss, okCodes }] of Object.entries(commands)) {
      // A command that ran past the time bound or failed once is not run again: it counts as past the bound.
      let run;
      if (timedOut.has(name) || failed.has(name)) run = { ms: Infinity, mb: NaN, timedOut: true };
      else {
        try {
          run = runOnce(command, args, { rss, okCodes });
        } catch (error) {
          failed.set(name, String(error.message).split('\n').filter(Boolean).slice(-1)[0] ?? 'failed');
          run = { ms: Infinity, mb: NaN };
        }
      }
      const { ms, mb, timedOut: late } = run;
      if (late) timedOut.add(name);
      samples[name].ms.push(ms);
      samples[name].mb.push(mb);
      process.stdout.write('.');
    }
  }
  process.stdout.write('\n');
  const result = Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [name, { ms: median(s.ms), all: s.ms, peakMb: Math.max(...s.mb.filter((mb) => !Number.isNaN(mb))), runs: s.ms.length, failed: failed.get(name) }]),
  );
  /** The median of the per-run ratios a ÷ b: each pair ran back to back, so drift cancels. */
  result.ratio = (a, b) => median(samples[a].ms.map((ms, i) => ms / samples[b].ms[i]));
  return result;
}

const node = process.execPath;
const year = plan.period.end;
const checkArgs = (file, format = 'summary') => [bin, ...planArgs, 'check', file, '--format', format];

// References, each optional.
const mlr = flag('--no-mlr') ? { error: true } : spawnSync('mlr', ['--version'], { encoding: 'utf8' });
const haveMlr = !mlr.error && mlr.status === 0;
const duckdb = flag('--no-duckdb') ? { ok: false, reason: '--no-duckdb' } : installDuckdb(join(root, 'bench'));
if (!duckdb.ok) console.log(`DuckDB reference skipped: ${duckdb.reason}`);

// Data: the 1M- and 5M-row files (every target of the plan for as many regions as it takes, in
// the plan's last year), a file of FORMAT_REGIONS regions for the formats, a one-region sample.
const regionsFor = (rows) => Math.ceil(rows / plan.targets.length);
const label = (rows) => (rows >= 1e6 ? `${+(rows / 1e6).toFixed(2)}M` : `${Math.round(rows / 1e3)}k`);
const sets = [
  { label: label(ROWS_1M), regions: regionsFor(ROWS_1M), runs: RUNS },
  { label: label(ROWS_5M), regions: regionsFor(ROWS_5M), runs: BIG_RUNS },
];
if (flag('--skip-5m')) sets.pop();
const targetsCsv = join(data, 'targets.csv');
writeTargetsCsv(targetsCsv, plan.targets, plan.approxTolerance);
const sample = join(data, 'sample.csv');
generateLong(sample, { targets: plan.targets, regions: 1, year });
const formatSet = { label: `${FORMAT_REGIONS.toLocaleString('en')} regions`, regions: FORMAT_REGIONS };
for (const set of [...sets, ...(flag('--skip-formats') ? [] : [formatSet])]) {
  set.file = join(data, `long-${set.regions}.csv`);
  const t = Date.now();
  const made = generateLong(set.file, { targets: plan.targets, regions: set.regions, year });
  set.rows = made.rows;
  console.log(`${set.file}: ${made.rows.toLocaleString('en')} rows, ${(made.bytes / 1e6).toFixed(1)} MB${made.cached ? ' (cached)' : ` (${Date.now() - t} ms)`}`);
}

// Correctness before speed: DuckDB's, the fast reader's and plancheck's counts of met / not met
// level targets per region must agree (plancheck's from its CSV report of the first file).
const checks = [];
const sameCounts = (a, b) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  let differ = 0;
  for (const key of keys) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) differ++;
  return { differ, regions: keys.size };
};
const total = (counts) => Object.values(counts).reduce(([m, n], [a, b]) => [m + a, n + b], [0, 0]);
for (const [i, set] of sets.entries()) {
  try {
    checkCounts(i, set);
  } catch (error) {
    checks.push({ what: `counts, ${set.label}`, ok: false, detail: `could not check: ${String(error.message).split('\n').filter(Boolean).slice(-1)[0]}` });
  }
}
/** A plan's text less its top-level `regions:` block; its targets' `aggregate:` lines stay valid without it. */
function withoutTowns(text) {
  const lines = text.split('\n');
  const out = [];
  let inBlock = false;
  for (const line of lines) {
    if (/^regions:/.test(line)) inBlock = true;
    else if (inBlock && /^\S/.test(line)) inBlock = false;
    if (!inBlock) out.push(line);
  }
  return out.join('\n');
}
function checkCounts(i, set) {
  const fast = JSON.parse(runOnce(node, [join(root, 'bench', 'fast-reader.mjs'), set.file, targetsCsv, String(year)], { stdout: true }).out);
  if (i === 0) {
    const report = join(scratch, 'report.csv');
    // A plan carried out by towns judges no town against a county total, and the references
    // compare every region with the plan's figure: count with the same plan less its towns.
    const countPlan = join(scratch, 'plan-without-towns.yaml');
    writeFileSync(countPlan, withoutTowns(readFileSync(planFile, 'utf8')));
    // One row per region and target (--by region): the CSV the counting script reads.
    runOnce(node, [bin, '--targets', countPlan, 'check', set.file, '--format', 'csv', '--output', report, '--by', 'region'], { okCodes: [0, 1] });
    const plancheck = JSON.parse(runOnce(node, [join(root, 'bench', 'level-counts.mjs'), report, targetsCsv], { stdout: true }).out);
    rmSync(report, { force: true });
    const same = sameCounts(plancheck, fast);
    checks.push({ what: `fast reader = plancheck, ${set.label}`, ok: same.differ === 0, detail: `${same.regions} regions, ${same.differ} differ; met / not met ${total(plancheck).join(' / ')}` });
  }
  if (duckdb.ok) {
    const duck = JSON.parse(runOnce(node, [join(root, 'bench', 'duckdb-check.mjs'), set.file, targetsCsv, String(year)], { stdout: true }).out);
    const same = sameCounts(duck, fast);
    checks.push({ what: `DuckDB = fast reader${i === 0 ? ' = plancheck' : ''}, ${set.label}`, ok: same.differ === 0, detail: `${same.regions} regions, ${same.differ} differ; met / not met ${total(duck).join(' / ')}` });
  }
}

for (const set of sets) {
  console.log(`measuring ${set.label} rows (${set.runs} runs each)`);
  const commands = {
    plancheck: { command: node, args: checkArgs(set.file), rss: true, okCodes: [0, 1] },
    papa: { command: node, args: [join(root, 'bench', 'papa-parse.mjs'), set.file] },
    fast: { command: node, args: [join(root, 'bench', 'fast-reader.mjs'), set.file, targetsCsv, String(year)] },
  };
  if (duckdb.ok) commands.duckdb = { command: node, args: [join(root, 'bench', 'duckdb-check.mjs'), set.file, targetsCsv, String(year)] };
  if (haveMlr) {
    commands.mlr = {
      command: 'mlr',
      args: ['--icsv', '--ocsv', 'join', '-j', 'id', '-f', targetsCsv, 'then', 'put', '-q', '-f', join(root, 'bench', 'compare.mlr'), set.file],
    };
  }
  set.result = measure(commands, set.runs);
}

const FORMATS = ['table', 'summary', 'text', 'json', 'csv', 'markdown', 'junit', 'github', 'sarif'];
let formats = null;
if (!flag('--skip-formats')) {
  console.log(`measuring every format at ${formatSet.label} (${FORMAT_RUNS} runs each)`);
  formats = measure(Object.fromEntries(FORMATS.map((format) => [format, { command: node, args: checkArgs(formatSet.file, format), okCodes: [0, 1] }])), FORMAT_RUNS);
}

console.log(`measuring start-up (${STARTUP_RUNS} runs each, after 2 warm-up runs)`);
const startupCommands = {
  check: { command: node, args: checkArgs(sample), okCodes: [0, 1] },
  table: { command: node, args: checkArgs(sample, 'table'), okCodes: [0, 1] },
  version: { command: node, args: [bin, '--version'] },
  node: { command: node, args: ['-e', '0'] },
};
measure(startupCommands, 2);
const startup = measure(startupCommands, STARTUP_RUNS);
rmSync(scratch, { recursive: true, force: true });

// Report: a Markdown table to paste into bench/README.md.
const cpu = /model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? 'unknown CPU';
const load = existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'unknown';
console.log(`\nmachine: ${availableParallelism()} CPUs (${cpu}), node ${process.version}, load average ${load}${haveMlr ? `, ${mlr.stdout.trim()}` : ''}${duckdb.ok ? `, DuckDB node-api ${duckdb.version}` : ''}`);
console.log(`plan: ${planFile.replace(root, '')} (${plan.targets.length} targets); year ${year}\n`);
const s = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : `> ${TIMEOUT_S} s (stopped)`);
/** A measured time, or why there is none. */
const t = (m) => (m.failed ? `failed: ${m.failed}` : s(m.ms));
const x = (ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '∞ (stopped)');
const verdict = (ok) => (ok ? 'met' : 'MISSED');
const rows = [];
const goal = (measureText, figure, target, ok) => rows.push([measureText, figure, target, ok === null ? '' : verdict(ok)]);
for (const check of checks) goal(`counts agree: ${check.what}`, check.detail, 'equal', check.ok);
for (const set of sets) {
  const r = set.result;
  const n = `${set.label} rows (${set.rows.toLocaleString('en')})`;
  goal(`check -f summary, ${n}`, `${t(r.plancheck)} (median of ${r.plancheck.runs})`, '', null);
  goal(`bare Papa Parse (header: true), ${set.label}`, t(r.papa), '', null);
  goal(`1. check ÷ Papa, ${set.label}`, x(r.ratio('plancheck', 'papa')), '≤ 0.8×', r.ratio('plancheck', 'papa') <= 0.8);
  if (r.duckdb) {
    goal(`DuckDB level check, ${set.label}`, `${t(r.duckdb)} (${x(r.ratio('duckdb', 'papa'))} Papa)`, '', null);
    goal(`1. check ÷ DuckDB, ${set.label}`, x(r.ratio('plancheck', 'duckdb')), '< 1× (faster)', r.ratio('plancheck', 'duckdb') < 1);
  } else goal(`1. check ÷ DuckDB, ${set.label}`, `not measured: ${duckdb.reason}`, '< 1× (faster)', null);
  goal(`fast reader + level check alone, ${set.label}`, `${t(r.fast)} (${x(r.ratio('fast', 'papa'))} Papa)`, '', null);
  if (r.mlr) goal(`Miller join + compare, ${set.label}`, `${t(r.mlr)} (${x(r.ratio('mlr', 'papa'))} Papa)`, '', null);
}
const [first, second] = sets;
goal(`2. peak RSS of check, ${first.label}`, `${first.result.plancheck.peakMb.toFixed(0)} MB (max of ${first.result.plancheck.runs})`, '≤ 110 MB', first.result.plancheck.peakMb <= 110);
if (second) {
  const growth = second.result.plancheck.peakMb / first.result.plancheck.peakMb;
  goal(`2. peak RSS of check, ${second.label}`, `${second.result.plancheck.peakMb.toFixed(0)} MB (max of ${second.result.plancheck.runs}), ${x(growth)} of ${first.label}`, '≤ 1.2×', growth <= 1.2);
}
goal('sample check (one region, -f summary)', `${startup.check.ms.toFixed(0)} ms; bare \`node -e 0\` ${startup.node.ms.toFixed(0)} ms`, '', null);
goal('3. sample check ÷ node -e 0', x(startup.ratio('check', 'node')), '≤ 1.8×', startup.ratio('check', 'node') <= 1.8);
goal('3. --version ÷ node -e 0', x(startup.ratio('version', 'node')), '≤ 1.5×', startup.ratio('version', 'node') <= 1.5);
goal('sample default table ÷ node -e 0', x(startup.ratio('table', 'node')), '', null);
if (formats) {
  for (const format of FORMATS.filter((f) => f !== 'summary')) {
    const ratio = formats.ratio(format, 'summary');
    goal(`4. -f ${format} ÷ -f summary, ${formatSet.label}`, Number.isFinite(ratio) ? `${x(ratio)} (${s(formats[format].ms)})` : t(formats[format]), '≤ 3×', ratio <= 3);
  }
}
console.log('| measure | figure | goal | |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
const goals = rows.filter((row) => /^\d\. /.test(row[0]) && row[3] !== '');
const agreed = checks.filter((check) => check.ok).length;
console.log(`\ngoals: ${goals.filter((row) => row[3] === 'met').length} met, ${goals.filter((row) => row[3] === 'MISSED').length} missed; counts: ${agreed} of ${checks.length} checks agree`);
if (!haveMlr) console.log('\nmlr (Miller) is not on PATH: its reference was skipped. Install it with `apt-get install miller` (Debian/Ubuntu).');
if (droppedCa) console.log('\nNODE_EXTRA_CA_CERTS was set: the measured commands ran without it (it costs every node start-up a CA bundle read).');
if (!haveTime) console.log('\n/usr/bin/time is not present: peak RSS is process.resourceUsage().maxRSS from a preload.');
writeFileSync(join(data, 'last-run.md'), `${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`);
