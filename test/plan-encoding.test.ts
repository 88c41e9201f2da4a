/**
 * Keeps the encoding of the bundled plan honest: every target traceable to the sentence it
 * came from, with the comparator its words call for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load-plan.js';
import type { Op, Target } from '../src/plan/types.js';

const root = new URL('../', import.meta.url);
const { plan, problems } = loadPlan(new URL('targets.yaml', root).pathname);
const source = readFileSync(new URL('plans/xiangshan/source.txt', root), 'utf8');
const lines = source.split('\n').map((line) => line.replace(/\r$/, ''));
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六'];

if (!plan) throw new Error(`targets.yaml is invalid: ${JSON.stringify(problems.slice(0, 5), null, 2)}`);

const entries = [
  ...plan.goals.map((g) => ({ label: `G${g.number}`, text: g.text, targets: g.targets })),
  ...plan.measures.map((m) => ({ label: `M${m.number}`, text: m.text, targets: m.targets })),
];
const all: [string, Target, string][] = entries.flatMap((e) => e.targets.map((t) => [t.id, t, e.text] as [string, Target, string]));

/** How a value is written in the plan's text: 3.54, 1000, 0.5. */
function written(value: number): string {
  return String(value);
}

/** Where the target's figure stands in its quote, or -1. */
function figureAt(t: Target): { start: number; end: number } {
  const text = t.figure ?? (typeof t.value === 'number' ? written(t.value) : Array.isArray(t.value) ? `${t.value[0]}` : '');
  if (text === '') return { start: -1, end: -1 };
  // The figure as a whole number: 35 must not be found inside 3.5 or 135.
  const pattern = new RegExp(`(?<![\\d.])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d])`);
  const match = t.figure ? { index: t.quote.indexOf(text) } : pattern.exec(t.quote);
  if (!match || match.index < 0) return { start: -1, end: -1 };
  return { start: match.index, end: match.index + text.length };
}

/** The comparator the words around a figure call for (PRC Civil Code art. 1259), or null. */
export function comparatorFromWords(quote: string, start: number, end: number, unit: string): Op | null {
  let after = quote.slice(end);
  if (Array.isArray(after.match(/^\s*-\s*\d/))) return 'range';
  after = after.replace(/^[-\d.]*/, '');
  if (unit && after.startsWith(unit)) after = after.slice(unit.length);
  after = after.replace(/^[)(（）间套]*/, '');
  const before = quote.slice(Math.max(0, start - 8), start);
  if (/^(以上|及以上)/.test(after)) return '>=';
  if (/^(以内|以下|内)/.test(after)) return '<=';
  if (/^左右/.test(after)) return '~';
  if (/(不低于|不少于)$/.test(before)) return '>=';
  if (/(不超过|不高于)$/.test(before)) return '<=';
  if (/(超过|突破|高于)$/.test(before)) return '>';
  if (/低于$/.test(before)) return '<';
  return null;
}

describe('the bundled plan', () => {
  it('validates', () => {
    expect(problems).toEqual([]);
  });

  it('holds the 6 goals and the 117 measures in 18 actions', () => {
    expect(plan.goals.map((g) => g.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plan.measures.map((m) => m.number)).toEqual(Array.from({ length: 117 }, (_, i) => i + 1));
    expect(plan.actions.map((a) => [a.number, a.firstMeasure, a.lastMeasure])).toEqual([
      [1, 1, 7], [2, 8, 16], [3, 17, 23], [4, 24, 29], [5, 30, 34], [6, 35, 39], [7, 40, 48], [8, 49, 57], [9, 58, 62],
      [10, 63, 68], [11, 69, 73], [12, 74, 80], [13, 81, 85], [14, 86, 88], [15, 89, 91], [16, 92, 95], [17, 96, 107], [18, 108, 117],
    ]);
    for (const action of plan.actions) {
      expect(lines).toContain(`${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八'][action.number - 1]}、${action.title}`);
    }
  });

  it('quotes each measure and goal verbatim from the source', () => {
    for (const m of plan.measures) expect(lines, `M${m.number}`).toContain(`${m.number}.${m.text}`);
    for (const g of plan.goals) expect(lines, `G${g.number}`).toContain(`(${CHINESE_NUMBERS[g.number - 1]})${g.text}`);
  });

  it('has about 30–35 goal targets and about 220 measure targets', () => {
    const goalTargets = plan.goals.flatMap((g) => g.targets).length;
    const measureTargets = plan.measures.flatMap((m) => m.targets).length;
    expect(goalTargets).toBeGreaterThanOrEqual(25);
    expect(measureTargets).toBeGreaterThanOrEqual(180);
  });

  it('marks exactly the entries without targets as qualitative', () => {
    for (const m of plan.measures) expect(m.qualitative, `M${m.number}`).toBe(m.targets.length === 0);
  });

  it.each(entries.map((e) => [e.label, e] as const))('%s: ids follow the scheme, numbered 1, 2, 3 … in order', (label, entry) => {
    expect(entry.targets.map((t) => t.id)).toEqual(entry.targets.map((_, i) => `${label}.${i + 1}`));
  });

  it.each(all)('%s: its quote is a verbatim clause of its own paragraph', (_id, target, text) => {
    expect(text).toContain(target.quote);
  });

  it.each(all)('%s: its figure appears in its quote', (_id, target) => {
    if (target.op === 'done' || target.op === 'increase' || target.op === 'decrease') return;
    if (target.figure) {
      expect(target.quote).toContain(target.figure);
      return;
    }
    const values = Array.isArray(target.value) ? target.value : [target.value];
    for (const value of values) expect(target.quote).toContain(written(value ?? Number.NaN));
  });

  it.each(all)('%s: the comparator agrees with the words of its quote', (_id, target) => {
    if (!['>=', '>', '<=', '<', '~', 'range'].includes(target.op) || target.kind === 'change') return;
    const { start, end } = figureAt(target);
    expect(start, 'figure not found in quote').toBeGreaterThanOrEqual(0);
    const words = comparatorFromWords(target.quote, start, end, target.unit);
    // No comparator word: a bare figure or 达到/提高到 is a level to reach (>=).
    expect(target.op).toBe(words ?? '>=');
  });

  it('every deadline is inside the plan period', () => {
    for (const t of plan.targets) expect(t.year).toBeGreaterThanOrEqual(2021);
  });
});

describe('comparatorFromWords', () => {
  const at = (quote: string, figure: string, unit: string) => {
    const start = quote.indexOf(figure);
    return comparatorFromWords(quote, start, start + figure.length, unit);
  };
  it.each([
    ['城镇登记失业率控制在3.5%以内', '3.5', '%', '<='],
    ['规上工业增加值年均增长20%以上', '20', '%', '>='],
    ['园区规上工业产值突破1000亿元', '1000', '亿元', '>'],
    ['单位GDP建设用地使用面积低于23.78平方米/万元', '23.78', '平方米/万元', '<'],
    ['年均养护工程实施比例不低于6%', '6', '%', '>='],
    ['全员劳动报酬年均增长6%左右', '6', '%', '~'],
    ['新增“信易+”社会应用场景3-5个', '3', '个', 'range'],
    ['新增各类租赁住房不少于5555套(间)', '5555', '套(间)', '>='],
    ['全社会研发经费占GDP比重达到3.4%', '3.4', '%', null],
    ['重大慢病过早死亡率降至8.5%以下', '8.5', '%', '<='],
  ] as const)('%s → %s', (quote, figure, unit, op) => {
    expect(at(quote, figure, unit)).toBe(op);
  });
});
