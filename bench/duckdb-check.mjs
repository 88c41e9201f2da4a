// The DuckDB reference: the submission joined to the targets (bench/data/targets.csv) with
// read_csv, each figure of a level target compared with its target, met / not met counted per
// region. Prints {"region": [met, notMet], ...}. Run by bench/run.mjs, which installs
// @duckdb/node-api into bench/.deps/ on demand.
// Usage: node bench/duckdb-check.mjs SUBMISSION.csv TARGETS.csv YEAR
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [file, targets, year] = process.argv.slice(2);
if (!file || !targets || !year) throw new Error('usage: node bench/duckdb-check.mjs SUBMISSION.csv TARGETS.csv YEAR');
const deps = createRequire(new URL('./.deps/package.json', import.meta.url));
const { DuckDBInstance } = await import(pathToFileURL(deps.resolve('@duckdb/node-api')).href);

const literal = (text) => `'${String(text).replaceAll("'", "''")}'`;
// The targets' band edges (lo, hi) for ~ and range are written by the bench as plancheck rounds them.
const sql = `
  WITH a AS (
    SELECT * FROM read_csv(${literal(file)}, header = true,
      columns = {'region': 'VARCHAR', 'id': 'VARCHAR', 'year': 'INTEGER', 'value': 'VARCHAR'})
  ), t AS (
    SELECT * FROM read_csv(${literal(targets)}, header = true, all_varchar = true)
  ), judged AS (
    SELECT a.region, CAST(a.value AS DOUBLE) AS v, t.op, CAST(t.target AS DOUBLE) AS goal,
      TRY_CAST(t.lo AS DOUBLE) AS lo, TRY_CAST(t.hi AS DOUBLE) AS hi
    FROM a JOIN t ON a.id = t.id
    WHERE t.kind = 'level' AND a.year = ${Number(year)}
  )
  SELECT region,
    count(*) FILTER (WHERE ok) AS met,
    count(*) FILTER (WHERE NOT ok) AS not_met
  FROM (
    SELECT region, CASE op
      WHEN '>=' THEN v >= goal WHEN '>' THEN v > goal WHEN '<=' THEN v <= goal WHEN '<' THEN v < goal
      WHEN '==' THEN v = goal WHEN '~' THEN v >= lo AND v <= hi WHEN 'range' THEN v >= lo AND v <= hi
      ELSE false END AS ok
    FROM judged
  )
  GROUP BY region`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const counts = {};
for (const [region, met, notMet] of reader.getRows()) counts[region] = [Number(met), Number(notMet)];
process.stdout.write(`${JSON.stringify(counts)}\n`);
