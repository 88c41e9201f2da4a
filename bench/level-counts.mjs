// Counts plancheck's judgements of level targets per region, from its CSV report, to check the
// DuckDB reference against: {"region": [met, notMet], ...}. Run by bench/run.mjs.
// Usage: node bench/level-counts.mjs REPORT.csv TARGETS.csv
import { createReadStream, readFileSync } from 'node:fs';
import Papa from 'papaparse';

const [report, targets] = process.argv.slice(2);
if (!report || !targets) throw new Error('usage: node bench/level-counts.mjs REPORT.csv TARGETS.csv');
const level = new Set(
  readFileSync(targets, 'utf8').split('\n').slice(1).map((line) => line.split(',')).filter((cells) => cells[1] === 'level').map((cells) => cells[0]),
);
const counts = new Map();
Papa.parse(createReadStream(report, { encoding: 'utf8' }), {
  header: true,
  step: ({ data }) => {
    const id = data.ID ?? data['\ufeffID'];
    if (!level.has(id)) return;
    const pair = counts.get(data.Region) ?? [0, 0];
    if (data.Status === 'met') pair[0]++;
    // A soft (力争) miss is worded "not met (soft)": it is still not met.
    else if (data.Status === 'not met' || data.Status?.startsWith('not met (')) pair[1]++;
    counts.set(data.Region, pair);
  },
  complete: () => process.stdout.write(`${JSON.stringify(Object.fromEntries(counts))}\n`),
});
