import { describe, expect, it } from 'vitest';
import type { Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import { seededRandom } from '../seeded-random.test-helper.js';
import { finalCell, levelTarget, plainLevelTargets } from './final-cells.test-helper.js';
import { listedOver, NO_DOUBTS, offTrackMatrix as matrix } from './off-track-matrix.test-helper.js';
import type { FigureDoubts } from './find-doubts.js';
import { LineBytes } from './line-bytes.js';
import { OffTrackLineReader, offTrackKeys, offTrackWords, type LineRow, type LineWords, type LinesView, type OffTrackLine } from './off-track-lines.js';
import { escapeMarkdown } from './sanitize.js';
import { isOffTrackOrFailing, isOffTrackOrFailingAt, viewOffTrack } from './view-result.js';
import { STATUSES } from '../report/types.js';

// Rule: a line of the results off track (the table's and Markdown's, under the matrix) is byte for
// byte the line worded the general way (`viewOffTrack` of the built result, the line's words, the
// format's escaping), with the same tone, whether it was spliced from its target's template or not;
// for every comparator, unit, status, severity, language, hostile plan text and region name.

const PLAIN: Target[] = plainLevelTargets();

const HOSTILE_PLAN: Target[] = [
  // Markdown and terminal syntax, bidi, `::`, `://`, `www.` and a trailing `:` in the plan's words and units.
  levelTarget('>=', 1200, 'www.x', { indicator: '象山\u202e县::<b>|`工业`*_:', indicatorEn: 'Gross \u202eoutput <x> | `y` [a](http://e.com) www.z:', id: 'M::|<1>' }),
  levelTarget('<', 15, '://万元', { indicator: ':lead', indicatorEn: ':lead' }),
  levelTarget('range', [0.001, 0.0025], '%', { indicator: 'x]]>y~', indicatorEn: '#x @y &amp;' }),
  // A plan text holding the template's private-use marks: always worded the general way.
  levelTarget('>=', 10, '个', { indicatorEn: 'value \ue001 added', indicator: '值\ue000' }),
];

const NAMES = ['a\u001b[31mred', 'b\u202eevil', 'e::f', 'pipe|name', 'back`tick`', '<script>', '宽字符村名很长', 'e\u0301', '😀村', ':lead', 'trail:', 'www.x', 'http://y', '*b*_', '', '\u200bzw', 'x\\y'];

/** The lines worded the general way, in the matrix's order: every result off track or failing built and viewed in full. */
function generalLines(m: ReturnType<typeof matrix>, lang: Lang, withSymbol: boolean, escape: (text: string) => string): Worded[] {
  const words = offTrackWords(lang, withSymbol);
  const lines: Worded[] = [];
  for (const row of m.rows) {
    for (let region = 0; region < m.view.regions.length; region++) {
      const key = row.key(region);
      if (key < 0 || !isOffTrackOrFailing(m.listed.get(key))) continue;
      const v = viewOffTrack(m.listed.get(key), lang, m.view.doubts);
      lines.push({ text: escape(words(v, lang)), tone: v.tone });
    }
  }
  m.listed.built = 0;
  return lines;
}

/** A line's words and tone. */
type Worded = { text: string; tone: OffTrackLine['tone'] };

let splicedLines = 0;

/** The lines an `OffTrackLineReader` makes, one after the other (its one line object each time). */
function* offTrackLines(view: LinesView, rows: readonly LineRow[], words: LineWords, escape: (text: string) => string): Generator<OffTrackLine> {
  const reader = new OffTrackLineReader(view, rows, words, escape);
  while (reader.next()) yield reader.line;
}

/**
 * Each line's words copied as it is yielded (the generator hands on one object again and again);
 * a spliced line's pieces and fills, one after the other, are its text.
 */
function collect(lines: Iterable<OffTrackLine>): Worded[] {
  const out: Worded[] = [];
  const fills: string[] = [];
  const bytes = new LineBytes(64);
  for (const line of lines) {
    const pieces = line.pieces(fills);
    if (pieces) {
      let text = pieces[0]!;
      for (let i = 0; i < fills.length; i++) text += fills[i]! + pieces[i + 1]!;
      expect(text).toBe(line.text());
      expect(pieces).toHaveLength(fills.length + 1);
      splicedLines++;
    }
    // Its UTF-8, written from its template's bytes when spliced, is its text's.
    bytes.reset();
    line.writeBytes(bytes);
    expect(Buffer.from(bytes.view()).equals(Buffer.from(line.text(), 'utf8'))).toBe(true);
    out.push({ text: line.text(), tone: line.tone });
  }
  return out;
}

function linesOf(m: ReturnType<typeof matrix>, lang: Lang, withSymbol: boolean, escape: (text: string) => string): Worded[] {
  return collect(offTrackLines({ ...m.view, lang }, m.rows, offTrackWords(lang, withSymbol), escape));
}

const FORMATS = { table: [true, (text: string) => text], markdown: [false, escapeMarkdown] } as const;

describe('lines of the results off track', () => {
  it('equal the lines worded the general way for random figures, comparators, names, languages and formats', () => {
    const random = seededRandom(4);
    for (const lang of ['zh', 'en'] as const) {
      for (const [name, [withSymbol, escape]] of Object.entries(FORMATS)) {
        const m = matrix(random, [...PLAIN, ...HOSTILE_PLAN], 60, () => (random() < 0.3 ? NAMES[Math.floor(random() * NAMES.length)]! : `丹东街道${Math.floor(random() * 50)}村`), true);
        const expected = generalLines(m, lang, withSymbol, escape);
        const lines = linesOf(m, lang, withSymbol, escape);
        expect(lines.length).toBeGreaterThan(200);
        lines.forEach((line, i) => expect(line, `${name} ${lang} line ${i}`).toEqual(expected[i]));
        expect(lines).toHaveLength(expected.length);
        // The plain plan's lines come from templates: few results are built (a region '', a marked plan text, names beside `:`).
        expect(m.listed.built).toBeLessThan(lines.length * 0.5);
        expect(splicedLines).toBeGreaterThan(0);
        splicedLines = 0;
      }
    }
  });

  it('words lines by hand: the table with its symbol, Markdown escaped', () => {
    const t = levelTarget('>=', 3.4, '%');
    const cells = [finalCell(t, '石浦镇', 3.1, 'failure', 'plan'), finalCell(t, 'a|b', 3.5, 'failure', 'plan'), finalCell(t, '', 3.0, 'warning', 'plan')];
    const listed = listedOver(cells, true);
    const view: LinesView = { listed, lang: 'en', doubts: NO_DOUBTS, regions: new Array(3).fill(null) as LinesView['regions'] };
    const rows = [{ key: (region: number) => region }];
    const table = collect(offTrackLines(view, rows, offTrackWords('en', true), (text) => text));
    expect(table).toEqual([
      { text: `✗ 石浦镇 M${t.index}.1 Indicator ${t.index}: not met; 0.3 percentage points short of the target (91.2% attained)`, tone: 'bad' },
      { text: `! (no region) M${t.index}.1 Indicator ${t.index}: not met (warning); 0.4 percentage points short of the target (88.2% attained)`, tone: 'warn' },
    ]);
    const zh = collect(offTrackLines({ ...view, lang: 'zh' }, [{ key: (r: number) => (r === 0 ? 1 : -1) }, { key: (r: number) => (r === 0 ? 0 : -1) }], offTrackWords('zh', false), escapeMarkdown)).map((line) => line.text);
    // The met result in a|b is not off track; 石浦镇's line has no symbol in Markdown (its icon is the format's).
    expect(zh).toEqual([`石浦镇 M${t.index}.1 指标${t.index}:未达标;比目标少 0.3 个百分点(完成度 91.2%)`]);
  });

  it('words the general way a doubted figure, results without cells, and a plan text holding the marks', () => {
    const random = seededRandom(9);
    const doubts: FigureDoubts = { size: 1, of: (result) => (result.actual!.value < 0 ? '⚠ doubted' : '') };
    const doubted = matrix(random, PLAIN, 30, () => `村${Math.floor(random() * 9)}`, true, doubts);
    const expected = generalLines(doubted, 'en', true, (text) => text);
    const lines = linesOf(doubted, 'en', true, (text) => text);
    expect(lines).toEqual(expected);
    expect(lines.some((line) => line.text.includes('⚠ doubted'))).toBe(true);
    // Results held in an array (no `cell`): every one built and worded in full, the same lines.
    const held = matrix(seededRandom(2), PLAIN, 20, () => '西周镇', false);
    const heldExpected = generalLines(held, 'zh', false, escapeMarkdown);
    const heldLines = linesOf(held, 'zh', false, escapeMarkdown);
    expect(heldLines).toEqual(heldExpected);
    expect(held.listed.built).toBe(heldLines.length);
    // Marks in the plan's words: no template can be cut, each line is built and worded in full.
    const marked = matrix(seededRandom(3), [HOSTILE_PLAN[3]!], 40, () => '石浦镇', true);
    const markedExpected = generalLines(marked, 'en', true, (text) => text);
    const markedLines = linesOf(marked, 'en', true, (text) => text);
    expect(markedLines).toEqual(markedExpected);
    expect(markedLines.length).toBeGreaterThan(0);
    expect(marked.listed.built).toBe(markedLines.length);
  });

  it('tells a key off track by its status and severity, from keys by status or from each key\'s own', () => {
    const random = seededRandom(12);
    const severities = ['ok', 'info', 'warning', 'failure'] as const;
    const cells = Array.from({ length: 5000 }, () => ({ status: STATUSES[Math.floor(random() * STATUSES.length)]!, severity: severities[Math.floor(random() * 4)]! }));
    const own = { status: (key: number) => cells[key]!.status, severity: (key: number) => cells[key]!.severity };
    const byStatus = { ...own, keysOf: (accept: (s: (typeof cells)[0]['status'], v: (typeof cells)[0]['severity']) => boolean) => [...cells.keys()].filter((key) => accept(cells[key]!.status, cells[key]!.severity)) };
    for (const listed of [own, byStatus]) {
      const offTrack = offTrackKeys(listed as unknown as Parameters<typeof offTrackKeys>[0]);
      cells.forEach((cell, key) => expect(offTrack(key), `${cell.status} ${cell.severity}`).toBe(isOffTrackOrFailingAt(cell.status, cell.severity)));
      // A key past the last one listed by status is not off track.
      if (listed === byStatus) expect(offTrack(cells.length + 5000)).toBe(false);
    }
    expect(cells.filter((cell) => isOffTrackOrFailingAt(cell.status, cell.severity)).length).toBeGreaterThan(500);
  });
});
