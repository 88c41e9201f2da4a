import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { actualsFrom, miniPlan } from '../evaluate/plan.test-helper.js';
import { columnLetter, readActuals } from './read-actuals.js';

const plan = miniPlan();
const index = (id: string): number => plan.targetsById.get(id)?.index ?? -1;

async function read(...files: (string | Uint8Array)[]) {
  const actuals = await actualsFrom(plan, ...files);
  const problems = actuals.problems.map((p) => ({ code: p.code, file: p.file, line: p.line, column: p.column, field: p.field, value: p.value }));
  return { actuals, problems };
}

const value = (actuals: Awaited<ReturnType<typeof read>>['actuals'], id: string, region = '') =>
  actuals.store.series(region, index(id)).map((f) => [f.year, f.value]);

describe('encodings and dialects', () => {
  const body = '编号,实际值\r\nG1.1,3.5%\r\nM1.1,１，２００\r\n';

  it('UTF-8 with BOM', async () => {
    const { actuals, problems } = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
    expect(problems).toEqual([]);
    expect(actuals.inputs[0]).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',', layout: 'long', rows: 2, figures: 2 });
    expect(value(actuals, 'M1.1')).toEqual([[2025, 1200]]);
  });

  it('GBK without BOM is detected as GB18030', async () => {
    const { actuals, problems } = await read(iconv.encode(body, 'gbk'));
    expect(problems).toEqual([]);
    expect(actuals.inputs[0]).toMatchObject({ encoding: 'gb18030', bom: false });
    expect(value(actuals, 'G1.1')).toEqual([[2025, 3.5]]);
  });

  it('UTF-16 LE with BOM', async () => {
    const { actuals, problems } = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(body, 'utf-16le')]));
    expect(problems).toEqual([]);
    expect(actuals.inputs[0]).toMatchObject({ encoding: 'utf-16le', bom: true });
  });

  it('semicolons and tabs', async () => {
    const semi = await read('id;value;year\nG1.1;3.5;2024\nM1.1;900;2024\n');
    expect(semi.problems).toEqual([]);
    expect(semi.actuals.inputs[0]?.delimiter).toBe(';');
    const tab = await read('id\tvalue\nG1.1\t3.5\nM1.1\t900\n');
    expect(tab.actuals.inputs[0]?.delimiter).toBe('\t');
    expect(value(tab.actuals, 'M1.1')).toEqual([[2025, 900]]);
  });

  it('a quoted field with a line break is one spreadsheet row', async () => {
    const { problems } = await read('id,value,note\nG1.1,3.5,"two\nlines"\nM1.1,abc,\n');
    expect(problems).toEqual([{ code: 'row.not-a-number', file: 'in1.csv', line: 3, column: 2, field: 'value', value: 'abc' }]);
  });

  it('headers in any order, Chinese or English, extra columns ignored', async () => {
    const { actuals, problems } = await read('备注,年份,地区,实际值,填报人,编号\n说明,2023,丹东街道,3.1,张三,G1.1\n');
    expect(problems).toEqual([]);
    expect(value(actuals, 'G1.1', '丹东街道')).toEqual([[2023, 3.1]]);
  });

  it('the wide form: one column per year, blanks are no figure', async () => {
    const { actuals, problems } = await read('id,indicator,2020,2021年,2022,2023\nG1.1,R&D,2.5,2.7,,3.0\nM2.5,city,,,否,是\n');
    expect(problems).toEqual([]);
    expect(actuals.inputs[0]?.layout).toBe('wide');
    expect(value(actuals, 'G1.1')).toEqual([[2020, 2.5], [2021, 2.7], [2023, 3]]);
    expect(value(actuals, 'M2.5')).toEqual([[2022, 0], [2023, 1]]);
  });

  it('units convert to the target unit, in the cell or in a unit column', async () => {
    const { actuals, problems } = await read('id,value,unit\nM1.1,9500000,万元\nM2.1,26000,人\nM1.3,35‰,\n');
    expect(problems).toEqual([]);
    expect(value(actuals, 'M1.1')).toEqual([[2025, 950]]);
    expect(value(actuals, 'M2.1')).toEqual([[2025, 2.6]]);
    expect(value(actuals, 'M1.3')).toEqual([[2025, 3.5]]);
  });
});

describe('input errors: all of them, each located with the raw value', () => {
  it('one of each row error', async () => {
    const csv = [
      'id,value,year,unit',
      'M1.l,1,2025,', // 2: unknown id
      'G1.1,3.4x,2025,', // 3: not a number
      'M1.1,12%,2025,', // 4: percent for 亿元
      'M2.1,5,2025,公里', // 5: unit does not convert
      'G1.1,3.5,2025,', // 6: first of a duplicate
      'G1.1,3.6,2025,', // 7: duplicate
      'G1.1,3.6,2019,', // 8: year outside the period
      'G1.1,3.6', // 9: ragged
      'M2.5,maybe,2025,', // 10: not yes/no
      'G1.1,3.6,twenty,', // 11: not a year
    ].join('\n');
    const { problems } = await read(csv);
    expect(problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['row.unknown-id', 2, 'id'],
      ['row.not-a-number', 3, 'value'],
      ['row.percent-not-percent', 4, 'value'],
      ['row.unit-mismatch', 5, 'unit'],
      ['row.duplicate', 7, 'value'],
      ['row.year-outside-period', 8, 'year'],
      ['csv.ragged-row', 9, undefined],
      ['row.not-yes-no', 10, 'value'],
      ['row.bad-year', 11, 'year'],
    ]);
    const actuals = (await actualsFrom(plan, csv)).problems;
    expect(actuals[0]?.params).toMatchObject({ suggestion: 'M1.1' });
    expect(actuals[4]?.params).toMatchObject({ other: 'in1.csv:6' });
  });

  it('a duplicate across two files names both places', async () => {
    const { problems } = await read('id,value\nG1.1,3.5\n', 'id,value\nG1.1,3.6\n');
    expect(problems).toEqual([{ code: 'row.duplicate', file: 'in2.csv', line: 2, column: 2, field: 'value', value: '3.6' }]);
  });

  it('missing required columns', async () => {
    const { problems } = await read('编号,数量\nG1.1,3\n');
    expect(problems.map((p) => p.code)).toEqual(['csv.missing-column']);
  });

  it('undecodable bytes in a UTF-8 file are reported at their cell', async () => {
    const head = Buffer.from('id,value,note\nG1.1,3.5,好\n'.repeat(1));
    const bad = Buffer.from([0x4d, 0x31, 0x2e, 0x31, 0x2c, 0x39, 0x30, 0x30, 0x2c, 0xff, 0xfe, 0x0a]);
    const { problems } = await read(Buffer.concat([head, bad]));
    expect(problems).toMatchObject([{ code: 'csv.undecodable', line: 3, column: 3 }]);
  });

  it('a header that does not decode says the encoding is wrong, once', async () => {
    const bytes = iconv.encode('编号,实际值\nG1.1,3.5\n', 'gbk');
    const actuals = await readActuals([{ name: 'gbk.csv', open: async function* () { yield bytes; } }], plan, { encoding: 'utf-8' });
    expect(actuals.problems.map((p) => [p.code, p.line, p.column])).toEqual([['csv.undecodable', 1, 1]]);
  });

  it('workbooks, empty files, header only', async () => {
    expect((await read(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).problems.map((p) => p.code)).toEqual(['workbook.unreadable']);
    expect((await read(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).problems.map((p) => p.code)).toEqual(['workbook.unreadable']);
    expect((await read('')).problems.map((p) => p.code)).toEqual(['csv.empty']);
    expect((await read('id,value\n')).problems.map((p) => p.code)).toEqual(['csv.header-only']);
  });

  it('blank cells and blank lines are no figure, never zero or an error', async () => {
    const { actuals, problems } = await read('id,value\nG1.1,\n\nM1.1,暂无\n,\n');
    expect(problems).toEqual([]);
    expect(actuals.store.count()).toBe(0);
  });
});

describe('columnLetter', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
