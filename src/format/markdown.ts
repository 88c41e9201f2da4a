import { formatMessage, type Lang } from '../messages.js';
import { describeTarget, formatNumber } from '../report/describe-target.js';
import { showActual } from '../report/show-number.js';
import type { Report, Result } from '../report/types.js';
import { describeErrors } from './errors.js';
import type { Formatter } from './formatter.js';
import { summaryLine } from './summary.js';

/** A table cell safe in Markdown: pipes escaped, line breaks folded, control characters dropped. */
export function markdownCell(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

const ICONS: Record<Result['severity'], string> = { failure: '❌', warning: '⚠️', info: 'ℹ️', ok: '✅' };

function row(result: Result, lang: Lang): string {
  const actual = result.actual ? showActual(result.actual.value, result.gap) : result.reason ? formatMessage(result.reason.code, result.reason.params, lang) : '';
  const cells = [
    result.id,
    lang === 'zh' ? result.indicator : result.indicatorEn,
    describeTarget(result, lang),
    actual,
    formatNumber(result.gap, true),
    `${ICONS[result.severity]} ${formatMessage(`status.${result.status}`, {}, lang)}`,
  ];
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}

/** A summary and per-action tables, fit for a pull-request comment or a document. */
export const formatMarkdown: Formatter = (report: Report, options) => {
  const { lang } = options;
  const word = (code: Parameters<typeof formatMessage>[0]): string => formatMessage(code, {}, lang);
  const out: string[] = [`# ${markdownCell(lang === 'zh' ? report.plan.title : report.plan.titleEn)}`, ''];
  const errors = describeErrors(report, options);
  if (errors.length > 0) {
    out.push(`## ${word('word.inputs')}`, '', ...errors.map((line) => `- ${markdownCell(line)}`), '');
  }
  const bullets = (text: string): string[] => text.split('\n').map((line) => `- ${markdownCell(line)}`);
  out.push(`## ${word('word.summary')}`, '', ...bullets(summaryLine(word('summary.all'), report.summary, report, lang)));
  if (report.regions.length > 1 || (report.regions[0] ?? '') !== '') {
    for (const region of report.regions) {
      const tally = report.summary.byRegion[region];
      if (tally) out.push(...bullets(summaryLine(region === '' ? word('word.no-region') : region, tally, report, lang)));
    }
  }
  const titles = new Map(report.plan.actions.map((a) => [a.number, lang === 'zh' ? a.title : a.titleEn]));
  for (const region of report.regions) {
    const results = report.results.filter((r) => r.region === region);
    let group: number | null | undefined;
    for (const result of results) {
      const key = result.goal !== null ? 0 : (result.action ?? 0);
      if (key !== group) {
        group = key;
        const title = key === 0 ? word('word.goals') : `${word('word.action')} ${key} ${titles.get(key) ?? ''}`.trim();
        out.push('', `### ${markdownCell(region === '' ? title : `${region} · ${title}`)}`, '');
        out.push(`| ${['word.id', 'word.indicator', 'word.target', 'word.actual', 'word.gap', 'word.status'].map((c) => word(c as 'word.id')).join(' | ')} |`);
        out.push('|---|---|---|---:|---:|---|');
      }
      out.push(row(result, lang));
    }
  }
  return `${out.join('\n')}\n`;
};
