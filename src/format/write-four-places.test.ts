import { describe, expect, it } from 'vitest';
import { bundledPlan } from '../evaluate/plan.test-helper.js';
import { emptyCell } from '../report/listed-results.js';
import { seededRandom } from '../seeded-random.test-helper.js';
import { ByteChunks } from './byte-chunks.js';
import { NotJudgedSentences } from './cell-sentence.js';
import { writeFourPlaces, writeShortFigure } from './write-four-places.js';
import { escapeXml } from './sanitize.js';

/** Decimals of 0 to 6 places, of 1 to 13 digits before the point, either sign; and the edges. */
function values(seed: number, count: number): number[] {
  const next = seededRandom(seed);
  const out = [0, -0, 1e-4, -1e-4, 0.00015, 9.99e-5, 1e11, 1e11 - 0.0001, 99999999999.9999, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 0.1 + 0.2, 1 / 3, 5e-324, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, -1.5, 2.675, 1.005, 100, -100.1];
  for (let i = 0; i < count; i++) {
    const places = Math.floor(next() * 7);
    const digits = 1 + Math.floor(next() * 13);
    const mantissa = Math.floor(next() * 10 ** Math.min(15, digits + places));
    const value = Number(`${mantissa}e-${places}`);
    out.push(next() < 0.3 ? -value : value);
  }
  return out;
}

describe('writeFourPlaces: a decimal of up to 4 places written as String writes it', () => {
  it('property: what it writes is String(value), and it writes every decimal of up to 4 places from 1e-4 to 1e11 (not -0); else nothing', () => {
    const out = new ByteChunks(64);
    let written = 0;
    for (const value of values(5, 200_000)) {
      const wrote = writeFourPlaces(out, value);
      const text = Buffer.from(out.take()).toString('latin1');
      if (wrote) {
        if (text !== String(value)) expect(text).toBe(String(value));
        written++;
      } else {
        expect(text).toBe('');
        // Only what it need not write is left: -0, a decimal of more places, or out of its range.
        const places = String(value).split('.')[1]?.length ?? 0;
        const magnitude = Math.abs(value);
        const mustWrite = !Object.is(value, -0) && !String(value).includes('e') && places <= 4 && (value === 0 || (magnitude >= 1e-4 && magnitude < 1e11));
        if (mustWrite) expect(wrote, String(value)).toBe(true);
      }
    }
    // Most of the random decimals have at most 4 places.
    expect(written).toBeGreaterThan(100_000);
  });

  it('hand-worked examples: trailing zeros dropped, the sign kept, -0 and 5 places refused', () => {
    const cases: [number, string | null][] = [[13.32, '13.32'], [-18.24, '-18.24'], [0.5, '0.5'], [120, '120'], [-3, '-3'], [0.0001, '0.0001'], [1.2345, '1.2345'], [1.23456, null], [-0, null], [0.00009, null], [123456789012.5, null]];
    const out = new ByteChunks(64);
    for (const [value, expected] of cases) {
      const wrote = writeFourPlaces(out, value);
      expect(wrote ? Buffer.from(out.take()).toString('latin1') : (out.take(), null), String(value)).toBe(expected);
    }
  });
});

describe('writeShortFigure: a town\'s figure as NotJudgedSentences.writeFigure shows it', () => {
  it('property: the same bytes as writeFigure whenever it writes, with the year of a figure of another year', () => {
    const targets = bundledPlan().targets.filter((target) => target.kind !== 'milestone');
    const next = seededRandom(9);
    const sentences = new NotJudgedSentences('en', escapeXml);
    const ours = new ByteChunks(64);
    const theirs = new ByteChunks(64);
    let written = 0;
    for (const value of values(17, 30_000)) {
      const cell = emptyCell();
      cell.target = targets[Math.floor(next() * targets.length)]!;
      cell.value = value;
      cell.year = next() < 0.3 ? cell.target.year - 1 - Math.floor(next() * 3) : cell.target.year;
      cell.hasActual = true;
      if (!writeShortFigure(ours, cell.value, cell.year, cell.target.year)) continue;
      sentences.writeFigure(cell, theirs);
      const [a, b] = [Buffer.from(ours.take()).toString('latin1'), Buffer.from(theirs.take()).toString('latin1')];
      if (a !== b) expect(a).toBe(b);
      written++;
    }
    expect(written).toBeGreaterThan(15_000);
    // By hand: a figure of an earlier year says its year.
    writeShortFigure(ours, 3.5, 2023, 2025);
    expect(Buffer.from(ours.take()).toString('latin1')).toBe('3.5 (2023)');
  });
});
