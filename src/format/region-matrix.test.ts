import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { readRegionTargets } from '../actuals/read-region-targets.js';
import { evaluateListed } from '../evaluate/evaluate.js';
import { bundledPlan } from '../evaluate/plan.test-helper.js';
import type { Plan } from '../plan/types.js';
import type { RegionTargets } from '../actuals/interpret-region-targets.js';
import { rankAt } from '../report/listed-results.js';
import { regionMatrix, type MatrixRow } from './region-matrix.js';
import { cellOf } from './view-result.js';
import { viewReport, viewResult } from './view.js';

const fixture = (path: string): string => new URL(`../../fixtures/${path}`, import.meta.url).pathname;

async function matrixOf(plan: Plan, file: string, regionTargets?: RegionTargets, bytes?: Buffer, regions?: string[]) {
  const actuals = await readActuals([{ name: file, open: async function* () { yield bytes ?? readFileSync(file); } }], plan);
  const options = { policy: { failOn: ['not_met' as const], maxWarnings: null }, planFile: 'plan.yaml', toolVersion: '0', listing: { quiet: false, manyRegions: false }, ...(regionTargets ? { regionTargets } : {}) };
  const { report, listed } = evaluateListed(plan, actuals, options);
  const view = viewReport(report, { lang: 'zh', maxErrors: 50, results: listed, ...(regions ? { regions } : {}) });
  return { view, rows: regionMatrix(view), problems: actuals.problemCount };
}

describe('regionMatrix: a cell shows the result as judged, without judging it again in full', () => {
  it("a row's figure() is its result() less the gap and attainment a cell never shows", async () => {
    // The bundled plan declares the towns of the fixtures (towns.yaml is a plan of other ids).
    const plan = bundledPlan();
    const cases = [
      await matrixOf(plan, fixture('xiangshan/regions-2025.csv')),
      await matrixOf(plan, fixture('towns/towns-with-county-2025.csv'), await readRegionTargets(fixture('towns/region-targets.csv'), plan)),
    ];
    let compared = 0;
    let light = 0;
    for (const { view, rows } of cases) {
      for (const row of rows) {
        for (let region = 0; region < view.regions.length; region++) {
          const full = row.result(region);
          const figure = row.figure(region);
          if (!full) {
            expect(figure).toBeUndefined();
            continue;
          }
          expect(figure).toBeDefined();
          if (figure!.gap === null && full.gap !== null) light++;
          // Everything but the gap and attainment is the same; those are the full result's or null.
          expect({ ...figure, gap: full.gap, attainment: full.attainment }).toEqual(full);
          expect(figure!.gap === null || figure!.gap === full.gap).toBe(true);
          // And the cell reads as the full result's cell.
          // (with the mark of a figure a warning doubts after it)
          expect(row.cell(region)!.text).toBe(`${cellOf(full, 'zh').text}${view.doubts.of(full, 'zh') === '' ? '' : ' ⚠'}`);
          expect(figure!.attainment === null || figure!.attainment === full.attainment).toBe(true);
          compared++;
        }
      }
    }
    // Final levels judged on a region's own figure are the cells read without their decimals.
    expect(compared).toBeGreaterThan(1000);
    expect(light).toBeGreaterThan(0);
  });

  it('a figure a hair under its target is shown in full, never rounded onto the line (as its full result shows it)', async () => {
    // G2.3: ≥ 3.4 %. 3.39999999 is not met; at 4 decimals it would read 3.4 and look met.
    const csv = Buffer.from('地区,编号,年份,实际值\n甲村,G2.3,2025,3.39999999\n乙村,G2.3,2025,3.5\n丙村,G2.3,2025,3.40000001\n');
    const { view, rows } = await matrixOf(bundledPlan(), 'near.csv', undefined, csv);
    const row = rows.find((r) => r.id === 'G2.3')!;
    const texts = view.regions.map((_, i) => row.cell(i)?.text ?? '');
    expect(texts).toContain('✗ 3.39999999');
    expect(texts).toContain('✓ 3.40000001');
    expect(texts).toContain('✓ 3.5');
  });

  it("a row's rank is the worst rank of every listed result of its target, in a column or not (--region), and orders --sort status", async () => {
    for (const regions of [undefined, ['石浦镇'], ['丹东街道', '石浦镇']]) {
      const { view, rows } = await matrixOf(bundledPlan(), fixture('xiangshan/regions-2025.csv'), undefined, undefined, regions);
      const { listed } = view;
      const worst = new Map<string, number>();
      for (const key of listed.keys()) {
        const id = listed.metaOf(key).id;
        worst.set(id, Math.min(worst.get(id) ?? 9, rankAt(listed, key)));
      }
      expect(rows.length).toBeGreaterThan(50);
      for (const row of rows) expect(row.rank, `${row.id} ${String(regions)}`).toBe(worst.get(row.id));
      const sorted = regionMatrix(view, 'status').map((row) => row.rank);
      expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
      expect(new Set(sorted).size).toBeGreaterThan(1);
    }
  });
});

describe('regionMatrix of a listing that is a grid (ListedResults.grid)', () => {
  /** A row as a format reads it: its words, rank and key in every column. */
  const shown = (row: MatrixRow) => ({ id: row.id, indicator: row.indicator, target: row.target, unit: row.unit, group: row.group, rank: row.rank, keys: [...row.keys] });

  it('reads target by target the same rows, words, ranks and keys as the keys in report order', async () => {
    const plan = bundledPlan();
    const cases = [
      await matrixOf(plan, fixture('xiangshan/regions-2025.csv')),
      // Regions the view has no column for count in a row's rank only.
      await matrixOf(plan, fixture('xiangshan/regions-2025.csv'), undefined, undefined, ['石浦镇']),
      // Towns judged on their own targets, beside the county's roll-up and towns not judged.
      await matrixOf(plan, fixture('towns/towns-with-county-2025.csv'), await readRegionTargets(fixture('towns/region-targets.csv'), plan)),
      await matrixOf(plan, fixture('towns/towns-2025.csv')),
    ];
    let decomposed = 0;
    for (const { view, rows, problems } of cases) {
      expect(problems).toBe(0);
      expect(view.listed.grid).toBeDefined();
      const { grid: _grid, ...byKeys } = view.listed;
      const general = regionMatrix({ ...view, listed: byKeys });
      expect(rows.map(shown)).toEqual(general.map(shown));
      expect(rows.length).toBeGreaterThan(50);
      for (const row of rows) {
        // A row's words are its target's, as its first listed result, judged in full, shows them.
        const first = Math.min(...[...row.keys].filter((key) => key >= 0));
        const full = view.listed.get(first);
        const words = viewResult(full, view.lang);
        expect({ id: row.id, indicator: row.indicator, unit: row.unit, group: row.group }).toEqual({ id: words.id, indicator: words.indicator, unit: full.unit, group: words.group });
        for (const key of row.keys) if (key >= 0 && view.listed.get(key).targetSource === 'decomposed') decomposed++;
      }
      // Both hold every listed key once.
      const listedKeys = [...view.listed.keys()].filter((key) => view.regions.some((region) => region.key === view.listed.regionOf(key)));
      expect(rows.flatMap((row) => [...row.keys].filter((key) => key >= 0)).sort((a, b) => a - b)).toEqual(listedKeys);
    }
    expect(decomposed).toBeGreaterThan(0);
  });
});

