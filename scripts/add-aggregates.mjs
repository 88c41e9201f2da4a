// Adds an `aggregate:` line to every target of targets.yaml that has none, by the rule of
// docs/targets-format.md (Aggregates: the rule used for the Xiangshan plan); targets that already
// have one are left alone. Run after adding targets: node scripts/add-aggregates.mjs [file]
import { readFileSync, writeFileSync } from 'node:fs';
import YAML from 'yaml';

const file = process.argv[2] ?? new URL('../targets.yaml', import.meta.url).pathname;
const text = readFileSync(file, 'utf8');
const doc = YAML.parse(text);
const POP = 'weighted:常住人口';
const GDP = 'weighted:地区生产总值';
/** Readings the general rule would get wrong, decided one by one (see the rule's items 2 and 5). */
const OVERRIDES = {
  ...Object.fromEntries('G2.2 G2.6 G3.1 G4.1 G4.4 G4.7 M66.1 M66.2 M74.5 M77.1 M77.2 M77.3 M80.1 M113.3 M114.2 G6.2'.split(' ').map((id) => [id, POP])),
  ...Object.fromEntries('G2.5 G6.1'.split(' ').map((id) => [id, GDP])),
  ...Object.fromEntries(
    'G2.4 G3.6 G3.7 G3.8 G4.6 G6.3 G6.4 M23.1 M24.4 M24.5 M24.6 M24.7 M46.1 M46.2 M46.3 M46.4 M52.1 M52.2 M56.1 M56.2 M68.1 M81.2 M86.1 M88.1 M88.2 M89.2 M112.1 M112.2 M112.4'
      .split(' ').map((id) => [id, 'none']),
  ),
};

/** The rule: milestones and directions none; % growth of a total sum; full coverage mean; GDP shares by GDP; other rates by population; counts sum. */
function aggregateOf(t) {
  if (OVERRIDES[t.id]) return OVERRIDES[t.id];
  if (t.kind === 'milestone') return 'none';
  // A direction with no figure: only a rate per head or per GDP adds up (decided one by one above).
  if (t.kind === 'trend') return 'none';
  // County-wide standards and limits (低保标准, 年龄上限, 倍数, 产假天数) are the same in every town.
  if (t.unit !== '%' && /(?<!高)标准(?!化)|上限|倍数|天数/.test(t.indicator)) return 'none';
  if (t.unit === '%') {
    if (t.kind === 'cagr' || t.kind === 'change') return t.indicator.includes('人均') ? POP : 'sum';
    if (t.op === '==' && (t.value === 0 || t.value === 100)) return 'mean';
    if (/GDP|生产总值|增加值/.test(t.indicator)) return GDP;
    return POP;
  }
  if (/^人均|居民人均|每千|每万|^万人/.test(t.indicator)) return POP;
  // A pure number is a ratio or index, except a count to clear (零就业家庭 == 0).
  if (t.unit === '') return t.op === '==' && t.value === 0 ? 'sum' : 'none';
  return 'sum';
}

const wanted = new Map();
for (const entry of [...(doc.goals ?? []), ...(doc.measures ?? [])]) {
  for (const t of entry.targets ?? []) if (t.aggregate === undefined) wanted.set(t.id, aggregateOf(t));
}
const out = [];
let current = null;
let added = 0;
for (const line of text.split('\n')) {
  const id = /^\s*- id: ([MG]\d+\.\d+)\s*$/.exec(line);
  if (id) current = wanted.has(id[1]) ? id[1] : null;
  out.push(line);
  const unit = /^(\s*)unit: /.exec(line);
  if (unit && current) {
    out.push(`${unit[1]}aggregate: ${wanted.get(current)}`);
    current = null;
    added++;
  }
}
writeFileSync(file, out.join('\n'));
console.log(`${file}: aggregate added to ${added} of ${wanted.size} targets without one`);
