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

describe('targets an audit of the text found missing, each with its verbatim clause', () => {
  const yamlText = readFileSync(new URL('targets.yaml', root), 'utf8');
  it.each([
    // id, kind, op, value, unit, soft, baseline, the words of the text
    ['M45.4', 'level', '>=', 18, '周岁', false, { value: 16, year: 2020 }, '将特困救助供养覆盖的未成年人年龄从16周岁延至18周岁'],
    ['M45.5', 'level', '>=', 2, '倍', false, null, '推动低边家庭收入认定范围扩大至低保标准的2倍'],
    ['M63.1', 'level', '>=', 158, '天', true, null, '延长妇女产假至158天'],
    ['M1.4', 'milestone', 'done', null, '', true, null, '争创省“万亩千亿”新产业平台'],
    ['M93.1', 'milestone', 'done', null, '', true, null, '争取实物捐赠同额抵税政策'],
    ['M93.2', 'milestone', 'done', null, '', true, null, '积极争取慈善信托税前扣除优惠政策'],
    ['G3.9', 'trend', 'increase', null, '', false, null, '中等收入群体规模不断扩大'],
    ['G3.11', 'trend', 'decrease', null, '', false, null, '城乡居民收入和生活水平差距逐步缩小'],
    ['G5.9', 'milestone', 'done', null, '', true, null, '海陆生态全域治理体系基本建立'],
    ['G6.5', 'milestone', 'done', null, '', true, null, '整体智治体系基本建成'],
    ['G6.6', 'milestone', 'done', null, '', true, null, '低风险社会基本建成'],
    ['M116.7', 'milestone', 'done', null, '', false, null, '实现多灾种、全灾链、数字化的综合监测预警'],
  ] as const)('%s is a %s target (%s %s %s)', (id, kind, op, value, unit, soft, baseline, words) => {
    const target = plan.targetsById.get(id);
    expect(target, id).toBeDefined();
    expect(target).toMatchObject({ kind, op, unit, soft, baseline, year: 2025 });
    if (value !== null) expect(target?.value).toBe(value);
    expect(target?.quote).toContain(words);
  });

  it('measures M63 and M93 are no longer qualitative; 26 remain, each saying why in a # Qualitative: comment', () => {
    expect(plan.measures.find((m) => m.number === 63)?.qualitative).toBe(false);
    expect(plan.measures.find((m) => m.number === 93)?.qualitative).toBe(false);
    const qualitative = plan.measures.filter((m) => m.qualitative);
    expect(qualitative).toHaveLength(26);
    const explained = [...yamlText.matchAll(/\n {4}# Qualitative: .{20,}\n {4}qualitative: true\n/g)];
    expect(explained).toHaveLength(yamlText.split('\n    qualitative: true\n').length - 1);
    expect(explained).toHaveLength(26);
  });

  it('no unit is a bare magnitude: what is counted is written out (M40.1 is 万人, so 人 converts)', () => {
    for (const t of plan.targets) expect(t.unit, t.id).not.toMatch(/^[十百千万亿]+$/);
    expect(plan.targetsById.get('M40.1')?.unit).toBe('万人');
  });
});
