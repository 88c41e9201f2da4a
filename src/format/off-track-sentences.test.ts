import { describe, expect, it } from 'vitest';
import type { Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import { emptyCell, resultOfCell, type ListedCell } from '../report/listed-results.js';
import { seededRandom } from '../seeded-random.test-helper.js';
import { finalCell, levelTarget, plainLevelTargets, shortDecimalFigure, wildFigure } from './final-cells.test-helper.js';
import { ByteChunks } from './byte-chunks.js';
import { describeResult } from './findings.js';
import { OffTrackSentences } from './off-track-sentences.js';
import { LineBytes } from './line-bytes.js';
import { plainShape } from './plain-shape.js';
import { prettyJson } from './pretty-json.js';
import { escapeJsonText, escapeWorkflowData, escapeXml } from './sanitize.js';
import { viewResult } from './view.js';

// Rule: the sentence of a final level worded from its target's template, its region and numbers
// spliced in, is byte for byte the sentence worded in full (`describeResult` of `viewResult`,
// then the format's escaping), for every comparator, unit, status, language and escaping; where
// the template cannot be proven equal it gives null and the caller words it in full.

const ESCAPES: Record<string, (text: string) => string> = {
  text: (text) => text,
  xml: escapeXml,
  workflow: escapeWorkflowData,
  json: (text) => prettyJson(text, 0, escapeJsonText).slice(1, -1),
};

const HOSTILE = ['a\u001b[31mred', 'b\u202eevil', 'c]]>d', 'e::f', 'g"q"h', "i'j&<x>", '丹东::街道', ':lead', 'trail:', 'k%0Al%', 'm\nn\r', '\u200bzw', '=cmd', 'x\\y', '\ud800lone', 'a\ue000b\ue003'];

const TARGETS: Target[] = [
  ...plainLevelTargets(),
  // Hostile plan text: controls, bidi, markup, `%`, quotes, `::` across pieces, a trailing `:`.
  levelTarget('>=', 1200, '亿:元', { indicator: '象山\u202e县::<b>&"\'%\u001b[31m工业:', indicatorEn: 'Gross \u202eoutput <x> & "y" %0A:', id: 'M::<1>' }),
  levelTarget('<', 15, ':万元', { indicator: ':lead', indicatorEn: ':lead' }),
  levelTarget('range', [0.001, 0.0025], '%', { indicator: 'x]]>y', indicatorEn: 'x]]>y' }),
];

function general(cell: ListedCell, lang: Lang, escape: (text: string) => string): string {
  return escape(describeResult(viewResult(resultOfCell(cell), lang), lang));
}

/** The bytes `write` appends after a `>`, or null (then it must have appended nothing). */
function bytesOf(sentences: OffTrackSentences, cell: ListedCell): Buffer | null {
  const out = new ByteChunks(1024);
  out.ascii('>');
  if (!sentences.write(cell, out)) {
    expect(out.length).toBe(1);
    return null;
  }
  return Buffer.from(out.take()).subarray(1);
}

describe('off-track sentences from per-target templates', () => {
  /**
   * For random targets, regions (a share of them hostile), severities and target sources, with
   * figures from `figureOf`: each sentence spliced equals the one worded in full, as text and as
   * UTF-8 (a lone surrogate as U+FFFD, as a byte-written format encodes the general sentence), and
   * nearly all are spliced (only plan text or names that could make `::` fall back).
   */
  function expectSpliced(seed: number, rounds: number, hostileShare: number, figureOf: (random: () => number, t: Target) => number): void {
    const random = seededRandom(seed);
    let spliced = 0;
    let total = 0;
    for (const lang of ['zh', 'en'] as const) {
      for (const [name, escape] of Object.entries(ESCAPES)) {
        const sentences = new OffTrackSentences(lang, escape);
        for (let i = 0; i < rounds; i++) {
          const t = TARGETS[Math.floor(random() * TARGETS.length)]!;
          const value = figureOf(random, t);
          const region = random() < hostileShare ? HOSTILE[Math.floor(random() * HOSTILE.length)]! : `丹东街道${Math.floor(random() * 50)}村`;
          const severity = (['failure', 'warning', 'info'] as const)[Math.floor(random() * 3)]!;
          const cell = finalCell(t, region, value, severity, random() < 0.5 ? 'plan' : 'intensive_plan');
          const expected = general(cell, lang, escape);
          const text = sentences.text(cell);
          total++;
          if (text === null) continue;
          spliced++;
          expect(text, `${name} ${lang} ${t.id} ${cell.value}`).toBe(expected);
          expect(bytesOf(sentences, cell)!.equals(Buffer.from(expected, 'utf8')), `${name} ${lang} ${t.id} ${cell.value}`).toBe(true);
        }
      }
    }
    expect(spliced).toBeGreaterThan(total * 0.8);
  }

  it('equal the sentence worded in full for random figures, comparators, statuses, languages and escapings', () => {
    expectSpliced(15, 1000, 0.3, wildFigure);
  });

  it('equal the sentence worded in full for figures of 0–4 decimals (their numbers spliced as digits), near the line too', () => {
    expectSpliced(16, 600, 0.2, shortDecimalFigure);
  });

  it('words by hand the sentence of a final level off track', () => {
    const t = levelTarget('>=', 3.4, '%');
    const cell = finalCell(t, '丹东街道', 3.1, 'failure', 'plan');
    const sentences = new OffTrackSentences('en', escapeXml);
    expect(sentences.text(cell)).toBe(`[丹东街道] Indicator ${t.index}: not met; actual 3.1, target ≥ 3.4 %, gap -0.3; 0.3 percentage points short of the target (91.2% attained)`);
    const zh = new OffTrackSentences('zh', escapeWorkflowData);
    const near = finalCell(t, 'a%b', 3.3999999999999, 'failure', 'intensive_plan');
    expect(zh.text(near)).toBe(`[a%25b] 指标${t.index}:未达标,实际 3.3999999999999,目标 ≥ 3.4 %25(县级目标),差距 -0.0000000000001;县级目标 ≥ 3.4 %25;比目标少 0.0000000000001 个百分点(完成度 99.9%25)`);
  });

  it('falls back to the general path where the template cannot be proven equal', () => {
    const sentences = new OffTrackSentences('en', escapeXml);
    const marked = levelTarget('>=', 10, '个', { indicatorEn: 'value \ue001 added' });
    const cell = finalCell(marked, '丹东街道', 3, 'failure', 'plan');
    // A plan text holding the marks: no template; the general sentence keeps the mark as text.
    expect(sentences.text(cell)).toBeNull();
    expect(general(cell, 'en', escapeXml)).toContain('value \ue001 added');
    const t = levelTarget('>=', 10, '个');
    expect(sentences.text(finalCell(t, '', 3, 'failure', 'plan'))).toBeNull();
    // A figure that is not a finite number: no actual to splice.
    const nan = finalCell(t, '丹东街道', 3, 'failure', 'plan');
    Object.assign(nan, { value: Number.NaN, gap: null, attainment: null });
    expect(sentences.text(nan)).toBeNull();
    const notJudged = emptyCell();
    Object.assign(notJudged, { target: t, region: '丹东街道', hasActual: true, year: 2025, value: 3 });
    expect(sentences.text(notJudged)).toBeNull();
    expect(bytesOf(sentences, notJudged)).toBeNull();
    // The same target still words its other cells from the template.
    expect(sentences.text(finalCell(t, '丹东街道', 3, 'failure', 'plan'))).toBe(general(finalCell(t, '丹东街道', 3, 'failure', 'plan'), 'en', escapeXml));
  });

  it('falls back for a name beside a piece that could make `::` with it', () => {
    const sentences = new OffTrackSentences('en', escapeWorkflowData);
    const t = levelTarget('>=', 10, '个');
    // The region's piece is `[`…`] `: no `:` beside it, so a name starting or ending with `:` is spliced, escaped alone.
    const cell = finalCell(t, ':a:', 3, 'failure', 'plan');
    expect(sentences.text(cell)).toBe(general(cell, 'en', escapeWorkflowData));
  });

  // Rule: a matrix's line (`prepare` with the region's column) gives its sentence's columns and
  // shape without its text: its columns are the text's as wrapping measures them (-1 when it
  // holds a character wrapping may drop), two sentences of one shape have texts of one shape
  // (`plainShape`: they wrap alike), and its bytes are its text's, whichever region held the column before.
  it('gives a matrix line\'s columns, shape and bytes as its text has them, for random cells, names and columns', () => {
    const random = seededRandom(21);
    const names = ['丹东街道01村', '石浦镇22村', 'ab', 'Xy9', '宽字符村名很长很长', 'e\u0301', '😀村', '\u200bzw', 'a b', ...HOSTILE];
    let lines = 0;
    let repeated = 0;
    for (const lang of ['zh', 'en'] as const) {
      for (const [name, escape] of Object.entries(ESCAPES)) {
        const sentences = new OffTrackSentences(lang, escape);
        const keys = new Map<string, string>();
        const shape = new Int32Array(64);
        const out = new LineBytes(64);
        // Each column mostly keeps its region; now and then another region takes it.
        const columns = Array.from({ length: 40 }, (_, i) => names[i % names.length]!);
        for (let i = 0; i < 1500; i++) {
          const at = Math.floor(random() * columns.length);
          if (random() < 0.05) columns[at] = names[Math.floor(random() * names.length)]!;
          const t = TARGETS[Math.floor(random() * TARGETS.length)]!;
          const value = random() < 0.5 ? shortDecimalFigure(random, t) : wildFigure(random, t);
          const cell = finalCell(t, columns[at]!, value, (['failure', 'warning'] as const)[Math.floor(random() * 2)]!, 'plan');
          if (!sentences.prepare(cell, at)) continue;
          lines++;
          const text = sentences.lastText();
          const where = `${name} ${lang} ${t.id} ${cell.region} ${cell.value}`;
          expect(text, where).toBe(general(cell, lang, escape));
          const plain = plainShape(text);
          expect(sentences.lastColumns(), where).toBe(plain ? plain.columns : -1);
          out.reset();
          sentences.writeLastBytes(out);
          expect(Buffer.from(out.view()).equals(Buffer.from(text, 'utf8')), where).toBe(true);
          const n = sentences.lastShape(shape);
          expect(n < 0, where).toBe(plain === null);
          if (n < 0) continue;
          const key = [...shape.subarray(0, n)].join(',');
          const known = keys.get(key);
          if (known !== undefined) repeated++;
          else keys.set(key, plain!.key);
          expect(known ?? plain!.key, where).toBe(plain!.key);
        }
      }
    }
    expect(lines).toBeGreaterThan(6000);
    expect(repeated).toBeGreaterThan(1000);
  });
});
