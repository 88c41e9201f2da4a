// Preload for machines without /usr/bin/time: writes the process's peak RSS (KiB) to
// $BENCH_RSS_FILE when it exits. Used as `node --require bench/max-rss.cjs bin/plancheck.js …`.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
