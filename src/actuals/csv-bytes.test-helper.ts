import { readdirSync, statSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { fileChunks } from '../file-chunks.js';
import type { Plan } from '../plan/types.js';
import { readActuals, type Actuals, type ReadActualsOptions } from './read-actuals.js';

/** The repository root, where the fixtures are. */
export const root = new URL('../../', import.meta.url).pathname;

/** The bytes of `bytes` in chunks of `size` (the last one shorter), as a source's `open()`. */
export function chunked(bytes: Buffer, size: number): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };
}

/**
 * `chunked`, but every chunk is the same buffer, overwritten before the next is given (and
 * scribbled over once the source is done), as fileRange's `reuse` gives them: a reader that
 * keeps a chunk instead of a copy reads garbage.
 */
export function reusedChunks(bytes: Buffer, size: number): () => AsyncIterable<Uint8Array> {
  return async function* () {
    const shared = Buffer.alloc(size);
    for (let at = 0; at < bytes.length; at += size) {
      const length = bytes.copy(shared, 0, at, Math.min(at + size, bytes.length));
      yield shared.subarray(0, length);
      shared.fill(0x23);
    }
  };
}

/** Every CSV file under `dir`, depth first. */
export function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtureFiles(path) : name.endsWith('.csv') ? [path] : [];
  });
}

/**
 * Everything a reading gives that a report can show, comparable with toEqual: regions in the
 * order first seen, every figure with its source and level (−0 kept apart from 0), errors,
 * notices and their counts, and what was learnt of each input. `hideRow`: figures whose row is
 * left out (to compare a reading that keeps few rows with one that keeps all).
 */
export function observableReading(actuals: Actuals, plan: Plan, hideRow?: (region: string, target: number, year: number) => boolean): unknown {
  const figures = actuals.store.regionNames().flatMap((region) =>
    plan.targets.flatMap((target) =>
      actuals.store.series(region, target.index).map((f) => {
        const row = hideRow?.(region, target.index, f.year) ? 'hidden' : f.source.row;
        return `${region}|${target.id}|${f.year}|${Object.is(f.value, -0) ? '-0' : f.value}|${f.source.file}:${row}|${f.level}`;
      }),
    ),
  );
  return { regions: actuals.store.regionNames(), figures, problems: actuals.problems, problemCount: actuals.problemCount, notices: actuals.notices, warnings: actuals.warningCount, inputs: actuals.inputs };
}

/** Writes `text` to `dir`/in.csv and reads it as a file on disk (so a large one may be read in two threads). */
export function readFileWith(dir: string, text: string | Buffer, plan: Plan, options: ReadActualsOptions): Promise<Actuals> {
  const path = join(dir, 'in.csv');
  writeFileSync(path, text);
  return readActuals([{ name: 'in.csv', path, open: () => fileChunks(path) }], plan, options);
}

/**
 * Random long-format CSV files for a plan, mostly plain with odd cells now and then (ids to
 * normalise, U+FFFD/U+FEFF, 年 years, thousands separators, quotes, units, lone CRs, ragged
 * rows, blank lines), in any column order, separator and line end, with a BOM or not; each
 * with a chunk size for its source. For the tests that compare ways of reading a file.
 */
export function randomLongCsv(plan: Plan, maxRows: number): fc.Arbitrary<{ bytes: Buffer; chunk: number }> {
  const ids = [...plan.targets.map((t) => t.id), 'g1.1', 'X9.9', '', ' G1.1'];
  const plainNumber = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 8 }))
    .map(([negative, digits, scale]) => {
      const text = digits.toString().padStart(scale + 1, '0');
      const point = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
      return `${negative ? '-' : ''}${point}`;
    });
  const mostly = <T,>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: plain, weight: 30 }, { arbitrary: odd, weight: 1 });
  const cell = {
    id: mostly(fc.constantFrom(...ids.slice(0, -4)), fc.constantFrom(...ids.slice(-4))),
    region: mostly(fc.constantFrom('东区', '西区', 'a', ' b', 'Ｂ区', '', '㊀村', 'b', '东区 '), fc.constantFrom('区\ufffd', 'x\ufeff', '\ufeffa')),
    year: mostly(fc.constantFrom('2025', '2024', '2025年', '', '2019', '2026', '2031', '0000'), fc.constantFrom(' 2025', 'abc', '２０２５', '2025 年')),
    value: mostly(fc.oneof(plainNumber, fc.constantFrom('是', '否', 'yes', '1', '0', '', '-0', '007.50', '134217727', '134217728', '-134217727', '0.000000000000001', '1e5', '45000', '0.5')), fc.constantFrom('Yes', '3.5%', '1,200', '"5"', 'abc', '—', '1.2.3', '900亿元', '+5', ' 5')),
    unit: mostly(fc.constant(''), fc.constantFrom('%', '亿元')),
    note: mostly(fc.constantFrom('', 'x', '备注', 'a b'), fc.constantFrom('"a,b"', 'a\ufeffb', 'c\rd')),
  };
  return fc
    .record({
      columns: fc.shuffledSubarray(['region', 'year', 'unit', 'note'] as const).chain((extra) => fc.shuffledSubarray(['id', 'value', ...extra] as const, { minLength: extra.length + 2 })),
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
      newline: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      rows: fc.array(fc.record({ id: cell.id, region: cell.region, year: cell.year, value: cell.value, unit: cell.unit, note: cell.note, blank: fc.integer({ min: 0, max: 12 }), ragged: fc.integer({ min: 0, max: 200 }) }), { maxLength: maxRows }),
      finalNewline: fc.boolean(),
      chunk: fc.integer({ min: 1, max: 97 }),
    })
    .map(({ columns, delimiter, newline, bom, rows, finalNewline, chunk }) => {
      const lines = [columns.map((c) => (c === 'note' ? 'kind' : c === 'unit' ? '单位' : c)).join(delimiter)];
      for (const row of rows) {
        if (row.blank === 0) lines.push('');
        const cells = columns.map((column) => row[column]);
        if (row.ragged === 0) cells.push('extra');
        lines.push(cells.join(delimiter));
      }
      const text = (bom ? '\ufeff' : '') + lines.join(newline) + (finalNewline ? newline : '');
      return { bytes: Buffer.from(text), chunk };
    });
}
