import { describe, expect, test } from 'vitest';
import { fillOf, readBack } from './read-workbook.test-helper.js';
import { cellAddress, printsOnePageWide, printTitles, wrappedLines, writeWorkbook, type WorkbookSheet } from './write-workbook.js';

const table: WorkbookSheet = {
  name: '明细',
  frozenRows: 1,
  autoFilterRow: 0,
  rows: [
    [{ value: '编号', bold: true }, { value: '指标名称很长的一列' }, { value: '完成度' }, { value: '已完成' }],
    [{ value: '=1+1' }, { value: '+86 574' }, { value: 0.5, format: '0.0%', fill: '#C6EFCE' }, { value: '是' }],
    [{ value: '-3' }, { value: '@SUM(A1)' }, { value: 1234.5, format: '#,##0.00' }, { value: null }],
    [{ value: 'a\u0007b\u0000c\u007f' }, { value: '第一行\r\n第二行', wrap: true }, { value: -0.25, format: '0.0%' }, { value: true }],
  ],
  validations: [{ column: 3, fromRow: 1, toRow: 99, choices: ['是', '否'] }],
};

describe('writeWorkbook', async () => {
  const book = readBack(await writeWorkbook([table, { name: "it's 2", rows: [[{ value: 1 }]] }]));
  const sheet = book.sheet('明细');
  const xml = book.part('xl/worksheets/sheet1.xml');

  test('numbers are number cells carrying their number format', () => {
    expect(sheet.C2).toMatchObject({ t: 'n', v: 0.5, z: '0.0%', w: '50.0%' });
    expect(sheet.C3).toMatchObject({ t: 'n', v: 1234.5, z: '#,##0.00', w: '1,234.50' });
    expect(sheet.C4).toMatchObject({ t: 'n', v: -0.25, w: '-25.0%' });
    expect(sheet.D4).toMatchObject({ t: 'b', v: true });
  });

  test('text that starts like a formula stays text, and no cell holds a formula', () => {
    expect(sheet.A2).toMatchObject({ t: 's', v: '=1+1' });
    expect(sheet.B2).toMatchObject({ t: 's', v: '+86 574' });
    expect(sheet.A3).toMatchObject({ t: 's', v: '-3' });
    expect(sheet.B3).toMatchObject({ t: 's', v: '@SUM(A1)' });
    expect(xml).not.toMatch(/<f[ >]/);
  });

  test('control characters are shown as visible pictures; line breaks are kept', () => {
    expect(sheet.A4?.v).toBe('a␇b␀c␡');
    expect(sheet.B4?.v).toBe('第一行\n第二行');
  });

  test('fills are solid fills of the given colour; empty cells stay empty', () => {
    expect(fillOf(sheet.C2)).toBe('C6EFCE');
    expect(fillOf(sheet.A2)).toBeNull();
    expect(sheet.D3).toBeUndefined();
  });

  test('the header row is frozen and the whole table has an auto-filter', () => {
    expect(xml).toContain('<pane ySplit="1" xSplit="0" topLeftCell="A2" activePane="bottomRight" state="frozen"/>');
    expect(sheet['!autofilter']).toEqual({ ref: 'A1:D4' });
    expect(book.part('xl/workbook.xml')).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'明细'!$A$1:$D$4</definedName>`);
    // One definedNames element only: a duplicate makes Excel repair the file.
    expect(book.part('xl/workbook.xml').match(/<definedNames/g)).toHaveLength(1);
  });

  test('a drop-down list is a list validation over the given rows of its column', () => {
    expect(xml).toContain('<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="D2:D100"><formula1>&quot;是,否&quot;</formula1></dataValidation>');
    // The schema orders autoFilter before dataValidations after sheetData.
    expect(xml.indexOf('</sheetData>')).toBeLessThan(xml.indexOf('<autoFilter'));
    expect(xml.indexOf('<autoFilter')).toBeLessThan(xml.indexOf('<dataValidations'));
  });

  test('column widths fit the widest line, a CJK character counting two, plus room for the filter button', () => {
    // 编号: 4 + 2 → the minimum 6; 指标名称很长的一列: 9 CJK = 18 + 2 = 20; 第一行 (6) is the widest line of B4.
    expect(xml).toContain('<col min="1" max="1" width="6" customWidth="1"/>');
    expect(xml).toContain('<col min="2" max="2" width="20" customWidth="1"/>');
  });

  test('sheet names with quotes are quoted in formulas', () => {
    expect(book.book.SheetNames).toEqual(['明细', "it's 2"]);
  });
});

test('an empty cell can be shaded (a cell to fill in)', async () => {
  const book = readBack(await writeWorkbook([{ name: 'S', rows: [[{ value: 'a' }, { value: null, fill: '#FFF2CC' }]] }]));
  const xml = book.part('xl/worksheets/sheet1.xml');
  // B1 exists with a style and no value.
  expect(xml).toMatch(/<c r="B1" s="\d+"\/>|<c r="B1" s="\d+"><\/c>/);
  expect(book.sheet('S').B1?.v).toBeUndefined();
  expect(fillOf(book.sheet('S').B1)).toBe('FFF2CC');
});

describe('writeWorkbook refuses what it cannot write faithfully', () => {
  test.each([
    [[{ name: 'a/b', rows: [] }], /invalid sheet name/],
    [[{ name: 'x'.repeat(32), rows: [] }], /invalid sheet name/],
    [[{ name: 'A', rows: [] }, { name: 'a', rows: [] }], /duplicate sheet name/],
    [[{ name: 'A', rows: [[{ value: Number.NaN }]] }], /not a finite number/],
    [[{ name: 'A', rows: [[{ value: 1 }]], validations: [{ column: 0, fromRow: 0, toRow: 1, choices: ['a,b'] }] }], /comma or quote/],
  ] as [WorkbookSheet[], RegExp][])('%#', async (sheets, message) => {
    await expect(writeWorkbook(sheets)).rejects.toThrow(message);
  });
});

test('cellAddress counts columns in base 26 without a zero', () => {
  expect(cellAddress(0, 0)).toBe('A1');
  expect(cellAddress(0, 25)).toBe('Z1');
  expect(cellAddress(0, 26)).toBe('AA1');
  expect(cellAddress(9, 701)).toBe('ZZ10');
  expect(cellAddress(0, 702)).toBe('AAA1');
  expect(cellAddress(4, 2, true)).toBe('$C$5');
});

describe('print set-up', async () => {
  // 20 CJK characters = width 40; three columns of 10 = 30, less one for the cell's padding = 29
  // a line: 2 lines, 30 points.
  const long = '这是一行很长的汇总文字需要换行才能放下';
  const narrow: WorkbookSheet = {
    name: "汇总's",
    widths: [10, 10, 10],
    frozenRows: 2,
    frozenColumns: 1,
    rows: [[{ value: long + '了', wrap: true, span: 3 }], [{ value: 'a' }, { value: 'b' }, { value: 'c' }]],
  };
  // 30 columns of 8: 240 characters, wider than a landscape page holds at 70 %.
  const wide: WorkbookSheet = { name: 'wide', landscape: true, widths: Array.from({ length: 30 }, () => 8), rows: [Array.from({ length: 30 }, (_, i) => ({ value: i }))] };
  const book = readBack(await writeWorkbook([narrow, wide]));
  const narrowXml = book.part('xl/worksheets/sheet1.xml');
  const wideXml = book.part('xl/worksheets/sheet2.xml');

  test('a spanning wrapped cell is merged over its columns and its row is made tall enough for its lines', () => {
    expect(narrowXml).toContain('<mergeCell ref="A1:C1"/>');
    expect(narrowXml).toMatch(/<row r="1"[^>]* ht="30"/);
    expect(wrappedLines(long + '了', 30)).toBe(2);
    expect(wrappedLines('短', 30)).toBe(1);
    expect(wrappedLines('a\nb', 30)).toBe(2);
  });

  test('Latin text wraps at spaces, a Latin letter counted 0.85 of a column unit (a digit), a word too long runs over lines', () => {
    // Room 25: "Action 3 Road network: linked" is 29 × 0.85 = 24.65; "outside, smooth inside" the second line.
    expect(wrappedLines('Action 3 Road network: linked outside, smooth inside', 26)).toBe(2);
    // 70 letters × 0.85 = 59.5 in lines of 29: 3 lines.
    expect(wrappedLines('x'.repeat(70), 30)).toBe(3);
    expect(wrappedLines('', 10)).toBe(1);
  });

  test('any wrapped cell whose text needs more lines than one makes its row tall enough; a one-line row keeps its height', async () => {
    const sheet: WorkbookSheet = { name: 's', widths: [10, 10], rows: [[{ value: '一二三四五六七八九十', wrap: true }, { value: 'ok' }], [{ value: '短', wrap: true }]] };
    const rows = readBack(await writeWorkbook([sheet])).part('xl/worksheets/sheet1.xml');
    // 10 CJK = width 20 in room 9: 3 lines, 45 points.
    expect(rows).toMatch(/<row r="1"[^>]* ht="45"/);
    expect(rows).toMatch(/<row r="2"(?![^>]*ht=)[^>]*>/);
  });

  test('a sheet that fits prints one page wide, with margins; a wide one prints at its size', () => {
    expect(printsOnePageWide(narrow)).toBe(true);
    expect(narrowXml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(narrowXml).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0"/);
    expect(narrowXml).toContain('<pageMargins left="0.7"');
    expect(printsOnePageWide(wide)).toBe(false);
    expect(wideXml).not.toContain('fitToPage');
    expect(wideXml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
  });

  test('frozen rows and columns are printed on every page (print titles), the sheet name quoted', () => {
    expect(printTitles(narrow, "'汇总''s'")).toBe("'汇总''s'!$A:$A,'汇总''s'!$1:$2");
    expect(printTitles(wide, "'wide'")).toBeNull();
    expect(book.part('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'汇总''s'!$A:$A,'汇总''s'!$1:$2</definedName>`);
  });
});

describe('writeWorkbook of a sheet of more rows than a call takes arguments', () => {
  test('its widths and filter are worked out row by row: 300,000 rows, the widest in the middle', async () => {
    // A spread of 300,000 numbers into Math.max overflows the stack; a report of 1,000 regions' results has that many rows.
    const rows = Array.from({ length: 300_000 }, (_, r) => (r === 150_000 ? [{ value: 'a' }, { value: 'b' }, { value: 'c' }] : [{ value: r }]));
    const xml = readBack(await writeWorkbook([{ name: 'big', autoFilterRow: 0, rows }])).part('xl/worksheets/sheet1.xml');
    expect(xml).toContain('<autoFilter ref="A1:C300000"/>');
  }, 60_000);
});
