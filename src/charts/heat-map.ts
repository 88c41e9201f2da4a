import { renderSvg } from './render-svg.js';

/** One cell of a regions × groups heat map: targets met (on track or better) out of all. */
export interface HeatCell {
  met: number;
  targets: number;
}

/** The bands a share met falls in: colour and a pattern-free label keep it readable in grey-scale. */
export const HEAT_BANDS = [
  { min: 0.95, fill: '#63BE7B' },
  { min: 0.8, fill: '#C6EFCE' },
  { min: 0.6, fill: '#FFEB9C' },
  { min: 0, fill: '#FFC7CE' },
] as const;

/** The fill of a share met. */
export function heatFill(cell: HeatCell): string {
  if (cell.targets === 0) return '#FFFFFF';
  const share = cell.met / cell.targets;
  return HEAT_BANDS.find((band) => share >= band.min)?.fill ?? '#FFC7CE';
}

/**
 * A regions × groups heat map as SVG: each cell coloured by the share met and labelled
 * `met/targets`. Meant for up to a few dozen regions; more are laid out as a table.
 */
export function renderHeatMap(regions: string[], groups: string[], cells: HeatCell[][]): string {
  const cellWidth = 46;
  const rowHeight = 22;
  // The widest name, in a loop: a heat map may have more regions than a call takes arguments.
  let widestName = 0;
  for (const name of regions) widestName = Math.max(widestName, [...name].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 13 : 7), 0));
  const nameWidth = Math.min(160, 14 + widestName);
  const data: unknown[] = [];
  cells.forEach((row, y) => row.forEach((cell, x) => {
    data.push({ value: [x, y, cell.targets === 0 ? -1 : cell.met / cell.targets], itemStyle: { borderColor: '#fff', borderWidth: 1 },
      label: { show: true, formatter: cell.targets === 0 ? '' : `${cell.met}/${cell.targets}`, fontSize: 10, color: '#222' } });
  }));
  return renderSvg({
    grid: { left: nameWidth, right: 4, top: 22, bottom: 2 },
    xAxis: { type: 'category', position: 'top', data: groups, axisTick: { show: false }, axisLine: { show: false }, axisLabel: { fontSize: 11, color: '#333', interval: 0 } },
    yAxis: { type: 'category', inverse: true, data: regions, axisTick: { show: false }, axisLine: { show: false }, axisLabel: { fontSize: 12, color: '#222', interval: 0 } },
    // ECharts colours a heat map through a visual map only; its bands are HEAT_BANDS, empty cells white.
    visualMap: {
      show: false, type: 'piecewise', dimension: 2,
      pieces: [{ lt: 0, color: '#FFFFFF' }, ...HEAT_BANDS.map((band, i) => ({ gte: band.min, ...(i > 0 ? { lt: HEAT_BANDS[i - 1]?.min } : {}), color: band.fill }))],
    },
    series: [{ type: 'heatmap', data }],
  }, nameWidth + 4 + groups.length * cellWidth, 24 + regions.length * rowHeight);
}
