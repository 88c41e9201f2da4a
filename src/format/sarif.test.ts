import { describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { evaluate, evaluateListed } from '../evaluate/evaluate.js';
import { townsPlan } from '../evaluate/plan.test-helper.js';
import { listResults } from '../list-results.js';
import { formatters } from './index.js';
import { sarifChunks } from './sarif.js';

// Rule: SARIF written from the listed cells (the CLI's path: final levels from per-target byte
// pieces, the rest worded in full) is, byte for byte, the log laid out from the whole report, in
// findingsOf's order: input errors, failures, results warned of, then the reader's, input and
// regional warnings; its rules in the order first met.

const CSV = [
  'region,id,year,value',
  // Final levels off track and met, in towns with hostile names.
  '甲镇,M1.1,2025,80', '甲镇,M1.2,2025,50.5', '甲镇,M1.4,2025,1.9', '甲镇,M1.3,2025,70',
  '"c]]>&<""q\'",M1.1,2025,120.25', '"c]]>&<""q\'",M1.2,2025,56', 'e::f,M1.4,2025,2.35', 'e::f,M1.1,2025,99',
  'b\u202eevil,M1.2,2025,54.99', 'b\u202eevil,M1.4,2025,1.7',
  // A figure 10^4 off its target's scale (a reader's warning) and a fraction for a percentage.
  '乙镇,M1.1,2025,2500000', '乙镇,M1.2,2025,0.52',
  // Input errors: not a number, an unknown target.
  '丙乡,M1.1,2025,abc', '丙乡,M9.9,2025,1',
  // A milestone and a growth rate.
  '甲镇,M1.7,2025,否', '甲镇,M1.6,2025,3',
].join('\n');

describe('sarif from listed cells', () => {
  it('equals the log laid out from the whole report, errors, failures and warnings in order (zh and en, -q)', async () => {
    const plan = townsPlan();
    const actuals = await readActuals([{ name: 'r.csv', open: async function* () { yield Buffer.from(`${CSV}\n`); } }], plan);
    expect(actuals.problems.length).toBeGreaterThan(0);
    for (const quiet of [false, true]) {
      const listing = { quiet, manyRegions: true };
      const options = { asOf: 2025, policy: { failOn: ['not_met' as const], maxWarnings: null }, planFile: 'p.yaml', toolVersion: '0' };
      const whole = evaluate(plan, actuals, { ...options, list: listResults(listing) });
      const { report, listed } = evaluateListed(plan, actuals, { ...options, listing });
      for (const lang of ['zh', 'en'] as const) {
        const formatOptions = { lang, color: false, maxErrors: 50 };
        const expected = [...(formatters.sarif(whole, formatOptions) as Iterable<string>)].join('');
        const got = Buffer.concat([...sarifChunks(report, { ...formatOptions, results: listed })].map((chunk) => Buffer.from(chunk))).toString('utf8');
        expect(got).toBe(expected);
        const log = JSON.parse(got) as { runs: { results: { level: string; ruleId: string }[] }[] };
        const levels = log.runs[0]!.results.map((r) => r.level);
        // Errors first, then failures, then warnings.
        expect(levels.indexOf('error')).toBe(0);
        expect(levels.lastIndexOf('error')).toBeLessThan(levels.indexOf('warning'));
        expect(log.runs[0]!.results.some((r) => r.ruleId.startsWith('warning.'))).toBe(true);
      }
    }
  });
});
