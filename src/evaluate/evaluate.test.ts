import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { readRegionTargets } from '../actuals/read-region-targets.js';
import { exitCode } from '../report/exit-code.js';
import type { FailCondition, Result } from '../report/types.js';
import { evaluate } from './evaluate.js';
import { actualsFrom, csvOfFigures, miniPlan, randomFigures, townsPlan } from './plan.test-helper.js';

const plan = miniPlan();

async function check(csv: string, asOf?: number, failOn: FailCondition[] = ['not_met'], maxWarnings: number | null = null) {
  const actuals = await actualsFrom(plan, csv);
  expect(actuals.problems).toEqual([]);
  return evaluate(plan, actuals, { asOf, policy: { failOn, maxWarnings }, planFile: 'mini.yaml', toolVersion: '0' });
}

async function one(csv: string, id: string, asOf?: number): Promise<Result> {
  const report = await check(csv, asOf);
  const result = report.results.find((r) => r.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}

describe('level targets before the deadline (growth ratio, Eurostat bands)', () => {
  it('on track: observed growth 6.27 % a year against 6.34 % required', async () => {
    const r = await one('id,year,value\nG1.1,2020,2.5\nG1.1,2023,3.0\n', 'G1.1', 2023);
    expect(r.status).toBe('on_track');
    expect(r.final).toBe(false);
    // required (3.4/2.5)^(1/5) − 1, observed (3.0/2.5)^(1/3) − 1
    expect(r.progress?.requiredRate).toBeCloseTo(6.3427, 3);
    expect(r.progress?.observedRate).toBeCloseTo(6.2659, 3);
    expect(r.progress?.ratio).toBeCloseTo(0.9879, 3);
    // 3.0 × 1.062659² = 3.3877; 0.0123 short at the deadline
    expect(r.progress?.projected).toBeCloseTo(3.3877, 3);
    expect(r.progress?.projectedGap).toBeCloseTo(-0.0123, 3);
    expect(r.progress?.elapsedShare).toBe(0.6);
    expect(r.progress?.baseline).toEqual({ year: 2020, value: 2.5, file: 'in1.csv', row: 2 });
  });

  it('insufficient, moving away, already met', async () => {
    expect((await one('id,year,value\nG1.1,2020,2.5\nG1.1,2023,2.7\n', 'G1.1', 2023)).status).toBe('insufficient');
    expect((await one('id,year,value\nG1.1,2020,2.5\nG1.1,2023,2.4\n', 'G1.1', 2023)).status).toBe('moving_away');
    expect((await one('id,year,value\nG1.1,2020,2.5\nG1.1,2023,3.5\n', 'G1.1', 2023)).status).toBe('achieved');
  });

  it('a ceiling approached from above: moderate progress', async () => {
    const r = await one('id,year,value\nM1.3,2020,4.2\nM1.3,2023,3.8\n', 'M1.3', 2023);
    // required (3.5/4.2)^(1/5) − 1 = −3.58 %; observed (3.8/4.2)^(1/3) − 1 = −3.28 %
    expect(r.progress?.requiredRate).toBeCloseTo(-3.5807, 3);
    expect(r.progress?.observedRate).toBeCloseTo(-3.2811, 3);
    expect(r.progress?.ratio).toBeCloseTo(0.9163, 3);
    expect(r.status).toBe('moderate');
  });

  it('a negative baseline falls back to linear change', async () => {
    const r = await one('id,year,value\nG1.1,2020,-1\nG1.1,2023,1.4\n', 'G1.1', 2023);
    expect(r.progress?.method).toBe('linear-ratio');
    // required (3.4 − (−1)) / 5 = 0.88 a year; observed 2.4 / 3 = 0.8
    expect(r.progress?.requiredRate).toBeCloseTo(0.88, 6);
    expect(r.progress?.observedRate).toBeCloseTo(0.8, 6);
    expect(r.status).toBe('moderate');
  });

  it('a zero baseline falls back to linear change too', async () => {
    const r = await one('id,year,value\nG1.1,2020,0\nG1.1,2023,1.5\n', 'G1.1', 2023);
    // required 3.4 / 5 = 0.68 a year; observed 1.5 / 3 = 0.5; ratio 0.735
    expect(r.progress).toMatchObject({ method: 'linear-ratio', requiredRate: 0.68, observedRate: 0.5 });
    expect(r.progress?.ratio).toBeCloseTo(0.7353, 4);
    expect(r.status).toBe('moderate');
  });

  it('says what is missing instead of guessing', async () => {
    const r = await one('id,year,value\nG1.1,2023,3.0\n', 'G1.1', 2023);
    expect(r.status).toBe('not_assessable');
    expect(r.reason).toEqual({ code: 'reason.no-baseline', params: { year: 2020 } });
  });

  it('a series that overshoots and falls back is judged on its latest figure', async () => {
    const r = await one('id,year,value\nG1.1,2020,2.5\nG1.1,2021,3.6\nG1.1,2022,2.6\n', 'G1.1', 2022);
    expect(r.actual?.value).toBe(2.6);
    expect(r.status).toBe('insufficient');
  });
});

describe('final judgements at the deadline', () => {
  it('a strict floor is not met on its boundary, with units converted exactly', async () => {
    const r = await one('id,year,value,unit\nM1.1,2025,10000000,万元\n', 'M1.1');
    expect(r.status).toBe('not_met');
    expect(r.actual?.value).toBe(1000);
    expect(r.gap).toBe(0);
    expect(r.severity).toBe('failure');
  });

  it('level met with a gap in the target unit', async () => {
    const r = await one('id,value\nG1.1,3.52%\n', 'G1.1');
    expect(r).toMatchObject({ status: 'met', final: true, gap: 0.12 });
    expect(r.attainment).toBeCloseTo(1.0353, 4);
  });

  it('cumulative running totals: on track by time share before, met at the end', async () => {
    const mid = await one('id,year,value,unit\nM2.1,2021,0.9,万人\nM2.1,2022,1.8,万人\nM2.1,2023,26000,人\n', 'M2.1', 2023);
    expect(mid.status).toBe('on_track');
    expect(mid.progress?.completionShare).toBeCloseTo(0.5778, 4);
    expect(mid.progress?.gapPoints).toBeCloseTo(-2.2222, 3);
    expect(mid.progress?.projected).toBeCloseTo(4.3333, 3);
    const end = await one('id,year,value\nM2.1,2025,4.6\n', 'M2.1');
    expect(end).toMatchObject({ status: 'met', gap: 0.1 });
  });

  it('cagr from yearly rates and from levels', async () => {
    const rates = await one('id,year,value\nM1.2,2021,21.5\nM1.2,2022,19\nM1.2,2023,18\n', 'M1.2', 2023);
    // (1.215 × 1.19 × 1.18)^(1/3) − 1 = 19.49 %
    expect(rates.progress?.observedRate).toBeCloseTo(19.491, 3);
    expect(rates.status).toBe('on_track');
    const levels = await one('id,year,value,unit\nM1.2,2020,100,亿元\nM1.2,2025,260,亿元\n', 'M1.2');
    // 2.6^(1/5) − 1 = 21.06 %
    expect(levels.progress?.observedRate).toBeCloseTo(21.058, 2);
    expect(levels.status).toBe('met');
    const gaps = await one('id,year,value\nM1.2,2021,21\nM1.2,2023,22\nM1.2,2024,20\nM1.2,2025,20\n', 'M1.2');
    expect(gaps).toMatchObject({ status: 'no_data', reason: { code: 'reason.missing-years', params: { years: '2022' } } });
  });

  it('change against the baseline: 零增长', async () => {
    const met = await one('id,year,value,unit\nM2.7,2020,500,件\nM2.7,2025,480,件\n', 'M2.7');
    expect(met).toMatchObject({ status: 'met', actual: { value: -4 }, gap: 4 });
    const missed = await one('id,year,value,unit\nM2.7,2020,500,件\nM2.7,2025,510,件\n', 'M2.7');
    expect(missed).toMatchObject({ status: 'not_met', actual: { value: 2 }, gap: -2 });
  });

  it('trend: every year must move the required way', async () => {
    const mid = await one('id,year,value\nM2.6,2020,5\nM2.6,2021,4.8\nM2.6,2022,4.9\nM2.6,2023,4.5\n', 'M2.6', 2023);
    expect(mid).toMatchObject({ status: 'insufficient', reason: { params: { years: '2022' } } });
    const up = await one('id,year,value\nM2.6,2020,5\nM2.6,2023,5.5\n', 'M2.6', 2023);
    expect(up.status).toBe('moving_away');
    const rows = [2020, 2021, 2022, 2023, 2024, 2025].map((y, i) => `M2.6,${y},${5 - i * 0.2}`).join('\n');
    expect((await one(`id,year,value\n${rows}\n`, 'M2.6')).status).toBe('met');
  });

  it('annual: a year that misses is a miss already, named', async () => {
    const r = await one('id,year,value\nM2.2,2021,1.2\nM2.2,2022,0.9\nM2.2,2023,1.1\n', 'M2.2', 2023);
    expect(r).toMatchObject({ status: 'not_met', gap: -0.1, reason: { code: 'reason.failed-years', params: { years: '2022' } } });
  });

  it('average: a soft miss is a warning, not a failure', async () => {
    const rows = [5, 6, 7, 6, 5.5].map((v, i) => `M2.8,${2021 + i},${v}`).join('\n');
    const report = await check(`id,year,value\n${rows}\n`);
    const r = report.results.find((x) => x.id === 'M2.8');
    expect(r).toMatchObject({ status: 'not_met', severity: 'warning', actual: { value: 5.9 }, gap: -0.1 });
    expect(report.summary.warnings).toBe(1);
    expect(report.summary.failures).toBe(0);
    expect(exitCode(report)).toBe(0);
  });

  it('milestones: pending before the deadline, met when done', async () => {
    expect((await one('id,year,value\nM2.5,2023,否\n', 'M2.5', 2023)).status).toBe('pending');
    expect((await one('id,year,value\nM2.5,2025,是\n', 'M2.5')).status).toBe('met');
    expect((await one('id,year,value\nM2.5,2025,未完成\n', 'M2.5')).status).toBe('not_met');
  });

  it('ranges and approximate targets', async () => {
    const report = await check('id,value\nM2.4,6\nM2.3,31\n');
    expect(report.results.find((r) => r.id === 'M2.4')).toMatchObject({ status: 'not_met', gap: -1 });
    expect(report.results.find((r) => r.id === 'M2.3')).toMatchObject({ status: 'met', gap: 0 });
  });
});

describe('policy and exit code', () => {
  it('0 when nothing failed, 1 on a hard miss, 2 on invalid input', async () => {
    expect(exitCode(await check('id,value\nG1.1,3.5\n'))).toBe(0);
    expect(exitCode(await check('id,value\nG1.1,3.3\n'))).toBe(1);
    const actuals = await actualsFrom(plan, 'id,value\nG1.1,abc\n');
    const report = evaluate(plan, actuals, { policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'p', toolVersion: '0' });
    expect(exitCode(report)).toBe(2);
  });

  it('missing figures fail only when asked (--require-complete)', async () => {
    expect(exitCode(await check('id,value\nG1.1,3.5\n', undefined, ['not_met']))).toBe(0);
    expect(exitCode(await check('id,value\nG1.1,3.5\n', undefined, ['not_met', 'no_data']))).toBe(1);
  });

  it('off-track fails a mid-term review only when asked', async () => {
    const csv = 'id,year,value\nG1.1,2020,2.5\nG1.1,2023,2.7\n';
    expect(exitCode(await check(csv, 2023))).toBe(0);
    expect(exitCode(await check(csv, 2023, ['not_met', 'off_track']))).toBe(1);
  });

  it('--max-warnings turns too many warnings into a failure', async () => {
    const rows = [5, 6, 7, 6, 5.5].map((v, i) => `M2.8,${2021 + i},${v}`).join('\n');
    expect(exitCode(await check(`id,year,value\n${rows}\n`, undefined, ['not_met'], 0))).toBe(1);
    expect(exitCode(await check(`id,year,value\n${rows}\n`, undefined, ['not_met'], 1))).toBe(0);
  });

  it('as-of defaults to the latest year in the data', async () => {
    expect((await check('id,year,value\nG1.1,2022,3\n')).asOf).toBe(2022);
  });
});

describe('summary-only evaluation', () => {
  it('counts exactly what the detailed evaluation counts, per region too', async () => {
    const csv = readFileSync(new URL('../../fixtures/mini/final-2025.csv', import.meta.url), 'utf8');
    const regional = `region,${csv.split('\n')[0]}\n${csv.split('\n').slice(1).filter(Boolean).flatMap((line, i) => [`甲,${line}`, ...(i % 3 ? [`乙,${line}`] : [])]).join('\n')}\n`;
    for (const text of [csv, regional]) {
      const actuals = await actualsFrom(plan, text);
      const options = { policy: { failOn: ['not_met' as const], maxWarnings: null }, planFile: 'p', toolVersion: '0' };
      const detailed = evaluate(plan, actuals, options);
      const counted = evaluate(plan, actuals, { ...options, detail: false });
      expect(counted.results).toEqual([]);
      expect(counted.summary).toEqual(detailed.summary);
    }
  });
});

describe('regions', () => {
  it('judges each region on its own and tallies per region', async () => {
    const report = await check('region,id,value\n丹东街道,G1.1,3.5\n丹西街道,G1.1,3.1\n');
    expect(report.regions).toEqual(['丹东街道', '丹西街道']);
    expect(report.summary.byRegion['丹东街道']?.byStatus.met).toBe(1);
    expect(report.summary.byRegion['丹西街道']?.byStatus.not_met).toBe(1);
    expect(report.summary.byStatus.met).toBe(1);
  });
});

describe('property: a summary-only evaluation counts what the full judges count', () => {
  const towns = townsPlan();
  const decomposed = readRegionTargets(new URL('../../fixtures/towns/region-targets.csv', import.meta.url).pathname, towns);
  const options = { policy: { failOn: ['not_met' as const], maxWarnings: null }, planFile: 'p', toolVersion: '0' };

  it('over the plain plan and the towns plan, with and without decomposed targets, at every as-of year', async () => {
    const cases = [
      { p: plan, regions: ['', '甲', '乙'], terms: false },
      { p: towns, regions: ['示例县', '甲镇', '乙镇', '丙乡', '丁村'], terms: false },
      { p: towns, regions: ['甲镇', '乙镇', '丙乡', '丹东街道', '丹西街道'], terms: true },
    ];
    const regionTargets = await decomposed;
    let judged = 0;
    for (const { p, regions, terms } of cases) {
      await fc.assert(
        fc.asyncProperty(randomFigures(p, regions), fc.oneof({ arbitrary: fc.constant(p.period.end), weight: 3 }, fc.integer({ min: p.baselineYear, max: p.period.end + 1 })), async (rows, asOf) => {
          const actuals = await readActuals([{ name: 'r.csv', open: async function* () { yield Buffer.from(csvOfFigures(p, rows)); } }], p);
          const run = { ...options, asOf, regionTargets: terms ? regionTargets : null };
          const detailed = evaluate(p, actuals, run);
          const counted = evaluate(p, actuals, { ...run, detail: false });
          expect(counted.results).toEqual([]);
          expect(counted.summary).toEqual(detailed.summary);
          judged += detailed.summary.byStatus.met + detailed.summary.byStatus.not_met;
        }),
        { numRuns: 60 },
      );
    }
    // The random data reach final verdicts often, not only "no data".
    expect(judged).toBeGreaterThan(150);
  });
});
