import { describe, expect, it } from 'vitest';
import type { Target } from '../plan/types.js';
import { seededRandom } from '../seeded-random.test-helper.js';
import { cellFigureWords, type DigitWords } from './cell-figure-words.js';
import { cellDigits } from './cell-digits.js';
import { targetPlaces } from './cell-figure-words.js';
import { finalCell, levelTarget, plainLevelTargets, shortDecimalFigure, wildFigure } from './final-cells.test-helper.js';

// Rule: the digits of all a cell's slots found at once (`cellDigits`) are those `cellFigureWords`
// gives slot by slot, and it says false exactly when one of the slots asked for says false.

const blank = (): DigitWords => ({ sign: 0, mantissa: -1, places: -1, percent: false });

describe('cellDigits: every slot of a cell at once, as cellFigureWords slot by slot', () => {
  it('property: every comparator, short and wild figures, every set of slots', () => {
    const random = seededRandom(4242);
    const targets: Target[] = [...plainLevelTargets(), levelTarget('range', [0.001, 0.0025], '%'), levelTarget('>=', 12.5, '%'), levelTarget('~', 0.35, '')];
    let agreed = 0;
    let digits = 0;
    for (let i = 0; i < 20_000; i++) {
      const t = targets[Math.floor(random() * targets.length)]!;
      const value = random() < 0.6 ? shortDecimalFigure(random, t) : wildFigure(random, t);
      const cell = finalCell(t, '甲镇', value, 'failure', 'plan');
      // Slots as templates hold them: the region, then some numbers (a slot may come twice).
      const slots = Int8Array.from([0, ...Array.from({ length: 1 + Math.floor(random() * 5) }, () => 1 + Math.floor(random() * 5))]);
      const words = Array.from({ length: 6 }, blank);
      const got = cellDigits(cell, slots, targetPlaces(t), words);
      let expected = true;
      const each: (DigitWords | null)[] = [];
      for (const slot of slots) {
        if (slot === 0 || (slot === 4 && cell.attainment === null)) continue;
        const into = blank();
        if (!cellFigureWords(slot, cell, into)) expected = false;
        each[slot] = into;
      }
      expect(got, `${t.op} ${JSON.stringify(t.value)} ${value} [${slots.join(',')}]`).toBe(expected);
      if (got) {
        for (const slot of slots) if (each[slot]) expect(words[slot], `${t.op} ${value} slot ${slot}`).toEqual(each[slot]);
        digits++;
      }
      agreed++;
    }
    expect(agreed).toBe(20_000);
    // Both answers are common.
    expect(digits).toBeGreaterThan(5_000);
    expect(digits).toBeLessThan(19_000);
  });
});
