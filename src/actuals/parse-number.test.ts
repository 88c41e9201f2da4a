import { describe, expect, it } from 'vitest';
import { parseCell, parseYesNo } from './parse-number.js';

describe('parseCell', () => {
  it.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['1,234,567.5', 1234567.5],
    [' 12 ', 12],
    ['- 5', -5],
    ['+7', 7],
    ['.5', 0.5],
    ['３．４', 3.4],
    ['１，２００', 1200],
    ['0.000001', 0.000001],
  ])('reads %j as %d', (raw, value) => {
    const reading = parseCell(raw);
    expect(reading.kind).toBe('number');
    if (reading.kind === 'number') expect(reading.value).toBe(value);
  });

  it('an approximate figure (约 or 大约 before it, 左右 after it) is the figure, noted 约', () => {
    expect(parseCell('约260')).toMatchObject({ kind: 'number', value: 260, note: '约' });
    expect(parseCell('大约 260')).toMatchObject({ kind: 'number', value: 260, note: '约' });
    expect(parseCell('76左右')).toMatchObject({ kind: 'number', value: 76, note: '约' });
    expect(parseCell('6.5%左右')).toMatchObject({ kind: 'number', value: 6.5, percent: '%', note: '约' });
    expect(parseCell('250亿元 左右')).toMatchObject({ kind: 'number', value: 250, unit: '亿元', note: '约' });
    expect(parseCell('约374(预计)')).toMatchObject({ kind: 'number', value: 374, note: '约; 预计' });
    // The words alone, or around something that is no figure, are not figures.
    expect(parseCell('左右')).toEqual({ kind: 'invalid' });
    expect(parseCell('约')).toEqual({ kind: 'invalid' });
    expect(parseCell('约x左右')).toEqual({ kind: 'invalid' });
  });

  it('keeps the percent sign apart from the number', () => {
    expect(parseCell('3.4%')).toEqual({ kind: 'number', value: 3.4, digits: '3.4', percent: '%', unit: null });
    expect(parseCell('３．４％')).toMatchObject({ value: 3.4, percent: '%' });
    expect(parseCell('5‰')).toMatchObject({ value: 5, percent: '‰' });
  });

  it('reads a unit written in the cell', () => {
    expect(parseCell('250亿元')).toMatchObject({ value: 250, unit: '亿元', percent: null });
    expect(parseCell('4.12 人')).toMatchObject({ value: 4.12, unit: '人' });
  });

  it.each(['', '  ', '-', '—', '–', 'N/A', 'n/a', '无', '暂无', '/'])('reads %j as no figure, never zero', (raw) => {
    expect(parseCell(raw)).toEqual({ kind: 'missing' });
  });

  it.each(['12abc3', '3.4x', '12 kg', '1.2.3', '1,2', '12,34', '3,5', 'abc', '1e5', '0x10', '--5', '5-', '12%%', '3.4%亿元', 'Infinity', 'NaN', '1 000'])(
    'refuses %j rather than reading a prefix',
    (raw) => {
      expect(parseCell(raw)).toEqual({ kind: 'invalid' });
    },
  );

  it('keeps the decimal digits so that unit conversion stays exact', () => {
    expect(parseCell('-1,200.50')).toMatchObject({ digits: '-1200.50' });
  });
});

describe('parseYesNo', () => {
  it.each([
    ['是', 1], ['已完成', 1], ['yes', 1], ['Done', 1], ['1', 1], ['√', 1],
    ['否', 0], ['未完成', 0], ['no', 0], ['0', 0],
    ['', null], ['暂无', null],
    ['maybe', undefined], ['2', undefined],
  ] as const)('reads %j as %j', (raw, expected) => {
    expect(parseYesNo(raw)).toBe(expected);
  });
});
