/**
 * Keeps the `aggregate` of every target of the bundled plan to the rule written in
 * docs/targets-format.md (Aggregates: the rule used for the Xiangshan plan).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load-plan.js';
import type { Target } from '../src/plan/types.js';

const { plan } = loadPlan(new URL('../targets.yaml', import.meta.url).pathname);
if (!plan) throw new Error('targets.yaml is invalid');
const targets = plan.targets;
const text = (t: Target): string => (t.aggregate?.method === 'weighted' ? `weighted:${t.aggregate.weight}` : (t.aggregate?.method ?? 'missing'));
const COUNTS = new Set(['个', '家', '所', '张', '户', '名', '条', '支', '套(间)', '件', '人', '万人', '公里', '亩', '万亩', '万吨', '万家', '万户', '亿元', '万平方米', '千瓦', '万']);

describe('the aggregate of every target of the bundled plan', () => {
  it('the plan declares regions, so every target has one', () => {
    expect(plan.regions?.units).toHaveLength(18);
    expect(targets.filter((t) => !t.aggregate).map((t) => t.id)).toEqual([]);
  });

  it('milestones never add up', () => {
    for (const t of targets.filter((t) => t.kind === 'milestone')) expect(text(t), t.id).toBe('none');
  });

  it('totals and counts add up, unless per head, per unit of land or a county-wide standard', () => {
    const perSomething = /人均|每千|每万|每个|^万人|万人比|亩均|标准|储备面积|一户多宅/;
    for (const t of targets.filter((t) => COUNTS.has(t.unit) && t.kind !== 'milestone' && !perSomething.test(t.indicator))) {
      expect(text(t), `${t.id} ${t.indicator}`).toBe('sum');
    }
  });

  it('full coverage and clearing in % are plain means (every town at 100 % is the only way to 100 %)', () => {
    for (const t of targets.filter((t) => t.unit === '%' && t.op === '==' && (t.value === 100 || t.value === 0))) expect(text(t), t.id).toBe('mean');
  });

  it('per-capita figures are weighted by resident population, or do not add up; a share of GDP per head by GDP', () => {
    for (const t of targets.filter((t) => /^人均|居民人均/.test(t.indicator) && !/GDP/.test(t.indicator))) expect(['weighted:常住人口', 'none'], t.id).toContain(text(t));
    expect(text(plan.targetsById.get('G3.2')!)).toBe('weighted:地区生产总值');
  });

  it('shares of GDP are weighted by GDP', () => {
    for (const t of targets.filter((t) => t.unit === '%' && t.kind === 'level' && /占GDP/.test(t.indicator))) expect(text(t), t.id).toBe('weighted:地区生产总值');
  });

  it('is what scripts/add-aggregates.mjs writes: the rule, applied to the file without its aggregate lines, gives the file back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-aggregates-'));
    try {
      const copy = join(dir, 'targets.yaml');
      const original = readFileSync(new URL('../targets.yaml', import.meta.url), 'utf8');
      writeFileSync(copy, original.replace(/\n\s*aggregate: .*/g, ''));
      const run = spawnSync(process.execPath, [new URL('../scripts/add-aggregates.mjs', import.meta.url).pathname, copy], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(copy, 'utf8')).toBe(original);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
