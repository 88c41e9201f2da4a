// The reference: a plain streaming parse with Papa Parse, header row on, nothing done per row.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/papa-parse.mjs FILE');
let rows = 0;
Papa.parse(createReadStream(file, { encoding: 'utf8' }), {
  header: true,
  step: () => {
    rows++;
  },
  complete: () => {
    if (process.env.BENCH_VERBOSE) console.log(`${rows} rows`);
  },
});
