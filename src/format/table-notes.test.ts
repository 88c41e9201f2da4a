import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate/evaluate.js';
import { actualsFrom, bundledPlan } from '../evaluate/plan.test-helper.js';
import { formatTable } from './table.js';

const plan = bundledPlan();

async function tableOf(csv: string, asOf: number, lang: 'zh' | 'en'): Promise<string> {
  const actuals = await actualsFrom(plan, csv);
  const report = evaluate(plan, actuals, { asOf, policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'targets.yaml', toolVersion: '0' });
  return formatTable({ ...report, results: report.results.filter((r) => r.status !== 'no_data' && r.status !== 'not_assessable') }, { lang, color: false, maxErrors: 10 });
}

describe('the table lists what the judges noted beside a status, in the reader\'s language', () => {
  it('a running total that fell (M12.1: 50 in 2023, 44 in 2025) is met and noted', async () => {
    const text = await tableOf('id,year,value\nM12.1,2023,50\nM12.1,2025,44\n', 2025, 'en');
    expect(text).toContain('Notes:\n  M12.1: the running total fell in 2025: please check the figures\n');
    const zh = await tableOf('id,year,value\nM12.1,2023,50\nM12.1,2025,44\n', 2025, 'zh');
    expect(zh).toContain('提示:\n  M12.1: 累计值在以下年份比上一年减少:2025,请核对\n');
  });

  it('no notes, no block', async () => {
    expect(await tableOf('id,year,value\nM12.1,2025,44\n', 2025, 'en')).not.toContain('Notes:');
  });
});
