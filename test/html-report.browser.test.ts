/**
 * The HTML report in a real browser: headless Chromium (Debian `chromium`, `fonts-noto-cjk`) loads
 * the sample reports on a desktop and a phone, and the tests check the layout (nothing overflows
 * its box, no text overlaps), that every chart is there, that the page loads nothing and runs
 * nothing, and that every Chinese glyph is drawn by a CJK font (no tofu), on screen and in print.
 * Screenshots and PDFs are left in test-results/browser/ for people to look at.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Browser, findChromium } from './helpers/chromium.js';
import { LAYOUT_CHECKS, type LayoutFindings } from './helpers/layout-checks.js';
import { hasCommand, plancheck, ROOT } from './helpers/run-bin.js';

const chromium = findChromium();
const OUT = join(ROOT, 'test-results', 'browser');
const CJK_FONTS = /^Noto (Sans|Serif) CJK/;

if (!chromium) {
  console.warn('SKIPPED: browser tests of the HTML report need chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk poppler-utils)');
}

interface Sample {
  name: string;
  args: string[];
  lang: 'zh' | 'en';
  asOf: number;
  csv: string;
}

const SAMPLES: Sample[] = [
  { name: 'midterm-zh', args: ['fixtures/xiangshan/midterm-2020-2023.csv', '--as-of', '2023'], lang: 'zh', asOf: 2023, csv: 'fixtures/xiangshan/midterm-2020-2023.csv' },
  { name: 'final-en', args: ['fixtures/xiangshan/final-2020-2025.csv'], lang: 'en', asOf: 2025, csv: 'fixtures/xiangshan/final-2020-2025.csv' },
];

/** Writes a report with the built CLI; returns its path. */
function writeReport(name: string, args: string[], lang: 'zh' | 'en'): string {
  const file = join(OUT, `${name}.html`);
  const run = plancheck(['check', ...args, '--lang', lang, '-f', 'html', '-o', file]);
  expect(run.stderr).not.toMatch(/Error|ECharts/);
  expect([0, 1]).toContain(run.code);
  return file;
}

/**
 * Targets that must have a chart, worked out from the sample itself: ids with figures (numbers, with or without a unit such as 件) for two or
 * more years up to the review year, except yes/no milestones.
 */
function multiYearTargets(csv: string, asOf: number): Set<string> {
  const years = new Map<string, Set<string>>();
  for (const line of readFileSync(join(ROOT, csv), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1)) {
    const [id, year, value] = line.split(',');
    if (!id || !year || value === undefined || Number(year) > asOf || !/^-?\d/.test(value.trim())) continue;
    let seen = years.get(id);
    if (!seen) years.set(id, (seen = new Set()));
    seen.add(year);
  }
  return new Set([...years].filter(([, seen]) => seen.size > 1).map(([id]) => id));
}

/** A test of whether a font (fontconfig pattern) has a code point, from its fontconfig charset. */
function charsetOf(pattern: string): (codePoint: number) => boolean {
  const listed = spawnSync('fc-list', [pattern, 'charset'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';
  const ranges = [...listed.matchAll(/([0-9a-f]+)(?:-([0-9a-f]+))?/g)].map((m) => [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? m[1] ?? '0', 16)] as const);
  return (codePoint) => ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
}

async function inspect(browser: Browser, file: string, shot: string): Promise<{ findings: LayoutFindings; requested: string[] }> {
  const requested = await browser.open(pathToFileURL(file).href);
  const findings = await browser.evaluate<LayoutFindings>(LAYOUT_CHECKS);
  writeFileSync(join(OUT, `${shot}.png`), await browser.screenshot());
  return { findings, requested };
}

function expectCleanLayout({ findings, requested }: { findings: LayoutFindings; requested: string[] }, file: string): void {
  expect(requested, 'the page loads nothing besides itself').toEqual([pathToFileURL(file).href]);
  expect(findings.scripts, 'no script or handler in the page').toBe(0);
  expect(findings.pageWidth, 'no sideways scrolling').toBeLessThanOrEqual(findings.viewportWidth);
  expect(findings.overflows, 'no text runs out of its box').toEqual([]);
  expect(findings.overlaps, 'no text overlaps other text').toEqual([]);
}

/** How many groups (the goals, then each action) the sample's results fall in, from its JSON report. */
function groupCount(args: string[]): number {
  const report = JSON.parse(plancheck(['check', ...args, '-f', 'json']).stdout) as { results: { goal: number | null; action: number | null }[] };
  return new Set(report.results.map((result) => (result.goal !== null ? 0 : result.action))).size;
}

describe.skipIf(!chromium)('HTML report in headless Chromium', () => {
  let desktop: Browser;
  let phone: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    desktop = await Browser.launch(chromium ?? '', 1280, 900);
    phone = await Browser.launch(chromium ?? '', 390, 844, true);
  }, 60_000);
  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
  });

  describe.each(SAMPLES)('$name', (sample) => {
    let file = '';
    beforeAll(() => {
      file = writeReport(sample.name, sample.args, sample.lang);
    }, 120_000);

    test('on a desktop: clean layout, a chart for every multi-year target, a status chart per action', async () => {
      const seen = await inspect(desktop, file, `${sample.name}-desktop`);
      expectCleanLayout(seen, file);
      const expected = multiYearTargets(sample.csv, sample.asOf);
      expect(expected.size).toBeGreaterThan(100);
      expect(new Set(seen.findings.charts.targets)).toEqual(expected);
      // A status chart per group: the goals and every action of the plan.
      expect(seen.findings.charts.status).toBe(groupCount(sample.args));
      expect(readFileSync(file).length, 'the bundled plan with six years stays under 2 MB').toBeLessThan(2_000_000);
    }, 60_000);

    test('on a phone: rows become cards, nothing wider than the screen', async () => {
      expectCleanLayout(await inspect(phone, file, `${sample.name}-phone`), file);
    }, 60_000);

    test.skipIf(sample.lang !== 'zh')('every Chinese glyph is drawn by a CJK font, on screen and in the printed PDF', async () => {
      await desktop.open(pathToFileURL(file).href);
      const families = await desktop.fontsUsed('h1, h2, th, td, li, figcaption', 200);
      for (const family of await desktop.fontsUsed('svg text', 40)) families.add(family);
      expect([...families].some((family) => CJK_FONTS.test(family))).toBe(true);
      // Only the CJK face, and DejaVu for the odd symbol it lacks (‱): never a last-resort box font.
      expect([...families].filter((family) => !CJK_FONTS.test(family) && !/^DejaVu/.test(family)), `fonts used: ${[...families].join(', ')}`).toEqual([]);
      // Every Chinese character of the page is in the first font of the stack; anything else
      // (a symbol such as ‱) is at least in some installed font, so nothing is drawn as tofu.
      const text = await desktop.evaluate<string>('document.body.innerText');
      const chars = [...new Set([...text].filter((ch) => ch.codePointAt(0)! > 0x7f))];
      if (hasCommand('fc-list')) {
        const cjk = charsetOf('Noto Sans CJK SC:style=Regular');
        const outside = chars.filter((ch) => !cjk(ch.codePointAt(0)!));
        expect(outside.filter((ch) => /\p{Script=Han}/u.test(ch)), 'Chinese characters missing from Noto Sans CJK SC').toEqual([]);
        const uncovered = outside.filter((ch) => spawnSync('fc-list', [`:charset=${ch.codePointAt(0)!.toString(16)}`, 'family'], { encoding: 'utf8' }).stdout.trim() === '');
        expect(uncovered, 'characters no installed font has').toEqual([]);
      }
      const pdf = join(OUT, `${sample.name}.pdf`);
      writeFileSync(pdf, await desktop.pdf());
      if (hasCommand('pdffonts')) {
        const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter((line) => line.trim() !== '');
        expect(fonts.length).toBeGreaterThan(0);
        // Chromium embeds the CJK OpenType faces as Type 3 fonts: what matters is that each is embedded
        // and maps back to Unicode (emb and uni columns), so that the text is there and searchable.
        expect(fonts.filter((line) => !/\byes\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$/.test(line)), 'every font embedded with a Unicode map').toEqual([]);
        const words = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
        expect(words).toContain('象山县高质量发展建设共同富裕样板县行动方案');
        expect(words).toContain('时序进度');
        // Printed as tables (not the phone's cards), the header row repeated: at least once a group.
        const headerRows = words.split('\n').filter((line) => /编号\s+指标名称\s+目标值\s+实际值\s+差距\s+状态/.test(line));
        expect(headerRows.length).toBeGreaterThanOrEqual(groupCount(sample.args));
        const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
        // A page per group at least: the goals and every action.
        expect(pages).toBeGreaterThanOrEqual(groupCount(sample.args));
      }
    }, 120_000);
  });

  describe('with regions', () => {
    test('a heat map of regions × actions, a row per region and target, no charts of mixed regions', async () => {
      const file = writeReport('regions-zh', ['fixtures/xiangshan/regions-2025.csv'], 'zh');
      const seen = await inspect(desktop, file, 'regions-zh-desktop');
      expectCleanLayout(seen, file);
      expect(seen.findings.charts.heat).toBe(1);
      expect(seen.findings.charts.targets).toEqual([]);
      for (const town of ['丹东街道', '丹西街道', '石浦镇']) expect(seen.findings.text).toContain(town);
      expectCleanLayout(await inspect(phone, file, 'regions-zh-phone'), file);
    }, 120_000);

    test('--region gives one region the detail and its charts', async () => {
      const file = writeReport('region-one-zh', ['fixtures/xiangshan/regions-2025.csv', '--region', '丹东街道'], 'zh');
      const seen = await inspect(desktop, file, 'region-one-zh-desktop');
      expectCleanLayout(seen, file);
      // The counts still cover every region; the rows are the chosen region's only.
      const listed = await desktop.evaluate<string[]>(`[...new Set([...document.querySelectorAll('table.results tbody td:first-child')].map((td) => td.textContent))]`);
      expect(listed).toEqual(['丹东街道']);
      const expected = new Set<string>();
      const years = new Map<string, number>();
      for (const line of readFileSync(join(ROOT, 'fixtures/xiangshan/regions-2025.csv'), 'utf8').split('\n')) {
        const [region, id] = line.split(',');
        if (region === '丹东街道' && id) years.set(id, (years.get(id) ?? 0) + 1);
      }
      for (const [id, count] of years) if (count > 1) expected.add(id);
      expect(new Set(seen.findings.charts.targets)).toEqual(expected);
    }, 120_000);
  });
});
