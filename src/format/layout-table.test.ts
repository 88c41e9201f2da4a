import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitColumns, fitWidths, layoutRows, type Column, type Row } from './layout-table.js';
import { displayWidth } from './text-width.js';

const columns: Column[] = [
  { header: 'ID', min: 4, max: 10 },
  { header: '指标', min: 8, max: 40, flex: true },
  { header: 'Target', min: 6, max: 22 },
  { header: 'Gap', min: 4, max: 10, align: 'right' },
];
const cell = fc.array(fc.constantFrom('M1.1', 'word ', '城镇', '新增就业', '≥ 3.4 %', '-50', ' ', 'long-hyphenated'), { maxLength: 8 }).map((parts) => parts.join(''));
const rows = fc.array(fc.tuple(cell, cell, cell, cell).map(([a, b, c, d]): Row => ({ kind: 'cells', cells: [a, b, c, d] })), { minLength: 1, maxLength: 12 });

/** `fitWidths` as first written (a column at a time, the total added up again each time): the reference the kept total is tested against. */
function referenceFitWidths(columns: Column[], natural: number[], width: number): number[] | null {
  const widths = [...natural];
  const total = (): number => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const minimum = columns.reduce((sum, column, i) => sum + Math.min(column.min, natural[i]!), 0) + 2 * (columns.length - 1);
  if (minimum > width) return null;
  const floors = [columns.map((column) => Math.max(column.min, column.flex ? 20 : 10)), columns.map((column) => column.min)];
  for (const floor of floors) {
    while (total() > width) {
      let pick = -1;
      let spare = 0;
      widths.forEach((w, i) => {
        const room = w - floor[i]!;
        if (room > spare) {
          pick = i;
          spare = room;
        }
      });
      if (pick < 0) break;
      widths[pick]!--;
    }
  }
  return total() <= width ? widths : null;
}

describe('layout', () => {
  it('fitWidths gives the widths of the column-at-a-time reference for random columns, natural widths and widths', () => {
    const column = fc.record({ min: fc.integer({ min: 0, max: 24 }), max: fc.integer({ min: 1, max: 40 }), flex: fc.boolean() }).map(({ min, max, flex }): Column => ({ header: '', min, max, flex }));
    fc.assert(
      fc.property(fc.array(fc.tuple(column, fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 14 }), fc.integer({ min: 0, max: 220 }), (pairs, width) => {
        const columns = pairs.map(([c]) => c);
        const natural = pairs.map(([, n]) => n);
        expect(fitWidths(columns, natural, width)).toEqual(referenceFitWidths(columns, natural, width));
      }),
      { numRuns: 3000 },
    );
    // By hand: 10 + 30 + 12 + 2 gaps = 56 into 50: the flexible column (room 10 over its floor of 20) gives 6.
    expect(fitWidths([{ header: '', min: 4, max: 10 }, { header: '', min: 8, max: 40, flex: true }, { header: '', min: 6, max: 18 }], [10, 30, 12], 50)).toEqual([10, 24, 12]);
  });

  it('fitted columns never exceed the width, and every laid-out line fits', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 20, max: 160 }), (body, width) => {
        const widths = fitColumns(columns, body, width);
        if (!widths) return;
        expect(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1)).toBeLessThanOrEqual(width);
        const lines = [...layoutRows(columns, [{ kind: 'title', text: '行动 1 经济行动 and a long English title' }, ...body], widths, width, (text) => text)];
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('gives up (null) rather than overflow when even the minimums do not fit', () => {
    expect(fitColumns(columns, [{ kind: 'cells', cells: ['M1.1', '城镇新增就业', '≥ 3.4 %', '-50'] }], 20)).toBeNull();
  });

  it("a `whole` column never breaks a word (an id, a figure, a gap): it is as wide as its widest word, or the table is too narrow", () => {
    const keep: Column[] = columns.map((column, i) => (i === 0 || i === 3 ? { ...column, whole: true } : column));
    const number = fc.tuple(fc.constantFrom('+', '-', ''), fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 9_999 })).map(([sign, whole, fraction]) => `${sign}${whole}.${fraction}`);
    const id = fc.tuple(fc.constantFrom('M', 'G'), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 12 })).map(([letter, m, t]) => `${letter}${m}.${t}`);
    const body = fc.array(fc.tuple(id, cell, cell, number).map(([a, b, c, d]): Row => ({ kind: 'cells', cells: [a, b, c, d] })), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(body, fc.integer({ min: 20, max: 120 }), (rows, width) => {
        const widths = fitColumns(keep, rows, width);
        if (!widths) return;
        const lines = [...layoutRows(keep, rows, widths, width, (text) => text)].slice(2);
        // Each id and figure appears whole on some line of the table.
        for (const row of rows) {
          if (row.kind !== 'cells') continue;
          for (const word of [row.cells[0]!, row.cells[3]!]) expect(lines.some((line) => line.includes(word)), `${word} at ${width}`).toBe(true);
        }
      }),
    );
    // +1.2596 is 7 columns wide: the gap column gets 7 however narrow the table, or there is no table.
    const one: Row[] = [{ kind: 'cells', cells: ['M24.6', '单位能耗增加值', '年均增长 ≥ 3.7 %', '+1.2596'] }];
    const widths = fitColumns(keep, one, 40)!;
    expect(widths[0]).toBe(5);
    expect(widths[3]).toBe(7);
    expect(fitColumns(keep, one, 5 + 8 + 6 + 6 + 3 * 2)).toBeNull();
  });

  it('colours each line of a wrapped cell on its own, the padding left plain', () => {
    const body: Row[] = [{ kind: 'cells', cells: ['M1.1', 'a long indicator name', 'x', '1'], tag: 'bad' }];
    const widths = fitColumns(columns, body, 30)!;
    const lines = [...layoutRows(columns, body, widths, 30, (text, role) => (role.column === 1 ? `<${text}>` : text))].slice(2);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/<[^<>]+>/);
  });
});
