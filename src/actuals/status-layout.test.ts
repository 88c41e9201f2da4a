import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFigure, encodeFigure, EXACT } from './figure-code.js';
import { codeWithinEdges, withinEdges, type StatusCells } from './status-layout.js';

describe('a status judged from a short decimal\'s code', () => {
  it('is withinEdges of the decoded figure, for every edge kind (open or closed, either side, infinite, NaN)', () => {
    const short = fc.tuple(fc.integer({ min: -(2 ** 26), max: 2 ** 26 }), fc.integer({ min: 0, max: 7 })).map(([m, k]) => m / 10 ** k).filter((v) => encodeFigure(v) !== EXACT);
    const edge = fc.oneof(short, fc.constantFrom(-Infinity, Infinity, Number.NaN, 0));
    fc.assert(
      fc.property(short, edge, edge, fc.integer({ min: 0, max: 3 }), (value, low, high, open) => {
        const code = encodeFigure(value);
        const cells: StatusCells = { year: [2025, 2025], low: [0, low], high: [0, high], open: [0, open], levelKeys: [] };
        expect(codeWithinEdges(cells, 1, code)).toBe(withinEdges(decodeFigure(code), low, high, open));
      }),
      { numRuns: 20000 },
    );
    // By hand: 10 against "10 or more" (closed) is in, against "more than 10" (open) is out; 9.99 is out of both.
    const cells: StatusCells = { year: [2025, 2025], low: [10, 10], high: [Infinity, Infinity], open: [0, 1], levelKeys: [] };
    expect([codeWithinEdges(cells, 0, encodeFigure(10)), codeWithinEdges(cells, 1, encodeFigure(10)), codeWithinEdges(cells, 0, encodeFigure(9.99))]).toEqual([true, false, false]);
  });
});
