import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate/evaluate.js';
import { actualsFrom, bundledPlan } from '../evaluate/plan.test-helper.js';
import type { Plan } from '../plan/types.js';
import type { Report } from '../report/types.js';
import { formatCsv } from './csv.js';
import { outputToString } from './formatter.js';
import { formatMarkdown } from './markdown.js';
import { referenceCsvRows, referenceMarkdownRows, referenceMatrix } from './matrix-reference.test-helper.js';
import { painter, type Painter } from './paint.js';
import { matrixText } from './table-matrix.js';
import { cellMark, cellOf, viewOffTrack, viewResult } from './view-result.js';
import { viewReport } from './view.js';

// The matrix fast paths (a block's indicator columns laid out once, cells measured once, CSV and
// Markdown lines from cells escaped once, results off track worded for their line only) must
// give exactly the text of the layouts as first written (matrix-reference.test-helper.ts).

/** Region names no input should be trusted with: controls, ANSI, bidi, combining, wide, very long, syntax of each format. */
const HOSTILE = [
  '\u001b[31mred\u001b[0m村', 'evil\u202eTXT.exe', 'a\u0301\u0302combining', '宽字符很长很长的行政村名字用于测试换行', '🌊海边村',
  'Averyveryveryveryverylongwordwithoutanyspaceatall', '::error::forged', '=HYPERLINK("x")', 'pipe|and*star_`code`', 'tab\there', '丹东街道', '石浦镇', '',
];

const source = readFileSync(new URL('../../fixtures/xiangshan/final-2020-2025.csv', import.meta.url), 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).slice(1).filter(Boolean);

/** Every region given the fixture's figures scaled by its own factor (some met, some not), a few figures left out. */
function hostileCsv(): string {
  const factors = [1, 0.8, 1.2, 0.95, 1.05, 0.5, 1.5, 0.999, 0.7, 1.3, 0.9, 2, 0.6];
  const quote = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const rows = ['region,id,year,value'];
  HOSTILE.forEach((region, r) => {
    source.forEach((line, i) => {
      if ((i + r) % 7 === 3) return;
      const [id, year, value = ''] = line.split(',');
      const number = Number(value);
      rows.push([quote(region), id, year, value.trim() !== '' && Number.isFinite(number) ? String(Number((number * factors[r]!).toFixed(3))) : value].join(','));
    });
  });
  return `${rows.join('\n')}\n`;
}

let made: Promise<{ name: string; report: Report }[]> | null = null;

/** The sample reports, evaluated once for every test of this file. */
function reports(): Promise<{ name: string; report: Report }[]> {
  return (made ??= evaluateReports());
}

async function evaluateReports(): Promise<{ name: string; report: Report }[]> {
  const towns = bundledPlan();
  // The same plan less its towns: every region judged on the plan's own targets.
  const plain: Plan = { ...towns, regions: null };
  const csv = hostileCsv();
  const out: { name: string; report: Report }[] = [];
  for (const [name, plan] of [['towns', towns], ['no towns', plain]] as const) {
    for (const asOf of [2025, 2023]) {
      const actuals = await actualsFrom(plan, csv);
      out.push({ name: `${name} ${asOf}`, report: evaluate(plan, actuals, { asOf, policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'targets.yaml', toolVersion: '0' }) });
    }
  }
  return out;
}

describe('matrix layouts: the fast paths give the text of the general layout', () => {
  it('the table matrix at several widths, in both languages and orders, coloured and not', async () => {
    let compared = 0;
    // Wide, narrow enough to wrap and squeeze, and too narrow for columns.
    const layouts = [{ sort: 'plan', width: 100, color: false }, { sort: 'status', width: 41, color: true }, { sort: 'plan', width: 12, color: false }, { sort: 'plan', width: 67, color: true }, { sort: 'status', width: 200, color: false }] as const;
    for (const { name, report } of await reports()) {
      for (const lang of ['zh', 'en'] as const) {
        for (const { sort, width, color } of layouts) {
          const view = viewReport(report, { lang, maxErrors: 50, sort });
          const paint = painter(color);
          const expected = referenceMatrix(view, width, paint).map((line) => `${line}\n`).join('');
          expect(matrixText(view, width, paint), `${name} ${lang} ${sort} ${width} ${color}`).toBe(expected);
          compared++;
        }
      }
    }
    expect(compared).toBe(4 * 2 * 5);
  }, 120_000);

  it('the table matrix under painters of other kinds: fixed pieces, pieces ending in a space, and no fixed pieces', async () => {
    // Each is laid out from bytes where the painter puts fixed pieces around a cell (proven on
    // probes), as text where it does not or where the painted line would be trimmed.
    const painters: Painter[] = [
      { tone: (tone, text) => (text === '' ? '' : `<${tone}>${text}</>`), bold: (text) => `*${text}*`, dim: (text) => text },
      { tone: (_tone, text) => (text === '' ? '' : `${text} `), bold: (text) => text, dim: (text) => text },
      { tone: (tone, text) => (tone === 'bad' ? text.toUpperCase() : text), bold: (text) => text, dim: (text) => text },
      painter(true),
    ];
    const { report } = (await reports())[1]!;
    let compared = 0;
    for (const lang of ['zh', 'en'] as const) {
      for (const paint of painters) {
        for (const width of [100, 41]) {
          const view = viewReport(report, { lang, maxErrors: 50, sort: 'plan' });
          const expected = referenceMatrix(view, width, paint).map((line) => `${line}\n`).join('');
          expect(matrixText(view, width, paint), `${lang} ${width} ${compared}`).toBe(expected);
          compared++;
        }
      }
    }
    expect(compared).toBe(16);
  }, 120_000);

  it('CSV and Markdown matrix rows', async () => {
    for (const { name, report } of await reports()) {
      for (const lang of ['zh', 'en'] as const) {
        for (const sort of ['plan', 'status'] as const) {
          const view = viewReport(report, { lang, maxErrors: 50, sort });
          const csv = outputToString(formatCsv(report, { lang, color: false, maxErrors: 50, sort }));
          // After the header line.
          expect(csv.slice(csv.indexOf('\r\n') + 2), `${name} ${lang} ${sort}`).toBe(referenceCsvRows(view).join(''));
          const markdown = outputToString(formatMarkdown(report, { lang, color: false, maxErrors: 50, sort }));
          const rows = referenceMarkdownRows(view).join('');
          expect(markdown.includes(rows), `${name} ${lang} ${sort}`).toBe(true);
        }
      }
    }
  }, 120_000);

  it('a result off track reads the same in its line as in its full view, and a cell\'s mark as its cell', async () => {
    let offTrack = 0;
    let notJudged = 0;
    for (const { report } of await reports()) {
      for (const result of report.results) {
        for (const lang of ['zh', 'en'] as const) {
          const full = viewResult(result, lang);
          const { region, id, indicator, status, symbol, tone, reason } = full;
          expect(viewOffTrack(result, lang)).toEqual({ region, id, indicator, status, symbol, tone, reason });
          const cell = cellOf(result, lang);
          expect(cellMark(result, lang)).toBe(`${cell.symbol} ${cell.status}`);
          if (full.offTrack) offTrack++;
          if (cell.symbol === '·') notJudged++;
        }
      }
    }
    // The sample has results off track and towns not judged, so both paths were taken.
    expect(offTrack).toBeGreaterThan(100);
    expect(notJudged).toBeGreaterThan(100);
  }, 120_000);
});
