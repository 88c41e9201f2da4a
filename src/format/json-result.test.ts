import { describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { readRegionTargets } from '../actuals/read-region-targets.js';
import { evaluate } from '../evaluate/evaluate.js';
import { bundledPlan, townsPlan } from '../evaluate/plan.test-helper.js';
import type { Result } from '../report/types.js';
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

  it('a result whose target terms differ from the last of its id (a town\'s own target) is not given the cached terms', () => {
    const cache = new JsonCache();
    const plain = sampleReport.results[1]!;
    const own = { ...plain, value: 40, op: '>=' as const };
    expect(resultText(plain, 'en', cache)).toContain('"value": 1000');
    expect(resultText(own, 'en', cache)).toContain('"value": 40');
    expect(resultText(own, 'en', cache)).toContain('"op": ">="');
  });
});
