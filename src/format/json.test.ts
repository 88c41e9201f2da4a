import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate/evaluate.js';
import { actualsFrom, bundledPlan } from '../evaluate/plan.test-helper.js';
import { outputToString } from './formatter.js';
import { formatJson } from './json.js';

describe('the JSON report: each input notice carries its message in the user\'s language, as errors do', async () => {
  // A title above the header: the header is found on line 2, which the reader notes.
  const plan = bundledPlan();
  const actuals = await actualsFrom(plan, '2025年象山县共同富裕指标\nid,year,value\nG1.1,2025,3.5\n');
  const report = evaluate(plan, actuals, { policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'targets.yaml', toolVersion: '0' });

  it.each([
    ['zh', '表头在第 2 行;其上 1 行(标题、填报单位等)未读取'],
    ['en', 'the header is on row 2; the row above it (titles, 填报单位) was not read'],
  ] as const)('%s', (lang, message) => {
    const json = JSON.parse(outputToString(formatJson(report, { lang, color: false, maxErrors: 50 }))) as { inputs: { notices: { code: string; message: string }[] }[] };
    expect(json.inputs[0]?.notices.map((notice) => [notice.code, notice.message])).toEqual([['notice.header-found', message]]);
  });
});
