import { describe, expect, it } from 'vitest';
import { bundledPlan } from './evaluate/plan.test-helper.js';
import { displayWidth } from './format/text-width.js';
import { listTable, selectTargets } from './list-targets.js';

describe('the target list as a table', () => {
  const plan = bundledPlan();
  const goals = selectTargets(plan, { goal: [1] });

  it('lays out in the width given, wrapping an indicator at a word boundary, never inside a word', () => {
    const lines = listTable(goals, 'en', 100).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+Indicator\s+Target\s+Year\s+Kind\s+soft$/);
    expect(lines[1]).toMatch(/^-+$/);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(100);
    // G1.1: "Income and wealth distribution mechanism reflecting social fairness" (67 characters)
    // in a column of at most 48: "… mechanism" is 40, "… reflecting" would be 51: two lines, split between words.
    const first = lines.findIndex((line) => line.startsWith('G1.1'));
    expect(lines[first]).toMatch(/^G1\.1\s+Income and wealth distribution mechanism\s+done/);
    expect(lines[first + 1]!.trim()).toBe('reflecting social fairness');
  });

  it('in Chinese, the headers and kinds are Chinese and CJK counts two columns', () => {
    const lines = listTable(goals, 'zh', 60).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^编号\s+指标/);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(lines.join('\n')).toContain('完成类');
  });

  it('too narrow for columns, each target is a block of labelled lines, none wider than asked', () => {
    const text = listTable(goals, 'en', 24);
    const blocks = text.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(goals.length);
    expect(blocks[0]!.split('\n')[0]).toBe('ID: G1.1');
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(24);
  });

  it('plan text reaches the terminal escaped', () => {
    const hostile = { ...goals[0]!, indicatorEn: 'a\u001b[2Jb\u202e' };
    const text = listTable([hostile], 'en', 100);
    expect(text).not.toMatch(/[\u001b\u202e]/);
  });
});
