import { HEAT_BANDS, heatFill, renderHeatMap, type HeatCell } from '../../charts/heat-map.js';
import { formatMessage, type Lang } from '../../messages.js';
import type { ReportView } from '../view.js';
import { escapeControls, escapeHtml } from '../sanitize.js';
import { isNotJudged } from '../view-result.js';
import { GOOD_STATUSES, UNJUDGED_STATUSES } from '../status-style.js';

/** Up to this many regions the heat map is a chart; beyond, a compact table (3,000 regions stay a few hundred kB). */
export const HEAT_CHART_MAX_REGIONS = 40;

/**
 * Regions × groups (goals, then actions): targets met or on track out of those judged (a town
 * with no decomposed target for a total, and targets without figures, are not counted), as a
 * heat map, followed by each region's counts in words.
 */
export function regionSection(view: ReportView, lang: Lang): string {
  const groups = [...new Set(view.report.results.map((r) => (r.goal !== null ? 0 : (r.action ?? 0))))].sort((a, b) => a - b);
  const column = new Map(groups.map((group, i) => [group, i]));
  const cells = new Map<string, HeatCell[]>();
  for (const result of view.report.results) {
    if (UNJUDGED_STATUSES.has(result.status) || isNotJudged(result)) continue;
    let row = cells.get(result.region);
    if (!row) cells.set(result.region, (row = groups.map(() => ({ met: 0, targets: 0 }))));
    const cell = row[column.get(result.goal !== null ? 0 : (result.action ?? 0)) ?? 0];
    if (!cell) continue;
    cell.targets += 1;
    if (GOOD_STATUSES.has(result.status)) cell.met += 1;
  }
  const noRegion = formatMessage('word.no-region', {}, lang);
  const shown: { label: string; cells: HeatCell[] }[] = [];
  for (const region of view.report.regions) {
    const row = cells.get(region);
    if (row) shown.push({ label: region === '' ? noRegion : escapeControls(region), cells: row });
  }
  const headers = groups.map((group) => (group === 0 ? formatMessage('word.goals', {}, lang) : String(group)));
  const out: string[] = [`<section class="regions"><h2>${escapeHtml(formatMessage('leader.regions', {}, lang))}</h2>`];
  out.push(`<h3>${escapeHtml(formatMessage('leader.heat-map', {}, lang))}</h3>`);
  if (shown.length === 0) {
    out.push(`<p class="note">${escapeHtml(formatMessage('leader.no-results', {}, lang))}</p>`);
  } else if (shown.length <= HEAT_CHART_MAX_REGIONS) {
    const svg = renderHeatMap(shown.map((row) => row.label), headers, shown.map((row) => row.cells));
    out.push(`<div class="heat chart">${svg}</div>`);
  } else {
    out.push('<div class="heat"><table class="heat-table"><thead><tr>', `<th>${escapeHtml(formatMessage('word.region', {}, lang))}</th>`);
    for (const header of headers) out.push(`<th>${escapeHtml(header)}</th>`);
    out.push(`<th>${escapeHtml(formatMessage('summary.all', {}, lang))}</th></tr></thead><tbody>`);
    // Classes, not inline styles, and one short line a region: 3,000 regions stay about a megabyte.
    const band = (cell: HeatCell): string => `h${HEAT_BANDS.findIndex((b) => b.fill === heatFill(cell))}`;
    for (const row of shown) {
      const total = row.cells.reduce((sum, cell) => ({ met: sum.met + cell.met, targets: sum.targets + cell.targets }), { met: 0, targets: 0 });
      out.push(`<tr><th>${escapeHtml(row.label)}</th>`);
      for (const cell of [...row.cells, total]) out.push(cell.targets === 0 ? '<td></td>' : `<td class="${band(cell)}">${cell.met}/${cell.targets}</td>`);
      out.push('</tr>\n');
    }
    out.push('</tbody></table></div>');
  }
  // What the column numbers and the colours mean: the map itself has room for neither.
  const keys = groups.filter((group) => group !== 0).map((group) => view.groupTitle(group));
  if (keys.length > 0) out.push(`<p class="note">${escapeHtml(keys.join(' · '))}</p>`);
  const swatches = HEAT_BANDS.map((band, i) => {
    const range = i === 0 ? `≥ ${band.min * 100}%` : `${band.min * 100}–${(HEAT_BANDS[i - 1]?.min ?? 1) * 100}%`;
    return `<li><span class="badge h${i}" style="border-color:#888">${range}</span></li>`;
  });
  out.push(`<ul class="legend">${swatches.join('')}</ul>`);
  // Each region's counts in words, while they fit on a page; beyond, the table's total column says it.
  if (shown.length <= HEAT_CHART_MAX_REGIONS) {
    out.push('<ul class="note">');
    for (const region of view.regions) out.push(`<li>${escapeHtml(region.summary.join(' '))}</li>`);
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('');
}
