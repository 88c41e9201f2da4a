import { describe, expect, it } from 'vitest';
import { evaluate, evaluateListed } from '../evaluate/evaluate.js';
import { actualsFrom, bundledPlan } from '../evaluate/plan.test-helper.js';
import { listResults } from '../list-results.js';
import { seededRandom } from '../seeded-random.test-helper.js';
import type { ChunkFormatter, FormatOptions } from './formatter.js';
import { formatters } from './index.js';
import { jsonChunks } from './json.js';
import { junitChunks } from './junit.js';
import { sarifChunks } from './sarif.js';

// The rule: JSON, JUnit and SARIF written from cells (pieces joined once, a case's end held back
// to join the next case's head, a chunk handed out whenever a megabyte is written) are, byte for byte,
// the text laid out from the whole report, across many chunks: the bundled plan's towns' villages
// (most results not judged), figures of 0 to 5 places, some of earlier years, hostile names.
const CHUNKS: Record<'json' | 'junit' | 'sarif', ChunkFormatter> = { json: jsonChunks, junit: junitChunks, sarif: sarifChunks };

describe('json, junit and sarif of 60 villages: the same bytes from cells as from the whole report, over many chunks', () => {
  it('every byte equal, the outputs several chunks long', async () => {
    const plan = bundledPlan();
    const next = seededRandom(7);
    const towns = ['丹东街道', '石浦镇', '高塘岛乡'];
    const names = ['', 'a]]>&<"\'', '\u001b[31m', '\u202e', '::x', '%0A'];
    const regions = Array.from({ length: 60 }, (_, i) => `${towns[i % 3]}${String(i).padStart(4, '0')}${names[i % names.length]}村`);
    const quote = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    const lines: string[] = [];
    for (const region of regions) {
      for (const target of plan.targets) {
        if (next() < 0.05) continue;
        const base = typeof target.value === 'number' ? target.value : Array.isArray(target.value) ? target.value[0]! : 1;
        const places = Math.floor(next() * 6);
        const value = target.kind === 'milestone' ? (next() < 0.5 ? '是' : '否') : (base * (0.5 + next())).toFixed(places);
        lines.push(`${quote(region)},${target.id},${next() < 0.1 ? target.year - 1 : target.year},${value}`);
      }
    }
    const actuals = await actualsFrom(plan, `region,id,year,value\n${lines.join('\n')}\n`);
    const listing = { quiet: false, manyRegions: true };
    const options = { policy: { failOn: ['not_met' as const], maxWarnings: null }, planFile: 'targets.yaml', toolVersion: '0' };
    const whole = evaluate(plan, actuals, { ...options, list: listResults(listing) });
    const { report, listed } = evaluateListed(plan, actuals, { ...options, listing });
    for (const lang of ['zh', 'en'] as const) {
      const formatOptions: FormatOptions = { lang, color: false, maxErrors: 50 };
      for (const format of ['json', 'junit', 'sarif'] as const) {
        const expected = Buffer.from([...(formatters[format](whole, formatOptions) as Iterable<string>)].join(''), 'utf8');
        const chunks: Buffer[] = [];
        // Each chunk is valid until the next is asked for: copied as it comes.
        for (const chunk of CHUNKS[format](report, { ...formatOptions, results: listed })) chunks.push(Buffer.from(chunk));
        const got = Buffer.concat(chunks);
        if (!got.equals(expected)) {
          let at = 0;
          while (got[at] === expected[at]) at++;
          expect(got.subarray(at - 200, at + 200).toString(), `${format} ${lang} at ${at}`).toBe(expected.subarray(at - 200, at + 200).toString());
        }
        if (format !== 'sarif') expect(chunks.length, format).toBeGreaterThan(1);
      }
    }
  }, 120_000);
});
