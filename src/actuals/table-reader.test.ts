import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { actualsFrom, miniPlan } from '../evaluate/plan.test-helper.js';
import { FigureStore } from './figure-store.js';
import { readActuals } from './read-actuals.js';
import { rowRanges } from './table-reader.js';
import { workbook } from './workbook-bytes.test-helper.js';

const plan = miniPlan();
const index = (id: string): number => plan.targetsById.get(id)?.index ?? -1;
const series = (actuals: Awaited<ReturnType<typeof actualsFrom>>, id: string) => actuals.store.series('', index(id)).map((f) => [f.year, f.value]);
const codes = (actuals: Awaited<ReturnType<typeof actualsFrom>>) => actuals.problems.map((p) => [p.code, p.line, p.column]);

describe('the header is found below titles; no column is ignored silently', () => {
  it('title and 填报单位 rows above the header are skipped with a notice naming the header row', async () => {
    const actuals = await actualsFrom(plan, '规划指标完成情况表,,\n填报单位:统计局,,\n,,\n指标编号,实际值,填报人\nG1.1,3.5,张三\n');
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'G1.1')).toEqual([[2025, 3.5]]);
    expect(actuals.notices.map((n) => [n.code, n.line, n.params])).toEqual([
      ['notice.header-found', 4, { row: 4, skipped: 2 }],
      ['notice.column-ignored', 4, { column: '填报人' }],
    ]);
  });

  it('year headers of Chinese tables: 2025年完成值, 2024年实际, 2023年（亿元）; 目标值 columns are never figures', async () => {
    const csv = '指标编号,2023年（亿元）,2024年实际,2025年完成值,2025年目标值\nM1.1,950,980,1010,1000\n';
    const actuals = await actualsFrom(plan, csv);
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'M1.1')).toEqual([[2023, 950], [2024, 980], [2025, 1010]]);
  });

  it('a unit in a header applies to its column: 实际值（万元） of 9,500,000 is 950 亿元', async () => {
    const actuals = await actualsFrom(plan, '编号,实际值（万元）\nM1.1,"9,500,000"\n');
    expect(series(actuals, 'M1.1')).toEqual([[2025, 950]]);
  });

  it('a form target that differs from the plan is a warning, and not a figure', async () => {
    const actuals = await actualsFrom(plan, '指标编号,目标值,实际值\nM1.1,900,1010\nG1.1,≥3.4%,3.5\n');
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]);
    expect(actuals.notices.map((n) => [n.code, n.params.form, n.severity])).toEqual([['warning.form-target-differs', 900, 'warning']]);
  });

  it('no header in the first rows: both missing columns located, and a hint', async () => {
    const actuals = await actualsFrom(plan, 'a,b\nc,d\ne,f\n');
    expect(actuals.problems.map((p) => p.code)).toEqual(['csv.missing-column', 'csv.missing-column', 'header.not-found']);
  });
});

describe('rows that are not data', () => {
  it('小计/合计 rows, 注: footnotes and titles are skipped with a notice, not errors', async () => {
    const csv = ['序号,指标编号,指标名称,实际值', '一、经济发展,,,', '1,G1.1,研发经费占GDP比重,3.5', ',,小计,3.5', '合计,,,99', '注:数据为快报数,,,', '填报人:张三,,,', ''].join('\n');
    const actuals = await actualsFrom(plan, csv);
    expect(codes(actuals)).toEqual([]);
    expect(actuals.notices.map((n) => [n.code, n.line])).toEqual([
      ['notice.row-title', 2],
      ['notice.row-subtotal', 4],
      ['notice.row-subtotal', 5],
      ['notice.row-footnote', 6],
      ['notice.row-footnote', 7],
    ]);
    expect(actuals.inputs[0]?.rows).toBe(1);
  });

  it('a figure with no id or name is an error; a name like 注册企业 is not a footnote', async () => {
    const actuals = await actualsFrom(plan, '指标编号,实际值\n,5\n注册企业,5\n');
    expect(actuals.problems.map((p) => [p.code, p.line])).toEqual([['row.missing-id', 2], ['row.unknown-id', 3]]);
  });
});

describe('matching by name', () => {
  it('full-width brackets, spaces and quotation marks do not matter; the English name works too', async () => {
    const actuals = await actualsFrom(plan, '指标名称,2025年\n“ 研发经费占 GDP 比重 ”,3.5\nIndustrial output,1010\n');
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'G1.1')).toEqual([[2025, 3.5]]);
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]);
  });

  it('a unit after the name applies: 规上工业产值（万元）', async () => {
    const actuals = await actualsFrom(plan, '指标名称,2025年\n规上工业产值（万元）,"10,100,000"\n');
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]);
  });

  it('an unknown name lists the closest names with their ids', async () => {
    const actuals = await actualsFrom(plan, '指标名称,2025年\n规上工业总产值,1010\n');
    expect(actuals.problems.map((p) => [p.code, p.params.closest])).toEqual([
      ['row.unknown-name', expect.stringMatching(/^规上工业产值 \(M1\.1\)、规上工业增加值增速 \(M1\.2\)/)],
    ]);
  });

  it('an id that does not match the row name is a warning; the id is used', async () => {
    const actuals = await actualsFrom(plan, '指标编号,指标名称,实际值\nM1.3,研发经费占GDP比重,3.1\n');
    expect(series(actuals, 'M1.3')).toEqual([[2025, 3.1]]);
    expect(actuals.notices.map((n) => [n.code, n.params.other])).toEqual([['warning.name-differs', 'G1.1']]);
  });
});

describe('figures as analysts write them', () => {
  it('magnitudes: 1010亿 for 亿元 is 1010; 4.6万 for 万人 is 4.6; 46000 with 计量单位 人 is 4.6 万人', async () => {
    const actuals = await actualsFrom(plan, '指标编号,计量单位,2024年,2025年\nM1.1,,990亿,1010亿\nM2.1,,4.2万,4.6万\n', 'id,计量单位,year,value\nM2.1,人,2023,46000\n');
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'M1.1')).toEqual([[2024, 990], [2025, 1010]]);
    expect(series(actuals, 'M2.1')).toEqual([[2023, 4.6], [2024, 4.2], [2025, 4.6]]);
  });

  it('notes in brackets are kept, not taken as units: 3.5（预计）, 3.6(快报)', async () => {
    const actuals = await actualsFrom(plan, 'id,2024,2025\nG1.1,3.5（预计）,3.6(快报)\n');
    expect(series(actuals, 'G1.1')).toEqual([[2024, 3.5], [2025, 3.6]]);
    expect(actuals.notices.map((n) => n.params.note)).toEqual(['预计', '快报']);
  });

  it('no-figure words and milestone words', async () => {
    const actuals = await actualsFrom(plan, 'id,2021,2022,2023,2024,2025\nG1.1,暂缺,待统计,不适用,/,—\nM2.5,未达标,×,√,达标,已完成\n');
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'G1.1')).toEqual([]);
    expect(series(actuals, 'M2.5')).toEqual([[2021, 0], [2022, 0], [2023, 1], [2024, 1], [2025, 1]]);
  });

  it('a figure of 400 digits is a located error, never Infinity', async () => {
    const actuals = await actualsFrom(plan, `id,value\nM1.1,${'9'.repeat(400)}\nM1.3,1e5\n`);
    expect(actuals.problems.map((p) => [p.code, p.line, p.column])).toEqual([['row.not-finite', 2, 2], ['row.not-a-number', 3, 2]]);
    expect(actuals.store.count()).toBe(0);
  });

  it('scale warnings with the likely reading: 0.9 for a % target of 3.4 is not flagged, 2,000,000 for 亿元 is', async () => {
    const actuals = await actualsFrom(plan, 'id,value\nG1.1,0.9\nM1.1,10100000\n');
    expect(actuals.notices.map((n) => [n.code, n.params.likely, n.params.likelyUnit])).toEqual([['warning.scale-off', 1010, '万元']]);
    const fraction = await actualsFrom(plan, 'id,value\nM2.8,0.062\n');
    expect(fraction.notices.map((n) => [n.code, n.params.likely])).toEqual([['warning.fraction-for-percent', 6.2]]);
  });
});

describe('workbooks', () => {
  it('numbers are read from number cells; a % cell is a percentage; errors are no figure; sheets without a header are skipped', async () => {
    const bytes = workbook({
      说明: [['请按单位填报']],
      数据: [
        ['2025年完成情况'],
        ['编号', '2024年', '2025年'],
        ['G1.1', { t: 'n', v: 0.0345, z: '0.00%' }, { t: 'n', v: 3.61, z: '0.00' }],
        ['M1.1', { t: 'e', v: 0x07, w: '#DIV/0!' }, 1012.5],
      ],
    });
    const actuals = await readActuals([{ name: 'book.xlsx', open: async function* () { yield bytes; } }], plan);
    expect(actuals.problems).toEqual([]);
    expect(series(actuals, 'G1.1')).toEqual([[2024, 3.45], [2025, 3.61]]);
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1012.5]]);
    expect(actuals.inputs.map((i) => i.file)).toEqual(['book.xlsx[说明]', 'book.xlsx[数据]']);
    expect(actuals.notices.map((n) => [n.code, n.cell ?? null])).toEqual([
      ['notice.header-found', 'A2'],
      ['notice.error-cell', 'B4'],
      ['notice.sheet-skipped', null],
    ]);
  });

  it('errors in a sheet are located by sheet and cell', async () => {
    const bytes = workbook({ 完成情况: [['编号', '实际值'], ['G1.1', 'abc']] });
    const actuals = await readActuals([{ name: 'b.xlsx', open: async function* () { yield bytes; } }], plan);
    expect(actuals.problems).toMatchObject([{ code: 'row.not-a-number', file: 'b.xlsx[完成情况]', cell: 'B2', line: 2, column: 2 }]);
  });
});

describe('hardening (issue 11)', () => {
  it("Excel's sep=; first line names the separator and is not a row", async () => {
    const actuals = await actualsFrom(plan, 'sep=;\nid;value\nG1.1;3,5\n');
    expect(actuals.inputs[0]?.delimiter).toBe(';');
    expect(codes(actuals)).toEqual([['row.not-a-number', 2, 2]]);
  });

  it('a bar inside a quoted header does not change the separator', async () => {
    const actuals = await actualsFrom(plan, 'id,"value|实际值",note\nG1.1,3.5,a|b|c\n');
    expect(actuals.inputs[0]?.delimiter).toBe(',');
  });

  it('Cyrillic and Greek look-alike letters in an id are pointed out', async () => {
    const actuals = await actualsFrom(plan, 'id,value\n\u041c1.1,1010\n\u0393\u0031.1,3.5\n');
    expect(actuals.problems.map((p) => [p.code, p.params.suggestion, p.params.letters])).toEqual([
      ['row.unknown-id-lookalike', 'M1.1', '"М" looks like M but is Cyrillic М (U+041C)'],
      ['row.unknown-id', 'G1.1', undefined],
    ]);
  });

  it('a quoted cell of many lines is bounded like one long field', async () => {
    const cell = 'x\n'.repeat(600_000);
    const actuals = await actualsFrom(plan, `id,value,note\nG1.1,3.5,"${cell}"\n`);
    expect(actuals.problems.map((p) => [p.code, p.line, p.column])).toEqual([['csv.field-too-long', 2, 3]]);
  });

  it('after a fatal header error an endless input is not read further', async () => {
    let reads = 0;
    const endless = async function* () {
      yield Buffer.from('foo,bar\n');
      for (;;) {
        reads++;
        yield Buffer.from('1,2\n'.repeat(16_384));
      }
    };
    const rows = Array.from({ length: 40 }, () => 'a,b').join('\n');
    const actuals = await readActuals([{ name: '<stdin>', open: async function* () { yield Buffer.from(`${rows}\n`); yield* endless(); } }], plan);
    expect(actuals.problems.map((p) => p.code)).toContain('csv.missing-column');
    expect(reads).toBeLessThan(5);
  });

  it('file indexes do not wrap at 65,535 files', () => {
    const store = new FigureStore(3, 2020, 2025);
    store.set('', 1, 2025, 7, { file: 70_000, row: 3 });
    expect(store.series('', 1)[0]?.source).toEqual({ file: 70_000, row: 3 });
  });
});

describe('two-row headers', () => {
  it('a year over 目标值 | 完成值 (merged in the workbook) reads the 完成值 column only', async () => {
    const bytes = workbook({
      表: [
        ['序号', '指标名称', '计量单位', '2025年', null, '备注'],
        [null, null, null, '目标值', '完成值', null],
        [1, '规上工业产值', '亿元', 1000, 1010, null],
      ],
    });
    // Merge D1:E1 as Excel saves a year heading over two columns, and A1:A2 … C1:C2 vertically.
    const book = XLSX.read(bytes, { type: 'buffer' });
    const sheet = book.Sheets['表'];
    if (!sheet) throw new Error('no sheet');
    sheet['!merges'] = ['D1:E1', 'A1:A2', 'B1:B2', 'C1:C2', 'F1:F2'].map((r) => XLSX.utils.decode_range(r));
    const merged = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
    const actuals = await readActuals([{ name: 'b.xlsx', open: async function* () { yield merged; } }], plan);
    expect(actuals.problems).toEqual([]);
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]);
    expect(actuals.notices.map((n) => [n.code, n.params])).toEqual([['notice.header-two-rows', { first: 1, second: 2 }]]);
  });

  it('two columns for the same year without a second header row are a duplicate, and neither is a figure', async () => {
    const actuals = await actualsFrom(plan, '编号,2025年,2025年完成值\nM1.1,1000,1010\n');
    expect(actuals.problems.map((p) => [p.code, p.column, p.params.other, p.params.column])).toEqual([['csv.duplicate-figure-column', 3, '2025年', '2025年完成值']]);
    expect(series(actuals, 'M1.1')).toEqual([]);
  });
});

describe('ledger habits', () => {
  it('list numbers and marks before names, 约 before figures, 累计完成 headers', async () => {
    const csv = '指标名称,累计完成\n1.研发经费占GDP比重,约3.5\n（2）规上工业产值★,1010\n其中：城镇新增就业,4.6\n';
    const actuals = await actualsFrom(plan, csv);
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'G1.1')).toEqual([[2025, 3.5]]);
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]);
    expect(series(actuals, 'M2.1')).toEqual([[2025, 4.6]]);
  });

  it('a number merged across two year columns is one figure, not two', async () => {
    const bytes = workbook({ 表: [['编号', '2024年', '2025年'], ['M1.1', 1010, null]] });
    const book = XLSX.read(bytes, { type: 'buffer' });
    const sheet = book.Sheets['表'];
    if (!sheet) throw new Error('no sheet');
    sheet['!merges'] = [XLSX.utils.decode_range('B2:C2')];
    const merged = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
    const actuals = await readActuals([{ name: 'm.xlsx', open: async function* () { yield merged; } }], plan);
    expect(series(actuals, 'M1.1')).toEqual([[2024, 1010]]);
  });
});

describe('what is not a unit, a row number, a footnote on its own line', () => {
  it('words in brackets that are no unit are remarks: 2020年（基期）, 名称（预计）', async () => {
    const actuals = await actualsFrom(plan, '指标名称,2020年（基期）,2025年\n规上工业产值（预计）,800,1010\n');
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'M1.1')).toEqual([[2020, 800], [2025, 1010]]);
  });

  it('a number in an 编号 column beside names is a row number, not an id', async () => {
    const actuals = await actualsFrom(plan, '编号,指标名称,2025年\n1,规上工业产值,1010\n2,研发经费占GDP比重,3.5\n');
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]);
  });

  it('a footnote typed on a line of its own is skipped with a notice, not a ragged row', async () => {
    const actuals = await actualsFrom(plan, '编号,实际值,备注\nG1.1,3.5,\n注:数据为快报数\n');
    expect(codes(actuals)).toEqual([]);
    expect(actuals.notices.map((n) => n.code)).toEqual(['notice.row-footnote']);
  });
});

describe('workbook bounds', () => {
  it('a cell past column 1,000 makes the sheet too large: refused, not dropped', async () => {
    const book = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet([['编号', '实际值'], ['M1.1', 1010]]);
    sheet[XLSX.utils.encode_cell({ r: 1, c: 5000 })] = { t: 's', v: 'far away' };
    sheet['!ref'] = 'A1:HCH2';
    XLSX.utils.book_append_sheet(book, sheet, 'wide');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
    const actuals = await readActuals([{ name: 'w.xlsx', open: async function* () { yield bytes; } }], plan);
    expect(actuals.problems.map((p) => [p.code, p.params.sheet])).toEqual([['workbook.sheet-too-large', 'wide']]);
    expect(actuals.store.count()).toBe(0);
  });
});

describe('no column is ignored silently', () => {
  it('year columns beside a value column are named as not read', async () => {
    const actuals = await actualsFrom(plan, '编号,实际值,2024年\nM1.1,1010,990\n');
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]);
    expect(actuals.notices.map((n) => [n.code, n.params.column])).toEqual([['notice.column-ignored', '2024年']]);
  });
});

/** Reads workbook bytes as the file `name`, with options. */
function fromWorkbook(bytes: Uint8Array, sheets?: string[]) {
  return readActuals([{ name: 'b.xlsx', open: async function* () { yield bytes; } }], plan, sheets ? { sheets } : {});
}
const located = (actuals: Awaited<ReturnType<typeof actualsFrom>>) => actuals.problems.map((p) => [p.code, p.cell ?? `${p.line}:${p.column}`, p.params]);

describe('a column without a header that holds data is never passed over', () => {
  it('a year over unnamed columns (a merged header whose second row is gone): refused once, none of its figures read', async () => {
    const csv = '序号,指标名称,计量单位,2025年,,\n1,规上工业产值,亿元,1000,1010,101%\n2,研发经费占GDP比重,%,3.4,3.5,103%\n';
    const actuals = await actualsFrom(plan, csv);
    expect(located(actuals)).toEqual([['header.spans-columns', '1:4', { column: '2025年', first: 'D', last: 'F' }]]);
    // 1000 and 3.4 are the form's targets: never judged as figures.
    expect(actuals.store.count()).toBe(0);
  });

  it('figures read before the row that shows the span are withdrawn too: the target is never a figure', async () => {
    const csv = '指标名称,2025年,\n规上工业产值,1000,\n研发经费占GDP比重,3.4,3.5\n';
    const actuals = await actualsFrom(plan, csv);
    expect(actuals.problems.map((p) => p.code)).toEqual(['header.spans-columns']);
    expect(series(actuals, 'M1.1')).toEqual([]);
  });

  it('a note two columns right of the year, the column next to it empty: an error at the note, the figures read', async () => {
    const bytes = workbook({ 表: [['编号', '2024年', '2025年'], ['M1.1', 990, 1010, null, '预计数'], ['G1.1', 3.3, 3.5]] });
    const actuals = await fromWorkbook(bytes);
    expect(located(actuals)).toEqual([['row.unnamed-column', 'E2', { column: 'E', value: '预计数' }]]);
    expect(series(actuals, 'M1.1')).toEqual([[2024, 990], [2025, 1010]]);
  });

  it('an unnamed column that stays empty (a trailing comma) changes nothing', async () => {
    const actuals = await actualsFrom(plan, '编号,2024年,2025年,\nM1.1,990,1010,\nG1.1,3.3,3.5,\n');
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'M1.1')).toEqual([[2024, 990], [2025, 1010]]);
    expect(series(actuals, 'G1.1')).toEqual([[2024, 3.3], [2025, 3.5]]);
  });

  it('long layout: data beside the value column is an error on that row, whose figure is not judged; other rows are', async () => {
    const actuals = await actualsFrom(plan, 'id,year,value,\nM1.1,2025,1010,\nG1.1,2025,3.5,3.6\n');
    expect(located(actuals)).toEqual([['row.unnamed-beside-figure', '3:4', { column: 'D', value: '3.6', figure: 'value' }]]);
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]);
    expect(series(actuals, 'G1.1')).toEqual([]);
  });

  it('an unnamed column elsewhere: each cell with data is a located error, the figures are read', async () => {
    const actuals = await actualsFrom(plan, '编号,,实际值\nM1.1,甲,1010\nG1.1,,3.5\n');
    expect(located(actuals)).toEqual([['row.unnamed-column', '2:2', { column: 'B', value: '甲' }]]);
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]);
  });

  it('a workbook row longer than its header: the cells past the header are unnamed columns too', async () => {
    const actuals = await fromWorkbook(workbook({ 表: [['编号', '2025年'], ['M1.1', 1000, 1010]] }));
    expect(located(actuals)).toEqual([['header.spans-columns', 'B1', { column: '2025年', first: 'B', last: 'C' }]]);
    expect(actuals.store.count()).toBe(0);
  });
});

describe('two-row headers as Chinese tables have them', () => {
  it('CSV: 2025年 over 目标值 | 完成值 | 完成率 (the merged cell left blank): 完成值 is the figure, 完成率 named as not read', async () => {
    const csv = '序号,指标名称,计量单位,2025年,,\n,,,目标值,完成值,完成率\n1,规上工业产值,亿元,1000,1010,101%\n';
    const actuals = await actualsFrom(plan, csv);
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]);
    expect(actuals.notices.map((n) => [n.code, n.params])).toEqual([
      ['notice.header-two-rows', { first: 1, second: 2 }],
      ['notice.column-ignored', { column: '2025年完成率' }],
    ]);
  });

  it('a workbook with the year merged over three columns and the first columns merged down', async () => {
    const bytes = workbook(
      { 表: [['序号', '指标名称', '2025年', null, null], [null, null, '目标值', '完成值', '完成率'], [1, '规上工业产值', 1000, 990, 0.99]] },
      { 表: { merges: ['C1:E1', 'A1:A2', 'B1:B2'] } },
    );
    const actuals = await fromWorkbook(bytes);
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'M1.1')).toEqual([[2025, 990]]);
  });

  it('the same merged year with no second row: one error for the area, no figure', async () => {
    const bytes = workbook({ 表: [['指标名称', '2025年', null], ['规上工业产值', 1000, 990]] }, { 表: { merges: ['B1:C1'] } });
    const actuals = await fromWorkbook(bytes);
    expect(located(actuals)).toEqual([['header.spans-columns', 'B1', { column: '2025年', first: 'B', last: 'C' }]]);
    expect(actuals.store.count()).toBe(0);
  });

  it('a first data row is not taken for a second header row: it has a name, or a number', async () => {
    const named = await actualsFrom(plan, '指标名称,2025年\n规上工业产值,1010\n');
    expect(series(named, 'M1.1')).toEqual([[2025, 1010]]);
    const numbers = await actualsFrom(plan, '指标编号,2025年,\n,目标值,1010\nM1.1,1000,1010\n');
    // The row under the header has a number (1010): data (a row without id), not a header.
    expect(numbers.problems.map((p) => p.code)).toContain('row.missing-id');
  });
});

describe('two figure columns', () => {
  it('two value headers (实际值, 完成值): the error names both as written, and neither is read', async () => {
    const actuals = await actualsFrom(plan, '指标编号,实际值,完成值\nM1.1,1010,990\n');
    expect(located(actuals)).toEqual([['csv.duplicate-figure-column', '1:3', { column: '完成值', other: '实际值', first: 2, second: 3 }]]);
    expect(actuals.store.count()).toBe(0);
  });

  it('本年完成 beside 累计完成: a cumulative target reads the running total, every other the year\'s figure', async () => {
    const actuals = await actualsFrom(plan, '指标编号,本年完成,累计完成\nM2.1,0.9,4.6\nM1.1,1010,\nM2.2,1.2,5.1\n');
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'M2.1')).toEqual([[2025, 4.6]]); // cumulative: 累计
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]); // level: 本年
    expect(series(actuals, 'M2.2')).toEqual([[2025, 1.2]]); // annual (每年新增): 本年
    expect(actuals.notices.map((n) => [n.code, n.params])).toEqual([['notice.yearly-and-total', { value: '本年完成', total: '累计完成' }]]);
  });

  it('the form\'s target named twice (2025年目标值, 2025年计划) is a plain duplicate: the first is compared, the figures read', async () => {
    const actuals = await actualsFrom(plan, '编号,2025年目标值,2025年计划,2025年\nM1.1,1000,1000,1010\n');
    expect(located(actuals)).toEqual([['csv.duplicate-column', '1:3', { column: '2025年计划', other: '2025年目标值', first: 2, second: 3 }]]);
    expect(series(actuals, 'M1.1')).toEqual([[2025, 1010]]);
  });

  it('a running total alone is the figure column, as before', async () => {
    const actuals = await actualsFrom(plan, '指标编号,累计完成\nM2.1,4.6\n');
    expect(series(actuals, 'M2.1')).toEqual([[2025, 4.6]]);
  });
});

describe('dates and hidden parts of workbooks', () => {
  it('a date in a value cell is a located error quoting the date as ISO, never its serial number', async () => {
    const bytes = workbook({ 表: [['编号', '年份', '实际值'], ['G1.1', 2025, { t: 'n', v: 45672, z: 'm/d/yy' }]] });
    const actuals = await fromWorkbook(bytes);
    expect(located(actuals)).toEqual([['row.date-not-figure', 'C2', { value: '2025-01-15' }]]);
    expect(actuals.store.count()).toBe(0);
  });

  it('a date in a year cell: the year when the cell shows only a year, else an error naming the date and its year', async () => {
    const bytes = workbook({ 表: [
      ['编号', '年份', '实际值'],
      ['M1.1', { t: 'n', v: 46022, z: 'm/d/yy' }, 1010],
      ['G1.1', { t: 'n', v: 46022, z: 'yyyy"年"' }, 3.5],
    ] });
    const actuals = await fromWorkbook(bytes);
    expect(located(actuals)).toEqual([['row.date-for-year', 'B2', { value: '2025-12-31', year: 2025 }]]);
    expect(series(actuals, 'M1.1')).toEqual([]);
    expect(series(actuals, 'G1.1')).toEqual([[2025, 3.5]]);
  });

  it('2025 typed into a date-formatted year cell (shown as 1905-07-17): an error whose likely year is the number typed', async () => {
    const actuals = await fromWorkbook(workbook({ 表: [['编号', '年份', '实际值'], ['M1.1', { t: 'n', v: 2025, z: 'yyyy-mm-dd' }, 1010]] }));
    expect(located(actuals)).toEqual([['row.date-for-year', 'B2', { value: '1905-07-17', year: 2025 }]]);
  });

  it('a hidden sheet is not read, with a notice naming it; --sheet reads it', async () => {
    const bytes = workbook(
      { 完成情况: [['编号', '实际值'], ['M1.1', 1010]], 草稿: [['编号', '实际值'], ['G1.1', 9.9]] },
      { 草稿: { hidden: true } },
    );
    const actuals = await fromWorkbook(bytes);
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'G1.1')).toEqual([]);
    expect(actuals.notices.map((n) => [n.code, n.file, n.params])).toEqual([['notice.sheet-hidden', 'b.xlsx[草稿]', { sheet: '草稿' }]]);
    const picked = await fromWorkbook(bytes, ['草稿']);
    expect(series(picked, 'G1.1')).toEqual([[2025, 9.9]]);
  });

  it('hidden rows are read and judged, with one warning listing them; a hidden figure column is warned of', async () => {
    const bytes = workbook(
      { 表: [['编号', '实际值', '备注'], ['M1.1', 1010], ['G1.1', 3.5], ['M1.3', 3.1], ['M2.1', 4.6], ['M2.3', 30]] },
      { 表: { hiddenRows: [3, 4, 6], hiddenColumns: [1] } },
    );
    const actuals = await fromWorkbook(bytes);
    expect(codes(actuals)).toEqual([]);
    expect(series(actuals, 'G1.1')).toEqual([[2025, 3.5]]);
    expect(actuals.notices.map((n) => [n.code, n.cell, n.params, n.severity])).toEqual([
      ['warning.hidden-column', 'B1', { column: '实际值' }, 'warning'],
      ['warning.hidden-rows', 'A3', { rows: '3–4, 6', count: 3 }, 'warning'],
    ]);
  });
});

describe('rowRanges', () => {
  it('runs of rows become ranges; past 20 ranges the rest is an ellipsis', () => {
    expect(rowRanges([3, 4, 6, 8, 9, 10])).toBe('3–4, 6, 8–10');
    expect(rowRanges(Array.from({ length: 30 }, (_, i) => i * 2 + 1))).toBe(`${Array.from({ length: 20 }, (_, i) => i * 2 + 1).join(', ')}, …`);
  });
});
