import { describe, expect, test } from 'vitest';
import type { Report } from '../report/types.js';
import { fillOf, readBack } from '../xlsx/read-workbook.test-helper.js';
import { sampleReport } from './sample-report.test-helper.js';
import { formatXlsx } from './xlsx-report.js';

const options = { lang: 'zh', color: false, maxErrors: 50 } as const;

describe('the report workbook (zh)', async () => {
  const book = readBack(await formatXlsx(sampleReport, options));
  const details = book.sheet('明细');

  test('sheets: 汇总, 明细, 分地区 (the data has regions), 错误 (there is an input error)', () => {
    expect(book.book.SheetNames).toEqual(['汇总', '明细', '分地区', '错误']);
  });

  test('明细 has the columns analysts use, a region first when the data has regions', () => {
    const header = 'ABCDEFGHIJKLMN'.split('').map((column) => details[`${column}1`]?.v);
    expect(header).toEqual(['地区', '行动', '编号', '指标名称', '目标值', '计量单位', '实际值', '年份', '差距', '完成度', '状态', '原因', '预计', '原文']);
  });

  test('percentages are fractions under a % format; the comparator is part of the format, not the value', () => {
    // G1.1: target ≥ 3.4 %, actual 3.52 %, gap +0.12 points, attainment 103.53 %.
    expect(details.C2?.v).toBe('G1.1');
    expect(details.E2).toMatchObject({ t: 'n', v: 0.034, z: '"≥ "0.0%' });
    expect(details.G2).toMatchObject({ t: 'n', v: 0.0352, z: '0.00%' });
    expect(details.H2).toMatchObject({ t: 'n', v: 2025 });
    expect(details.I2).toMatchObject({ t: 'n', v: 0.0012, z: '+0.00%;-0.00%;0.00%' });
    expect(details.J2).toMatchObject({ t: 'n', v: 1.0353, z: '0.0%' });
  });

  test('other units are plain numbers with thousands separators, decimals as given', () => {
    // M1.1: target > 1000 亿元, actual 950, gap −50.
    expect(details.E3).toMatchObject({ t: 'n', v: 1000, z: '"> "#,##0' });
    expect(details.F3?.v).toBe('亿元');
    expect(details.G3).toMatchObject({ t: 'n', v: 950, z: '#,##0' });
    expect(details.I3).toMatchObject({ t: 'n', v: -50, z: '+#,##0;-#,##0;#,##0' });
    // The town's projection 1027.5 keeps its decimal.
    expect(details.M6).toMatchObject({ t: 'n', v: 1027.5, z: '#,##0.0' });
  });

  test('status cells carry a symbol, the word and the status fill', () => {
    expect(details.K2?.v).toBe('√ 已达标');
    expect(fillOf(details.K2)).toBe('C6EFCE');
    expect(String(details.K3?.v)).toMatch(/^× 未达标/);
    expect(fillOf(details.K3)).toBe('FFC7CE');
  });

  test('the header row and the region, action and id columns are frozen; the table is filterable', () => {
    expect(details['!autofilter']).toEqual({ ref: 'A1:N6' });
    expect(book.part('xl/worksheets/sheet2.xml')).toMatch(/<pane ySplit="1" xSplit="3" topLeftCell="D2"[^>]*state="frozen"/);
  });

  test('错误 locates each input error; a value that looks like a formula stays text', () => {
    const errors = book.sheet('错误');
    expect([errors.A2?.v, errors.B2?.v, errors.C2?.v]).toEqual(['in.csv', 7, 'value']);
    expect(errors.D2).toMatchObject({ t: 's' });
    expect(String(errors.D2?.v)).toContain('=1+2');
  });

  test('汇总 gives 时序进度 and 完成率 as percentages', () => {
    const summary = book.sheet('汇总');
    expect(summary.A3?.v).toBe('时序进度');
    expect(summary.B3).toMatchObject({ t: 'n', v: 1, z: '0%' });
    expect(summary.A4?.v).toBe('完成率');
    // 1 met of 3 judged (M1.1 and the soft M1.2 not met): 33.3 %.
    expect(summary.B4?.v).toBeCloseTo(1 / 3, 10);
  });
});

test('no regions and no errors: only 汇总 and 明细; English names in English', async () => {
  const plain: Report = { ...sampleReport, regions: [''], results: sampleReport.results.filter((r) => r.region === ''), errors: [], errorCount: 0 };
  expect(readBack(await formatXlsx(plain, options)).book.SheetNames).toEqual(['汇总', '明细']);
  expect(readBack(await formatXlsx(plain, { ...options, lang: 'en' })).book.SheetNames).toEqual(['Summary', 'Details']);
});

test('text from the input that starts like a formula is stored as text, never as a formula', async () => {
  const hostile: Report = {
    ...sampleReport,
    results: sampleReport.results.map((r, i) => (i === 0 ? { ...r, indicator: '=HYPERLINK("http://x","点我")', id: '@G1' } : r)),
  };
  const book = readBack(await formatXlsx(hostile, options));
  const details = book.sheet('明细');
  expect(details.C2).toMatchObject({ t: 's', v: '@G1' });
  expect(details.D2).toMatchObject({ t: 's', v: '=HYPERLINK("http://x","点我")' });
  for (let sheet = 1; sheet <= 4; sheet += 1) expect(book.part(`xl/worksheets/sheet${sheet}.xml`)).not.toMatch(/<f[ >]/);
});

test('mid-term, 汇总 heads with the share met or on track (8 of 13 judged) and says what it counts; 分地区 gives it per region', async () => {
  const byStatus = { met: 1, not_met: 1, achieved: 2, on_track: 5, moderate: 1, insufficient: 2, moving_away: 1, pending: 4, no_data: 3, not_assessable: 2 };
  const midTerm: Report = { ...sampleReport, asOf: 2023, elapsedShare: 0.6, summary: { ...sampleReport.summary, targets: 22, byStatus, completionRate: 0.5 } };
  const book = readBack(await formatXlsx(midTerm, options));
  const summary = book.sheet('汇总');
  expect(summary.A4?.v).toBe('达标或符合进度');
  expect(summary.B4).toMatchObject({ t: 'n', z: '0.0%' });
  expect(summary.B4?.v).toBeCloseTo(8 / 13, 10);
  expect(summary.B5?.v).toBe('已评判 13 个中 8 个;完成率 50.0%(仅计已到期评判的 2 个中达标 1 个)');
  const headerCells = Object.entries(summary).filter(([address, cell]) => /^[A-Z]+\d+$/.test(address) && (cell as { v?: unknown }).v === '达标或符合进度');
  // Once as the headline, once as the per-region table's last column.
  expect(headerCells).toHaveLength(2);
});
