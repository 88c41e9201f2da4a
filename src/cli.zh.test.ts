/**
 * Rule: under a Chinese locale, everything plancheck prints (help pages, command output, commander's
 * errors, option-value complaints) is Chinese; English words may appear only as ids, units, file
 * and path names, option names, command and format names, option values the user types, acronyms
 * (CSV, JSON) and words the plan's Chinese text itself holds (GDP, PM2.5).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENCODING_NAMES } from './actuals/decode.js';
import { main } from './cli.js';
import { fakeIo } from './fake-io.test-helper.js';
import { formatters } from './format/index.js';
import { KINDS } from './plan/types.js';
import { FAIL_CONDITIONS, STATUSES } from './report/types.js';
import { BUNDLED_PLAN, loadPlanFor } from './run.js';

const MINI = ['--targets', 'fixtures/plans/mini.yaml'];
const COMMANDS = ['validate', 'list', 'show', 'schema', 'template', 'check', 'help'];

async function allowedWords(): Promise<Set<string>> {
  const words = new Set<string>(['plancheck', 'zh', 'en', 'CSV', 'JSON', 'Schema', 'UTF', 'BOM', 'YAML', 'README', 'CN']);
  for (const list of [COMMANDS, Object.keys(formatters), STATUSES, FAIL_CONDITIONS, KINDS, Object.keys(ENCODING_NAMES)]) {
    for (const value of list) for (const word of value.split(/[^A-Za-z]+/)) words.add(word);
  }
  const plan = await loadPlanFor({ lang: 'zh' }, fakeIo().io);
  if (!plan) throw new Error(`cannot load ${BUNDLED_PLAN}`);
  const chinese = [
    ...plan.targets.flatMap((t) => [t.indicator, t.quote, t.unit]),
    ...plan.measures.map((m) => m.text),
    ...plan.goals.map((g) => g.text),
  ];
  for (const text of chinese) for (const word of text.match(/[A-Za-z]{2,}/g) ?? []) words.add(word);
  return words;
}

/** The English words left in `text` once ids, paths, file and option names are set aside. */
function englishWords(text: string, allowed: Set<string>): string[] {
  const stripped = text
    .replace(/\S*\/\S*/g, ' ') // paths
    .replace(/[\w.-]+\.(?:csv|json|xml|yaml|yml|md|xlsx)\b/g, ' ') // file names
    .replace(/(?<![\w-])--?[A-Za-z][\w-]*/g, ' ') // option names
    .replace(/\b[MG]\d+(?:\.\d+)?\b/g, ' '); // target, measure and goal ids
  return (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowed.has(word));
}

async function runZh(args: string[], input = '') {
  const fake = fakeIo(input, { LANG: 'zh_CN.UTF-8' });
  const code = await main(args, fake.io);
  return { code, out: `${fake.stdout()}${fake.stderr()}` };
}

describe('Chinese throughout (LANG=zh_CN.UTF-8)', () => {
  const pages: string[][] = [[], ['--help'], ['help'], ...COMMANDS.flatMap((c) => [[c, '--help'], ['help', c]])];
  const commands: string[][] = [
    ['--version'],
    ['validate'],
    ['validate', 'fixtures/plans/mini.yaml'],
    ['list'],
    ['list', '--kind', 'milestone,trend', '--soft'],
    ['show', 'M1.1'],
    ['show', 'G2'],
    ['template', '--years', '2021-2025', '--regions', '丹东街道,爵溪街道'],
    ['check', 'fixtures/mini/final-2025.csv', ...MINI],
    ['check', 'fixtures/mini/final-2025.csv', ...MINI, '-f', 'summary', '-f', 'markdown'],
    ['check', 'fixtures/mini/invalid-rows.csv', ...MINI, '-f', 'summary'],
  ];
  const errors: string[][] = [
    ['chek'],
    ['help', 'chek'],
    ['frobnicate'],
    ['check'],
    ['check', 'a.csv', '--encodin', 'gbk'],
    ['check', 'a.csv', '--zzz'],
    ['check', 'a.csv', '--as-of'],
    ['check', 'a.csv', '--as-of', 'abc'],
    ['check', 'a.csv', '--bands', '0.5,0.9'],
    ['check', 'a.csv', '--max-warnings', '-1'],
    ['check', 'a.csv', '--max-errors', 'many'],
    ['check', 'a.csv', '--action', 'seven'],
    ['check', 'a.csv', '--measure', '9-3'],
    ['check', 'a.csv', '--status', 'bad'],
    ['check', 'a.csv', '--fail-on', 'everything'],
    ['check', 'a.csv', '-f', 'pdf'],
    ['check', 'a.csv', '-o', 'report.json'],
    ['check', 'a.csv', '-f', 'json', '-o', 'a.json', '-o', 'b.json'],
    ['check', 'a.csv', '--encoding', 'latin1'],
    ['check', 'missing-file.csv', ...MINI, '-f', 'summary'],
    ['--lang', 'fr', 'list'],
    ['list', '--format', 'xml'],
    ['list', '--kind', 'weird'],
    ['list', '--goal', 'x'],
    ['show'],
    ['show', 'M1', 'M2'],
    ['show', 'M999'],
    ['schema', 'extra'],
    ['template', '--years', 'soon'],
    ['validate', 'no-such-plan.yaml'],
    ['--targets', 'no-such-plan.yaml', 'list'],
  ];

  it('help pages, command output and every error: no English words', async () => {
    const allowed = await allowedWords();
    const found = new Map<string, string[]>();
    for (const args of [...pages, ...commands, ...errors]) {
      const { out } = await runZh(args);
      expect(out, args.join(' ')).not.toBe('');
      // What the user typed, and the headers of the files they gave, may be echoed back.
      const echoed = [...args, ...args.filter((a) => a.endsWith('.csv') && existsSync(a)).map((a) => readFileSync(a, 'utf8').split('\n')[0] ?? '')];
      const words = englishWords(out, new Set([...allowed, ...echoed.flatMap((a) => a.match(/[A-Za-z]{2,}/g) ?? [])]));
      if (words.length > 0) found.set(args.join(' '), words);
    }
    expect(Object.fromEntries(found)).toEqual({});
  });

  it('every measure and goal `show`s in Chinese', async () => {
    const allowed = await allowedWords();
    const found = new Map<string, string[]>();
    const ids = [...Array.from({ length: 6 }, (_, i) => `G${i + 1}`), ...Array.from({ length: 117 }, (_, i) => `M${i + 1}`)];
    for (const id of ids) {
      const { code, out } = await runZh(['show', id]);
      expect(code, id).toBe(0);
      const words = englishWords(out, allowed);
      if (words.length > 0) found.set(id, words);
    }
    expect(Object.fromEntries(found)).toEqual({});
  });

  it('errors are exit 2, help is exit 0', async () => {
    for (const args of errors) expect((await runZh(args)).code, args.join(' ')).toBe(2);
    for (const args of pages.filter((p) => p.length > 0)) expect((await runZh(args)).code, args.join(' ')).toBe(0);
  });

  it('the scan itself finds English: an English run fails it', async () => {
    const allowed = await allowedWords();
    const fake = fakeIo();
    await main(['check', '--help'], fake.io);
    expect(englishWords(fake.stdout(), allowed)).toContain('review');
  });
});
