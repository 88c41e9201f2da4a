import { formatMessage, type MessageCode } from '../messages.js';
import { ByteChunks, chunkTexts } from './byte-chunks.js';
import type { ChunkFormatter, FormatOptions, Formatter } from './formatter.js';
import { GrowingBytes } from './growing-bytes.js';
import { LineBytes } from './line-bytes.js';
import { MatrixCellTexts } from './matrix-cell-texts.js';
import { OffTrackLineReader, offTrackWords } from './off-track-lines.js';
import { regionMatrix } from './region-matrix.js';
import type { Report } from '../report/types.js';
import { escapeMarkdown } from './sanitize.js';
import { noteOf, viewReport, type Tone } from './view.js';

/** A table cell safe in Markdown: controls escaped, HTML and link syntax inert, pipes escaped. */
export const markdownCell = escapeMarkdown;

const ICONS: Record<Tone, string> = { bad: '❌', warn: '⚠️', moderate: '🔸', neutral: 'ℹ️', good: '✅' };

function tableRow(cells: string[]): string {
  return `| ${cells.map(escapeMarkdown).join(' | ')} |\n`;
}

/** The Markdown's pieces of text, the matrix's rows and lines off track appended to `out` as UTF-8 in between; stops whenever `out` may hold a chunk's worth. */
function* markdownPieces(report: Report, options: FormatOptions, out: ByteChunks): Generator<string> {
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
    // A row as UTF-8: its target's three cells escaped and encoded once, then each region's cell written from its template's bytes.
    const line = new GrowingBytes(count * 16 + 256);
    for (const row of rows) {
      line.reset();
      line.text(`| ${escapeMarkdown(row.id)} | ${escapeMarkdown(row.indicator)} | ${escapeMarkdown(row.target)}`);
      for (let region = 0; region < count; region++) {
        line.bytes(SEPARATOR);
        cellTexts.write(row, region, line);
      }
      line.bytes(ROW_END);
      out.bytes(line.view());
      if (out.full) yield '';
    }
    yield tableRow([word('view.tallies'), '', '', ...view.regions.map((region) => region.short)]);
    yield `\n${escapeMarkdown(word('view.legend'))}\n`;
    if (view.doubtLegend) yield `\n${escapeMarkdown(view.doubtLegend)}\n`;
    // A line off track spliced from its target's template is written from its bytes, its text
    // never made; lines are assembled in `lines` and handed to `out` 32 at a time.
    let written = 0;
    const lines = new LineBytes(16 * 1024);
    const reader = new OffTrackLineReader(view, rows, offTrackWords(lang, false), escapeMarkdown);
    const offTrack = reader.line;
    while (reader.next()) {
      if (written === 0) lines.byte(NEWLINE);
      lines.bytes(ICON_BYTES[offTrack.tone]);
      offTrack.writeBytes(lines);
      lines.byte(NEWLINE);
      if (++written % 32 === 0) {
        out.bytes(lines.view());
        lines.reset();
        if (out.full) yield '';
      }
    }
    if (lines.length > 0) out.bytes(lines.view());
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
}

const SEPARATOR = Buffer.from(' | ', 'utf8');
const ROW_END = Buffer.from(' |\n', 'utf8');
const NEWLINE = 10;
const ICON_BYTES: Record<Tone, Uint8Array> = { bad: itemBytes('bad'), warn: itemBytes('warn'), moderate: itemBytes('moderate'), neutral: itemBytes('neutral'), good: itemBytes('good') };

/** A list item's start and a tone's icon, as UTF-8. */
function itemBytes(tone: Tone): Uint8Array {
  return Buffer.from(`- ${ICONS[tone]} `, 'utf8');
}

/** Markdown as UTF-8 chunks (`ChunkFormatter`): its pieces encoded as they come, the matrix's cells and lines off track written from bytes encoded once. */
export const markdownChunks: ChunkFormatter = function* (report, options) {
  const out = new ByteChunks();
  for (const piece of markdownPieces(report, options, out)) {
    out.text(piece);
    if (out.full) yield out.take();
  }
  if (out.length > 0) yield out.take();
};

/**
 * A summary and per-action tables with a reason column, fit for a pull-request comment or a
 * document; with regions, one indicator × region table and the results off track with their
 * reasons. Every piece of input text is escaped (no HTML, links or comments from a cell). The
 * text of `markdownChunks`, a chunk at a time.
 */
export const formatMarkdown: Formatter = (report, options) => chunkTexts(markdownChunks(report, options));
