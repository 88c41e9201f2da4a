import { formatMessage, type Lang, type MessageCode } from '../messages.js';
import { escapeControls } from './sanitize.js';
import type { Report, Result } from '../report/types.js';
import type { WorkbookCell, WorkbookSheet } from '../xlsx/workbook-types.js';
import { countResults, groupByAction, headlineShare, tallyCount, viewHeader, viewRow, type HeaderView } from './view-row.js';
import type { FormatOptions } from './formatter.js';
import { countStyle, STATUS_STYLES } from './status-style.js';

const HEAD_FILL = '#D9E1F2';

/** Decimals of a number's shortest form, capped at 4. */
function decimals(value: number): number {
  const text = String(Number(value.toFixed(4)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A number cell in the target's unit: a percentage is stored as a fraction under a `0.0%` format
 * (so 3.4 % is the number 0.034 and sums and charts work), anything else under `#,##0.0`.
 */
function amountCell(value: number | null, unit: string, options: { signed?: boolean; places?: number; prefix?: string } = {}): WorkbookCell {
  if (value === null || !Number.isFinite(value)) return { value: null };
  const places = Math.max(options.places ?? 0, decimals(value));
  const digits = places > 0 ? `.${'0'.repeat(places)}` : '';
  const percent = unit === '%';
  const body = percent ? `0${digits}%` : `#,##0${digits}`;
  const quoted = options.prefix ? `"${options.prefix}"` : '';
  const format = options.signed ? `+${body};-${body};${body}` : `${quoted}${body}`;
  return { value: percent ? Number((value / 100).toPrecision(15)) : value, format };
}

const header = (words: string[]): WorkbookCell[] => words.map((value) => ({ value, bold: true, fill: HEAD_FILL }));
/** A header over narrow count columns: long status words wrap instead of being cut by the next cell. */
const wrappedHeader = (words: string[]): WorkbookCell[] => header(words).map((cell) => ({ ...cell, wrap: true }));

const OPS: Record<string, string> = { '>=': '≥ ', '>': '> ', '<=': '≤ ', '<': '< ', '==': '= ', '~': '≈ ' };

function statusCell(result: Result, text: string): WorkbookCell {
  const style = STATUS_STYLES[result.status];
  return { value: `${style.symbol} ${text}`, fill: style.fill, color: style.ink };
}

function detailRows(report: Report, options: FormatOptions, top: HeaderView, withRegion: boolean): WorkbookCell[][] {
  const { lang } = options;
  const labels = new Map(top.view.regions.map((region) => [region.name, region.label]));
  const w = (code: MessageCode): string => formatMessage(code, {}, lang);
  const head = [w('word.action'), w('word.id'), w('leader.col-indicator'), w('leader.col-target'), w('leader.col-unit'), w('leader.col-actual'), w('word.year'),
    w('word.gap'), w('word.attainment'), w('word.status'), w('leader.reason'), w('word.projected'), w('word.quote')];
  const rows: WorkbookCell[][] = [header(withRegion ? [w('word.region'), ...head] : head)];
  for (const region of report.regions) {
    const results = report.results.filter((result) => result.region === region);
    for (const group of groupByAction(top.view, results)) {
      for (const result of group.results) {
        const view = viewRow(result, lang, top.view.doubts);
        const target = options.sources?.plan.targetsById.get(result.id);
        const places = typeof result.value === 'number' ? decimals(result.value) : 0;
        const targetCell: WorkbookCell = typeof result.value === 'number' && OPS[result.op]
          ? amountCell(result.value, result.unit, { prefix: OPS[result.op] })
          : { value: view.target };
        const actualCell: WorkbookCell = view.actualValue === null ? { value: view.figure || null } : amountCell(view.actualValue, result.unit, { places });
        const projected = amountCell(view.projectedValue, result.unit, { places });
        if (view.projectionMisses) projected.color = STATUS_STYLES.not_met.ink;
        const row: WorkbookCell[] = [
          { value: group.title },
          { value: result.id },
          { value: view.indicator, wrap: true },
          targetCell,
          { value: result.unit === '' ? null : result.unit },
          actualCell,
          { value: view.actualYear },
          amountCell(result.gap, result.unit, { signed: true, places }),
          result.attainment === null ? { value: null } : { value: result.attainment, format: '0.0%' },
          statusCell(result, view.status),
          { value: view.reason || null, wrap: true },
          projected,
          { value: target ? escapeControls(target.quote) : null, wrap: true },
        ];
        rows.push(withRegion ? [{ value: labels.get(escapeControls(region)) ?? escapeControls(region) }, ...row] : row);
      }
    }
  }
  return rows;
}

/** Columns a summary line spans on 汇总 (the writer stops it at the sheet's last column). */
const SUMMARY_SPAN = 8;

/** A share as a percentage cell, or an empty cell when there is none. */
function shareCell(share: number | null): WorkbookCell {
  return share === null ? { value: null } : { value: share, format: '0.0%' };
}

function summaryRows(report: Report, options: FormatOptions, head: HeaderView): WorkbookCell[][] {
  const { lang } = options;
  const w = (code: MessageCode): string => formatMessage(code, {}, lang);
  const rows: WorkbookCell[][] = [
    [{ value: w('leader.plan'), bold: true }, { value: head.title }],
    [{ value: w('leader.review-year'), bold: true }, { value: head.asOf }],
    [{ value: w('leader.elapsed'), bold: true }, { value: head.elapsed, format: '0%' }],
    [{ value: head.headline.label, bold: true }, shareCell(head.headline.share)],
    ...(head.headline.note ? [[{ value: null }, { value: head.headline.note, wrap: true, span: SUMMARY_SPAN }]] : []),
    // A count line is long: it wraps across the sheet's width instead of running off the page.
    ...head.summary.map((line): WorkbookCell[] => [{ value: null }, { value: line, wrap: true, span: SUMMARY_SPAN }]),
    [{ value: w(report.regions.length > 1 ? 'leader.results' : 'leader.targets'), bold: true }, { value: report.summary.targets }],
    [{ value: w('leader.inputs'), bold: true }, { value: report.inputs.map((input) => escapeControls(input.file)).join(', ') || null }],
  ];
  if (options.sources) rows.push([{ value: w('leader.made-at'), bold: true }, { value: options.sources.madeAt.toISOString().replace('T', ' ').slice(0, 19) + ' UTC' }]);
  rows.push([], header([w('word.status'), w('leader.col-count')]));
  for (const count of head.counts) {
    const style = countStyle(count.status);
    rows.push([{ value: `${style.symbol} ${count.word}`, fill: style.fill, color: style.ink }, { value: count.count }]);
  }
  // Counts by action of the listed results (all of them unless a display filter was given).
  const statuses = head.counts.map((count) => count.status);
  rows.push([], wrappedHeader([w('word.action'), ...head.counts.map((count) => count.word), w('leader.targets')]));
  for (const group of groupByAction(head.view, report.results)) {
    const counts = countResults(group.results, statuses);
    rows.push([{ value: group.title, wrap: true }, ...counts.map((value) => ({ value })), { value: group.results.length }]);
  }
  if (report.regions.length > 1 || report.regions[0] !== '') {
    rows.push([], wrappedHeader([w('word.region'), ...head.counts.map((count) => count.word), w('leader.targets'), head.headline.label]));
    for (const region of head.view.regions) {
      const tally = region.tally;
      rows.push([{ value: region.label }, ...statuses.map((status) => ({ value: tallyCount(tally, status) })), { value: tally.targets },
        shareCell(headlineShare(report, tally))]);
    }
  }
  return rows;
}

/** Indicator × region: per region a status column and a figure column. */
function regionRows(report: Report, lang: Lang, head: HeaderView): WorkbookCell[][] {
  const w = (code: MessageCode): string => formatMessage(code, {}, lang);
  const byTarget = new Map<string, Map<string, Result>>();
  for (const result of report.results) {
    let row = byTarget.get(result.id);
    if (!row) byTarget.set(result.id, (row = new Map()));
    row.set(result.region, result);
  }
  const rows: WorkbookCell[][] = [header([w('word.id'), w('leader.col-indicator'), ...head.view.regions.flatMap((region) => {
    const name = region.label;
    return [`${name} ${w('word.status')}`, `${name} ${w('leader.col-actual')}`];
  })])];
  for (const [id, perRegion] of byTarget) {
    const first = perRegion.values().next().value as Result;
    const cells: WorkbookCell[] = [{ value: escapeControls(id) }, { value: viewRow(first, lang).indicator }];
    for (const region of report.regions) {
      const result = perRegion.get(region);
      if (!result) {
        cells.push({ value: null }, { value: null });
        continue;
      }
      const view = viewRow(result, lang, head.view.doubts);
      cells.push(statusCell(result, view.status), view.actualValue === null ? { value: view.figure || null } : amountCell(view.actualValue, result.unit));
    }
    rows.push(cells);
  }
  return rows;
}

function errorRows(report: Report, lang: Lang): WorkbookCell[][] {
  const w = (code: MessageCode): string => formatMessage(code, {}, lang);
  const rows: WorkbookCell[][] = [header([w('leader.col-file'), w('leader.col-row'), w('leader.col-column'), w('leader.col-message')])];
  for (const problem of report.errors) {
    rows.push([
      { value: escapeControls(problem.file) },
      { value: problem.line ?? null },
      { value: problem.field !== undefined ? escapeControls(problem.field) : (problem.column ?? null) },
      { value: escapeControls(formatMessage(problem.code, problem.params, lang)), wrap: true },
    ]);
  }
  if (report.errorCount > report.errors.length) {
    rows.push([{ value: formatMessage('report.errors-more', { count: report.errorCount - report.errors.length, total: report.errorCount }, lang) }]);
  }
  return rows;
}

/** Every warning as the shared view words it, a line a row under one heading. */
function warningRows(head: HeaderView, lang: Lang): WorkbookCell[][] {
  return [header([formatMessage('view.warnings', {}, lang)]), ...head.view.checks.map((line): WorkbookCell[] => [{ value: line, wrap: true }])];
}

/** The report workbook: 汇总, 明细, 分地区 (with regions), 错误 (with input errors) and 警告 (with warnings). */
export async function formatXlsx(report: Report, options: FormatOptions): Promise<Uint8Array> {
  const { lang } = options;
  const w = (code: MessageCode): string => formatMessage(code, {}, lang);
  const head = viewHeader(report, lang, options.maxErrors, options.regions);
  const withRegion = head.view.hasRegions;
  const details = detailRows(report, options, head, withRegion);
  const shift = withRegion ? 1 : 0;
  const widths: (number | undefined)[] = [];
  widths[shift + 2] = 30; // 指标名称, wrapped
  widths[shift + 10] = 40; // 原因, wrapped
  widths[shift + 12] = 60; // 原文, wrapped
  const sheets: WorkbookSheet[] = [
    // Narrow columns for the count tables; the long lines above them run over the empty cells.
    { name: w('word.summary'), rows: summaryRows(report, options, head), widths: [26, ...Array.from({ length: 16 }, () => 12)], landscape: true },
    { name: w('leader.sheet-details'), rows: details, widths, frozenRows: 1, frozenColumns: shift + 2, autoFilterRow: 0, landscape: true },
  ];
  if (withRegion) sheets.push({ name: w('leader.regions'), rows: regionRows(report, lang, head), widths: [8, 30], frozenRows: 1, frozenColumns: 2, autoFilterRow: 0, landscape: true });
  if (report.errorCount > 0) sheets.push({ name: w('leader.errors'), rows: errorRows(report, lang), widths: [undefined, 8, 12, 80], frozenRows: 1, autoFilterRow: 0 });
  if (head.view.checks.length > 0) sheets.push({ name: w('view.warnings'), rows: warningRows(head, lang), widths: [120], frozenRows: 1 });
  const { writeWorkbook } = await import('../xlsx/write-workbook.js');
  return writeWorkbook(sheets);
}
