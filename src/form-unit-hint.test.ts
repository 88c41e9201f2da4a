/**
 * The form's unit cell of a growth or change target says what to enter (rates in %, or levels
 * with their unit) instead of a `%` that invites levels marked as rates; left as written, it
 * reads as no unit, so the form still round-trips.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate/evaluate.js';
import { actualsFrom, bundledPlan } from './evaluate/plan.test-helper.js';
import { formUnit, isFormUnitHint } from './form-unit-hint.js';
import { buildTemplate } from './template.js';

const plan = bundledPlan();
const target = (id: string) => {
  const found = plan.targetsById.get(id);
  if (!found) throw new Error(id);
  return found;
};

describe('the unit the form writes', () => {
  it('growth and change targets get the hint in the language of the form; other targets their unit', () => {
    expect(formUnit(target('M1.2'), 'zh')).toBe('年增长率(%)或指标水平值(填其单位)');
    expect(formUnit(target('M1.2'), 'en')).toBe('growth % a year, or levels (give their unit)');
    expect(formUnit(target('M113.2'), 'zh')).toBe('较基期变化(%)或指标水平值(填其单位)');
    expect(formUnit(target('G2.3'), 'zh')).toBe('%');
    expect(formUnit(target('M1.1'), 'en')).toBe('亿元');
  });

  it('the CSV form carries it in the 计量单位 column of M1.2 and M111.2, and no % there', () => {
    const rows = buildTemplate(plan, { lang: 'zh' }).split('\r\n');
    expect(rows.find((row) => row.startsWith('M1.2,'))).toBe('M1.2,经济开发区规上工业增加值,年增长率(%)或指标水平值(填其单位),年均增长 ≥ 20 %,,,,,,');
    expect(rows.find((row) => row.startsWith('M111.2,'))?.split(',')[2]).toBe('较基期变化(%)或指标水平值(填其单位)');
  });

  it('is recognised after NFKC in both languages, and nothing else is', () => {
    expect(isFormUnitHint('年增长率(%)或指标水平值(填其单位)'.normalize('NFKC'))).toBe(true);
    expect(isFormUnitHint('change on baseline %, or levels (give their unit)')).toBe(true);
    expect(isFormUnitHint('%')).toBe(false);
    expect(isFormUnitHint('亿元')).toBe(false);
  });
});

describe('the filled form read back', () => {
  const head = '指标编号,指标名称,计量单位,目标,2020年,2021年,2022年,2023年,2024年,2025年\n';
  const row = (unit: string, cells: string) => `${head}M1.2,经济开发区规上工业增加值,${unit},年均增长 ≥ 20 %,${cells}\n`;
  const judged = async (csv: string) => {
    const actuals = await actualsFrom(plan, csv);
    expect(actuals.problems).toEqual([]);
    const report = evaluate(plan, actuals, { policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 't', toolVersion: '0' });
    return { actuals, result: report.results.find((r) => r.id === 'M1.2') };
  };

  it('hint left, rates for 2021–2025: (1.215 × 1.19 × 1.18 × 1.2 × 1.22)^(1/5) − 1 = 20.0907 % → met', async () => {
    const { actuals, result } = await judged(row('年增长率(%)或指标水平值(填其单位)', ',21.5,19,18,20,22'));
    expect(actuals.notices).toEqual([]);
    expect(result?.status).toBe('met');
    expect(result?.actual?.value).toBeCloseTo(20.0907, 3);
  });

  it('hint left, levels for 2020–2025: refused as levels without their unit, never a growth of 133 %', async () => {
    const { result } = await judged(row('年增长率(%)或指标水平值(填其单位)', '100,110,121,133.1,146.4,161.1'));
    expect(result?.status).toBe('no_data');
    expect(result?.reason?.code).toBe('reason.rates-look-like-levels');
  });

  it('unit set to 亿元, levels 100 (2020) and 260 (2025): 2.6^(1/5) − 1 = 21.0583 % → met', async () => {
    const { result } = await judged(row('亿元', '100,,,,,260'));
    expect(result?.status).toBe('met');
    expect(result?.actual?.value).toBeCloseTo(21.0583, 3);
  });
});
