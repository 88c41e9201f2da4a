import { describe, expect, it } from 'vitest';
import { FigureStore } from '../actuals/figure-store.js';
import { emptyCell, markOf } from '../report/listed-results.js';
import { FINAL_LEVEL, KeptCells, NOT_JUDGED_NO_FIGURE, NOT_KEPT, notJudgedCode, regionSlots } from './keep-cells.js';
import { miniPlan } from './plan.test-helper.js';

// A kept cell is read straight from the store by the code the first pass kept; a code whose
// figure is not where it says is no cell (false), so that the general path reads it instead.
const plan = miniPlan();
const byId = (id: string) => plan.targets.find((target) => target.id === id)!;
const G11 = byId('G1.1'); // level, >= 3.4
const M11 = byId('M1.1'); // level, > 1000
const M13 = byId('M1.3'); // level, <= 3.5
const T = plan.targets.length;

function kept(): { cells: KeptCells; key: (id: string) => number } {
  const store = new FigureStore(T, 2020, 2025);
  store.set('乙', G11.index, 2025, 1, { file: 0, row: 2 });
  store.set('甲', G11.index, 2025, 3.52, { file: 0, row: 7 });
  // Not a short decimal: kept as a double.
  store.set('甲', M11.index, 2025, 0.1 + 0.2, { file: 1, row: 8 });
  store.set('甲', M13.index, 2024, 0.1 + 0.2, { file: 1, row: 9 });
  const cells = new KeptCells(2 * T, { store, asOf: 2025, regional: false, fileName: (i) => ['a.csv', 'b.csv'][i] ?? '', tolerance: 0.05, regions: ['乙', '甲'], slotAt: regionSlots(store, ['乙', '甲']) });
  // Keys by region position (甲 is the second) × targets + target position.
  return { cells, key: (id) => T + byId(id).index };
}

const MET = markOf({ status: 'met', severity: 'ok' });
const NOT_MET = markOf({ status: 'not_met', severity: 'failure' });
const INFO = markOf({ status: 'not_assessable', severity: 'info' });

describe('KeptCells: a listed cell of a common shape read from the store by its code', () => {
  it('a final level: its figure as stored, its gap and attainment from its short decimal or its double', () => {
    const { cells, key } = kept();
    cells.codes[key('G1.1')] = FINAL_LEVEL;
    cells.codes[key('M1.1')] = FINAL_LEVEL;
    const into = emptyCell();
    expect(cells.fill(key('G1.1'), 1, G11, MET, into, true, true)).toBe(true);
    expect(into).toMatchObject({ shape: 'final_level', region: '甲', status: 'met', severity: 'ok', final: true, hasActual: true, year: 2025, value: 3.52 });
    expect(into).toMatchObject({ gap: 0.12, attainment: 1.03529411764705, file: 'a.csv', row: 7, targetSource: 'plan', figureSource: 'reported' });
    // 0.30000000000000004 − 1000 in decimal is −999.69999999999999996, the double −999.7; ÷ 1000 truncated at 15 digits, 0.0003.
    expect(cells.fill(key('M1.1'), 1, M11, NOT_MET, into, true, true)).toBe(true);
    expect(into).toMatchObject({ shape: 'final_level', status: 'not_met', severity: 'failure', value: 0.1 + 0.2, gap: -999.7, attainment: 0.0003, file: 'b.csv', row: 8 });
  });

  it('without decimals or place: no gap or attainment, and the file and row left as they were', () => {
    const { cells, key } = kept();
    cells.codes[key('G1.1')] = FINAL_LEVEL;
    const into = { ...emptyCell(), file: 'stale.csv', row: -7, gap: 5, attainment: 5 };
    expect(cells.fill(key('G1.1'), 1, G11, MET, into, false, false)).toBe(true);
    expect(into).toMatchObject({ value: 3.52, gap: null, attainment: null, file: 'stale.csv', row: -7 });
  });

  it('a town not judged: its latest figure, rounded to 12 digits when it is not a short decimal; or none', () => {
    const { cells, key } = kept();
    cells.codes[key('M1.3')] = notJudgedCode(2024, 2020);
    cells.codes[key('M1.1')] = NOT_JUDGED_NO_FIGURE;
    const into = emptyCell();
    expect(cells.fill(key('M1.3'), 1, M13, INFO, into, true, true)).toBe(true);
    expect(into).toMatchObject({ shape: 'not_judged', status: 'not_assessable', severity: 'info', final: true, hasActual: true, year: 2024, value: 0.3, gap: null, attainment: null, file: 'b.csv', row: 9 });
    expect(into).toMatchObject({ targetSource: null, figureSource: 'reported' });
    expect(cells.fill(key('M1.1'), 1, M11, INFO, into, true, true)).toBe(true);
    expect(into).toMatchObject({ shape: 'not_judged', hasActual: false, figureSource: null, region: '甲' });
  });

  it('falls back (false) for a cell not kept, and for a code whose figure is not in the store', () => {
    const { cells, key } = kept();
    const into = emptyCell();
    cells.codes[key('G1.1')] = NOT_KEPT;
    expect(cells.fill(key('G1.1'), 1, G11, MET, into, true, true)).toBe(false);
    // M1.3 has no figure of 2025, its deadline; nor has G1.1 one of 2023.
    cells.codes[key('M1.3')] = FINAL_LEVEL;
    expect(cells.fill(key('M1.3'), 1, M13, MET, into, true, true)).toBe(false);
    cells.codes[key('G1.1')] = notJudgedCode(2023, 2020);
    expect(cells.fill(key('G1.1'), 1, G11, INFO, into, true, true)).toBe(false);
    // A region without figures at all.
    const empty = new FigureStore(T, 2020, 2025);
    const none = new KeptCells(T, { store: empty, asOf: 2025, regional: false, fileName: () => '', tolerance: 0.05, regions: ['丙'], slotAt: regionSlots(empty, ['丙']) });
    none.codes[G11.index] = FINAL_LEVEL;
    expect(none.fill(G11.index, 0, G11, MET, into, true, true)).toBe(false);
  });
});
