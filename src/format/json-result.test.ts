import { describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { readRegionTargets } from '../actuals/read-region-targets.js';
import { evaluate } from '../evaluate/evaluate.js';
import { bundledPlan, townsPlan } from '../evaluate/plan.test-helper.js';
import type { Result } from '../report/types.js';
import { emptyCell, resultOfCell, type ListedCell } from '../report/listed-results.js';
import { seededRandom } from '../seeded-random.test-helper.js';
import { JsonCache, resultJson, resultText } from './json.js';
import { prettyJson } from './pretty-json.js';
import { sampleReport } from './sample-report.test-helper.js';
import { ByteChunks } from './byte-chunks.js';
import { JsonResultWriter } from './write-json-result.js';
import { escapeJsonText } from './sanitize.js';

// The rule: a result's text in the JSON report is prettyJson of its JSON object, 4 spaces deep,
// however much of it was written before (the same target in another region, a shared reason).
const fixture = (path: string): string => new URL(`../../fixtures/${path}`, import.meta.url).pathname;

async function resultsOf(plan: ReturnType<typeof townsPlan>, file: string, asOf?: number, withTerms = false): Promise<Result[]> {
  const { readFileSync } = await import('node:fs');
  const actuals = await readActuals([{ name: file, open: async function* () { yield readFileSync(file); } }], plan);
  const regionTargets = withTerms ? await readRegionTargets(fixture('towns/region-targets.csv'), plan) : null;
  return evaluate(plan, actuals, { asOf, policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'p', toolVersion: '0', regionTargets }).results;
}

/** Results of towns, a county, decomposed targets, mid-term and hostile text, and one a caller made with fields left undefined. */
async function mixedResults(): Promise<Result[]> {
  const towns = townsPlan();
  return [
    ...sampleReport.results,
    ...(await resultsOf(towns, fixture('towns/towns-2025.csv'))),
    ...(await resultsOf(towns, fixture('towns/towns-with-county-2025.csv'), undefined, true)),
    ...(await resultsOf(towns, fixture('towns/towns-2025.csv'), 2023, true)),
    ...(await resultsOf(bundledPlan(), fixture('xiangshan/regions-2025.csv'))),
    ...(await resultsOf(bundledPlan(), fixture('hostile/control-sequences.csv'))),
    // A result a caller made with fields left undefined: left out, as JSON.stringify leaves them.
    { ...sampleReport.results[0]!, reason: undefined, region: undefined } as unknown as Result,
  ];
}

describe('resultText', () => {
  it('is prettyJson(resultJson(result)) for every result of towns, a county, decomposed targets, mid-term and hostile text', async () => {
    const results = await mixedResults();
    expect(results.length).toBeGreaterThan(400);
    for (const lang of ['zh', 'en'] as const) {
      const cache = new JsonCache();
      // Twice through one cache: what is written again is written the same.
      for (const result of [...results, ...results]) expect(resultText(result, lang, cache)).toBe(prettyJson(resultJson(result, lang), 4, escapeJsonText));
    }
  });

  it('JsonResultWriter writes the same text as UTF-8, result by result, however often a target, region, reason or file repeats', async () => {
    const results = [
      ...(await mixedResults()),
      // Hostile text in a region and a file name: controls, bidi, quotes, a lone surrogate, CJK.
      { ...sampleReport.results[1]!, region: 'a\u001b[31m"\u202e丹东\ud800]]>', actual: { year: 2025, value: -0.000123, file: 'x\u2028"y.csv', row: null } },
      { ...sampleReport.results[1]!, actual: { year: 2025, value: 1e-7, file: null, row: 12 }, gap: 1e21, attainment: Number.NaN },
    ];
    for (const lang of ['zh', 'en'] as const) {
      const out = new ByteChunks(64);
      const writer = new JsonResultWriter(out, lang);
      for (const result of [...results, ...results]) {
        writer.write(result);
        expect(Buffer.from(out.take()).toString('utf8')).toBe(Buffer.from(resultText(result, lang), 'utf8').toString('utf8'));
      }
    }
  });

  it('a reason of the same code as the last is written again only when its parameters, their order and its members are the same', () => {
    const base = sampleReport.results[1]!;
    const reasons = [
      { code: 'reason.missing-years', params: { years: '2021, 2022' } },
      { code: 'reason.missing-years', params: { years: '2021, 2022' } },
      { code: 'reason.missing-years', params: { years: '2021' } },
      { code: 'reason.no-figure', params: { year: 2025 } },
      { code: 'reason.no-figure', params: { year: '2025' } },
      { code: 'reason.failed-years', params: { years: '2023' } },
      { code: 'reason.plan-baseline', params: { year: 2020, submitted: 3, baseline: 4 } },
      { code: 'reason.plan-baseline', params: { submitted: 3, year: 2020, baseline: 4 } },
      { code: 'reason.plan-baseline', params: { year: 2020, submitted: -0, baseline: 4 } },
      { code: 'reason.plan-baseline', params: { year: 2020, submitted: 3, baseline: 4, extra: '\u202e' } },
      { params: { years: '2021, 2022' }, code: 'reason.missing-years' },
      { code: 'reason.missing-years', params: { years: '2021, 2022' }, more: 1 },
      { code: 'reason.missing-years', params: { years: ['2021'] } },
      { code: 'reason.missing-years', params: { years: '2021, 2022' } },
    ] as unknown as Result['reason'][];
    for (const lang of ['zh', 'en'] as const) {
      const out = new ByteChunks(64);
      const writer = new JsonResultWriter(out, lang);
      for (const reason of [...reasons, ...reasons.reverse()]) {
        const result = { ...base, reason };
        writer.write(result);
        expect(Buffer.from(out.take()).toString('utf8')).toBe(resultText(result, lang));
      }
    }
  });

  it('a result whose target terms differ from the last of its id (a town\'s own target) is not given the cached terms', () => {
    const cache = new JsonCache();
    const plain = sampleReport.results[1]!;
    const own = { ...plain, value: 40, op: '>=' as const };
    expect(resultText(plain, 'en', cache)).toContain('"value": 1000');
    expect(resultText(own, 'en', cache)).toContain('"value": 40');
    expect(resultText(own, 'en', cache)).toContain('"op": ">="');
  });
});

const FIRST_SEPARATOR = Buffer.from('[\n    ');
const NEXT_SEPARATOR = Buffer.from(',\n    ');

describe('JsonResultWriter.writeCell', () => {
  // The rule: a cell is written as its result is (resultText of resultOfCell), whatever cells of
  // the same target came before it (its pieces are kept by shape, status, severity, finality,
  // year, file and sources, and must never be given to a cell that differs in any of them).
  it('property: 6,000 random cells of random targets, regions, years, files, sources and figures, zh and en', () => {
    const next = seededRandom(23);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const targets = bundledPlan().targets.filter((_, i) => i % 7 === 0);
    const regions = ['丹东街道0001村', 'a\u001b[31m"\u202e丹东\ud800]]>', '', '=cmd|calc', 'x::y%0A'];
    const files = ['r.csv', 'x\u2028"y.csv', '数据.csv'];
    const numbers = [0, -0, 3.5, -12.25, 15.22, 1e-7, 123456789.123, 0.883636363636363, 1.21176470588235, 1e21, 2 ** 31, 7];
    const severities = ['ok', 'info', 'warning', 'failure'] as const;
    for (const lang of ['zh', 'en'] as const) {
      const out = new ByteChunks(64);
      const writer = new JsonResultWriter(out, lang);
      const cells: ListedCell[] = [];
      for (let i = 0; i < 3000; i++) {
        const cell = emptyCell();
        cell.target = pick(targets);
        cell.region = pick(regions);
        cell.year = pick([2020, 2023, 2025, 2025, 6121]);
        cell.value = pick(numbers);
        cell.file = pick(files);
        cell.row = next() < 0.2 ? null : Math.floor(next() * 1e6);
        if (next() < 0.5) {
          cell.shape = 'not_judged';
          cell.status = 'not_assessable';
          cell.severity = pick(['info', 'failure'] as const);
          cell.final = next() < 0.5;
          cell.hasActual = next() < 0.7;
          cell.figureSource = cell.hasActual ? 'reported' : null;
        } else {
          cell.shape = 'final_level';
          cell.status = pick(['met', 'not_met'] as const);
          cell.severity = pick(severities);
          cell.final = true;
          cell.hasActual = true;
          cell.gap = next() < 0.1 ? null : pick(numbers);
          cell.attainment = next() < 0.1 ? null : pick(numbers);
          cell.targetSource = pick(['plan', 'intensive_plan'] as const);
          cell.figureSource = 'reported';
        }
        writer.writeCell(cell);
        const text = Buffer.from(out.take()).toString('utf8');
        const expected = Buffer.from(resultText(resultOfCell(cell), lang), 'utf8').toString('utf8');
        if (text !== expected) expect(text).toBe(expected);
        cells.push({ ...cell });
      }
      // The same cells in a run, each after a separator, with results written the general way
      // between them and chunks taken at random: a cell's last piece held back to join the next
      // separator and head, the text is still every separator and result in order.
      const chunks = new ByteChunks(256);
      const runWriter = new JsonResultWriter(chunks, lang);
      const taken: Buffer[] = [];
      let expected = '';
      for (const [i, cell] of cells.entries()) {
        const separator = i === 0 ? '[\n    ' : ',\n    ';
        if (next() < 0.1) {
          runWriter.flush();
          chunks.text(separator);
          runWriter.write(resultOfCell(cell));
        } else runWriter.writeCellAfter(cell, i === 0 ? FIRST_SEPARATOR : NEXT_SEPARATOR);
        expected += separator + resultText(resultOfCell(cell), lang);
        if (next() < 0.3) taken.push(Buffer.from(chunks.take()));
      }
      runWriter.flush();
      taken.push(Buffer.from(chunks.take()));
      const text = Buffer.concat(taken).toString('utf8');
      if (text !== expected) expect(text).toBe(expected);
    }
  });
});
