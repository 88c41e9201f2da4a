import { describe, expect, it } from 'vitest';
import type { Lang } from '../messages.js';
import { seededRandom } from '../seeded-random.test-helper.js';
import { ByteChunks } from './byte-chunks.js';
import { plainLevelTargets } from './final-cells.test-helper.js';
import { offTrackWords } from './off-track-lines.js';
import { offTrackMatrix } from './off-track-matrix.test-helper.js';
import { painter, type Painter } from './paint.js';
import { isOffTrackOrFailing, viewOffTrack } from './view-result.js';
import { movesOf, utf8Cuts, writeOffTrackLines } from './write-off-track-lines.js';
import { wrapText } from './wrap-text.js';

// Rule: a line cut from a spliced text is copied from the text's UTF-8 at the offsets of its
// lines, so each offset must be the UTF-8 length of the text before the line's start or end as
// `wrapText` cut it; and the lines laid out one after another move left, right or both ways.

const PARTS = ['✗ ', ' M1.1 规上工业产值:未达标;比目标少 ', '亿元(完成度 ', '%)', 'abc', '', 'é€', ' ', '  ', '丹东街道0001村', '3.74', '-12.5', 'Ω', 'word ', 'x'.repeat(30)];

describe('utf8Cuts', () => {
  it('gives the UTF-8 start and end of each line wrapText gives, for random texts and widths', () => {
    const random = seededRandom(31);
    let cut = 0;
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const parts = 1 + Math.floor(random() * 9);
      for (let i = 0; i < parts; i++) text += PARTS[Math.floor(random() * PARTS.length)]!;
      const width = 1 + Math.floor(random() * 40);
      const lines = wrapText(text, width);
      const ends = utf8Cuts(text, width);
      // These texts hold no character wrapping drops besides spaces: every line is a slice of the text.
      expect(ends, text).not.toBeNull();
      if (ends === null) continue;
      const bytes = Buffer.from(text, 'utf8');
      expect(ends.length).toBe(2 * lines.length);
      lines.forEach((line, i) => expect(bytes.subarray(ends[2 * i]!, ends[2 * i + 1]!).toString('utf8'), text).toBe(line));
      // Between the lines and after the last: spaces only.
      for (let i = 0; i <= lines.length; i++) {
        const gap = bytes.subarray(i === 0 ? 0 : ends[2 * i - 1]!, i === lines.length ? bytes.length : ends[2 * i]!).toString('utf8');
        expect(gap, text).toMatch(/^ *$/);
      }
      if (lines.length > 1) cut++;
    }
    expect(cut).toBeGreaterThan(1000);
  });

  it('says which way the lines move: left when cut at single spaces, right when cut between characters', () => {
    // 'ab cd' cut into 'ab', 'cd': 'cd' starts at 3, laid out at 3 (after 'ab\n').
    expect(movesOf(Int32Array.from([0, 2, 3, 5]))).toBe(-1);
    // Two spaces dropped: 'cd' moves left.
    expect(movesOf(Int32Array.from([0, 2, 4, 6]))).toBe(-1);
    // Cut between two characters: the second line moves right by its newline.
    expect(movesOf(Int32Array.from([0, 3, 3, 6]))).toBe(1);
    // Both.
    expect(movesOf(Int32Array.from([0, 3, 3, 6, 9, 10]))).toBe(0);
  });
});

// Rule: the table's lines off track are each line's words wrapped by `wrapText` at the width and
// painted line by line, whatever path wrote them (a template's bytes cut at the byte offsets its
// shape's first line had, a line of its own, or text wrapped afresh).

const NAMES = ['a\u001b[31mred', 'b\u202eevil', 'pipe|name', '宽字符村名很长很长很长很长', 'e\u0301', '😀村', 'trail:', '', '\u200bzw', 'Ω≈ç', 'x'.repeat(30)];

/** What `writeOffTrackLines` writes, as text: the chunks it hands out joined. */
function written(m: ReturnType<typeof offTrackMatrix>, lang: Lang, width: number, paint: Painter): string {
  const out = new ByteChunks(4096);
  const chunks: Buffer[] = [];
  for (const _ of writeOffTrackLines({ ...m.view, lang }, m.rows, width, paint, out)) if (out.full) chunks.push(Buffer.from(out.take()));
  chunks.push(Buffer.from(out.take()));
  return Buffer.concat(chunks).toString('utf8');
}

/** The same lines worded the general way, each wrapped by `wrapText` and painted in its tone. */
function expectedLines(m: ReturnType<typeof offTrackMatrix>, lang: Lang, width: number, paint: Painter): string {
  const words = offTrackWords(lang, true);
  let text = '';
  for (const row of m.rows) {
    for (let region = 0; region < m.view.regions.length; region++) {
      const key = row.key(region);
      if (key < 0 || !isOffTrackOrFailing(m.listed.get(key))) continue;
      const v = viewOffTrack(m.listed.get(key), lang, m.view.doubts);
      for (const line of wrapText(words(v, lang), width)) text += `${paint.tone(v.tone, line)}\n`;
    }
  }
  return text === '' ? '' : `\n${text}`;
}

describe('writeOffTrackLines', () => {
  it('writes each line wrapped as wrapText wraps it, for random figures, names, languages, widths and painters', () => {
    const random = seededRandom(57);
    // Most names of one shape, so that lines of one shape recur and are cut from their shape's offsets.
    const names = (): string => (random() < 0.25 ? NAMES[Math.floor(random() * NAMES.length)]! : `丹东街道${10 + Math.floor(random() * 90)}村`);
    let compared = 0;
    for (const lang of ['zh', 'en'] as const) {
      const m = offTrackMatrix(random, [...plainLevelTargets(), ...plainLevelTargets()], 80, names, true);
      for (const width of [1, 12, 30, 41, 80, 140]) {
        for (const paint of [painter(false), painter(true)]) {
          const expected = expectedLines(m, lang, width, paint);
          expect(expected.split('\n').length).toBeGreaterThan(300);
          expect(written(m, lang, width, paint), `${lang} ${width}`).toBe(expected);
          compared++;
        }
      }
    }
    expect(compared).toBe(24);
  });

  it('writes lines of results held in an array (no cells) the same way, and nothing when no result is off track', () => {
    const random = seededRandom(8);
    const m = offTrackMatrix(random, plainLevelTargets(), 30, () => `石浦镇${Math.floor(random() * 9)}`, false);
    expect(written(m, 'zh', 40, painter(false))).toBe(expectedLines(m, 'zh', 40, painter(false)));
    const none = offTrackMatrix(random, plainLevelTargets(), 3, () => '西周镇', true);
    const quiet = { ...none, rows: none.rows.map(() => ({ key: () => -1 })) };
    expect(written(quiet, 'en', 80, painter(false))).toBe('');
  });
});
