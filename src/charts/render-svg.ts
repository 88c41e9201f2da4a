import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, HeatmapChart, GridComponent, MarkLineComponent, VisualMapComponent, SVGRenderer]);

/** An ECharts option, as `setOption` takes it. */
export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];

let counter = 0;

/**
 * Renders an ECharts option on the server to an SVG string fit to inline in a page: no animation,
 * no hover styles or metadata, and ids made unique so that many charts share one page.
 */
export function renderSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    const svg = chart.renderToSVGString();
    counter += 1;
    const prefix = `c${counter}`;
    return svg
      .replace(/<style\s*>[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
      .replace(/ pointer-events="visible"/g, '')
      // Every chart numbers its clip paths from zr0: without a prefix they would clash in one page.
      .replace(/zr(\d+)-c(\d+)/g, `${prefix}-$1-$2`)
      // Coordinates to 0.1 px: sharp enough to print, a third of the bytes.
      .replace(/(\d+\.\d)\d+/g, '$1')
      // The page's CSS sets a CJK-first font stack for chart text.
      .replace(/font-family:[^;"]*;?/g, '')
      .replace(/<svg /, `<svg role="img" `);
  } finally {
    chart.dispose();
  }
}
