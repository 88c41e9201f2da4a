import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.test-helper.js';
import { quickShowNumber, writeQuickNumber } from './quick-show-number.js';
import { showNumber } from './show-number.js';

describe('quickShowNumber', () => {
  it('is showNumber for random figures: whole, 1 to 17 decimals, negative, zero, huge and tiny, near 10^11', () => {
    const random = seededRandom(11);
    const figures: number[] = [0, -0, 1, -1, 0.1, 0.0001, 0.00005, 1e-7, 99999999999.9999, 1e11, 1e11 - 0.0001, 123456789.1234, 0.3 - 0.1, 1.005, 2.675, 1e15, 1e21, -1e-9, Number.NaN, Infinity, -Infinity];
    for (let i = 0; i < 100_000; i++) {
      const places = Math.floor(random() * 8);
      const scale = 10 ** Math.floor(random() * 14 - 2);
      const raw = (random() - 0.3) * scale;
      figures.push(random() < 0.5 ? Number(raw.toFixed(places)) : raw);
      if (random() < 0.05) figures.push(Math.round(raw));
    }
    const differ = figures.filter((x) => quickShowNumber(x) !== showNumber(x));
    expect(differ).toEqual([]);
    // Written as bytes: the same digits where it writes them, nothing (-1) elsewhere.
    const buf = new Uint8Array(40).fill(33);
    const figure = new Float64Array(3);
    let written = 0;
    for (const x of figures) {
      figure[2] = x;
      const end = writeQuickNumber(buf, 3, figure, 2);
      if (end < 0) {
        expect(buf[3], String(x)).toBe(33);
        continue;
      }
      written++;
      expect(Buffer.from(buf.subarray(3, end)).toString('latin1'), String(x)).toBe(quickShowNumber(x));
      buf.fill(33);
    }
    expect(written).toBeGreaterThan(figures.length / 3);
  });

  it('writes figures by hand', () => {
    expect(quickShowNumber(14.99)).toBe('14.99');
    expect(quickShowNumber(0.005)).toBe('0.005');
    expect(quickShowNumber(-2.5)).toBe('-2.5');
    expect(quickShowNumber(120)).toBe('120');
    expect(quickShowNumber(-0)).toBe('0');
    expect(quickShowNumber(3.14159)).toBe('3.1416');
    expect(quickShowNumber(1e-7)).toBe('0.0000001');
  });
});
