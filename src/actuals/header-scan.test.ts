import { describe, expect, it } from 'vitest';
import { HeaderScan } from './header-scan.js';

/** The header found in `rows` (each a list of cell texts), as names by column, with the row it ends on. */
function scan(rows: string[][]): { names: string[]; row: number; topRow: number | null; rowIsData: boolean } {
  const header = new HeaderScan(2020);
  for (const [i, cells] of rows.entries()) {
    const step = header.push(cells, i + 1);
    if (step.kind === 'found') return { names: step.header.layout.names, row: step.header.row, topRow: step.header.topRow, rowIsData: step.rowIsData };
    if (step.kind === 'failed') throw new Error('no header');
  }
  const end = header.finish();
  if (end.kind !== 'found') throw new Error('no header');
  return { names: end.header.layout.names, row: end.header.row, topRow: end.header.topRow, rowIsData: end.rowIsData };
}

describe('HeaderScan: a second header row', () => {
  it('words under a merged year (blank cells to its right in a CSV) belong to that year', () => {
    const found = scan([['指标名称', '2025年', '', ''], ['', '目标值', '完成值', '完成率'], ['规上工业产值', '1000', '1010', '101%']]);
    expect(found).toEqual({ names: ['指标名称', '2025年目标值', '2025年完成值', '2025年完成率'], row: 2, topRow: 1, rowIsData: false });
  });

  it('a year with words after it (2025年完成情况) over 目标 | 实际 gives 2025年目标 | 2025年实际', () => {
    const found = scan([['指标名称', '2025年完成情况', '2025年完成情况'], ['', '目标', '实际']]);
    expect(found.names).toEqual(['指标名称', '2025年目标', '2025年实际']);
  });

  it('a header that is no year (完成情况) over 目标值 | 实际值: the words below stand alone', () => {
    const found = scan([['指标编号', '完成情况', '完成情况'], ['', '目标值', '实际值']]);
    expect(found.names).toEqual(['指标编号', '目标值', '实际值']);
  });

  it('计划 | 实际 under a year: the plan is the form\'s target, 实际 the figure; English words too', () => {
    const zh = scan([['指标名称', '2025年', ''], ['', '计划', '实际']]);
    expect(zh.names).toEqual(['指标名称', '2025年计划', '2025年实际']);
    const en = scan([['indicator', '2025', ''], ['', 'target', 'actual']]);
    expect(en.names).toEqual(['indicator', '2025target', '2025actual']);
  });

  it('a row with a name, or with a number, is data, not a second header row', () => {
    expect(scan([['指标名称', '2025年'], ['规上工业产值', '目标值']])).toMatchObject({ row: 1, topRow: null, rowIsData: true });
    expect(scan([['指标名称', '2025年', ''], ['', '目标值', '1010']])).toMatchObject({ row: 1, topRow: null, rowIsData: true });
  });

  it('a row under the header with no header word is data (a title such as 一、经济发展)', () => {
    expect(scan([['序号', '指标名称', '2025年'], ['一、经济发展', '', '']])).toMatchObject({ row: 1, rowIsData: true });
  });
});
