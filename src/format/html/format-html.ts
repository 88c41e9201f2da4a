import { renderStatusChart } from '../../charts/status-chart.js';
import { CHART_LINES, renderTargetChart, targetChartData } from '../../charts/target-chart.js';
import { formatMessage, type Lang, type MessageCode } from '../../messages.js';
import type { Report, Result, Status } from '../../report/types.js';
import { countResults, countWord, groupByAction, viewHeader, viewRow, type HeaderView } from '../view-row.js';
import type { FigureDoubts } from '../find-doubts.js';
import type { FormatOptions } from '../formatter.js';
import { escapeHtml } from '../sanitize.js';
import { COUNT_KEYS, countStyle, STATUS_STYLES } from '../status-style.js';
import { PAGE_STYLE } from './page-style.js';
import { regionSection } from './region-section.js';

/** With regions, per-target rows are listed for at most this many regions (else use --region). */
export const DETAIL_MAX_REGIONS = 5;

const esc = escapeHtml;

function headerBlock(head: HeaderView, report: Report, options: FormatOptions): string {
  const { lang } = options;
  const w = (code: MessageCode): string => esc(formatMessage(code, {}, lang));
  const { label, share, note } = head.headline;
  const rate = share === null ? '—' : `${(share * 100).toFixed(1)}%`;
  const out = [`<header><h1>${esc(head.title)}</h1><dl class="facts">`,
    `<div><dt>${w('leader.review-year')}</dt><dd>${head.asOf}</dd></div>`,
    `<div><dt>${w('leader.elapsed')}</dt><dd>${Math.round(head.elapsed * 100)}%</dd></div>`,
    `<div><dt>${esc(label)}</dt><dd>${rate}${note ? `<small>${esc(note)}</small>` : ''}</dd></div>`,
    // With several regions the count is of results, one per region and target.
    `<div><dt>${w(report.regions.length > 1 ? 'leader.results' : 'leader.targets')}</dt><dd>${report.summary.targets}</dd></div></dl>`,
    '<ul class="strip">'];
  for (const count of head.counts) {
    out.push(`<li class="s-${count.status}"><b>${countStyle(count.status).symbol} ${count.count}</b>${esc(count.word)}</li>`);
  }
  out.push('</ul>');
  for (const line of head.summary) out.push(`<p class="note">${esc(line)}</p>`);
  if (head.view.unlisted) out.push(`<p class="note">${esc(head.view.unlisted)}</p>`);
  const files = report.inputs.map((input) => esc(input.file)).join(', ');
  const made = options.sources ? ` · ${w('leader.made-at')}: ${options.sources.madeAt.toISOString().replace('T', ' ').slice(0, 16)} UTC` : '';
  out.push(`<p class="meta">${w('leader.inputs')}: ${files || '—'}${made} · plancheck ${esc(report.tool.version)}</p>`);
  if (head.view.verdict) out.push(`<p class="verdict">${esc(head.view.verdict)}</p>`);
  out.push('</header>');
  return out.join('');
}

function errorBlock(head: HeaderView, lang: Lang): string {
  if (head.view.errors.length === 0) return '';
  const items = head.view.errors.map((line) => `<li>${esc(line)}</li>`).join('');
  return `<section class="errors"><h2>${esc(formatMessage('word.inputs', {}, lang))}</h2><ul>${items}</ul></section>`;
}

/** Every warning (the reader's, input and regional), worded once by the shared view. */
function warningBlock(head: HeaderView, lang: Lang): string {
  if (head.view.checks.length === 0) return '';
  const items = head.view.checks.map((line) => `<li>${esc(line)}</li>`).join('');
  return `<section class="warnings"><h2>${esc(formatMessage('view.warnings', {}, lang))}</h2><ul>${items}</ul></section>`;
}

/** A small legend of the chart lines, drawn as the lines themselves. */
function chartLegend(lang: Lang): string {
  const item = (code: MessageCode, style: { color: string; type: string }): string => {
    const dash = style.type === 'dashed' ? ' stroke-dasharray="6 3"' : style.type === 'dotted' ? ' stroke-dasharray="2 2"' : '';
    return `<li><svg width="26" height="8" aria-hidden="true"><line x1="0" y1="4" x2="26" y2="4" stroke="${style.color}" stroke-width="2"${dash}/></svg> ${esc(formatMessage(code, {}, lang))}</li>`;
  };
  return `<ul class="legend">${item('leader.chart-figures', CHART_LINES.figures)}${item('leader.chart-target', CHART_LINES.target)}${item('leader.chart-required', CHART_LINES.required)}${item('leader.chart-projection', CHART_LINES.projection)}</ul>`;
}

const HEADS: [MessageCode, string][] = [
  ['word.id', 'c-id'], ['leader.col-indicator', 'c-ind'], ['leader.col-target', 'c-target'], ['leader.col-actual', 'c-actual'],
  ['word.gap', 'c-gap'], ['word.status', 'c-status'], ['leader.reason', 'c-reason'], ['word.projected', 'c-proj'],
];

function resultRow(result: Result, lang: Lang, labels: string[], withRegion: boolean, doubts: FigureDoubts): string {
  const view = viewRow(result, lang, doubts);
  const soft = result.soft ? `<span class="soft">${esc(formatMessage('word.soft', {}, lang))}</span>` : '';
  const reason = [view.reason, view.reason ? '' : view.progress].filter((text) => text !== '').join(' ');
  const cells = [
    esc(view.id),
    `${esc(view.indicator)}${soft}`,
    esc(view.target),
    esc(view.actual),
    esc(view.gap),
    view.doubt === ''
      ? `<span class="badge s-${result.status}">${STATUS_STYLES[result.status].symbol} ${esc(view.status)}</span>`
      : `<span class="badge s-${result.status}">${STATUS_STYLES[result.status].symbol} ${esc(view.status.slice(0, view.status.length - view.doubt.length).trimEnd())}</span> <span class="doubt">${esc(view.doubt)}</span>`,
    esc(reason),
    view.projectionMisses ? `<span class="miss">${esc(view.projection)}</span>` : esc(view.projection),
  ];
  const numeric = new Set([3, 4]);
  const tds = cells.map((cell, i) => `<td data-label="${labels[i] ?? ''}"${numeric.has(i) ? ' class="n"' : ''}>${cell}</td>`);
  if (withRegion) tds.unshift(`<td data-label="${labels[labels.length - 1] ?? ''}">${esc(view.region || formatMessage('word.no-region', {}, lang))}</td>`);
  return `<tr>${tds.join('')}</tr>`;
}

function groupSection(title: string, results: Result[], options: FormatOptions, charts: boolean, withRegion: boolean, doubts: FigureDoubts): string {
  const { lang } = options;
  const labels = HEADS.map(([code]) => esc(formatMessage(code, {}, lang)));
  labels.push(esc(formatMessage('word.region', {}, lang)));
  const tallied = countResults(results, COUNT_KEYS);
  const counts = COUNT_KEYS.map((status, i) => ({ status, count: tallied[i] ?? 0 }));
  const out = [`<section class="group"><h2>${esc(title)}</h2>`, `<div class="status-chart chart">${renderStatusChart(counts.filter((c): c is { status: Status; count: number } => c.status !== 'not_judged'))}</div>`];
  out.push('<ul class="legend">', ...counts.filter((c) => c.count > 0).map((c) => `<li><span class="badge s-${c.status}">${countStyle(c.status).symbol} ${c.count}</span> ${esc(countWord(c.status, lang))}</li>`), '</ul>');
  const cols = (withRegion ? ['c-region'] : []).concat(HEADS.map(([, cls]) => cls)).map((cls) => `<col class="${cls}">`).join('');
  const heads = (withRegion ? [labels[labels.length - 1] ?? ''] : []).concat(labels.slice(0, HEADS.length)).map((label) => `<th scope="col">${label}</th>`).join('');
  out.push(`<table class="results"><colgroup>${cols}</colgroup><thead><tr>${heads}</tr></thead><tbody>`);
  for (const result of results) out.push(resultRow(result, lang, labels, withRegion, doubts));
  out.push('</tbody></table>');
  if (charts && options.sources) {
    const figures: string[] = [];
    for (const result of results) {
      const target = options.sources.plan.targetsById.get(result.id);
      const data = targetChartData(result, target, options.sources.series(result.region, result.id), options.sources.plan.baselineYear);
      if (!data) continue;
      const view = viewRow(result, lang);
      figures.push(`<figure>${renderTargetChart(data)}<figcaption><b>${esc(view.id)}</b> ${esc(view.indicator)} · ${esc(view.target)}</figcaption></figure>`);
    }
    if (figures.length > 0) out.push(`<h3>${esc(formatMessage('leader.charts', {}, lang))}</h3>`, chartLegend(lang), `<div class="charts">${figures.join('')}</div>`);
  }
  out.push('</section>');
  return out.join('');
}

/**
 * A self-contained page for leaders: header figures, a section per action with a status chart,
 * the gap table and a chart per multi-year target; with regions a heat map. No script, no
 * external resource; every input-derived byte escaped.
 */
export async function formatHtml(report: Report, options: FormatOptions): Promise<string> {
  const { lang } = options;
  const head = viewHeader(report, lang, options.maxErrors, options.regions);
  const listedRegions = new Set(report.results.map((result) => result.region));
  const withRegion = head.view.hasRegions;
  const body = [headerBlock(head, report, options), errorBlock(head, lang), warningBlock(head, lang)];
  const totalsOnly = withRegion && listedRegions.size > DETAIL_MAX_REGIONS;
  // Said before the heat map: with thousands of regions the table below is long.
  if (totalsOnly) body.push(`<p class="note">${esc(formatMessage('leader.region-detail-hint', { count: listedRegions.size }, lang))}</p>`);
  if (withRegion) body.push(regionSection(head.view, lang));
  // With many regions, rows per region and target would be 291 × the regions: --region asks for chosen ones.
  if (!totalsOnly && report.results.length === 0) body.push(`<p class="note">${esc(formatMessage('leader.no-results', {}, lang))}</p>`);
  if (!totalsOnly && report.results.length > 0) {
    // Charts of one region's series only: several regions' figures in one small chart do not read.
    const charts = listedRegions.size === 1;
    for (const group of groupByAction(head.view, report.results)) body.push(groupSection(group.title, group.results, options, charts, withRegion, head.view.doubts));
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script and no resource from anywhere: the page must open offline on a locked-down network.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(head.title)} · ${head.asOf}</title><style>${PAGE_STYLE}</style></head>`,
    `<body>${body.join('\n')}</body></html>`,
    '',
  ].join('\n');
}
