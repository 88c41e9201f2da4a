import { describe, expect, it } from 'vitest';
import { findUnnamedColumns } from './find-unnamed-columns.js';

describe('findUnnamedColumns', () => {
  it('blank headers right of a year column may be under it in a wide table (a named column ends them); the one next to it shows it', () => {
    const found = findUnnamedColumns(['指标名称', '2024年', '', '2025年', '', '', '备注', ''], 0, new Set([1, 3]), true);
    expect(found.columns).toEqual([2, 4, 5, 7]);
    expect([...found.owners]).toEqual([[2, 1], [4, 3]]);
    expect([...found.runs]).toEqual([[2, 1], [4, 3], [5, 3]]);
    expect([...found.spans]).toEqual([[1, 2], [3, 5]]);
  });

  it('a long table: the column next to the value column, no spans; columns past the header up to the sheet width are unnamed too', () => {
    const found = findUnnamedColumns(['id', 'value'], 4, new Set([1]), false);
    expect(found.columns).toEqual([2, 3]);
    expect([...found.owners]).toEqual([[2, 1]]);
    expect(found.spans.size).toBe(0);
  });

  it('a blank header left of every figure column, or after a column that is no figure, has no owner', () => {
    const found = findUnnamedColumns(['', '指标编号', '', '实际值'], 0, new Set([3]), false);
    expect(found.columns).toEqual([0, 2]);
    expect(found.owners.size).toBe(0);
  });
});
