import type { Target } from '../plan/types.js';
import type { Result } from '../report/types.js';
import type { SeriesPoint } from '../format/report-sources.js';
import { renderSvg } from './render-svg.js';
import { requiredPath } from './required-path.js';

/** Line colours and styles of a target chart; the styles tell the lines apart in grey-scale too. */
export const CHART_LINES = {
  figures: { color: '#1F4E79', type: 'solid' },
  target: { color: '#C00000', type: 'solid' },
  required: { color: '#7F7F7F', type: 'dotted' },
  projection: { color: '#C55A11', type: 'dashed' },
} as const;

const WIDTH = 300;
const HEIGHT = 150;

type Point = [string, number];

/** What a target chart draws, before rendering: kept apart so that tests can check the numbers. */
export interface TargetChartData {
  years: number[];
  figures: Point[];
  /** Horizontal target lines (two for a range). */
  targetLines: number[];
  /** The target's value at the deadline, when it is not a horizontal line (growth of a level). */
  targetPoint: Point | null;
  required: Point[];
  projection: Point[];
}

const label = (year: number): string => String(year);

/**
 * What to draw for a target with more than one year of figures: the figures, the target line,
 * the required path from the baseline (linear for cumulative and linearly rated levels, compound
 * for growth) and the projection to the deadline; null when there is nothing to chart.
 */
export function targetChartData(result: Result, target: Target | undefined, series: SeriesPoint[], baselineYear: number): TargetChartData | null {
  if (result.kind === 'milestone' || series.length < 2) return null;
  const levels = series.some((point) => point.level);
  // A rate target given partly as levels and partly as rates cannot share one axis.
  if (levels && !series.every((point) => point.level)) return null;
  const deadline = result.year;
  const figures: Point[] = series.map((point) => [label(point.year), point.value]);
  const targetLines: number[] = [];
  let targetPoint: Point | null = null;
  let required: { year: number; value: number }[] = [];
  const p = result.progress;
  if (result.kind === 'cagr' && levels) {
    // Levels of an indicator to grow by a rate: the target is the baseline grown at that rate.
    const base = series.find((point) => point.year === (target?.baseline?.year ?? baselineYear)) ?? series[0];
    if (base && typeof result.value === 'number') {
      const to = base.value * (1 + result.value / 100) ** (deadline - base.year);
      targetPoint = [label(deadline), Number(to.toPrecision(12))];
      required = requiredPath({ fromYear: base.year, from: base.value, toYear: deadline, to }, true);
    }
  } else if (!levels && result.kind !== 'trend' && result.kind !== 'change') {
    // (Levels given for a change target are drawn as they are: the target is a change, not a level.)
    if (typeof result.value === 'number') targetLines.push(result.value);
    if (Array.isArray(result.value)) targetLines.push(...result.value);
    if (p && typeof result.value === 'number') {
      if ((p.method === 'growth-ratio' || p.method === 'linear-ratio') && p.baseline) {
        required = requiredPath({ fromYear: p.baseline.year, from: p.baseline.value, toYear: deadline, to: p.targetValue ?? result.value }, p.method === 'growth-ratio');
      } else if (p.method === 'time-share') {
        required = requiredPath({ fromYear: baselineYear, from: 0, toYear: deadline, to: p.targetValue ?? result.value }, false);
      }
    }
  }
  const projection: Point[] = [];
  if (p && !result.final && p.projected !== null && p.latest && p.latest.year < deadline && !levels) {
    projection.push([label(p.latest.year), p.latest.value], [label(deadline), Number(p.projected.toPrecision(12))]);
  }
  const first = Math.min(...series.map((point) => point.year), ...required.map((point) => point.year));
  const last = Math.max(deadline, ...series.map((point) => point.year));
  const years: number[] = [];
  for (let year = first; year <= last; year += 1) years.push(year);
  return { years, figures, targetLines, targetPoint, required: required.map((point) => [label(point.year), point.value]), projection };
}

/** The chart of one target as inline SVG. */
export function renderTargetChart(data: TargetChartData): string {
  const line = (style: { color: string; type: string }, width: number): Record<string, unknown> => ({ color: style.color, type: style.type, width });
  const series: Record<string, unknown>[] = [];
  if (data.required.length > 0) {
    series.push({ type: 'line', data: data.required, symbol: 'none', lineStyle: line(CHART_LINES.required, 1.5), itemStyle: { color: CHART_LINES.required.color }, z: 1 });
  }
  if (data.projection.length > 0) {
    series.push({ type: 'line', data: data.projection, symbol: 'none', lineStyle: line(CHART_LINES.projection, 1.5), itemStyle: { color: CHART_LINES.projection.color }, z: 2 });
  }
  const markLine = data.targetLines.length > 0
    ? { silent: true, symbol: 'none', label: { show: false }, lineStyle: line(CHART_LINES.target, 1.2), data: data.targetLines.map((yAxis) => ({ yAxis })) }
    : undefined;
  series.push({
    type: 'line', data: data.figures, symbol: 'circle', symbolSize: 5, connectNulls: true, z: 3,
    lineStyle: line(CHART_LINES.figures, 2), itemStyle: { color: CHART_LINES.figures.color }, ...(markLine ? { markLine } : {}),
  });
  if (data.targetPoint) {
    series.push({ type: 'line', data: [data.targetPoint], symbol: 'diamond', symbolSize: 9, itemStyle: { color: CHART_LINES.target.color }, z: 4 });
  }
  const values = [...data.figures, ...data.required, ...data.projection, ...(data.targetPoint ? [data.targetPoint] : [])].map((point) => point[1]).concat(data.targetLines);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low) * 0.08 || Math.abs(high) * 0.1 || 1;
  return renderSvg({
    grid: { left: 8, right: 12, top: 10, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: data.years.map(label), boundaryGap: false, axisLabel: { fontSize: 10, color: '#333' }, axisLine: { lineStyle: { color: '#888' } } },
    yAxis: {
      type: 'value', scale: true, min: Number((low - pad).toPrecision(3)), max: Number((high + pad).toPrecision(3)),
      splitNumber: 3, axisLabel: { fontSize: 10, color: '#333', showMinLabel: false, showMaxLabel: false }, splitLine: { lineStyle: { color: '#e5e5e5' } },
    },
    series,
  }, WIDTH, HEIGHT);
}
