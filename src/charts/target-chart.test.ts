import { describe, expect, test } from 'vitest';
import type { Result } from '../report/types.js';
import { renderTargetChart, targetChartData } from './target-chart.js';

const level: Result = {
  id: 'G2.2', measure: null, goal: 2, action: null, region: '', indicator: '人均地区生产总值', indicatorEn: 'GDP per capita',
  kind: 'level', op: '>', value: 15, unit: '万元', year: 2025, soft: false, severity: 'ok', status: 'on_track', final: false,
  actual: { year: 2023, value: 13.86, file: 'in.csv', row: 6 }, gap: -1.14, attainment: 0.924, reason: null,
  progress: {
    method: 'growth-ratio', baseline: { year: 2020, value: 11.25, file: 'in.csv', row: 3 }, latest: { year: 2023, value: 13.86, file: 'in.csv', row: 6 },
    targetValue: 15, elapsedShare: 0.6, completionShare: 0.696, gapPoints: 9.6, requiredRate: 5.92, observedRate: 7.2, ratio: 1.22, projected: 15.93, projectedGap: 0.93,
  },
};
const series = [
  { year: 2020, value: 11.25, level: false },
  { year: 2021, value: 12.12, level: false },
  { year: 2022, value: 12.99, level: false },
  { year: 2023, value: 13.86, level: false },
];

describe('targetChartData', () => {
  test('a growth-rated level: figures, the target line, a compound path from the baseline, the projection to the deadline', () => {
    const data = targetChartData(level, undefined, series, 2020);
    expect(data?.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(data?.figures).toEqual([['2020', 11.25], ['2021', 12.12], ['2022', 12.99], ['2023', 13.86]]);
    expect(data?.targetLines).toEqual([15]);
    // 11.25 × (15 / 11.25)^(1/5) = 11.25 × 1.059224 = 11.9163 in 2021; 15 in 2025.
    expect(data?.required[0]).toEqual(['2020', 11.25]);
    expect(data?.required[1]?.[1]).toBeCloseTo(11.9163, 4);
    expect(data?.required[5]).toEqual(['2025', 15]);
    expect(data?.projection).toEqual([['2023', 13.86], ['2025', 15.93]]);
  });

  test('a linearly rated level: a straight path', () => {
    const linear: Result = { ...level, progress: { ...level.progress!, method: 'linear-ratio', baseline: { year: 2020, value: 12, file: null, row: null }, targetValue: 0 }, value: 0, op: '==' };
    // From 12 in 2020 to 0 in 2025: −2.4 a year.
    expect(targetChartData(linear, undefined, series, 2020)?.required.map((p) => p[1])).toEqual([12, 9.6, 7.2, 4.8, 2.4, 0]);
  });

  test('a cumulative target: a straight path from zero at the baseline year', () => {
    const cumulative: Result = { ...level, kind: 'cumulative', value: 5, progress: { ...level.progress!, method: 'time-share', baseline: null, targetValue: 5 } };
    expect(targetChartData(cumulative, undefined, series, 2020)?.required.map((p) => p[1])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('growth of a level given year by year: the target is the baseline grown at the rate', () => {
    const cagr: Result = { ...level, kind: 'cagr', value: 10, unit: '%', progress: null };
    const levels = [{ year: 2020, value: 100, level: true }, { year: 2021, value: 105, level: true }];
    const data = targetChartData(cagr, undefined, levels, 2020);
    // 100 × 1.1^5 = 161.051 in 2025; 110 in 2021 on the way.
    expect(data?.targetPoint).toEqual(['2025', 161.051]);
    expect(data?.required[1]).toEqual(['2021', 110]);
    expect(data?.targetLines).toEqual([]);
  });

  test('nothing to chart: one year of figures, a milestone, rates mixed with levels', () => {
    expect(targetChartData(level, undefined, series.slice(0, 1), 2020)).toBeNull();
    expect(targetChartData({ ...level, kind: 'milestone', op: 'done', value: null }, undefined, series, 2020)).toBeNull();
    expect(targetChartData({ ...level, kind: 'cagr' }, undefined, [{ year: 2020, value: 100, level: true }, { year: 2021, value: 5, level: false }], 2020)).toBeNull();
  });

  test('levels given for a change target: the figures alone, no target line in another unit', () => {
    const change: Result = { ...level, kind: 'change', value: -10, unit: '%', progress: null };
    const data = targetChartData(change, undefined, [{ year: 2020, value: 50, level: true }, { year: 2023, value: 47, level: true }], 2020);
    expect(data?.figures).toEqual([['2020', 50], ['2023', 47]]);
    expect([data?.targetLines, data?.required, data?.projection, data?.targetPoint]).toEqual([[], [], [], null]);
  });

  test('a final judgement has no projection', () => {
    expect(targetChartData({ ...level, final: true }, undefined, series, 2020)?.projection).toEqual([]);
  });
});

test('the rendered chart is an inline SVG without script, hover styles or clashing ids', () => {
  const data = targetChartData(level, undefined, series, 2020);
  if (!data) throw new Error('no chart');
  const first = renderTargetChart(data);
  const second = renderTargetChart(data);
  expect(first.startsWith('<svg ')).toBe(true);
  expect(first).not.toMatch(/<script|<style|ecmeta_|on[a-z]+=/i);
  // The dashed projection and the dotted required path are there.
  expect(first).toMatch(/stroke-dasharray/);
  const ids = (svg: string): string[] => [...svg.matchAll(/id="([^"]+)"/g)].map((m) => m[1] ?? '');
  for (const id of ids(first)) expect(ids(second)).not.toContain(id);
});
