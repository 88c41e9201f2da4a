import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate/evaluate.js';
import { actualsFrom, bundledPlan } from '../evaluate/plan.test-helper.js';
import { formatMessage } from '../messages.js';
import { outputToString } from './formatter.js';
import { formatJson } from './json.js';

describe('the JSON report: each input notice carries its message in the user\'s language, as errors do', async () => {
  // A title above the header: the header is found on line 2, which the reader notes.
  const plan = bundledPlan();
  const actuals = await actualsFrom(plan, '2025年象山县共同富裕指标\nid,year,value\nG1.1,2025,3.5\n');
  const report = evaluate(plan, actuals, { policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'targets.yaml', toolVersion: '0' });

  it.each(['zh', 'en'] as const)('%s', (lang) => {
    const json = JSON.parse(outputToString(formatJson(report, { lang, color: false, maxErrors: 50 }))) as { inputs: { notices: { code: string; params: Record<string, string | number>; message: string }[] }[] };
    const notices = json.inputs[0]?.notices ?? [];
    expect(notices.map((notice) => notice.code)).toContain('notice.header-found');
    for (const notice of notices) expect(notice.message).toBe(formatMessage(notice.code as Parameters<typeof formatMessage>[0], notice.params, lang));
    expect(notices[0]?.message).not.toBe('');
  });
});
