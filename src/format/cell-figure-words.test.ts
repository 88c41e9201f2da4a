import { describe, expect, it } from 'vitest';
import type { Target } from '../plan/types.js';
import { resultOfCell } from '../report/listed-results.js';
import { seededRandom } from '../seeded-random.test-helper.js';
import { ByteChunks } from './byte-chunks.js';
import { cellFigureWords, digitText, type DigitWords } from './cell-figure-words.js';
import { finalCell, levelTarget, plainLevelTargets, shortDecimalFigure, wildFigure } from './final-cells.test-helper.js';
import { FIGURE_WORDS } from './word-reason.js';

// Rule: a number of an off-track sentence worded from a final level's cell as digits is the word
// the view gives its result (`FIGURE_WORDS`), for every slot, comparator and figure; where that
// cannot be sure (more than 4 decimals, 15 digits, a figure near the line, a share near 100 %) it
// says false and the sentence words that number the general way.

const SLOTS = [FIGURE_WORDS.actual, FIGURE_WORDS.gap, FIGURE_WORDS.shortfall, FIGURE_WORDS.attainment, FIGURE_WORDS.missed];

const TARGETS: Target[] = [
  ...plainLevelTargets(),
  levelTarget('<=', -2.5, ''),
  levelTarget('range', [0.001, 0.0025], '%'),
  levelTarget('>=', 98765432109.5, '元'),
];

/** Figures as reports give them: 0–4 decimals (most), and wild ones (long, tiny, huge, negative, on the line). */
function figure(random: () => number, t: Target): number {
  if (random() < 0.4) return wildFigure(random, t);
  return shortDecimalFigure(random, t);
}

function written(words: DigitWords): string {
  const out = new ByteChunks(64);
  out.fixedPoint(words.mantissa, words.places, words.sign);
  return Buffer.from(out.take()).toString('latin1') + (words.percent ? '%' : '');
}

describe('a final level cell\'s numbers as digits', () => {
  it('equal the view\'s words for random figures, every slot and comparator, as digits and as text', () => {
    const random = seededRandom(20);
    const words: DigitWords = { sign: 0, mantissa: 0, places: 0, percent: false };
    let fast = 0;
    let total = 0;
    for (let i = 0; i < 8_000; i++) {
      const t = TARGETS[Math.floor(random() * TARGETS.length)]!;
      const cell = finalCell(t, '丹东街道', figure(random, t), 'failure', 'plan');
      const result = resultOfCell(cell);
      for (let slot = 1; slot <= 5; slot++) {
        // The view asks for a gap's words only where there is one.
        if ((slot === 2 || slot === 3) && cell.gap === null) continue;
        total++;
        if (!cellFigureWords(slot, cell, words)) continue;
        fast++;
        const expected = SLOTS[slot - 1]!(result);
        expect(digitText(words, '%'), `slot ${slot} of ${cell.value} against ${t.op} ${String(t.value)}`).toBe(expected);
        expect(written(words)).toBe(expected);
      }
    }
    // Most numbers are worded as digits, not a rarity.
    expect(fast).toBeGreaterThan(total * 0.6);
  });

  it('words by hand: a figure, a signed gap, a shortfall at the target\'s places, a share', () => {
    const t = levelTarget('>=', 3.45, '%');
    const cell = finalCell(t, 'x', 3.1, 'failure', 'plan');
    const words: DigitWords = { sign: 0, mantissa: 0, places: 0, percent: false };
    const text = (slot: number): string | null => (cellFigureWords(slot, cell, words) ? digitText(words, '%') : null);
    // 3.1 ÷ 3.45 = 0.89855…: 89.9 %.
    expect([text(1), text(2), text(3), text(4), text(5)]).toEqual(['3.1', '-0.35', '0.35', '89.9%', '3.1']);
    const band = levelTarget('range', [240, 260], '亿元');
    const above = finalCell(band, 'x', 262.5, 'failure', 'plan');
    expect(cellFigureWords(2, above, words) && digitText(words, '%')).toBe('+2.5');
  });

  it('says false where it cannot be sure: 5 decimals, a figure on the line, a share rounding to 100 %, 16 digits, no share', () => {
    const words: DigitWords = { sign: 0, mantissa: 0, places: 0, percent: false };
    const t = levelTarget('>=', 3.4, '%');
    expect(cellFigureWords(1, finalCell(t, 'x', 3.12345, 'failure', 'plan'), words)).toBe(false);
    // 3.39999 beside 3.4: the gap rounds to 0 at 4 decimals, so the figure is shown in full.
    expect(cellFigureWords(1, finalCell(t, 'x', 3.39999, 'failure', 'plan'), words)).toBe(false);
    expect(cellFigureWords(2, finalCell(t, 'x', 3.39999, 'failure', 'plan'), words)).toBe(false);
    expect(cellFigureWords(4, finalCell(t, 'x', 3.39999, 'failure', 'plan'), words)).toBe(false);
    expect(cellFigureWords(5, finalCell(t, 'x', 1234567890123456, 'failure', 'plan'), words)).toBe(false);
    const zero = levelTarget('>=', 0, '个');
    expect(cellFigureWords(4, finalCell(zero, 'x', -1, 'failure', 'plan'), words)).toBe(false);
    expect(cellFigureWords(9, finalCell(t, 'x', 3, 'failure', 'plan'), words)).toBe(false);
  });
});
