// `npm run bench`: generates synthetic submissions and measures plancheck against references.
// Usage: node bench/run.mjs [--targets PLAN.yaml] [--runs N] [--big-runs N] [--skip-5m]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLong, writeTargetsCsv } from './generate.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const data = join(root, 'bench', 'data');
const bin = join(root, 'bin', 'plancheck.js');
const TIME = '/usr/bin/time';

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const bundled = join(root, 'targets.yaml');
const planFile = option('--targets', existsSync(bundled) ? bundled : join(root, 'fixtures', 'plans', 'mini.yaml'));
const planArgs = planFile === bundled ? [] : ['--targets', planFile];
const RUNS = Number(option('--runs', '5'));
const BIG_RUNS = Number(option('--big-runs', '3'));
const STARTUP_RUNS = Number(option('--startup-runs', '10'));

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

// NODE_EXTRA_CA_CERTS makes every node start read a CA bundle (~100 ms here); no plancheck run
// needs it, so the children run without it.
const baseEnv = { ...process.env };
const droppedCa = baseEnv.NODE_EXTRA_CA_CERTS !== undefined;
delete baseEnv.NODE_EXTRA_CA_CERTS;

const scratch = mkdtempSync(join(tmpdir(), 'plancheck-bench-'));
const haveTime = existsSync(TIME);

/** Runs a command once; returns its wall time in ms and, when asked, its peak RSS in MB. */
function runOnce(command, args, { rss = false, okCodes = [0] } = {}) {
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
  const result = spawnSync(cmd, argv, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  if (!okCodes.includes(result.status)) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${String(result.stderr).slice(0, 2000)}`);
  }
  const kib = rss ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { ms, mb: kib / 1024 };
}

/** Runs each named command `runs` times, interleaved so that drift hits all alike. */
function measure(commands, runs) {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, { ms: [], mb: [] }]));
  for (let i = 0; i < runs; i++) {
    for (const [name, { command, args, rss, okCodes }] of Object.entries(commands)) {
      const { ms, mb } = runOnce(command, args, { rss, okCodes });
      samples[name].ms.push(ms);
      samples[name].mb.push(mb);
      process.stdout.write('.');
    }
  }
  process.stdout.write('\n');
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [name, { ms: median(s.ms), peakMb: Math.max(...s.mb), runs: s.ms.length }]),
  );
}

const mlr = spawnSync('mlr', ['--version'], { encoding: 'utf8' });
const haveMlr = !mlr.error && mlr.status === 0;

// Data: 3,000 and 15,000 regions × every target × the plan's last year.
const year = plan.period.end;
const sets = [
  { label: '1M', regions: 3000, file: join(data, 'long-3000.csv'), runs: RUNS },
  { label: '5M', regions: 15000, file: join(data, 'long-15000.csv'), runs: BIG_RUNS },
];
if (process.argv.includes('--skip-5m')) sets.pop();
const targetsCsv = join(data, 'targets.csv');
writeTargetsCsv(targetsCsv, plan.targets);
const sample = join(data, 'sample.csv');
generateLong(sample, { targets: plan.targets, regions: 1, year });
for (const set of sets) {
  const t = Date.now();
  const made = generateLong(set.file, { targets: plan.targets, regions: set.regions, year });
  set.rows = made.rows;
  set.bytes = made.bytes;
  console.log(`${set.file}: ${made.rows.toLocaleString('en')} rows, ${(made.bytes / 1e6).toFixed(1)} MB${made.cached ? ' (cached)' : ` (${Date.now() - t} ms)`}`);
}

const node = process.execPath;
const rows = [];
for (const set of sets) {
  console.log(`measuring ${set.label} (${set.runs} runs each)`);
  const commands = {
    plancheck: { command: node, args: [bin, ...planArgs, 'check', set.file, '--format', 'summary'], rss: true, okCodes: [0, 1] },
    papa: { command: node, args: [join(root, 'bench', 'papa-parse.mjs'), set.file] },
  };
  if (haveMlr) {
    commands.mlr = {
      command: 'mlr',
      args: ['--icsv', '--ocsv', 'join', '-j', 'id', '-f', targetsCsv, 'then', 'put', '-q', '-f', join(root, 'bench', 'compare.mlr'), set.file],
    };
  }
  set.result = measure(commands, set.runs);
}

console.log(`measuring start-up (${STARTUP_RUNS} runs each, after 2 warm-up runs)`);
const startupCommands = {
  plancheck: { command: node, args: [bin, ...planArgs, 'check', sample, '--format', 'summary'], okCodes: [0, 1] },
  node: { command: node, args: ['-e', '0'] },
};
measure(startupCommands, 2);
const startup = measure(startupCommands, STARTUP_RUNS);
rmSync(scratch, { recursive: true, force: true });

// Report.
const cpu = /model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? 'unknown CPU';
console.log(`\nmachine: ${availableParallelism()} CPUs (${cpu}), node ${process.version}${haveMlr ? `, ${mlr.stdout.trim()}` : ''}`);
console.log(`plan: ${planFile.replace(root, '')} (${plan.targets.length} targets); year ${year}\n`);
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok) => (ok ? 'met' : 'MISSED');
console.log('| measure | figure | target | |');
console.log('|---|---|---|---|');
for (const set of sets) {
  const r = set.result;
  const ratio = r.plancheck.ms / r.papa.ms;
  const n = `${set.label} rows (${set.rows.toLocaleString('en')})`;
  rows.push([`check ${n}`, `${s(r.plancheck.ms)} (median of ${r.plancheck.runs})`, '', '']);
  rows.push([`Papa Parse bare streaming parse, ${set.label}`, `${s(r.papa.ms)} (median of ${r.papa.runs})`, '', '']);
  rows.push([`check ÷ Papa, ${set.label}`, `${ratio.toFixed(2)}×`, '≤ 1.0×', verdict(ratio <= 1)]);
  if (r.mlr) {
    const speedup = r.mlr.ms / r.plancheck.ms;
    rows.push([`mlr join + compare, ${set.label}`, `${s(r.mlr.ms)} (median of ${r.mlr.runs})`, '', '']);
    rows.push([`mlr ÷ check, ${set.label}`, `${speedup.toFixed(2)}× (check is that much faster)`, '≥ 2×', verdict(speedup >= 2)]);
  }
}
const [first, second] = sets;
rows.push([`peak RSS of check, ${first.label}`, `${first.result.plancheck.peakMb.toFixed(0)} MB (max of ${first.result.plancheck.runs})`, '≤ 150 MB', verdict(first.result.plancheck.peakMb <= 150)]);
if (second) {
  const growth = second.result.plancheck.peakMb / first.result.plancheck.peakMb;
  rows.push([`peak RSS of check, ${second.label}`, `${second.result.plancheck.peakMb.toFixed(0)} MB (max of ${second.result.plancheck.runs})`, '', '']);
  rows.push([`peak RSS ${second.label} ÷ ${first.label}`, `${growth.toFixed(2)}×`, '≤ 1.3×', verdict(growth <= 1.3)]);
}
const startupRatio = startup.plancheck.ms / startup.node.ms;
rows.push(['check of a one-region sample', `${startup.plancheck.ms.toFixed(0)} ms (median of ${startup.plancheck.runs})`, '', '']);
rows.push(['bare `node -e 0`', `${startup.node.ms.toFixed(0)} ms (median of ${startup.node.runs})`, '', '']);
rows.push(['sample check ÷ bare node', `${startupRatio.toFixed(2)}×`, '≤ 2×', verdict(startupRatio <= 2)]);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (!haveMlr) console.log('\nmlr (Miller) is not on PATH: comparison skipped. Install it with `apt-get install miller` (Debian/Ubuntu) and run again.');
if (droppedCa) console.log('\nNODE_EXTRA_CA_CERTS was set: the measured commands ran without it (it costs every node start-up a CA bundle read).');
if (!haveTime) console.log('\n/usr/bin/time is not present: peak RSS is process.resourceUsage().maxRSS from a preload.');
