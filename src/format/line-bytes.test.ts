import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.test-helper.js';
import { digitText } from './cell-figure-words.js';
import { decimalDigits } from './byte-chunks.js';
import { LineBytes } from './line-bytes.js';
import { movesOf } from './write-off-track-lines.js';

// Rule: a number written as digits into the line buffer is what `digitText` words (ByteChunks'
// `fixedPoint`), and a text cut in place into lines is the lines, each with a newline, whichever
// way they move.

describe('LineBytes', () => {
  it('writes a mantissa at its places and sign as digitText words it, below and above 2^31', () => {
    const random = seededRandom(5);
    const out = new LineBytes(64);
    for (let round = 0; round < 20000; round++) {
      const big = random() < 0.3;
      const mantissa = big ? Math.floor(random() * 2 ** 52) : Math.floor(random() * 10 ** Math.floor(random() * 9));
      const places = Math.floor(random() * 16);
      const sign = (Math.floor(random() * 3) - 1) as -1 | 0 | 1;
      out.reset();
      out.text('>');
      out.fixedPoint(mantissa, places, sign);
      expect(Buffer.from(out.view()).toString('latin1'), `${mantissa} ${places} ${sign}`).toBe(`>${digitText({ mantissa, places, sign, percent: false }, '%')}`);
    }
    expect([0, 9, 10, 99999, 100000, 2 ** 31, 10 ** 15 - 1, 10 ** 15, 2 ** 53 - 1].map(decimalDigits)).toEqual([1, 1, 2, 5, 6, 10, 15, 16, 16]);
  });

  it('cuts a text written from a start into its lines in place, moving them left, right or both ways', () => {
    const random = seededRandom(6);
    const moved = new Set<number>();
    const out = new LineBytes(16);
    for (let round = 0; round < 5000; round++) {
      // Words of one to three bytes a character, with up to two spaces (or none) between them.
      const words = Array.from({ length: 1 + Math.floor(random() * 6) }, () => ['ab', 'é', '一二', 'xyz1', '€'][Math.floor(random() * 5)]!.repeat(1 + Math.floor(random() * 3)));
      const gaps = words.map(() => ' '.repeat(Math.floor(random() * 3)));
      let text = '';
      const ends: number[] = [];
      words.forEach((word, i) => {
        const start = Buffer.byteLength(text);
        text += word;
        ends.push(start, Buffer.byteLength(text));
        text += gaps[i];
      });
      const cuts = Int32Array.from(ends);
      const moves = movesOf(cuts);
      moved.add(moves);
      out.reset();
      out.text('prefix');
      const start = out.length;
      out.text(text);
      out.cut(start, cuts, moves);
      expect(Buffer.from(out.view()).toString('utf8')).toBe(`prefix${words.map((word) => `${word}\n`).join('')}`);
      // Written on after the cut, as after any line.
      out.text('z');
      expect(Buffer.from(out.view()).toString('utf8').endsWith('\nz')).toBe(true);
    }
    expect([...moved].sort()).toEqual([-1, 0, 1]);
  });
});
