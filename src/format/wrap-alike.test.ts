import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.test-helper.js';
import { wrapAlike } from './wrap-alike.js';
import { wrapText } from './wrap-text.js';

/** Pieces of sentences off track as the table words them, and of hostile names and plan text. */
const WORDS = [
  '✗ ', '⚠ ', ' ', '  ', 'M1.1 ', 'G2.3', '指标', '城乡居民收入倍差', '：', ':', '；', '; ', '，', '。', '（', '）', '(', ')', '「', '」',
  '未达标', 'not met', 'short of the target by ', '实际', '目标 ≥ ', '差', '完成率 ', '%', ' %', '‰', '个', '公里', '尚未完成（力争）',
  'Share of new-energy buses in urban transport', '亿元', '/', '—', '…', 'é', 'ß', '|', '`', '<b>', 'ｱ', '한국', 'ＡＢＣ', '甲乙丙丁戊己庚',
  'x'.repeat(30), '城'.repeat(12),
];
/** Characters wrapping may drop or trim, marks of no width, astral characters, controls: a third of the templates hold some. */
const HOSTILE = ['⚠️', '😀', '\u0301', '\u200b', '\u3000', '\u00a0', '\t', '\u202e', '\u001b[31m', '\u2028', '\ufeff'];
const LETTERS = 'abcXYZ';

/** A random figure's words: digits, a point, a sign. */
function figure(random: () => number): string {
  // Mostly of a few lengths, as a run's figures are; now and then anything.
  const wild = random() < 0.1;
  const digits = wild ? Math.floor(random() * 12) + 1 : 2 + Math.floor(random() * 2);
  let text = wild && random() < 0.5 ? '-' : '';
  for (let i = 0; i < digits; i++) text += String(Math.floor(random() * 10));
  if (wild ? random() < 0.5 : digits === 2) text += `.${10 + Math.floor(random() * 90)}`;
  return text;
}

/** A region's name: Chinese, Latin, digits, sometimes hostile. */
function region(random: () => number): string {
  const kinds = ['丹东街道0001村', '石浦镇', 'Village 12', `村${1000 + Math.floor(random() * 9000)}`, `${LETTERS[Math.floor(random() * 6)]}${10 + Math.floor(random() * 90)}`];
  const name = kinds[Math.floor(random() * kinds.length)]!;
  return random() < 0.05 ? name + HOSTILE[Math.floor(random() * HOSTILE.length)]! : name;
}

/** Sentence templates: fixed pieces with slots for a region and numbers. */
function template(random: () => number): string[] {
  const pieces: string[] = [];
  const count = 2 + Math.floor(random() * 3);
  const hostile = random() < 1 / 3;
  for (let i = 0; i < count; i++) {
    let piece = '';
    const words = Math.floor(random() * 5);
    for (let k = 0; k < words; k++) piece += hostile && random() < 0.3 ? HOSTILE[Math.floor(random() * HOSTILE.length)]! : WORDS[Math.floor(random() * WORDS.length)]!;
    pieces.push(piece);
  }
  return pieces;
}

function splice(pieces: string[], random: () => number): string {
  let text = pieces[0]!;
  for (let i = 1; i < pieces.length; i++) text += (i === 1 ? region(random) : figure(random)) + pieces[i]!;
  return text;
}

describe('wrapAlike', () => {
  it('wraps every text as wrapText does, cutting texts of one shape where the first was cut (random sentences, names, figures, widths)', () => {
    const random = seededRandom(15);
    let reused = 0;
    let wider = 0;
    for (const width of [1, 3, 8, 20, 30, 47, 80, 100, 120, 200]) {
      const wrap = wrapAlike(width);
      const templates = Array.from({ length: 30 }, () => template(random));
      for (let i = 0; i < 1500; i++) {
        const text = splice(templates[Math.floor(random() * templates.length)]!, random);
        const lines = wrapText(text, width);
        expect(wrap(text), `${JSON.stringify(text)} at ${width}`).toEqual(lines);
        if (lines.length > 1) wider++;
      }
      reused += wrap.reused;
    }
    // The rule is worth having only if it applies: many texts wider than the line are cut as one of their shape was.
    expect(reused).toBeGreaterThan(wider / 3);
  });

  it('wraps a spliced text as wrapText does, its shape known from its pieces and fills (random sentences, names, figures, widths)', () => {
    const random = seededRandom(16);
    let reused = 0;
    let wider = 0;
    for (const width of [1, 5, 20, 47, 80, 100, 160]) {
      const wrap = wrapAlike(width);
      const templates = Array.from({ length: 30 }, () => template(random));
      for (let i = 0; i < 1500; i++) {
        const pieces = templates[Math.floor(random() * templates.length)]!;
        const fills = pieces.slice(1).map((_, k) => (k === 0 ? region(random) : figure(random)));
        let text = pieces[0]!;
        fills.forEach((fill, k) => (text += fill + pieces[k + 1]!));
        const lines = wrapText(text, width);
        expect(wrap.spliced(text, pieces, fills), `${JSON.stringify(text)} at ${width}`).toEqual(lines);
        if (lines.length > 1) wider++;
      }
      reused += wrap.reused;
    }
    expect(reused).toBeGreaterThan(wider / 3);
  });

  it('tells spliced texts of different pieces apart even when their fills are alike', () => {
    const wrap = wrapAlike(10);
    // Two templates (an array of pieces each) with the same fills: each cut as its own pieces say.
    const one = ['ab ', ' cdefgh ijk'];
    const two = ['abcdefgh ', ' ij k'];
    expect(wrap.spliced('ab 1 cdefgh ijk', one, ['1'])).toEqual(['ab 1', 'cdefgh ijk']);
    expect(wrap.spliced('abcdefgh 1 ij k', two, ['1'])).toEqual(['abcdefgh 1', 'ij k']);
    expect(wrap.spliced('ab 2 cdefgh ijk', one, ['2'])).toEqual(['ab 2', 'cdefgh ijk']);
    expect(wrap.reused).toBe(1);
    // A fill wrapping may trim: wrapped afresh.
    expect(wrap.spliced('ab \u3000 cdefgh ijk', one, ['\u3000'])).toEqual(wrapText('ab \u3000 cdefgh ijk', 10));
    expect(wrap.reused).toBe(1);
  });

  it('cuts texts differing only in digits, letters and ideographs at the same places', () => {
    const wrap = wrapAlike(12);
    expect(wrap('✗ 丹东街道0001村 G2.2 实际 14.99')).toEqual(['✗ 丹东街道', '0001村', 'G2.2 实', '际 14.99']);
    expect(wrap('✗ 石浦城关9876镇 M7.1 完成 20.05')).toEqual(['✗ 石浦城关', '9876镇', 'M7.1 完', '成 20.05']);
    expect(wrap.reused).toBe(1);
  });

  it('wraps afresh a text holding a character wrapping may drop or trim besides a space, and one that fits', () => {
    const wrap = wrapAlike(6);
    for (const text of ['ab\u3000cd\u3000ef gh', 'ab\u3000cd\u3000ef gh', 'a\u0301b c\u0301d ef', 'a\u0301b c\u0301d ef', 'ab 😀 cd 😀 ef', 'ab 😀 cd 😀 ef']) {
      expect(wrap(text)).toEqual(wrapText(text, 6));
    }
    expect(wrap('abc')).toEqual(['abc']);
    expect(wrap.reused).toBe(0);
  });

  it('remembers no cut of a text whose lines are not slices of it with spaces between', () => {
    // A word wider than the line is cut through: its pieces are still slices, so the next of its shape reuses them.
    const wrap = wrapAlike(4);
    expect(wrap('abcdefghij kl')).toEqual(['abcd', 'efgh', 'ij', 'kl']);
    expect(wrap('mnopqrstuv wx')).toEqual(['mnop', 'qrst', 'uv', 'wx']);
    expect(wrap.reused).toBe(1);
  });
});
