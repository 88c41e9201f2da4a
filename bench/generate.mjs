// Deterministic synthetic submissions for the benchmark: a seeded PRNG, no network.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Bump when the generated data change shape, so cached files are rebuilt. */
const GENERATOR_VERSION = 2;

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same file on every machine. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNS = ['丹东街道', '丹西街道', '爵溪街道', '石浦镇', '西周镇', '鹤浦镇', '贤庠镇', '墙头镇', '泗洲头镇', '定塘镇', '涂茨镇', '大徐镇', '新桥镇', '东陈乡', '晓塘乡', '黄避岙乡', '茅洋乡', '高塘岛乡'];

/** The name of region number `n` (0-based): a township and a village number, all distinct. */
export function regionName(n) {
  return `${TOWNS[n % TOWNS.length]}${String(Math.floor(n / TOWNS.length) + 1).padStart(4, '0')}村`;
}

/** Rounds to at most two decimals and writes without trailing zeros. */
function figure(x) {
  return String(Math.round(x * 100) / 100);
}

/** A plausible figure for `target`, near its value and sometimes short of it. */
export function plausibleValue(target, random) {
  const r = random();
  const { op, value } = target;
  if (target.kind === 'milestone' || op === 'done') return r < 0.8 ? '是' : '否';
  if (op === 'range' && Array.isArray(value)) {
    const [low, high] = value;
    return figure(low + (high - low) * (r * 1.6 - 0.3));
  }
  if (typeof value !== 'number') return figure(10 + r * 990); // a trend: any positive level
  if (value === 0) return figure(r * 20 - 10);
  const spread = op === '~' ? 0.2 : 0.6;
  return figure(value * (1 - spread / 2 + spread * r));
}

/**
 * Writes a long-format CSV `region,id,year,value`: every target of `targets` for each of
 * `regions` regions in year `year`. Skips the work when the same file was made before.
 */
export function generateLong(file, { targets, regions, year, seed = 20251128 }) {
  const stamp = `${file}.stamp`;
  const key = JSON.stringify({ v: GENERATOR_VERSION, ids: targets.map((t) => t.id), regions, year, seed });
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === key) {
    return { rows: regions * targets.length, bytes: statSync(file).size, cached: true };
  }
  mkdirSync(dirname(file), { recursive: true });
  const random = mulberry32(seed);
  const fd = openSync(file, 'w');
  let buffer = 'region,id,year,value\n';
  let bytes = 0;
  const flush = () => {
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  for (let n = 0; n < regions; n++) {
    const region = regionName(n);
    for (const target of targets) {
      buffer += `${region},${target.id},${year},${plausibleValue(target, random)}\n`;
    }
    if (buffer.length > 1 << 20) flush();
  }
  flush();
  closeSync(fd);
  writeFileSync(stamp, key);
  return { rows: regions * targets.length, bytes, cached: false };
}

/** Rounds away binary noise as plancheck's judges do for band edges (12 significant digits). */
function clean(x) {
  return Number.isInteger(x) ? x : Number(x.toPrecision(12));
}

/**
 * Writes the targets as a CSV for other tools: id,kind,op,target,high,lo,hi; lo and hi are the
 * edges a `~` or `range` target accepts, `~` widened by its tolerance (else the plan's) as
 * plancheck widens it.
 */
export function writeTargetsCsv(file, targets, approxTolerance = 0.05) {
  const lines = ['id,kind,op,target,high,lo,hi'];
  for (const t of targets) {
    const [low, high] = Array.isArray(t.value) ? t.value : [t.value ?? '', ''];
    let edges = ['', ''];
    if (t.op === 'range' && Array.isArray(t.value)) edges = t.value;
    if (t.op === '~' && typeof t.value === 'number') {
      const spread = Math.abs(t.value) * (t.tolerance ?? approxTolerance);
      edges = [clean(t.value - spread), clean(t.value + spread)];
    }
    lines.push(`${t.id},${t.kind},${t.op},${low},${high},${edges[0]},${edges[1]}`);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
}
