import { describe, expect, test } from 'vitest';
import type { Report } from '../../report/types.js';
import { sampleReport } from '../sample-report.test-helper.js';
import { formatHtml } from './format-html.js';

const options = { lang: 'zh', color: false, maxErrors: 50 } as const;

const hostile: Report = {
  ...sampleReport,
  regions: ['', '<script>alert(1)</script>'],
  results: sampleReport.results.map((r, i) =>
    i === 0 ? { ...r, indicator: '<img src=x onerror=alert(1)>\u001b[31m红' } : r.region === '丹东街道' ? { ...r, region: '<script>alert(1)</script>' } : r),
  summary: { ...sampleReport.summary, byRegion: { '': sampleReport.summary.byRegion['']!, '<script>alert(1)</script>': sampleReport.summary.byRegion['丹东街道']! } },
  inputs: [{ ...sampleReport.inputs[0]!, file: '"><iframe src=//evil>.csv' }],
};

describe('formatHtml', async () => {
  const page = await formatHtml(hostile, options);

  test('no HTML from the input reaches the page: every input byte is escaped, control characters shown', () => {
    // No tag from the input, and no tag anywhere carries an event handler.
    expect(page).not.toMatch(/<(img|iframe|script)/i);
    expect(page).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;\\u001b[31m红');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;iframe src=//evil&gt;.csv');
    // eslint-disable-next-line no-control-regex
    expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  });

  test('self-contained: no script, no external resource, a policy forbidding both', () => {
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(page).not.toMatch(/<[a-z][^>]*\s(src|href)=/i);
    expect(page).not.toMatch(/@import|url\(/);
  });

  test('a CJK-first font stack, the language of the page, print rules for A4 landscape', () => {
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toMatch(/font-family:"Noto Sans CJK SC",[^;]*"Microsoft YaHei"[^;]*"PingFang SC"[^;]*sans-serif/);
    expect(page).toContain('@page{size:A4 landscape');
    expect(page).toContain('thead{display:table-header-group}');
  });

  test('statuses show a symbol and a word besides the colour; soft targets are marked 力争', () => {
    expect(page).toContain('<span class="badge s-met">√ 已达标</span>');
    expect(page).toMatch(/<span class="badge s-not_met">× 未达标/);
    const softRow = page.split('<tr>').find((row) => row.includes('M1.2')) ?? '';
    expect(softRow).toContain('<span class="soft">力争</span>');
  });

  test('with regions: a heat map; two regions listed, so rows carry the region and no per-target charts', () => {
    expect(page).toMatch(/<div class="heat chart"><svg /);
    expect(page).not.toContain('<figure>');
  });

  test('English when asked', async () => {
    const english = await formatHtml(sampleReport, { ...options, lang: 'en' });
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Review year');
    expect(english).not.toMatch(/评估年份|时序进度/);
  });
});
