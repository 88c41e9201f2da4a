import { HEAT_BANDS } from '../../charts/heat-map.js';
import { COUNT_KEYS, countStyle } from '../status-style.js';

/** The font stack: a CJK face first on every system, so that Chinese never falls back to tofu. */
export const FONT_STACK = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif';

const statusRules = COUNT_KEYS
  .map((key) => {
    const style = countStyle(key);
    return `.s-${key}{background:${style.fill};color:${style.ink};border-color:${style.ink}}`;
  })
  .join('\n');

/**
 * The page's only stylesheet: readable on a phone (rows become cards under 760 px), printable on
 * A4 landscape (a page per action, table headers repeated, colours kept), statuses told by symbol
 * and word as well as colour.
 */
export const PAGE_STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1280px;padding:16px;font-family:${FONT_STACK};font-size:14px;line-height:1.5;color:#1a1a1a;background:#fff}
h1{font-size:22px;margin:0 0 8px}
h2{font-size:18px;margin:24px 0 8px;padding-bottom:4px;border-bottom:2px solid #1F4E79}
h3{font-size:15px;margin:16px 0 6px}
.facts{display:flex;flex-wrap:wrap;gap:8px 24px;margin:8px 0}
.facts div{min-width:120px}
.facts dt{font-size:12px;color:#555}
.facts dd{margin:0;font-size:20px;font-weight:bold}
.facts dd small{display:block;font-size:12px;font-weight:normal;color:#555}
.strip{display:flex;flex-wrap:wrap;gap:6px;list-style:none;padding:0;margin:8px 0}
.strip li{border:1px solid;border-radius:4px;padding:2px 10px}
.strip b{font-size:18px;margin-right:4px}
.meta,.note{color:#555;font-size:12px;overflow-wrap:anywhere}
.verdict{font-weight:bold;color:#9C0006}
.badge{display:inline-block;border:1px solid;border-radius:3px;padding:0 4px}
.soft{display:inline-block;border:1px dashed #555;border-radius:3px;padding:0 3px;margin-left:4px;font-size:11px;color:#333;white-space:nowrap}
.miss{color:#9C0006;font-weight:bold}
.warnings li{color:#7F6000}
.doubt{color:#7F6000;font-weight:bold}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #c8c8c8;padding:3px 5px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#D9E1F2;font-weight:bold}
td.n{text-align:right;font-variant-numeric:tabular-nums}
col.c-id{width:6%}col.c-region{width:9%}col.c-ind{width:19%}col.c-target{width:11%}col.c-actual{width:8%}col.c-gap{width:7%}col.c-status{width:11%}col.c-reason{width:20%}col.c-proj{width:9%}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px;margin:10px 0}
figure{margin:0;border:1px solid #ddd;padding:4px;break-inside:avoid;page-break-inside:avoid}
figure svg,.status-chart svg,.heat svg{display:block;max-width:100%;height:auto}
figcaption{font-size:12px;overflow-wrap:anywhere}
svg text{font-family:${FONT_STACK}}
.status-chart{margin:6px 0}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;margin:4px 0;list-style:none;padding:0}
.legend svg{vertical-align:middle}
.heat{overflow-x:auto}
table.heat-table{table-layout:auto;width:auto;font-size:12px}
table.heat-table td{text-align:center;min-width:44px}
table.heat-table th{white-space:nowrap}
${HEAT_BANDS.map((band, i) => `.h${i}{background:${band.fill}}`).join('\n')}
${statusRules}
@media screen and (max-width:760px){
  body{padding:8px;font-size:15px}
  table.results,table.results tbody,table.results tr,table.results td{display:block;width:100%}
  table.results colgroup,table.results thead{display:none}
  table.results tr{border:1px solid #c8c8c8;margin:0 0 8px;padding:4px}
  table.results td{border:0;padding:2px 4px;text-align:left}
  table.results td::before{content:attr(data-label) ": ";color:#555;font-size:12px}
  .charts{grid-template-columns:1fr}
}
@page{size:A4 landscape;margin:10mm}
@media print{
  body{max-width:none;padding:0;font-size:11px}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  section.group{break-before:page;page-break-before:always}
  thead{display:table-header-group}
  tr{break-inside:avoid;page-break-inside:avoid}
  h2,h3{break-after:avoid;page-break-after:avoid}
  .charts{grid-template-columns:repeat(4,1fr)}
}
`;
