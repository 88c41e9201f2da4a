import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { evaluate, evaluateListed } from '../evaluate/evaluate.js';
import { miniPlan, randomFigures, townsPlan, type RandomFigure } from '../evaluate/plan.test-helper.js';
import { listResults } from '../list-results.js';
import type { Plan } from '../plan/types.js';
import type { ChunkFormatter, FormatOptions } from './formatter.js';
import { formatters } from './index.js';
import { jsonChunks } from './json.js';
import { junitChunks } from './junit.js';
import { githubChunks } from './github.js';
import { sarifChunks } from './sarif.js';
import { textChunks } from './text.js';
import { csvChunks } from './csv.js';

// The rule: the machine and line formats written as UTF-8 chunks from results read as cells (the
// CLI's path: towns not judged and final levels spliced into text worded once per target) are,
// byte for byte, the UTF-8 of the text their formatters lay out from the whole report.
const FORMATS = ['json', 'junit', 'sarif', 'text', 'github', 'csv'] as const;
const CHUNKS: Record<(typeof FORMATS)[number], ChunkFormatter> = { json: jsonChunks, junit: junitChunks, sarif: sarifChunks, text: textChunks, github: githubChunks, csv: csvChunks };

// Names a town may have in a submission: controls, bidi, markup, quotes, `::`, a private-use mark, CJK.
const HOSTILE = ['甲镇', '乙镇', 'a\u001b[31m', 'b\u202eevil\u202c', 'c]]>&<"\'', ':d::', 'e:', '\ue000\ue001x', '丹东街道', '__proto__'];

function csvOf(p: Plan, rows: RandomFigure[], places: number): string {
  const quote = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = rows.map(({ region, target, year, factor }) => {
    const t = p.targets[target]!;
    const base = typeof t.value === 'number' ? t.value : Array.isArray(t.value) ? t.value[0] : 1;
    const value = t.kind === 'milestone' ? (factor >= 1 ? '是' : '否') : (base * factor + 10 ** -places).toFixed(places);
    return `${quote(region)},${t.id},${year},${value}`;
  });
  return `region,id,year,value\n${lines.join('\n')}\n`;
}

function bytesOf(chunks: Iterable<Uint8Array>): Buffer {
  // Each chunk is valid until the next is asked for: copied as it comes.
  return Buffer.concat([...(function* () {
    for (const chunk of chunks) yield Buffer.from(chunk);
  })()]);
}

describe('json, junit, sarif, text, github and csv as chunks: the bytes of the text laid out from the whole report', () => {
  it('property: towns with hostile names, any figures (whole, 2 to 6 decimals, milestones, earlier years), review year, -q, both languages', async () => {
    let compared = 0;
    for (const p of [townsPlan(), miniPlan()]) {
      await fc.assert(
        fc.asyncProperty(
          randomFigures(p, HOSTILE),
          fc.oneof({ arbitrary: fc.constant(p.period.end), weight: 3 }, fc.integer({ min: p.baselineYear, max: p.period.end + 1 })),
          fc.boolean(),
          fc.integer({ min: 0, max: 6 }),
          async (rows, asOf, quiet, places) => {
            const csv = csvOf(p, rows, places);
            const actuals = await readActuals([{ name: 'r.csv', open: async function* () { yield Buffer.from(csv); } }], p);
            const listing = { quiet, manyRegions: actuals.store.regionNames().length > 1 };
            const options = { asOf, policy: { failOn: ['not_met' as const], maxWarnings: null }, planFile: 'p.yaml', toolVersion: '0' };
            const whole = evaluate(p, actuals, { ...options, list: listResults(listing) });
            const { report, listed } = evaluateListed(p, actuals, { ...options, listing });
            for (const lang of ['zh', 'en'] as const) {
              const formatOptions: FormatOptions = { lang, color: false, maxErrors: 50 };
              for (const format of FORMATS) {
                const expected = Buffer.from([...(formatters[format](whole, formatOptions) as Iterable<string>)].join(''), 'utf8');
                expect(bytesOf(CHUNKS[format](report, { ...formatOptions, results: listed })).equals(expected), `${format} ${lang}`).toBe(true);
                compared++;
              }
            }
          },
        ),
        { numRuns: 25 },
      );
    }
    expect(compared).toBe(2 * 25 * 2 * FORMATS.length);
  });
});
