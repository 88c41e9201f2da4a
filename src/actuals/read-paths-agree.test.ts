import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { miniPlan } from '../evaluate/plan.test-helper.js';
import type { Plan } from '../plan/types.js';
import { fileRange } from '../file-chunks.js';
import { readActuals, type Actuals } from './read-actuals.js';
import { parallelReads } from './read-csv-parallel.js';

const mini = miniPlan();
const dir = mkdtempSync(join(tmpdir(), 'plancheck-rt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function observable(actuals: Actuals, p: Plan): unknown {
  const figures = actuals.store.regionNames().flatMap((region) =>
    p.targets.flatMap((target) => actuals.store.series(region, target.index).map((f) => `${region}|${target.id}|${f.year}|${Object.is(f.value, -0) ? '-0' : f.value}|${f.source.file}:${f.source.row}|${f.level}`)),
  );
  return { regions: actuals.store.regionNames(), figures, problems: actuals.problems, problemCount: actuals.problemCount, notices: actuals.notices, warnings: actuals.warningCount, inputs: actuals.inputs };
}

let n = 0;
async function modes(bytes: Buffer, chunk: number): Promise<unknown[]> {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, bytes);
  const src = { name: 'in.csv', path, open: () => fileRange(path, 0, Infinity, chunk) };
  const normal = await readActuals([src], mini, { fast: false });
  const one = await readActuals([src], mini, { parallel: false });
  const two = await readActuals([src], mini, { parallel: 1 });
  return [observable(normal, mini), observable(one, mini), observable(two, mini)];
}

describe('whole readings, normal vs fast vs two threads', () => {
  const ids = [...mini.targets.map((t) => t.id), 'g1.1', 'X9.9', '', ' G1.1'];
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
  const file = fc
    .record({
      columns: fc.shuffledSubarray(['region', 'year', 'unit', 'note'] as const).chain((extra) => fc.shuffledSubarray(['id', 'value', ...extra] as const, { minLength: extra.length + 2 })),
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
      newline: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      rows: fc.array(fc.record({ id: cell.id, region: cell.region, year: cell.year, value: cell.value, unit: cell.unit, note: cell.note, blank: fc.integer({ min: 0, max: 12 }), ragged: fc.integer({ min: 0, max: 200 }) }), { maxLength: 60 }),
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

  it('property: the three readings are the same', async () => {
    const before = parallelReads.worker;
    await fc.assert(
      fc.asyncProperty(file, async ({ bytes, chunk }) => {
        const [normal, one, two] = await modes(bytes, chunk);
        expect(one).toEqual(normal);
        expect(two).toEqual(normal);
      }),
      { numRuns: Number(process.env.PLANCHECK_PROPERTY_RUNS ?? 250) },
    );
    // The two-thread reading is reached often (the fast path's plain header).
    expect(parallelReads.worker - before).toBeGreaterThan(50);
  }, 120_000);
});
