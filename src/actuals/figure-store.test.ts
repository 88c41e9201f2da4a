import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFigure, encodeFigure, FigureStore, type StatusCells } from './figure-store.js';

const EXACT = -0x7fffffff;

describe('figures kept in 32 bits', () => {
  it('keeps a short decimal as m·16 + k and gives back the very same double', () => {
    // 123.45 = 12345 / 10^2 → 12345·16 + 2 = 197522
    expect(encodeFigure(123.45)).toBe(197522);
    expect(decodeFigure(197522)).toBe(123.45);
    // −0.5 = −5 / 10 → −80 + 1 = −79
    expect(encodeFigure(-0.5)).toBe(-79);
    expect(decodeFigure(-79)).toBe(-0.5);
    expect(encodeFigure(0)).toBe(0);
  });

  it('keeps a double that is no short decimal (or −0) aside, never a rounded copy', () => {
    for (const value of [0.1 + 0.2, Math.PI, 2 ** 27, -(2 ** 27), 1e-9, 123456789.5, -0, Number.MAX_VALUE, Infinity]) expect(encodeFigure(value)).toBe(EXACT);
  });

  it('round-trips every double it encodes, bit for bit', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        const code = encodeFigure(value);
        if (code !== EXACT) expect(Object.is(decodeFigure(code), value)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('encodes every decimal as readers write them (up to 7 places, |m| < 2^27)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 27) + 1, max: 2 ** 27 - 1 }), fc.integer({ min: 0, max: 7 }), (mantissa, places) => {
        const value = Number(`${mantissa < 0 ? '-' : ''}${String(Math.abs(mantissa)).padStart(places + 1, '0').replace(new RegExp(`(\\d{${places}})$`), '.$1')}`.replace(/\.$/, ''));
        if (Object.is(value, -0)) return;
        const code = encodeFigure(value);
        expect(code).not.toBe(EXACT);
        expect(decodeFigure(code)).toBe(value);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('FigureStore', () => {
  it('stores short decimals and other doubles alike, and says where a figure given twice was first', () => {
    const store = new FigureStore(3, 2020, 2025);
    expect(store.set('甲镇', 0, 2025, 3.4, { file: 0, row: 2 })).toBeNull();
    expect(store.set('甲镇', 1, 2025, Math.PI, { file: 1, row: 3 })).toBeNull();
    expect(store.set('甲镇', 0, 2025, 9, { file: 2, row: 9 })).toEqual({ file: 0, row: 2 });
    expect(store.valueAt('甲镇', 0, 2025)).toBe(3.4);
    expect(store.valueAt('甲镇', 1, 2025)).toBe(Math.PI);
    expect(store.valueAt('甲镇', 2, 2025)).toBeUndefined();
    expect(store.series('甲镇', 1)).toEqual([{ year: 2025, value: Math.PI, source: { file: 1, row: 3 }, level: false }]);
    expect(store.sourceAt('甲镇', 1, 2025)).toEqual({ file: 1, row: 3 });
    expect(store.sourceAt('甲镇', 1, 2024)).toBeNull();
    expect(store.sourceAt('乙镇', 1, 2025)).toBeNull();
    expect(store.count()).toBe(2);
    expect(store.latestYear()).toBe(2025);
  });
});

describe('FigureStore.firstSourceOfAll', () => {
  it('is the first in file order of every target\'s firstSource (each its earliest year\'s figure), for random stores', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ region: fc.constantFrom('甲', '乙'), target: fc.nat(5), year: fc.integer({ min: 2020, max: 2025 }), file: fc.nat(2), row: fc.nat(40) }), { maxLength: 30 }), (figures) => {
        const store = new FigureStore(6, 2020, 2025);
        for (const { region, target, year, file, row } of figures) store.set(region, target, year, row, { file, row });
        for (const region of ['甲', '乙', '丙']) {
          let first: { file: number; row: number } | null = null;
          for (let target = 0; target < 6; target++) {
            const source = store.firstSource(region, target);
            if (source && (!first || source.file < first.file || (source.file === first.file && source.row < first.row))) first = source;
          }
          expect(store.firstSourceOfAll(region)).toEqual(first);
        }
      }),
    );
  });
});

describe('FigureStore.merge', () => {
  it('takes the figures of a store read further on as if read here: rows moved on, regions in order, duplicates told', () => {
    const here = new FigureStore(3, 2020, 2025);
    here.set('甲', 0, 2025, 1.5, { file: 2, row: 2 });
    const later = new FigureStore(3, 2020, 2025);
    later.set('乙', 1, 2024, Math.PI, { file: 0, row: 1 });
    later.set('甲', 0, 2025, 9, { file: 0, row: 2 });
    later.set('甲', 2, 2025, -0.25, { file: 0, row: 3 });
    const told: unknown[] = [];
    const taken = here.merge(later.toData(), 2, 100, (region, target, year, earlier, row) => told.push({ region, target, year, earlier, row }));
    expect(taken).toBe(2);
    expect(told).toEqual([{ region: '甲', target: 0, year: 2025, earlier: { file: 2, row: 2 }, row: 102 }]);
    expect(here.regionNames()).toEqual(['甲', '乙']);
    expect(here.series('乙', 1)).toEqual([{ year: 2024, value: Math.PI, source: { file: 2, row: 101 }, level: false }]);
    expect(here.series('甲', 2)).toEqual([{ year: 2025, value: -0.25, source: { file: 2, row: 103 }, level: false }]);
    expect(here.valueAt('甲', 0, 2025)).toBe(1.5);
    expect(here.sourceAt('甲', 0, 2025)).toEqual({ file: 2, row: 2 });
  });
});

describe('a store keeping the rows of some regions only', () => {
  const keepA = (region: string): boolean => region === 'a';

  it('gives UNKNOWN_ROW (-1) for the rows it does not keep, in a duplicate, a source and a series', () => {
    const store = new FigureStore(3, 2020, 2025, keepA);
    expect(store.set('a', 1, 2025, 5, { file: 0, row: 7 })).toBeNull();
    expect(store.set('b', 1, 2025, 6, { file: 2, row: 9 })).toBeNull();
    expect(store.set('a', 1, 2025, 8, { file: 0, row: 11 })).toEqual({ file: 0, row: 7 });
    expect(store.set('b', 1, 2025, 8, { file: 0, row: 12 })).toEqual({ file: 2, row: -1 });
    expect(store.sourceAt('b', 1, 2025)).toEqual({ file: 2, row: -1 });
    expect(store.series('b', 1)).toEqual([{ year: 2025, value: 6, source: { file: 2, row: -1 }, level: false }]);
    expect(store.series('a', 1)).toEqual([{ year: 2025, value: 5, source: { file: 0, row: 7 }, level: false }]);
  });

  it('notes the figures merged without rows into a region whose rows it keeps, and takes their rows later', () => {
    // The part's store keeps no rows; the whole's keeps a's.
    const part = new FigureStore(2, 2024, 2025, () => false);
    part.set('a', 0, 2025, 1, { file: 0, row: 3 });
    part.set('b', 1, 2025, 2, { file: 0, row: 4 });
    part.set('a', 1, 2024, 3, { file: 0, row: 5 });
    const whole = new FigureStore(2, 2024, 2025, keepA);
    whole.set('a', 0, 2024, 9, { file: 0, row: 2 });
    const duplicates: unknown[] = [];
    expect(whole.merge(part.toData(), 0, 10, (...args) => duplicates.push(args))).toBe(3);
    expect(duplicates).toEqual([]);
    // Block by block, years in order.
    expect(whole.takeRowsMissing()).toEqual([
      { region: 'a', target: 1, year: 2024 },
      { region: 'a', target: 0, year: 2025 },
    ]);
    expect(whole.takeRowsMissing()).toEqual([]);
    whole.setRow('a', 0, 2025, 13);
    expect(whole.sourceAt('a', 0, 2025)).toEqual({ file: 0, row: 13 });
    expect(whole.sourceAt('a', 0, 2024)).toEqual({ file: 0, row: 2 });
    expect(whole.sourceAt('b', 1, 2025)).toEqual({ file: 0, row: -1 });
    expect(whole.valueAt('a', 1, 2024)).toBe(3);
  });

  it('moves rows it has on by the part\'s offset, for the regions whose rows both keep', () => {
    const part = new FigureStore(2, 2025, 2025, keepA);
    part.set('b', 0, 2025, 1, { file: 0, row: 3 });
    part.set('a', 1, 2025, 2, { file: 0, row: 4 });
    const whole = new FigureStore(2, 2025, 2025, keepA);
    whole.set('a', 0, 2025, 7, { file: 0, row: 1 });
    whole.merge(part.toData(), 0, 100, () => {});
    expect(whole.takeRowsMissing()).toEqual([]);
    expect(whole.sourceAt('a', 1, 2025)).toEqual({ file: 0, row: 104 });
    expect(whole.sourceAt('b', 0, 2025)).toEqual({ file: 0, row: -1 });
    expect(whole.regionNames()).toEqual(['a', 'b']);
  });
});

describe('a store keeping some regions only', () => {
  it('keeps nothing of the others, and never calls their figures duplicates', () => {
    const store = new FigureStore(2, 2025, 2025, undefined, (region) => region === 'a');
    expect(store.set('b', 0, 2025, 1, { file: 0, row: 2 })).toBeNull();
    expect(store.set('b', 0, 2025, 2, { file: 0, row: 3 })).toBeNull();
    expect(store.set('a', 0, 2025, 3, { file: 0, row: 4 })).toBeNull();
    expect(store.set('a', 0, 2025, 4, { file: 0, row: 5 })).toEqual({ file: 0, row: 4 });
    expect(store.valueAt('b', 0, 2025)).toBeUndefined();
    expect(store.sourceAt('a', 0, 2025)).toEqual({ file: 0, row: 4 });
    expect(store.count()).toBe(1);
  });
});

describe('a summary\'s store keeping final levels as a status only', () => {
  // Target 0: a level of 2025, met at 10 or more; target 1: kept as a value; regions named 全县 are the plan level's.
  const cells: StatusCells = { year: [2025, -1], low: [10, Number.NaN], high: [Infinity, Number.NaN], open: [0, 0], levelKeys: ['全县'] };
  const statusStore = (): FigureStore => new FigureStore(2, 2024, 2025, () => false, undefined, cells);

  it('keeps whether a town\'s figure of its target\'s year met it, and refuses to give a value it did not keep', () => {
    const store = statusStore();
    expect(store.set('a', 0, 2025, 12, { file: 0, row: 2 })).toBeNull();
    expect(store.set('b', 0, 2025, 9.99, { file: 0, row: 3 })).toBeNull();
    store.set('a', 0, 2024, 4, { file: 0, row: 4 }); // another year: a value
    store.set('a', 1, 2025, 7, { file: 0, row: 5 });
    store.set('全县', 0, 2025, 3, { file: 0, row: 6 }); // the plan level's: a value
    expect(store.yearFigures(store.findSlot('a'), 2025)?.kept(0)).toBe(1);
    expect(store.yearFigures(store.findSlot('b'), 2025)?.kept(0)).toBe(2);
    expect(store.yearFigures(store.findSlot('a'), 2025)?.kept(1)).toBe(3);
    // All at once, as one at a time: a status cell, a value, a target with none; the plan level's value.
    for (const [region, expected] of [['a', [3, 1, 1]], ['b', [0, 2, 2]], ['全县', [0, 3, 3]]] as const) {
      const out = new Uint8Array(4).fill(9);
      store.yearFigures(store.findSlot(region), 2025)?.keptAll([1, 0, 0], out);
      expect([...out.subarray(0, 3)]).toEqual(expected);
      expect(out[3]).toBe(9);
    }
    expect(() => store.valueAt('a', 0, 2025)).toThrow(/status only/);
    expect(() => store.series('a', 0)).toThrow(/status only/);
    expect(store.series('a', 0, 2024)).toEqual([{ year: 2024, value: 4, source: { file: 0, row: -1 }, level: false }]);
    expect(store.valueAt('全县', 0, 2025)).toBe(3);
    // A second figure is still a duplicate; presence and counts see every figure.
    expect(store.set('b', 0, 2025, 50, { file: 0, row: 9 })).toEqual({ file: 0, row: -1 });
    expect(store.count()).toBe(5);
    expect(store.latestYear()).toBe(2025);
    const presence = store.presence([store.findSlot('a'), store.findSlot('b'), -1], 2025);
    expect([presence.count(0), presence.count(1), presence.has(1, 0), presence.has(1, 1)]).toEqual([2, 1, true, false]);
    expect(store.firstSource('a', 0)).toEqual({ file: 0, row: -1 });
  });

  it('merges another status store, block by block or cell by cell, with its statuses as they were', () => {
    const part = statusStore();
    part.set('a', 0, 2025, 10, { file: 0, row: 1 }); // into a's block the whole has: cell by cell
    part.set('c', 0, 2025, 1, { file: 0, row: 2 }); // a block the whole has not got: taken whole
    part.set('c', 1, 2025, 2.5, { file: 0, row: 3 });
    part.set('b', 0, 2025, 11, { file: 0, row: 4 }); // b's given twice
    part.set('全县', 0, 2025, 3, { file: 0, row: 5 }); // the plan level's, only in the part: a value, its level found there
    const whole = statusStore();
    whole.set('a', 1, 2025, 8, { file: 0, row: 1 });
    whole.set('b', 0, 2025, 20, { file: 0, row: 2 });
    const duplicates: unknown[] = [];
    const data = part.toData();
    expect([...data.levels]).toEqual([1, 1, 1, 2]);
    expect([...data.blockFigures]).toEqual([1, 2, 1, 1]);
    // a's cell, c's block of 2 and 全县's block: 4 taken.
    expect(whole.merge(data, 0, 10, (region, target, year) => duplicates.push([region, target, year]))).toBe(4);
    expect(duplicates).toEqual([['b', 0, 2025]]);
    const kept = (region: string, target: number): number | undefined => whole.yearFigures(whole.findSlot(region), 2025)?.kept(target);
    expect([kept('a', 0), kept('a', 1), kept('b', 0), kept('c', 0), kept('c', 1)]).toEqual([1, 3, 1, 2, 3]);
    expect(whole.valueAt('c', 1, 2025)).toBe(2.5);
    expect(whole.valueAt('全县', 0, 2025)).toBe(3);
    expect(whole.count()).toBe(6);
  });
});

describe('a store of many regions', () => {
  it('keeps each region\'s own rows, dropping and status kind past the first 64 regions (its flags grow)', () => {
    // Region i: rows kept when i % 3 === 0, dropped when i % 5 === 4; the plan level is region 150 ('全县').
    const names = Array.from({ length: 200 }, (_, i) => (i === 150 ? '全县' : `v${i}`));
    const index = new Map(names.map((name, i) => [name, i]));
    const cells: StatusCells = { year: [2025, -1], low: [10, Number.NaN], high: [Infinity, Number.NaN], open: [0, 0], levelKeys: ['全县'] };
    const store = new FigureStore(2, 2025, 2025, (region) => index.get(region)! % 3 === 0, (region) => index.get(region)! % 5 !== 4, cells);
    names.forEach((name, i) => {
      store.set(name, 0, 2025, i % 2 === 0 ? 12 : 3, { file: 0, row: 2 * i + 1 });
      store.set(name, 1, 2025, i, { file: 0, row: 2 * i + 2 });
    });
    names.forEach((name, i) => {
      if (i % 5 === 4) {
        expect(store.valueAt(name, 1, 2025)).toBeUndefined();
        return;
      }
      expect(store.sourceAt(name, 1, 2025)).toEqual({ file: 0, row: i % 3 === 0 ? 2 * i + 2 : -1 });
      // A town's final level is its status (1 met, 2 not met); the plan level's is a value (3).
      expect(store.yearFigures(store.findSlot(name), 2025)?.kept(0)).toBe(name === '全县' ? 3 : i % 2 === 0 ? 1 : 2);
    });
    const levels = [...store.toData().levels];
    expect(levels.length).toBe(200);
    expect(levels.filter((level) => level === 2)).toEqual([2]);
    expect(levels.indexOf(2)).toBe(150);
    expect(levels.filter((level) => level === 1).length).toBe(199);
  });
});
