import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitColumns, layoutRows, type Column, type Row } from './layout-table.js';
import { displayWidth } from './text-width.js';

const columns: Column[] = [
  { header: 'ID', min: 4, max: 10 },
  { header: '指标', min: 8, max: 40, flex: true },
  { header: 'Target', min: 6, max: 22 },
  { header: 'Gap', min: 4, max: 10, align: 'right' },
];
const cell = fc.array(fc.constantFrom('M1.1', 'word ', '城镇', '新增就业', '≥ 3.4 %', '-50', ' ', 'long-hyphenated'), { maxLength: 8 }).map((parts) => parts.join(''));
const rows = fc.array(fc.tuple(cell, cell, cell, cell).map(([a, b, c, d]): Row => ({ kind: 'cells', cells: [a, b, c, d] })), { minLength: 1, maxLength: 12 });

describe('layout', () => {
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

  it('colours each line of a wrapped cell on its own, the padding left plain', () => {
    const body: Row[] = [{ kind: 'cells', cells: ['M1.1', 'a long indicator name', 'x', '1'], tag: 'bad' }];
    const widths = fitColumns(columns, body, 30)!;
    const lines = [...layoutRows(columns, body, widths, 30, (text, role) => (role.column === 1 ? `<${text}>` : text))].slice(2);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/<[^<>]+>/);
  });
});
