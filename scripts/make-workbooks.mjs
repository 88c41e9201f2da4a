// Writes the analysts' files of fixtures/workbooks/, deterministically: workbooks laid out the way
// Excel and WPS users keep them (a title row, a 填报单位 row, an instructions sheet first, 序号 and
// 备注 columns, a 小计 row, a footnote, percent-formatted cells, an error cell), a legacy .xls with
// GBK text, a GBK CSV, names without ids, units that differ from the targets', and hostile zips.
// Run: node scripts/make-workbooks.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import iconv from 'iconv-lite';

XLSX.set_cptable(cptable);
const out = new URL('../fixtures/workbooks/', import.meta.url);
mkdirSync(out, { recursive: true });
const write = (name, data) => writeFileSync(new URL(name, out), data);

/** A sheet from rows; cells given as objects keep their type and number format. */
function sheet(rows, merges = []) {
  const ws = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map((cell) => (cell && typeof cell === 'object' ? null : cell))));
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell && typeof cell === 'object') ws[XLSX.utils.encode_cell({ r, c })] = cell;
    }),
  );
  ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  return ws;
}
const pct = (v) => ({ t: 'n', v, z: '0.0%' });
const NA = { t: 'e', v: 0x2a, w: '#N/A' };

const instructions = sheet([
  ['填报说明'],
  ['1. 请在“2025年完成值”列填写数值,单位以“计量单位”列为准。'],
  ['2. 完成类指标填“是”或“否”。'],
  ['3. 暂无数据的请填“暂无”,不要填 0。'],
]);

// A: Excel, as a statistics office keeps it.
{
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, instructions, '填报说明');
  XLSX.utils.book_append_sheet(
    book,
    sheet(
      [
        ['象山县共同富裕样板县建设主要指标完成情况表'],
        ['填报单位:象山县统计局', null, null, null, null, '填报日期:2026年1月15日'],
        [],
        ['序号', '指标编号', '指标名称', '计量单位', '2025年目标值', '2025年完成值', '备注'],
        [1, 'G2.7', '外贸进出口总额', '万元', 2500000, 2600000, null],
        [2, 'G3.2', '居民人均可支配收入占人均GDP比重', '%', pct(0.523), pct(0.531), null],
        [3, 'M90.1', '基本医疗保险参保总人数', '人', 520000, 526000, null],
        [4, 'M89.1', '象山县基本养老保险参保人数', '万人', 8.2, 8, '口径调整'],
        [5, 'G2.3', '全社会R&D经费占GDP比重', '%', 3.4, '3.5（预计）', null],
        [6, 'G5.1', '成功创建全国文明城市', null, null, '是', null],
        [7, 'M9.1', '象山县清洁能源发电装机规模', null, null, '120万', null],
        [8, 'M1.1', '经济开发区规上工业产值', '亿元', 1000, NA, null],
        [null, null, '小计', null, null, 123, null],
        ['注:1. 数据来源于县统计局快报;2. 带“预计”的为预计数。'],
        ['填报人:张三', null, '审核人:李四'],
      ],
      ['A1:G1', 'A14:G14'],
    ),
    '完成情况',
  );
  write('excel-title-rows.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
}

// B: WPS, names without ids, one column per year, a unit in a header.
{
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    sheet([
      ['2021-2025年指标台账'],
      ['指标名称', '计量单位', '2020年', '2021年', '2022年', '2023年', '2024年', '2025年'],
      ['外贸进出口总额', '亿元', 180, 200, 215, 230, 245, 262],
      ['人均地区生产总值', '万元', null, null, null, null, null, 15.6],
      ['常住人口城镇化率', '%', null, null, null, null, null, pct(0.72)],
      ['每千常住人口拥有执业(助理)医师数', '人', null, null, null, null, null, 4.3],
      ['“居民人均消费支出”', '元', null, null, null, null, null, 40100],
      ['象山县规上工业总产值', '亿', null, null, null, null, null, '1150'],
    ]),
    'Sheet1',
  );
  XLSX.utils.book_append_sheet(book, sheet([['图表数据见附件']]), 'Sheet2');
  write('wps-names.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
}

// C: a legacy .xls (BIFF5) as Chinese Excel 95–2003 saved it, text in GBK (code page 936).
// SheetJS writes BIFF5 text as single bytes, so the GBK bytes are put in place of placeholders of the same length.
{
  const texts = ['完成情况', '指标编号', '指标名称', '计量单位', '2025年', '外贸进出口总额', '基本医疗保险参保总人数', '亿元', '人'];
  const placeholders = texts.map((text, i) => String.fromCharCode(0x41 + i).repeat(iconv.encode(text, 'gbk').length));
  const p = (text) => placeholders[texts.indexOf(text)];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    sheet([
      [p('指标编号'), p('指标名称'), p('计量单位'), p('2025年')],
      ['G2.7', p('外贸进出口总额'), p('亿元'), 262],
      ['M90.1', p('基本医疗保险参保总人数'), p('人'), 526000],
    ]),
    p('完成情况'),
  );
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'biff5' });
  texts.forEach((text, i) => {
    const from = Buffer.from(placeholders[i], 'latin1');
    const to = iconv.encode(text, 'gbk');
    for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
  });
  // The CODEPAGE record (0x0042, 2 bytes) says which code page the text is in.
  for (let at = 0; at < bytes.length - 6; at++) {
    if (bytes[at] === 0x42 && bytes[at + 1] === 0 && bytes[at + 2] === 2 && bytes[at + 3] === 0) {
      bytes.writeUInt16LE(936, at + 4);
      break;
    }
  }
  write('legacy-gbk.xls', bytes);
}

// D: a GBK CSV saved by Chinese Excel: a title row, names, 计量单位 in other units than the targets'.
write(
  'gbk-title-names.csv',
  iconv.encode(
    [
      '2025年主要指标完成情况,,,',
      '指标名称,计量单位,2025年,备注',
      '外贸进出口总额,万元,"2,600,000",',
      '基本医疗保险参保总人数,人,526000,',
      '居民人均消费支出,元,40100,',
      '象山县基本养老保险参保人数,万人,1.2万人,',
      '合计,,,',
      '',
    ].join('\r\n'),
    'gbk',
  ),
);

// E: figures on the wrong scale: a fraction for a percentage, 万元 entered for 亿元.
write('scale-warnings.csv', ['指标编号,实际值', 'G3.2,0.531', 'G2.7,2600000', 'G2.3,3.6', ''].join('\n'));

// F: names that match no target, or more than one.
write('names-errors.csv', ['指标名称,2025年', '外贸进口总额,262', '省级民主法治村(社区)数量,40', ''].join('\n'));

// G: a workbook with no table at all.
{
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, instructions, '填报说明');
  write('instructions-only.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
}

/** A one-part zip; `declared` is the uncompressed size its directory states. */
function zipOf(name, content, declared) {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

// H: zip bombs: a part that says it is small and expands to 64 MB, and one that says 3 GB.
write('zip-bomb-lying.xlsx', zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024, 0x20), 1000));
write('zip-bomb-declared.xlsx', zipOf('xl/worksheets/sheet1.xml', Buffer.from('<x/>'), 3_000_000_000));
