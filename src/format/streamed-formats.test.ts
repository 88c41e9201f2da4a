import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { readRegionTargets } from '../actuals/read-region-targets.js';
import { evaluate, evaluateListed, type EvaluateOptions } from '../evaluate/evaluate.js';
import { bundledPlan, miniPlan, townsPlan } from '../evaluate/plan.test-helper.js';
import { listResults } from '../list-results.js';
import type { Plan } from '../plan/types.js';
import type { ListedResults } from '../report/listed-results.js';
import type { Report } from '../report/types.js';
import type { FormatOptions } from './formatter.js';
import { formatters, type TextFormatName } from './index.js';

// Every text format laid out from results judged again as reached (the CLI's path) must give
// exactly the text laid out from the report holding all its results (the library's path).
const FORMATS: TextFormatName[] = ['table', 'summary', 'text', 'json', 'csv', 'markdown', 'junit', 'github', 'sarif'];
const BYTE_FORMATS = new Set<TextFormatName>(['json', 'junit', 'sarif', 'csv', 'table', 'markdown']);
const fixture = (path: string): string => new URL(`../../fixtures/${path}`, import.meta.url).pathname;

interface Case {
  name: string;
  plan: Plan;
  files: string[];
  options?: Partial<EvaluateOptions>;
}

async function evaluated(c: Case, quiet = false): Promise<{ whole: Report; report: Report; listed: ListedResults }> {
  const actuals = await readActuals(c.files.map((file) => ({ name: file, open: async function* () { yield readFileSync(file); } })), c.plan);
  const listing = { quiet, manyRegions: actuals.store.regionNames().length > 1 };
  const options: EvaluateOptions = { policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'plan.yaml', toolVersion: '0', ...c.options };
  // The whole report filtered by a function; the listed results by the same filter given as data (as the CLI does), so common cells are read without a result.
  return { whole: evaluate(c.plan, actuals, { ...options, list: listResults(listing) }), ...evaluateListed(c.plan, actuals, { ...options, listing }) };
}

const cases = async (): Promise<Case[]> => {
  const towns = townsPlan();
  const regionTargets = await readRegionTargets(fixture('towns/region-targets.csv'), towns);
  const xiangshan = bundledPlan();
  return [
    { name: 'no regions, final', plan: miniPlan(), files: [fixture('mini/final-2025.csv')] },
    { name: 'input errors', plan: miniPlan(), files: [fixture('mini/invalid-rows.csv')] },
    { name: 'mid-term, no regions', plan: xiangshan, files: [fixture('xiangshan/midterm-2020-2023.csv')] },
    { name: 'towns of the bundled plan, 2025', plan: xiangshan, files: [fixture('xiangshan/regions-2025.csv')] },
    { name: 'towns, county derived', plan: towns, files: [fixture('towns/towns-2025.csv')] },
    { name: 'towns with the county and decomposed targets', plan: towns, files: [fixture('towns/towns-with-county-2025.csv')], options: { regionTargets } },
    { name: 'towns, as of 2023', plan: towns, files: [fixture('towns/towns-2025.csv')], options: { asOf: 2023, regionTargets } },
  ];
};

const render = (format: TextFormatName, report: Report, options: FormatOptions): string => {
  const output = formatters[format](report, options);
  return typeof output === 'string' ? output : [...output].join('');
};

describe('streamed formats: the same text as from the whole report', () => {
  it('every text format, in both languages, by indicator and by region, in plan and status order, at three widths', async () => {
    let compared = 0;
    for (const c of await cases()) {
      for (const quiet of [false, true]) {
        const { whole, report, listed } = await evaluated(c, quiet);
        for (const format of FORMATS) {
          for (const lang of ['zh', 'en'] as const) {
            for (const by of ['indicator', 'region'] as const) {
              for (const sort of ['plan', 'status'] as const) {
                for (const width of format === 'table' ? [100, 60, 30] : [100]) {
                  const options: FormatOptions = { lang, color: false, maxErrors: 50, by, sort, width };
                  const expected = render(format, whole, options);
                  expect(render(format, report, { ...options, results: listed }), `${c.name} ${format} ${lang} ${by} ${sort} ${width}${quiet ? ' -q' : ''}`).toBe(expected);
                  compared++;
                }
              }
            }
          }
        }
      }
    }
    expect(compared).toBe(7 * 2 * (8 + 3) * 2 * 2 * 2);
    // 1,232 layouts: give a loaded machine time.
  }, 120_000);
});

describe('streamed formats hold no more results than a region (or a matrix row) at a time', () => {
  it('each format asks for at most max(targets × 12, regions) results between two pieces it writes, and for each at most twice', async () => {
    // 40 regions × 12 targets, every figure given: 480 listed results.
    const plan = miniPlan();
    const regions = Array.from({ length: 40 }, (_, i) => `镇${i}`);
    const rows = regions.flatMap((region, i) => plan.targets.map((target) => `${region},${target.id},2025,${target.kind === 'milestone' ? '是' : i % 3 === 0 ? 0 : 1000}`));
    const csv = `region,id,year,value\n${rows.join('\n')}\n`;
    const actuals = await readActuals([{ name: 'r.csv', open: async function* () { yield Buffer.from(csv); } }], plan);
    const { report, listed } = evaluateListed(plan, actuals, { policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'p', toolVersion: '0' });
    expect(listed.size).toBe(480);
    const bound = Math.max(plan.targets.length * 12, regions.length);
    for (const format of FORMATS) {
      for (const by of ['indicator', 'region'] as const) {
        for (const sort of ['plan', 'status'] as const) {
          let asked = 0;
          let sincePiece = 0;
          let most = 0;
          const counted: ListedResults = { ...listed, get: (key) => {
            asked++;
            most = Math.max(most, ++sincePiece);
            return listed.get(key);
          } };
          const output = formatters[format](report, { lang: 'en', color: false, maxErrors: 50, by, sort, results: counted });
          let longest = 0;
          for (const piece of typeof output === 'string' ? [output] : output) {
            sincePiece = 0;
            longest = Math.max(longest, piece.length);
          }
          // The formats written as bytes hold no result: each is written into a reused buffer of 1 MiB as it is reached.
          if (BYTE_FORMATS.has(format)) expect(longest).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
          else expect(most, `${format} ${by} ${sort}`).toBeLessThanOrEqual(bound);
          expect(asked, `${format} ${by} ${sort}`).toBeLessThanOrEqual(2 * listed.size);
        }
      }
    }
  });
});
