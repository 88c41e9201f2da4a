// A reference for what the byte-level reader alone can do: src/actuals/fast-long-reader.ts (as
// built into dist/) reads the file in 64 KiB chunks and the level targets are judged and tallied
// per region, as the DuckDB reference does. Prints {"region": [met, notMet], ...}.
// Usage: node bench/fast-reader.mjs SUBMISSION.csv TARGETS.csv YEAR
import { createReadStream, readFileSync } from 'node:fs';
import { readFastLong } from '../dist/actuals/fast-long-reader.js';

const [file, targetsCsv, yearText] = process.argv.slice(2);
if (!file || !targetsCsv || !yearText) throw new Error('usage: node bench/fast-reader.mjs SUBMISSION.csv TARGETS.csv YEAR');
const year = Number(yearText);
const rows = readFileSync(targetsCsv, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
const targets = rows.map(([id, kind]) => ({ id, kind, year }));
const level = rows.map(([, kind]) => kind === 'level');
const ops = rows.map(([, , op]) => op);
const goal = Float64Array.from(rows, ([, , , target]) => Number(target));
const lo = Float64Array.from(rows, (cells) => Number(cells[5] || Number.NaN));
const hi = Float64Array.from(rows, (cells) => Number(cells[6] || Number.NaN));

function meets(t, v) {
  switch (ops[t]) {
    case '>=': return v >= goal[t];
    case '>': return v > goal[t];
    case '<=': return v <= goal[t];
    case '<': return v < goal[t];
    case '==': return v === goal[t];
    case '~':
    case 'range': return v >= lo[t] && v <= hi[t];
    default: return false;
  }
}

const met = [];
const notMet = [];
const layout = { fileIndex: 0, delimiter: ',', headerLine: 1, columns: 4, region: 0, id: 1, year: 2, value: 3 };
const result = await readFastLong(createReadStream(file, { highWaterMark: 64 * 1024 }), layout, targets, (f) => {
  if (!level[f.target] || f.year !== year) return;
  const tally = meets(f.target, f.value) ? met : notMet;
  tally[f.region] = (tally[f.region] ?? 0) + 1;
});
if (result.fallback) throw new Error(`fast reader handed over at line ${result.fallback.line} (${result.fallback.reason})`);
const counts = {};
result.regions.forEach((region, i) => {
  if (met[i] !== undefined || notMet[i] !== undefined) counts[region] = [met[i] ?? 0, notMet[i] ?? 0];
});
process.stdout.write(`${JSON.stringify(counts)}\n`);
