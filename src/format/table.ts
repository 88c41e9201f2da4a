import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { formatMessage, type Lang, type MessageCode } from '../messages.js';
import { describeTarget, formatNumber, sanitize } from '../report/describe-target.js';
import type { Report, Result, Status } from '../report/types.js';
import { describeCheck, describeSources } from './describe-check.js';
import { describeErrors } from './errors.js';
import type { Formatter } from './formatter.js';
import { summaryLine } from './summary.js';

type Paint = (chalk: ChalkInstance, text: string) => string;

const PAINT: Record<Status, Paint> = {
  met: (c, t) => c.green(t),
  achieved: (c, t) => c.green(t),
  on_track: (c, t) => c.green(t),
  moderate: (c, t) => c.cyan(t),
  insufficient: (c, t) => c.yellow(t),
  moving_away: (c, t) => c.red(t),
  not_met: (c, t) => c.red(t),
  pending: (c, t) => c.gray(t),
  no_data: (c, t) => c.gray(t),
  not_assessable: (c, t) => c.gray(t),
};

/**
 * A status cell's text and its coloured form: softened to a warning colour when the result only
 * warns. Colours are applied after layout because cli-table3 breaks escape codes when it wraps.
 */
function statusCell(result: Result, chalk: ChalkInstance, lang: Lang): [string, string] {
  let word = formatMessage(`status.${result.status}`, {}, lang);
  if (result.severity === 'warning' && result.status === 'not_met') {
    word += ` (${formatMessage('severity.warning', {}, lang)})`;
    return [word, chalk.yellow(word)];
  }
  if (result.soft && result.severity !== 'ok') word += ` (${formatMessage('word.soft', {}, lang)})`;
  return [word, PAINT[result.status](chalk, word)];
}

function actualCell(result: Result, lang: Lang): string {
  if (result.reason && !result.actual) return formatMessage(result.reason.code, result.reason.params, lang);
  if (!result.actual) return '';
  if (result.kind === 'milestone') return formatMessage(result.actual.value === 1 ? 'word.done' : 'status.not_met', {}, lang);
  const value = formatNumber(result.actual.value) + describeSources(result, lang).figure;
  const shown = result.actual.year === result.year ? value : `${value} (${result.actual.year})`;
  // A town not judged (无分解目标) still shows its figure, with the reason beside it.
  return result.reason?.code === 'reason.no-decomposed-target' ? `${shown}; ${formatMessage(result.reason.code, {}, lang)}` : shown;
}

function groupOf(result: Result): number {
  return result.goal !== null ? 0 : (result.action ?? 0);
}

/** The gap table: one table per region, rows grouped by action, a summary line under each. */
export const formatTable: Formatter = (report, options) => {
  const { lang } = options;
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const withProgress = report.results.some((result) => result.progress?.projected != null);
  const words: MessageCode[] = ['word.id', 'word.indicator', 'word.target', 'word.actual', 'word.gap', 'word.status'];
  if (withProgress) words.push('word.projected');
  const head = words.map(
    (word) => chalk.bold(formatMessage(word, {}, lang)),
  );
  const titles = new Map(report.plan.actions.map((action) => [action.number, lang === 'zh' ? action.title : action.titleEn]));
  const blocks: string[] = [...describeErrors(report, options)];
  for (const region of report.regions) {
    const rows = report.results.filter((result) => result.region === region);
    if (rows.length === 0) continue;
    const table = new Table({ head, style: { head: [], border: [], compact: true }, wordWrap: true, wrapOnWordBoundary: false, colWidths: [8, 30, 20, 20, 10, 22, ...(withProgress ? [12] : [])] });
    const painted = new Map<string, string>();
    let group = -1;
    for (const result of rows) {
      if (groupOf(result) !== group) {
        group = groupOf(result);
        const title = group === 0 ? formatMessage('word.goals', {}, lang) : `${formatMessage('word.action', {}, lang)} ${group}${titles.has(group) ? ` ${titles.get(group)}` : ''}`;
        table.push([{ colSpan: head.length, content: chalk.bold(title) }]);
      }
      const [status, paintedStatus] = statusCell(result, chalk, lang);
      painted.set(status, paintedStatus);
      table.push([
        result.id,
        sanitize(lang === 'zh' ? result.indicator : result.indicatorEn),
        describeTarget(result, lang) + describeSources(result, lang).target,
        sanitize(actualCell(result, lang)),
        formatNumber(result.gap, true),
        status,
        ...(withProgress ? [formatNumber(result.progress?.projected)] : []),
      ]);
    }
    const scope = region === '' ? formatMessage('word.no-region', {}, lang) : sanitize(region);
    if (region !== '') blocks.push(chalk.bold(`${formatMessage('word.region', {}, lang)}: ${scope}`));
    let text = table.toString();
    if (options.color) {
      for (const [word, colored] of painted) text = text.split(`│ ${word} `).join(`│ ${colored} `);
    }
    blocks.push(text);
    const tally = report.summary.byRegion[region];
    if (tally && report.regions.length > 1) blocks.push(summaryLine(scope, tally, report, lang));
  }
  for (const check of report.checks ?? []) {
    if (check.severity === 'warning') blocks.push(chalk.yellow(sanitize(`${formatMessage('severity.warning', {}, lang)}: ${describeCheck(check, lang)}`)));
  }
  blocks.push(summaryLine(formatMessage('summary.all', {}, lang), report.summary, report, lang));
  return `${blocks.join('\n')}\n`;
};
