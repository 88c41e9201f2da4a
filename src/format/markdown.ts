import { formatMessage, type MessageCode } from '../messages.js';
import type { Formatter } from './formatter.js';
import { MatrixCellTexts } from './matrix-cell-texts.js';
import { offTrackLines, offTrackWords } from './off-track-lines.js';
import { regionMatrix } from './region-matrix.js';
import { escapeMarkdown } from './sanitize.js';
import { noteOf, viewReport, type Tone } from './view.js';

/** A table cell safe in Markdown: controls escaped, HTML and link syntax inert, pipes escaped. */
export const markdownCell = escapeMarkdown;

const ICONS: Record<Tone, string> = { bad: '❌', warn: '⚠️', moderate: '🔸', neutral: 'ℹ️', good: '✅' };

function tableRow(cells: string[]): string {
  return `| ${cells.map(escapeMarkdown).join(' | ')} |\n`;
}

/**
 * A summary and per-action tables with a reason column, fit for a pull-request comment or a
 * document; with regions, one indicator × region table and the results off track with their
 * reasons. Every piece of input text is escaped (no HTML, links or comments from a cell).
 */
export const formatMarkdown: Formatter = function* (report, options) {
  const { lang } = options;
  const word = (code: MessageCode): string => formatMessage(code, {}, lang);
  const view = viewReport(report, { lang, maxErrors: options.maxErrors, sort: options.sort, results: options.results, regions: options.regions });
  yield `# ${escapeMarkdown(view.title)}\n\n`;
  if (view.errors.length > 0) {
    yield `## ${word('word.inputs')}\n\n`;
    for (const line of view.errors) yield `- ${escapeMarkdown(line)}\n`;
    yield '\n';
  }
  yield `## ${word('word.summary')}\n\n`;
  for (const line of view.summary) yield `- ${escapeMarkdown(line)}\n`;
  if (view.hasRegions) for (const region of view.regions) for (const line of region.summary) yield `- ${escapeMarkdown(line)}\n`;
  if (view.unlisted) yield `- ${escapeMarkdown(view.unlisted)}\n`;
  for (const line of view.checks) yield `- ${escapeMarkdown(line)}\n`;
  if (view.hasRegions && options.by !== 'region') {
    const rows = regionMatrix(view, view.sort);
    yield '\n';
    yield tableRow([word('word.id'), word('word.indicator'), word('word.target'), ...view.regions.map((region) => region.label)]);
    yield `|---|---|---|${view.regions.map(() => '---|').join('')}\n`;
    const count = view.regions.length;
    const cellTexts = new MatrixCellTexts(view, escapeMarkdown);
    for (const row of rows) {
      const cells = [escapeMarkdown(row.id), escapeMarkdown(row.indicator), escapeMarkdown(row.target)];
      for (let region = 0; region < count; region++) cells.push(cellTexts.at(row, region)?.text ?? '');
      yield `| ${cells.join(' | ')} |\n`;
    }
    yield tableRow([word('view.tallies'), '', '', ...view.regions.map((region) => region.short)]);
    yield `\n${escapeMarkdown(word('view.legend'))}\n`;
    if (view.doubtLegend) yield `\n${escapeMarkdown(view.doubtLegend)}\n`;
    // Handed on 32 lines at a time, as the table hands on its lines off track: one step through the generators for many lines.
    let piece = '';
    let lines = 0;
    for (const line of offTrackLines(view, rows, offTrackWords(lang, false), escapeMarkdown)) {
      if (lines === 0) piece = '\n';
      piece += `- ${ICONS[line.tone]} ${line.text}\n`;
      if (++lines % 32 === 0) {
        yield piece;
        piece = '';
      }
    }
    if (piece !== '') yield piece;
  } else {
    let group: string | null = null;
    for (const v of view.results()) {
      const title = view.sort === 'status' ? '' : view.groupTitle(v.group);
      const key = `${v.result.region}\u0000${title}`;
      if (key !== group) {
        group = key;
        const region = view.hasRegions ? (v.region || word('word.no-region')) : '';
        const heading = [region, title].filter((part) => part !== '').join(' · ') || word('word.summary');
        yield `\n### ${escapeMarkdown(heading)}\n\n`;
        yield tableRow(['word.id', 'word.indicator', 'word.target', 'word.actual', 'word.gap', 'word.status', 'view.reason'].map((c) => word(c as MessageCode)));
        yield '|---|---|---|---:|---:|---|---|\n';
      }
      yield `| ${[v.id, v.indicator, v.target, v.actual, v.gap].map(escapeMarkdown).join(' | ')} | ${ICONS[v.tone]} ${escapeMarkdown(v.status)} | ${escapeMarkdown(noteOf(v, lang))} |\n`;
    }
  }
  if (view.verdict) yield `\n**${escapeMarkdown(view.verdict)}**\n`;
};
