import { describe, expect, it } from 'vitest';
import { readWorkbook } from './read-workbook.js';
import { workbook } from './workbook-bytes.test-helper.js';

describe('readWorkbook: what Excel shows beyond the cells', () => {
  it('date-formatted numbers are dates (ISO, never 1/15/25), a year-only format shows a year; numbers stay numbers', async () => {
    const bytes = workbook({ S: [[
      { t: 'n', v: 45672, z: 'm/d/yy' },
      { t: 'n', v: 46022, z: 'yyyy"年"' },
      { t: 'n', v: 45672.5, z: 'yyyy-mm-dd hh:mm' },
      { t: 'n', v: 0.031, z: '0.0%' },
      { t: 'n', v: 2025, z: 'General' },
    ]] });
    const book = await readWorkbook(Buffer.from(bytes), 'zip');
    if (!book.ok) throw new Error(book.code);
    expect(book.sheets[0]?.rows[0]).toEqual([
      { date: '2025-01-15', year: 2025, yearOnly: false, serial: 45672, text: '2025-01-15' },
      { date: '2025', year: 2025, yearOnly: true, serial: 46022, text: '2025' },
      { date: '2025-01-15 12:00', year: 2025, yearOnly: false, serial: 45672.5, text: '2025-01-15 12:00' },
      { number: 0.031, percent: true, text: '3.1%' },
      { number: 2025, percent: false, text: '2025' },
    ]);
  });

  it('hidden sheets, rows (1-based) and columns (0-based) are told', async () => {
    const bytes = workbook({ A: [['x']], B: [['y'], ['z'], ['w']] }, { B: { hidden: true, hiddenRows: [2], hiddenColumns: [0, 3] } });
    const book = await readWorkbook(Buffer.from(bytes), 'zip');
    if (!book.ok) throw new Error(book.code);
    expect(book.sheets.map((s) => [s.name, s.hidden, [...s.hiddenRows], [...s.hiddenColumns]])).toEqual([
      ['A', false, [], []],
      ['B', true, [2], [0, 3]],
    ]);
  });
});
