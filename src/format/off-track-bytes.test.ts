import { describe, expect, it } from 'vitest';
import type { Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import { emptyCell, resultOfCell, type ListedCell } from '../report/listed-results.js';
import { seededRandom } from '../seeded-random.test-helper.js';
import { ByteChunks, utf8 } from './byte-chunks.js';
import { finalCell, levelTarget, plainLevelTargets, shortDecimalFigure, wildFigure } from './final-cells.test-helper.js';
import { describeResult } from './findings.js';
import { OffTrackBytes } from './off-track-bytes.js';
import { shapeKey } from './off-track-sentences.js';
import { OffTrackSentences } from './off-track-sentences.js';
import { prettyJson } from './pretty-json.js';
import { escapeControls, escapeJsonText, escapeXml } from './sanitize.js';
import { viewResult } from './view.js';

// Rule: the sentence of a final level written from byte pieces kept per target and shape is,
// byte for byte, what OffTrackSentences writes (and so the sentence worded in full, escaped), for
// every comparator, unit, status, severity, source, language and escaping, hostile plan text and
// region names, short and wild figures; what it cannot write so it leaves to OffTrackSentences
// (same answer: false, nothing appended, when that one says false).

const ESCAPES: Record<string, (text: string) => string> = {
  xml: escapeXml,
  json: (text) => prettyJson(text, 0, escapeJsonText).slice(1, -1),
};

const HOSTILE = ['a\u001b[31mred', 'b\u202eevil', 'c]]>d', 'e::f', 'g"q"h', "i'j&<x>", '丹东::街道', ':lead', 'trail:', 'k%0Al%', '\u200bzw', '\ud800lone', 'a\ue000b\ue003', ''];

function targets(): Target[] {
  return [
    ...plainLevelTargets(),
    levelTarget('>=', 1200, '亿:元', { indicator: '象山\u202e县::<b>&"\'%\u001b[31m工业:', indicatorEn: 'Gross \u202eoutput <x> & "y" %0A:', id: 'M::<1>' }),
    levelTarget('<', 15, ':万元', { indicator: ':lead', indicatorEn: ':lead' }),
    levelTarget('range', [0.001, 0.0025], '%', { indicator: 'x]]>y', indicatorEn: 'x]]>y' }),
    levelTarget('>=', 60, '%', { indicator: '带\ue002标记', indicatorEn: 'mark \ue004' }),
  ];
}

/** What a writer appends after a `>`, or null when it says false (then it must have appended nothing). */
function written(write: (out: ByteChunks) => boolean): Buffer | null {
  const out = new ByteChunks(256);
  out.ascii('>');
  if (!write(out)) {
    expect(out.length).toBe(1);
    return null;
  }
  return Buffer.from(out.take()).subarray(1);
}

function compare(seed: number, rounds: number, figureOf: (random: () => number, t: Target) => number): { fast: number; total: number } {
  const random = seededRandom(seed);
  const all = targets();
  let fast = 0;
  let total = 0;
  for (const lang of ['zh', 'en'] as Lang[]) {
    for (const [name, escape] of Object.entries(ESCAPES)) {
      const bytes = new OffTrackBytes(lang, escape);
      const sentences = new OffTrackSentences(lang, escape);
      for (let i = 0; i < rounds; i++) {
        const t = all[Math.floor(random() * all.length)]!;
        const region = random() < 0.3 ? HOSTILE[Math.floor(random() * HOSTILE.length)]! : `丹东街道${Math.floor(random() * 50)}村`;
        const severity = (['failure', 'warning', 'info'] as const)[Math.floor(random() * 3)]!;
        const cell = finalCell(t, region, figureOf(random, t), severity, random() < 0.5 ? 'plan' : 'intensive_plan');
        if (random() < 0.1) cell.year = t.year - 1;
        if (random() < 0.05) cell.figureSource = 'derived';
        const expected = written((out) => sentences.write(cell, out));
        // Half the cells are given their region's bytes, as JUnit gives them.
        const region_ = random() < 0.5 ? utf8(escape(escapeControls(cell.region))) : undefined;
        const got = written((out) => bytes.write(cell, out, region_));
        const label = `${name} ${lang} ${t.id} ${JSON.stringify(cell.region)} ${cell.value}`;
        total++;
        if (expected === null) {
          expect(got, label).toBeNull();
          continue;
        }
        expect(got?.toString('utf8'), label).toBe(expected.toString('utf8'));
        expect(got!.equals(expected), label).toBe(true);
        // And both are the sentence worded in full.
        expect(expected.equals(Buffer.from(escape(describeResult(viewResult(resultOfCell(cell), lang), lang)), 'utf8')), label).toBe(true);
        fast++;
      }
    }
  }
  return { fast, total };
}

describe('off-track sentences from byte pieces per target and shape', () => {
  it('property: short decimal figures, hostile names and plan text: the bytes OffTrackSentences writes', () => {
    const { fast, total } = compare(1515, 1500, shortDecimalFigure);
    expect(total).toBe(2 * 2 * 1500);
    // Nearly all are written: only names and plan text that could make `::`, or marks, fall back.
    expect(fast).toBeGreaterThan(total * 0.6);
  });

  it('property: wild figures (long decimals, huge, tiny, a hair from the line): the same bytes, or the same refusal', () => {
    const { fast } = compare(2727, 1500, wildFigure);
    expect(fast).toBeGreaterThan(100);
  });

  it('falls back for what is not a final level with a figure in a named region, as OffTrackSentences does', () => {
    const [t] = targets();
    const bytes = new OffTrackBytes('en', escapeXml);
    const notJudged = emptyCell();
    Object.assign(notJudged, { target: t, region: '甲镇' });
    expect(written((out) => bytes.write(notJudged, out))).toBeNull();
    const noRegion = finalCell(t!, '', 1, 'failure', 'plan');
    expect(written((out) => bytes.write(noRegion, out))).toBeNull();
    const noFigure = { ...finalCell(t!, '甲镇', 1, 'failure', 'plan'), hasActual: false };
    expect(written((out) => bytes.write(noFigure, out))).toBeNull();
  });

  it('a plan text holding a mark is left to the general way (false, as OffTrackSentences says), cell after cell', () => {
    const marked = levelTarget('>=', 60, '%', { indicator: '带\ue001标记', indicatorEn: 'mark \ue001' });
    for (const lang of ['zh', 'en'] as Lang[]) {
      const bytes = new OffTrackBytes(lang, escapeXml);
      for (const value of [12.5, 13.25, 59.9]) {
        const cell = finalCell(marked, '甲镇', value, 'failure', 'plan');
        expect(written((out) => bytes.general.write(cell, out))).toBeNull();
        expect(written((out) => bytes.write(cell, out))).toBeNull();
      }
    }
  });

  it('shapeKey tells apart every field that decides the words', () => {
    const [t] = targets();
    const base = finalCell(t!, '甲镇', 1, 'failure', 'plan');
    const variants: Partial<ListedCell>[] = [
      { severity: 'warning' }, { severity: 'info' }, { status: 'met' }, { targetSource: 'intensive_plan' }, { targetSource: 'decomposed' }, { targetSource: null },
      { gap: null }, { gap: 0 }, { attainment: null }, { year: t!.year - 1 }, { figureSource: 'derived' },
    ];
    const keys = new Set([shapeKey(base), ...variants.map((v) => shapeKey({ ...base, ...v }))]);
    expect(keys.size).toBe(variants.length + 1);
    const band = levelTarget('range', [10, 20], '%');
    expect(shapeKey(finalCell(band, '甲镇', 25, 'failure', 'plan'))).not.toBe(shapeKey(finalCell(band, '甲镇', 5, 'failure', 'plan')));
  });
});
