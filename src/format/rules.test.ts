/**
 * Rules every format keeps, checked over real reports (the bundled plan with the mid-term and
 * final samples), the sample report, and hostile text.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readActuals } from '../actuals/read-actuals.js';
import { evaluate } from '../evaluate/evaluate.js';
import { listResults } from '../list-results.js';
import { messages } from '../messages.js';
import { parsePlan } from '../plan/load-plan.js';
import type { Plan } from '../plan/types.js';
import type { Report, Result } from '../report/types.js';
import { render } from './format-output.test-helper.js';
import type { FormatOptions } from './formatter.js';
import { formatters, isTextFormat, type FormatName } from './index.js';
import { escapeMarkdown } from './sanitize.js';
import { sampleReport } from './sample-report.test-helper.js';
import { displayWidth } from './text-width.js';
import { viewResult } from './view.js';

const root = new URL('../../', import.meta.url);

async function reportOf(plan: Plan, csv: string): Promise<Report> {
  const actuals = await readActuals([{ name: 'in.csv', open: async function* () { yield Buffer.from(csv, 'utf8'); } }], plan);
  const list = listResults({ quiet: false, manyRegions: actuals.store.regionNames().length > 1 });
  return evaluate(plan, actuals, { list, policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'targets.yaml', toolVersion: '0.0.0' });
}

let plan: Plan;
let midterm: Report;
let final: Report;
let towns: Report;

beforeAll(async () => {
  const parsed = parsePlan(readFileSync(new URL('targets.yaml', root), 'utf8'), 'targets.yaml');
  plan = parsed.plan!;
  midterm = await reportOf(plan, readFileSync(new URL('fixtures/xiangshan/midterm-2020-2023.csv', root), 'utf8'));
  final = await reportOf(plan, readFileSync(new URL('fixtures/xiangshan/final-2020-2025.csv', root), 'utf8'));
  // Three towns with a few figures each, one of them hostile.
  const rows = ['region,id,year,value'];
  for (const [town, g22, g35] of [['丹东街道', 16, 72], ['丹西街道', 14, 70], ['爵溪街道', 15.5, 60], ['<!-- hide', 12, 80]] as const) {
    rows.push(`${town},G2.2,2025,${g22}`, `${town},G3.5,2025,${g35}`);
  }
  towns = await reportOf(plan, rows.join('\n'));
});

const SGR = /\u001b\[[0-9;]*m/g;
const plain = (line: string): string => line.replace(SGR, '');

describe('tables fit the width asked', () => {
  const widths = [20, 40, 60, 80, 100, 120, 200];
  it.each(widths)('every line of every report at width %i, zh and en, colour on and off, each layout, is no wider', (width) => {
    for (const report of [midterm, final, towns, sampleReport]) {
      for (const lang of ['zh', 'en'] as const) {
        // Colour changes no layout, so one pass with colour measures both (escapes stripped).
        for (const color of [true]) {
          for (const by of ['indicator', 'region'] as const) {
            const text = render('table', report, { lang, color, maxErrors: 50, width, by, sort: by === 'region' ? 'status' : 'plan' });
            for (const line of text.split('\n')) {
              if (displayWidth(plain(line)) > width) throw new Error(`${displayWidth(plain(line))} > ${width}: ${JSON.stringify(line)}`);
            }
          }
        }
      }
    }
  });

  it('no colour escape is split across lines, and every line ends with its colours closed', () => {
    for (const [report, width] of [[midterm, 40], [midterm, 80], [midterm, 120], [towns, 50], [towns, 100]] as const) {
      const text = render('table', report, { lang: 'zh', color: true, maxErrors: 50, width });
      for (const line of text.split('\n')) {
        // An ESC is always the start of a whole SGR sequence on the same line.
        expect(line.replace(SGR, '')).not.toContain('\u001b');
        const codes = [...line.matchAll(SGR)].map((m) => m[0]);
        if (codes.length > 0) expect(codes.at(-1)).toMatch(/^\u001b\[(0|22|39)m$/);
      }
    }
  });

  it('a wrapped status cell keeps its colour on every line', () => {
    const text = render('table', midterm, { lang: 'en', color: true, maxErrors: 50, width: 80 });
    // "insufficient progress" wraps in an 80-column table; both halves are yellow.
    expect(text).toContain('\u001b[33minsufficient\u001b[39m');
    expect(text).toContain('\u001b[33mprogress\u001b[39m');
  });

  it('English indicators wrap at spaces, not inside words', () => {
    const text = render('table', final, { lang: 'en', color: false, maxErrors: 50, width: 80 });
    const vocabulary = new Set(final.results.flatMap((r) => r.indicatorEn.split(/[^A-Za-z]+/)).filter((w) => w !== ''));
    const ours = [...Object.values(messages).map((m) => m.en), ...final.plan.actions.map((a) => a.titleEn)].join(' ');
    const known = new Set(ours.split(/[^A-Za-z]+/));
    const words = text.split(/[^A-Za-z]+/).filter((w) => w.length >= 3 && !known.has(w));
    // A word broken across lines leaves a head that is no word but begins one.
    const broken = words.filter((w) => !vocabulary.has(w) && [...vocabulary].some((v) => v.length > w.length && v.startsWith(w)));
    expect(broken).toEqual([]);
  });
});

describe('reasons', () => {
  it('every result not met, behind, moving away or not assessable says why, in both languages', () => {
    const needs = (r: Result): boolean => ['not_met', 'insufficient', 'moving_away', 'no_data', 'not_assessable'].includes(r.status);
    for (const report of [midterm, final]) {
      const results = report.results.filter(needs);
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) {
        for (const lang of ['zh', 'en'] as const) expect(viewResult(result, lang).reason, `${result.id} ${result.status}`).not.toBe('');
      }
    }
  });

  it('mid-term growth targets behind say required and observed rates', () => {
    const behind = midterm.results.filter((r) => r.status === 'insufficient' && r.progress?.method === 'growth-ratio');
    expect(behind.length).toBeGreaterThan(0);
    for (const r of behind) expect(viewResult(r, 'zh').reason).toMatch(/^需年均增长 -?\d+\.\d\d%,实际 -?\d+\.\d\d%,为所需的 -?\d+%/);
  });
});

describe('one wording in every format', () => {
  it('status, target, actual and reason of each result read the same in table, text, csv and markdown', () => {
    const report: Report = { ...final, results: final.results.filter((r) => r.status !== 'met').slice(0, 40) };
    for (const lang of ['zh', 'en'] as const) {
      const options: FormatOptions = { lang, color: false, maxErrors: 50, width: 1000 };
      const table = render('table', report, options);
      const text = render('text', report, options);
      const csv = render('csv', report, options);
      const markdown = render('markdown', report, options);
      for (const result of report.results) {
        const v = viewResult(result, lang);
        for (const phrase of [v.status, v.target, v.reason].filter((p) => p !== '')) {
          expect(table, phrase).toContain(phrase);
          expect(csv, phrase).toContain(phrase.includes(',') ? `"${phrase}` : phrase);
          expect(markdown, phrase).toContain(escapeMarkdown(phrase));
          if (result.severity !== 'ok' && result.severity !== 'info') expect(text, phrase).toContain(phrase);
        }
        if (v.actual) for (const out of [table, markdown]) expect(out).toContain(v.actual);
      }
    }
  });
});

describe('towns side by side', () => {
  it('the default table is indicator × region: one column per region, one row per target listed, a count row per block', () => {
    const text = render('table', towns, { lang: 'zh', color: false, maxErrors: 50, width: 200 });
    const header = text.split('\n').find((line) => line.startsWith('编号'))!;
    // The bundled plan declares its towns: the county (象山县) comes first (docs/regions.md).
    expect(header.split(/\s{2,}/)).toEqual(['编号', '指标', '目标', '象山县', '丹东街道', '丹西街道', '爵溪街道', '&lt;!-- hide'.replace('&lt;', '<')]);
    const rows = text.split('\n').filter((line) => /^G\d/.test(line));
    expect(rows.map((line) => line.split(/\s+/)[0])).toEqual(['G2.2', 'G3.5']);
    expect(rows[0]).toMatch(/✓ 16\s+✗ 14\s+✓ 15\.5\s+✗ 12$/);
    expect(text.split('\n').filter((line) => line.includes('各地区合计'))).toHaveLength(1);
  });

  it('narrow widths wrap regions into blocks: every region heads exactly one block', () => {
    const text = render('table', towns, { lang: 'zh', color: false, maxErrors: 50, width: 60 });
    const headers = text.split('\n').filter((line) => line.startsWith('编号'));
    expect(headers.length).toBeGreaterThan(1);
    const columns = headers.flatMap((line) => line.split(/\s{2,}/).slice(3));
    expect(columns).toEqual(['象山县', '丹东街道', '丹西街道', '爵溪街道', '<!-- hide']);
    expect(text.split('\n').filter((line) => line.includes('各地区合计'))).toHaveLength(headers.length);
  });

  it('markdown and csv get the same matrix', () => {
    const md = render('markdown', towns, { lang: 'zh', color: false, maxErrors: 50 });
    expect(md).toContain('| 编号 | 指标 | 目标 | 象山县 | 丹东街道 | 丹西街道 | 爵溪街道 | &lt;!-- hide |');
    const csv = render('csv', towns, { lang: 'zh', color: false, maxErrors: 50 }).split('\r\n');
    expect(csv[0]!.split(',')).toHaveLength(4 + 2 * 5);
    expect(csv.filter((line) => /^G/.test(line)).map((line) => line.split(',')[0])).toEqual(['G2.2', 'G3.5']);
  });

  it('without figures a target in a region is counted, not listed', () => {
    // Five regions (the county too) × the bundled plan's 311 targets; listed: 8 towns' figures and the county's G2.2 and G3.5, whose reason names the missing weights.
    expect(towns.unlisted).toBe(5 * 311 - 8 - 2);
    expect(render('table', towns, { lang: 'en', color: false, maxErrors: 50, width: 120 })).toContain('1545 more results (region × target) are not listed');
  });
});

describe('nothing from the input reaches an output raw', () => {
  const HOSTILE = 'G3.2\n::error title=forged::fake \u001b]0;pwned\u0007 \u202e \u009b31m \u2028 <!-- hide <img src=x onerror=alert(1)> [x](https://evil.example)';
  const hostile = (text: string): Report => ({
    ...sampleReport,
    plan: { ...sampleReport.plan, title: text, titleEn: text, actions: [{ number: 1, title: text, titleEn: text }] },
    regions: ['', text],
    results: sampleReport.results.map((r) => ({ ...r, id: text, region: r.region === '' ? '' : text, indicator: text, indicatorEn: text, actual: r.actual && { ...r.actual, file: text } })),
    summary: { ...sampleReport.summary, byRegion: { '': sampleReport.summary.byRegion['']!, [text]: sampleReport.summary.byRegion['丹东街道']! } },
    errors: [{ ...sampleReport.errors[0]!, file: text, params: { value: text }, field: text }],
  });
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]/;

  // html and xlsx are checked in their own tests (src/format/html/, src/format/xlsx-report.test.ts).
  for (const name of (Object.keys(formatters) as FormatName[]).filter(isTextFormat)) {
    for (const by of ['indicator', 'region'] as const) {
      it(`${name} (by ${by}): no control, bidi or separator character, no forged workflow command`, () => {
        const out = render(name, hostile(HOSTILE), { lang: 'en', color: false, maxErrors: 50, width: 100, by });
        const lines = out.split(name === 'csv' ? '\r\n' : '\n');
        for (const line of lines) {
          expect(line).not.toMatch(RAW);
          if (name === 'github') expect(line === '' || /^::(error|warning|notice) [^:]*::/.test(line)).toBe(true);
          else expect(line).not.toMatch(/^\s*::/);
        }
        // Every annotation is one of ours: errors, failures, warnings, the notice and the verdict.
        if (name === 'github') expect(lines.filter((line) => line !== '')).toHaveLength(3 + 2);
        if (name === 'markdown') {
          expect(out).not.toMatch(/<!--|<img|(?<!\\)\]\(/);
          expect(out).not.toMatch(/https:\/\//);
        }
        if (name === 'junit') expect(out).not.toMatch(/<img|<!--/);
      });
    }
  }
});
