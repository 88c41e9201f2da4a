import { describe, expect, it } from 'vitest';
import type { Lang } from '../messages.js';
import type { Target } from '../plan/types.js';
import { gapOf, meets } from '../evaluate/compare.js';
import { emptyCell, markOf, resultOfCell, SEVERITIES, type ListedCell, type ListedResults, type RegionCells } from '../report/listed-results.js';
import { STATUSES, type FigureSource, type Severity, type Status, type TargetSource } from '../report/types.js';
import { seededRandom } from '../seeded-random.test-helper.js';
import { levelTarget } from './final-cells.test-helper.js';
import type { FigureDoubts } from './find-doubts.js';
import { MatrixCellTexts, TONES, type CellColumn, type CellsView, type CellText } from './matrix-cell-texts.js';
import { matrixCell, type MatrixRow } from './region-matrix.js';
import { escapeMarkdown } from './sanitize.js';
import { GrowingBytes } from './growing-bytes.js';
import { displayWidth, endsInSpace } from './text-width.js';
import { cellOf } from './view-result.js';

// Rule: a matrix cell put together from its target's pieces around the figure is byte for byte the
// cell worded the general way (`matrixCell` of `cellOf` of the built result, then the format's
// escaping), with the same display width and tone, for random figures, statuses, severities,
// sources and kinds; what the pieces cannot say is worded the general way.

const TARGETS: Target[] = [
  levelTarget('>=', 3.4, '%'),
  levelTarget('<=', 0.35, ''),
  levelTarget('~', 30, '家', { tolerance: 0.05 }),
  levelTarget('range', [240, 260], '亿元'),
  levelTarget('>=', 12.125, 'tonnes', { soft: true }),
  levelTarget('==', 0, ''),
  levelTarget('>=', 40, '个', { indicator: 'a|b`<c>`', indicatorEn: '*x* [y](http://z)' }),
  levelTarget('done', null, '', { kind: 'milestone' }),
];

function figure(random: () => number, t: Target): number {
  const v = Array.isArray(t.value) ? t.value[0] : (t.value ?? 1);
  const choices = [v, v - 1e-9, v + 0.0004, v * (1 - random() / 3), -v * random() - 1, 0, -0, 1e15 * random(), 1e-9 * random(), 123456789.123456789, 1e21 * (random() + 0.5), Math.round(100 * random()), Number.NaN, 1, 2];
  return choices[Math.floor(random() * choices.length)]!;
}

function randomCell(random: () => number): ListedCell {
  const t = TARGETS[Math.floor(random() * TARGETS.length)]!;
  const cell = emptyCell();
  const value = figure(random, t);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  if (random() < 0.4) {
    Object.assign(cell, { shape: 'not_judged', target: t, region: '石浦镇', status: 'not_assessable', severity: 'info', final: true, hasActual: random() < 0.8, year: pick([2023, 2025]), value, file: 'a.csv', row: 3, figureSource: 'reported' });
    return cell;
  }
  const status: Status = t.kind === 'milestone' ? (value === 1 ? 'met' : 'not_met') : Number.isFinite(value) && meets(value, t, 0.05) ? 'met' : 'not_met';
  const severity: Severity = status === 'met' ? 'ok' : pick(['failure', 'warning', 'info'] as const);
  const targetSource: TargetSource = pick(['plan', 'intensive_plan', 'decomposed'] as const);
  const figureSource: FigureSource = pick(['reported', 'reported', 'derived'] as const);
  Object.assign(cell, {
    shape: 'final_level', target: t, region: '石浦镇', status, severity, final: true, hasActual: true, year: 2025, value, file: 'a.csv', row: 3,
    gap: t.kind === 'milestone' || !Number.isFinite(value) ? null : gapOf(value, t, 0.05), attainment: null, targetSource, figureSource,
  });
  return cell;
}

/** A row over cells (one per region) whose general cell is `cellOf` of the built result, as `regionMatrix`'s is without doubts. */
function rowOver(cells: ListedCell[], lang: Lang): Pick<MatrixRow, 'key' | 'cell'> {
  return { key: (region) => (region < cells.length ? region : -1), cell: (region) => cellOf(resultOfCell(cells[region]!), lang) };
}

function listedOver(cells: ListedCell[]): ListedResults {
  return {
    size: cells.length,
    keys: () => cells.keys(),
    get: (key) => resultOfCell(cells[key]!),
    status: (key) => cells[key]!.status,
    severity: (key) => cells[key]!.severity,
    regionOf: (key) => cells[key]!.region,
    metaOf: (key) => cells[key]!.target,
    // As `evaluateListed` gives it: the gap only when asked for.
    cell: (key, into, decimals) => (Object.assign(into, cells[key]!, decimals ? {} : { gap: null, attainment: null }), true),
  };
}

const NO_DOUBTS: FigureDoubts = { size: 0, of: () => '' };

describe('matrix cells from per-target pieces', () => {
  it('equal the cells worded the general way for random figures, statuses, sources, languages and escapings', () => {
    const random = seededRandom(21);
    for (const lang of ['zh', 'en'] as const) {
      for (const escape of [(text: string) => text, escapeMarkdown]) {
        const cells = Array.from({ length: 4000 }, () => randomCell(random));
        const view: CellsView = { listed: listedOver(cells), lang, doubts: NO_DOUBTS };
        const texts = new MatrixCellTexts(view, escape);
        const row = rowOver(cells, lang) as MatrixRow;
        const sink = new GrowingBytes(8);
        for (let region = 0; region < cells.length; region++) {
          const general = cellOf(resultOfCell(cells[region]!), lang);
          const expected: CellText = { text: escape(matrixCell(general)), width: displayWidth(escape(matrixCell(general))), tone: general.tone };
          expect({ ...texts.at(row, region)! }, `${lang} ${cells[region]!.target.id} ${cells[region]!.value}`).toEqual(expected);
          // Written as UTF-8 after what the sink holds: the same text's bytes, width and tone.
          sink.reset();
          sink.text('ab');
          const written = texts.write(row, region, sink)!;
          expect(Buffer.from(sink.view()).toString('utf8'), `${lang} ${cells[region]!.value}`).toBe(`ab${expected.text}`);
          expect({ ...written }).toEqual({ width: expected.width, tone: expected.tone, code: TONES.indexOf(expected.tone) + 1, spaceEnd: endsInSpace(expected.text) });
        }
        expect(texts.at(row, cells.length)).toBeNull();
        sink.reset();
        expect(texts.write(row, cells.length, sink)).toBeNull();
        expect(sink.length).toBe(0);
      }
    }
  });

  it('writes a region\'s column of cells as `write` writes each: the same bytes, widths, tones and ends, none where a row lists none', () => {
    const random = seededRandom(34);
    for (const lang of ['zh', 'en'] as const) {
      for (const escape of [(text: string) => text, escapeMarkdown]) {
        // Rows over the same random cells, each region's key in a row taken from a shuffled pool, some rows listing none.
        const cells = Array.from({ length: 3000 }, () => randomCell(random));
        const listed = listedOver(cells);
        const regions = 12;
        const rows = Array.from({ length: 40 }, () => {
          const keys = Int32Array.from({ length: regions }, () => (random() < 0.15 ? -1 : Math.floor(random() * cells.length)));
          return { keys, key: (region: number) => keys[region]!, cell: (region: number) => cellOf(resultOfCell(cells[keys[region]!]!), lang) };
        });
        const columnTexts = new MatrixCellTexts({ listed, lang, doubts: NO_DOUBTS }, escape);
        const cellTexts = new MatrixCellTexts({ listed, lang, doubts: NO_DOUBTS }, escape);
        const n = rows.length;
        const column: CellColumn = { bytes: new GrowingBytes(4), starts: new Int32Array(n + 1), widths: new Int32Array(n), tones: new Uint8Array(n), spaceEnds: new Uint8Array(n) };
        for (let region = 0; region < regions; region++) {
          column.bytes.reset();
          column.bytes.text('x');
          const widest = columnTexts.writeColumn(rows, Int32Array.from(rows, (row) => row.keys[region]!), region, column);
          let most = 0;
          rows.forEach((row, r) => {
            const sink = new GrowingBytes(4);
            const cell = cellTexts.write(row, region, sink);
            const written = Buffer.from(column.bytes.view().subarray(column.starts[r], column.starts[r + 1])).toString('utf8');
            expect(written, `${lang} ${region} ${r}`).toBe(Buffer.from(sink.view()).toString('utf8'));
            expect([column.widths[r], column.tones[r], column.spaceEnds[r]]).toEqual(cell ? [cell.width, cell.code, cell.spaceEnd ? 1 : 0] : [0, 0, 0]);
            if (cell) most = Math.max(most, cell.width);
          });
          expect(column.starts[0]).toBe(1);
          expect(column.starts[n]).toBe(column.bytes.length);
          expect(widest).toBe(most);
        }
      }
    }
  });

  it('writes a column read with its region (`ListedResults.region`) as cell by cell: the same bytes, widths, tones and ends', () => {
    // Rule: a region's cells read at once (mark, shape, figure) are written as each cell read by
    // `cell`; a row's cells are of one target, a region's keys side by side, as `evaluateListed` keys them.
    const random = seededRandom(55);
    for (const lang of ['zh', 'en'] as const) {
      for (const escape of [(text: string) => text, escapeMarkdown]) {
        const targets = TARGETS.length * 2;
        const regions = 60;
        const cells: ListedCell[] = [];
        for (let region = 0; region < regions; region++) {
          for (let t = 0; t < targets; t++) {
            // A cell of the row's target: random figures, statuses and sources, as `randomCell` makes them.
            let cell = randomCell(random);
            while (cell.target !== TARGETS[t % TARGETS.length]) cell = randomCell(random);
            if (cell.shape === 'final_level') {
              Object.assign(cell, { targetSource: 'plan', figureSource: 'reported' });
              // Half the rows with any status and severity: more kinds than a row remembers.
              if (t % 2 === 1) Object.assign(cell, { status: STATUSES[Math.floor(random() * STATUSES.length)], severity: SEVERITIES[Math.floor(random() * SEVERITIES.length)] });
            }
            cells.push(cell);
          }
        }
        const plain = listedOver(cells);
        const read: RegionCells = { base: 0, size: targets, marks: new Uint8Array(targets), shapes: new Uint8Array(targets), values: new Float64Array(targets) };
        let shaped = 0;
        let lies = 1;
        const listed: ListedResults = {
          ...plain,
          region: (key) => {
            read.base = Math.floor(key / targets) * targets;
            for (let i = 0; i < targets; i++) {
              const cell = cells[read.base + i]!;
              read.marks[i] = markOf(cell);
              // A cell without an actual, or whose figure is not a number, is asked for one by one.
              read.shapes[i] = !cell.hasActual || Number.isNaN(cell.value) ? 0 : cell.shape === 'final_level' ? 2 : 1;
              read.values[i] = read.shapes[i] === 0 ? 99 : cell.value;
              if (i === liar && lies-- > 0) read.values[i] = cell.value + 1;
              if (read.shapes[i] !== 0) shaped++;
            }
            return read;
          },
        };
        // The region's reading of one row's first cell disagrees with `cell` (its figure): that row is then read cell by cell.
        const liar = 3;
        const rows = Array.from({ length: targets }, (_, t) => {
          // Some regions list none of the row's target; one row's cells are of another target in some
          // regions (often a milestone), and another row's are some other region's (a view column of
          // two listed positions).
          const keys = Int32Array.from({ length: regions }, (_, region) => {
            if (random() < 0.1) return -1;
            if (t === 5 && region % 3 === 2) return region * targets + (random() < 0.5 ? 7 : Math.floor(random() * targets));
            if (t === 6 && random() < 0.3) return ((region + 1) % regions) * targets + t;
            return region * targets + t;
          });
          return { keys, key: (region: number) => keys[region]!, cell: (region: number) => cellOf(resultOfCell(cells[keys[region]!]!), lang) };
        });
        const byRegion = new MatrixCellTexts({ listed, lang, doubts: NO_DOUBTS }, escape);
        const byCell = new MatrixCellTexts({ listed: plain, lang, doubts: NO_DOUBTS }, escape);
        const n = rows.length;
        const column = (): CellColumn => ({ bytes: new GrowingBytes(4), starts: new Int32Array(n + 1), widths: new Int32Array(n), tones: new Uint8Array(n), spaceEnds: new Uint8Array(n) });
        const a = column();
        const b = column();
        for (let region = 0; region < regions; region++) {
          const keys = Int32Array.from(rows, (row) => row.keys[region]!);
          a.bytes.reset();
          b.bytes.reset();
          expect(byRegion.writeColumn(rows, keys, region, a)).toBe(byCell.writeColumn(rows, keys, region, b));
          expect(Buffer.from(a.bytes.view()).toString('utf8'), `${lang} ${region}`).toBe(Buffer.from(b.bytes.view()).toString('utf8'));
          expect([[...a.starts], [...a.widths], [...a.tones], [...a.spaceEnds]]).toEqual([[...b.starts], [...b.widths], [...b.tones], [...b.spaceEnds]]);
        }
        expect(shaped).toBeGreaterThan(regions * targets * 0.5);
      }
    }
  });

  it('puts the figure between the pieces of its status and sources: `✗ 3.1`, `! Σ3.1/3.4`', () => {
    const t = levelTarget('>=', 3.4, '%');
    const failing = emptyCell();
    Object.assign(failing, { shape: 'final_level', target: t, region: 'x', status: 'not_met', severity: 'failure', final: true, hasActual: true, year: 2025, value: 3.1, targetSource: 'plan', figureSource: 'reported' });
    const own = { ...failing, severity: 'warning' as const, targetSource: 'decomposed' as const, figureSource: 'derived' as const };
    const cells = [failing, own, { ...failing, value: 3.25 }];
    const texts = new MatrixCellTexts({ listed: listedOver(cells), lang: 'en', doubts: NO_DOUBTS }, (text) => text);
    const row = rowOver(cells, 'en') as MatrixRow;
    expect({ ...texts.at(row, 0)! }).toEqual({ text: '✗ 3.1', width: 5, tone: 'bad' });
    expect({ ...texts.at(row, 1)! }).toEqual({ text: '! Σ3.1/3.4', width: 10, tone: 'warn' });
    expect({ ...texts.at(row, 2)! }).toEqual({ text: '✗ 3.25', width: 6, tone: 'bad' });
  });

  it('words a milestone the general way once per target, shape and whether it is done, and takes those words again', () => {
    const t = levelTarget('done', null, '', { kind: 'milestone' });
    const other = levelTarget('done', null, '', { kind: 'milestone' });
    const base = emptyCell();
    Object.assign(base, { shape: 'final_level', target: t, region: 'x', status: 'met', severity: 'ok', final: true, hasActual: true, year: 2025, value: 1, targetSource: 'plan', figureSource: 'reported' });
    const missed = { ...base, status: 'not_met' as const, severity: 'failure' as const, value: 0 };
    const cells = [base, missed, { ...base, region: 'y' }, { ...missed, region: 'z' }, { ...base, target: other }, { ...base, figureSource: 'derived' as const }, base, missed];
    let asked = 0;
    const general = rowOver(cells, 'zh');
    const row = { key: general.key, cell: (region: number) => (asked++, general.cell(region)) } as MatrixRow;
    const texts = new MatrixCellTexts({ listed: listedOver(cells), lang: 'zh', doubts: NO_DOUBTS }, (text) => text);
    const shown = cells.map((_, region) => ({ ...texts.at(row, region)! }));
    expect(shown.map((cell) => cell.text)).toEqual(['✓ 已完成', '✗ 未完成', '✓ 已完成', '✗ 未完成', '✓ 已完成', '✓ Σ已完成', '✓ 已完成', '✗ 未完成']);
    expect(shown[1]).toEqual({ text: '✗ 未完成', width: 8, tone: 'bad' });
    // Done and not done of the first target, the second target, and a figure rolled up: four wordings.
    expect(asked).toBe(4);
  });

  it('words the general way a doubted figure and results without cells', () => {
    const random = seededRandom(5);
    const cells = Array.from({ length: 300 }, () => randomCell(random));
    let asked = 0;
    const row = { key: (region: number) => region, cell: (region: number) => (asked++, { ...cellOf(resultOfCell(cells[region]!), 'zh'), text: `doubted ${region}` }) } as unknown as MatrixRow;
    const doubted = new MatrixCellTexts({ listed: listedOver(cells), lang: 'zh', doubts: { size: 1, of: () => '⚠' } }, (text) => text);
    for (let region = 0; region < cells.length; region++) expect(doubted.at(row, region)!.text).toBe(`doubted ${region}`);
    expect(asked).toBe(cells.length);
    const { cell: _cell, ...held } = listedOver(cells);
    const plain = new MatrixCellTexts({ listed: held, lang: 'zh', doubts: NO_DOUBTS }, (text) => text);
    for (let region = 0; region < cells.length; region++) expect(plain.at(row, region)!.text).toBe(`doubted ${region}`);
  });
});
