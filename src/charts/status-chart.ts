import type { Status } from '../report/types.js';
import { STATUS_STYLES } from '../format/status-style.js';
import { renderSvg } from './render-svg.js';

/**
 * One action's targets by status as a single stacked bar: a segment per status in the report's
 * order, coloured, bordered and labelled with its count so that it reads in grey-scale.
 */
export function renderStatusChart(counts: { status: Status; count: number }[], width = 1000): string {
  const shown = counts.filter((entry) => entry.count > 0);
  const total = shown.reduce((sum, entry) => sum + entry.count, 0);
  const series = shown.map((entry) => ({
    type: 'bar',
    stack: 'all',
    data: [entry.count],
    barWidth: 22,
    itemStyle: { color: STATUS_STYLES[entry.status].fill, borderColor: STATUS_STYLES[entry.status].ink, borderWidth: 1 },
    // A label wider than its segment would run into the next one: the legend below gives every count.
    label: { show: (entry.count / Math.max(1, total)) * width >= 16 + 8 * String(entry.count).length, position: 'inside', formatter: `${STATUS_STYLES[entry.status].symbol}${entry.count}`, color: STATUS_STYLES[entry.status].ink, fontSize: 11 },
  }));
  return renderSvg({
    grid: { left: 2, right: 2, top: 2, bottom: 2 },
    xAxis: { type: 'value', show: false, max: Math.max(1, total) },
    yAxis: { type: 'category', show: false, data: [''] },
    series,
  }, width, 28);
}
