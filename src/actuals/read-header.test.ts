import { describe, expect, it } from 'vitest';
import { headerScore, readHeader } from './read-header.js';

describe('readHeader: the vocabulary of Chinese statistical tables', () => {
  it('roles, units in headers, year columns of figures and of targets', () => {
    const layout = readHeader(['序号', '指标编号', '指标名称', '计量单位', '2025年目标值', '2024年完成值', '2025年（亿元）', '基期值', '备注', '填报人'], 2020);
    expect([...layout.roles]).toEqual([['ignored', 0], ['id', 1], ['name', 2], ['unit', 3], ['note', 8]]);
    expect(layout.yearColumns).toEqual([
      { column: 4, year: 2025, unit: null, kind: 'target' },
      { column: 5, year: 2024, unit: null, kind: 'value' },
      { column: 6, year: 2025, unit: '亿元', kind: 'value' },
      { column: 7, year: 2020, unit: null, kind: 'value' },
    ]);
    expect([...layout.unknown]).toEqual([[9, '填报人']]);
    expect(headerScore(layout)).toBe(2);
  });

  it('line breaks and spaces inside header cells do not matter (Alt+Enter in Excel)', () => {
    const layout = readHeader(['指标\n名称', '2025 年\n完成值', '实际值（万元）'], 2020);
    expect(layout.roles.get('name')).toBe(0);
    expect(layout.yearColumns.map((y) => y.year)).toEqual([2025]);
    expect(layout.units.get(2)).toBe('万元');
  });

  it('a title row or a 填报单位 row is no header', () => {
    expect(headerScore(readHeader(['象山县2025年主要指标完成情况表'], 2020))).toBe(0);
    expect(headerScore(readHeader(['填报单位:统计局', '', '填报日期:2026年1月'], 2020))).toBe(0);
  });
});

describe('readHeader: a loose header beside a specific one', () => {
  it('编号 beside 指标编号, 名称 beside 指标名称: the specific one is read, the other named as not read', () => {
    const layout = readHeader(['编号', '指标编号', '指标名称', '名称', '实际值'], 2020);
    expect(layout.roles.get('id')).toBe(1);
    expect(layout.roles.get('name')).toBe(2);
    expect(layout.duplicates).toEqual([]);
    expect([...layout.unknown].sort()).toEqual([[0, '编号'], [3, '名称']]);
  });

  it('two specific headers of one role are a duplicate', () => {
    expect(readHeader(['指标编号', '目标编号', '实际值'], 2020).duplicates).toEqual([{ role: 'id', first: 0, second: 1 }]);
  });
});

describe('readHeader: a year with a word after it', () => {
  it('计划, 任务, target, plan make the form\'s target; 实际, actual a figure', () => {
    const layout = readHeader(['id', '2025年计划', '2025年任务', '2025 target', '2024年实际', '2023 actual'], 2020);
    expect(layout.yearColumns.map((y) => [y.column, y.year, y.kind])).toEqual([
      [1, 2025, 'target'],
      [4, 2024, 'value'],
      [5, 2023, 'value'],
    ]);
    // 2025年任务 and 2025 target are the same year's target again: duplicates of 2025年计划.
    expect(layout.duplicates.map((d) => [d.first, d.second])).toEqual([[1, 2], [1, 3]]);
  });
});
