// Start-up only: wall and CPU time of short plancheck commands against bare `node -e 0`,
// interleaved (A B C A B C …), medians of the per-run ratios. CPU time (user + sys of the child,
// from bash's `times`, 1 ms resolution) is the fairer figure on a shared, loaded machine.
//   node bench/startup.mjs [--runs 20] [--bin bin/plancheck.js] [--only check,version]
// Needs bench/data/sample.csv (made by `npm run bench`, or by `node bench/startup.mjs --make-sample`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(option('--runs', '20'));
const bin = join(root, option('--bin', 'bin/plancheck.js'));
const sample = join(root, 'bench', 'data', 'sample.csv');

if (process.argv.includes('--make-sample') || !existsSync(sample)) {
  const { loadPlan } = await import(join(root, 'dist', 'plan', 'load-plan.js'));
  const { generateLong } = await import('./generate.mjs');
  const { plan } = loadPlan(join(root, 'targets.yaml'));
  generateLong(sample, { targets: plan.targets, regions: 1, year: plan.period.end });
}

const node = process.execPath;
const all = {
  node: [node, '-e', '0'],
  version: [node, bin, '--version'],
  check: [node, bin, 'check', sample, '--format', 'summary'],
  table: [node, bin, 'check', sample],
  help: [node, bin, '--help'],
  list: [node, bin, 'list'],
};
const only = option('--only', '');
const commands = Object.fromEntries(Object.entries(all).filter(([name]) => name === 'node' || only === '' || only.split(',').includes(name)));

const env = { ...process.env, LANG: 'en_US.UTF-8' };
delete env.NODE_EXTRA_CA_CERTS;

// bash's EPOCHREALTIME brackets the child alone (not bash's own start); `times` gives the child's CPU.
const script = 's=$EPOCHREALTIME; "$@" >/dev/null 2>&1; e=$EPOCHREALTIME; times; echo "$s $e"';
const seconds = (text) => {
  const m = /(\d+)m([\d.]+)s/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

function runOnce(argv) {
  const result = spawnSync('bash', ['-c', script, '_', ...argv], { cwd: root, env, encoding: 'utf8' });
  const lines = result.stdout.trim().split('\n');
  const [, children = '', stamps = ''] = lines;
  const [user, sys] = children.split(/\s+/).map(seconds);
  const [s, e] = stamps.split(' ').map(Number);
  return { wall: (e - s) * 1000, cpu: (user + sys) * 1000 };
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, { wall: [], cpu: [] }]));
const load = [loadavg()[0]];
for (let i = -2; i < RUNS; i++) {
  for (const [name, argv] of Object.entries(commands)) {
    const { wall, cpu } = runOnce(argv);
    if (i < 0) continue; // warm-up: page cache, code caches
    samples[name].wall.push(wall);
    samples[name].cpu.push(cpu);
  }
}
load.push(loadavg()[0]);

const ratio = (name, key) => median(samples[name][key].map((v, i) => v / samples.node[key][i]));
console.log(`${RUNS} interleaved runs; load average ${load.map((l) => l.toFixed(2)).join(' → ')}; Node ${process.version}`);
console.log('command   wall ms  cpu ms   wall ÷ node  cpu ÷ node');
for (const name of Object.keys(commands)) {
  const s = samples[name];
  const row = [name.padEnd(8), median(s.wall).toFixed(1).padStart(7), median(s.cpu).toFixed(0).padStart(7), `${ratio(name, 'wall').toFixed(2)}×`.padStart(12), `${ratio(name, 'cpu').toFixed(2)}×`.padStart(11)];
  console.log(row.join('  '));
}
if (process.argv.includes('--json')) console.log(JSON.stringify(samples));
