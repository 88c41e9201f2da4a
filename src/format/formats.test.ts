import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Report } from '../report/types.js';
import { escapeFormula } from './csv.js';
import { render } from './format-output.test-helper.js';
import { sampleReport } from './sample-report.test-helper.js';

const en = { lang: 'en', color: false, maxErrors: 50 } as const;
const zh = { lang: 'zh', color: false, maxErrors: 50 } as const;
/** The sample without regions: one plain listing. */
const single: Report = {
  ...sampleReport,
  regions: [''],
  results: sampleReport.results.slice(0, 4),
  summary: { ...sampleReport.summary.byRegion['']!, byRegion: { '': sampleReport.summary.byRegion['']! } },
};

describe('text', () => {
  it('one greppable line per finding, `file:row:col level id message`, the message with its reason; the rule last', () => {
    const lines = render('text', sampleReport, en).trimEnd().split('\n');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\S+:\d+:\d+ (error|failure|warning) \S+ /);
    expect(lines.at(-1)).toBe('exit code 2: the submission has 1 error; it is not a valid submission');
    expect(render('text', sampleReport, en)).toMatchInlineSnapshot(`
      "in.csv:7:2 error row.not-a-number [value] "=1+2" is not a number
      in.csv:3:0 failure M1.1 Industrial output: not met; actual 950, target > 1000 亿元, gap -50; 50 亿元 short of the target (95.0% attained)
      in.csv:9:0 warning M1.2 Maintenance, share: not met (soft); actual 5.9, target yearly mean ≥ 6 %, gap -0.1; 0.1 percentage points short of the target (98.3% attained); a soft (力争) target: a miss does not fail the run
      exit code 2: the submission has 1 error; it is not a valid submission
      "
    `);
  });
});

describe('summary', () => {
  it('counts soft misses apart from failures, per region too, and names the failing rule last', () => {
    const text = render('summary', sampleReport, zh);
    expect(text).toContain('失败 1,警告 1(其中力争目标 1 个,不计失败)');
    expect(text.trimEnd().split('\n').at(-1)).toBe('退出码 2:提交的数据有 1 处错误,不是有效的提交');
    expect(text).toMatchInlineSnapshot(`
      "in.csv:7:2 [value]: “=1+2” 不是数字
      提交的数据有 1 处错误,不是有效的提交
      合计:2 个地区共 5 项(地区 × 指标),已达标 1,未达标 2,无数据 1;失败 1,警告 1(其中力争目标 1 项,不计失败);完成率 33.3%(1/3)
      合计(2025 年,时序进度 100%):提前实现 0,符合进度 1,基本符合 0,滞后 0,逆向 0,尚未完成 0,无法评估 0
      (未填地区):共 4 个指标,已达标 1,未达标 2,无数据 1;失败 1,警告 1(其中力争目标 1 个,不计失败);完成率 33.3%(1/3)
      丹东街道:共 1 个指标,已达标 0,未达标 0,无数据 0;失败 0,警告 0
      丹东街道(2025 年,时序进度 100%):提前实现 0,符合进度 1,基本符合 0,滞后 0,逆向 0,尚未完成 0,无法评估 0
      退出码 2:提交的数据有 1 处错误,不是有效的提交
      "
    `);
  });
});

describe('table', () => {
  it('without regions: errors first, the summary at top and bottom, rows grouped by action, reasons under their row', () => {
    const text = render('table', single, { ...en, width: 100 });
    expect(text).not.toContain('\u001b[');
    expect(text).toMatchInlineSnapshot(`
      "in.csv:7:2 [value]: "=1+2" is not a number
      the submission has 1 error; it is not a valid submission
      All: 4 targets, 1 met, 2 not met, 1 no data; 1 failing, 1 warning (1 of them a soft target, not
      failing); completion rate 33.3% (1 of 3)

      ID    Indicator           Target             Actual    Gap  Status
      --------------------------------------------------------------------------
      Development goals
      G1.1  R&D share of GDP    ≥ 3.4 %            3.52    +0.12  met
      Action 1 Economy
      M1.1  Industrial output   > 1000 亿元        950       -50  not met
            Why: 50 亿元 short of the target (95.0% attained)
      M1.2  Maintenance, share  yearly mean ≥ 6 %  5.9      -0.1  not met (soft)
            Why: 0.1 percentage points short of the target (98.3% attained); a soft (力争) target: a miss
            does not fail the run
      M1.3  New urban jobs      total ≥ 4.5 万人                  no data
            Why: no figure for 2025

      All: 4 targets, 1 met, 2 not met, 1 no data; 1 failing, 1 warning (1 of them a soft target, not
      failing); completion rate 33.3% (1 of 3)
      exit code 2: the submission has 1 error; it is not a valid submission
      "
    `);
  });

  it('the reason becomes a column when the width has room for it', () => {
    const text = render('table', single, { ...en, width: 160 });
    const header = text.split('\n').find((line) => line.startsWith('ID'))!;
    expect(header).toMatch(/Status\s+Why$/);
    expect(text).not.toContain('Why: ');
  });

  it('with regions: indicator × region, a column per region, per-region counts, then what is off track', () => {
    const text = render('table', sampleReport, { ...en, width: 100 });
    expect(text).toMatchInlineSnapshot(`
      "in.csv:7:2 [value]: "=1+2" is not a number
      the submission has 1 error; it is not a valid submission
      All: 5 results (2 regions × targets), 1 met, 2 not met, 1 no data; 1 failing, 1 warning (1 of them a
      soft target, not failing); completion rate 33.3% (1 of 3)
      All (2025, 100% of the period elapsed): 0 already met, 1 on track, 0 moderate, 0 insufficient, 0
      moving away, 0 pending, 0 not assessable

      ID    Indicator           Target             (no region)  丹东街道
      ------------------------------------------------------------------
      Development goals
      G1.1  R&D share of GDP    ≥ 3.4 %            ✓ 3.52
      Action 1 Economy
      M1.1  Industrial output   > 1000 亿元        ✗ 950        ✓ 900
      M1.2  Maintenance, share  yearly mean ≥ 6 %  ! 5.9
      M1.3  New urban jobs      total ≥ 4.5 万人   ?
            Per region                             ✓1 ✗1 !1 ?1  ✓1 ✗0 !0
                                                                ?0

      Key: ✓ met or on track  ✗ failing  ! warning or behind  ~ moderate  ? no data  - pending; blank: not
      listed for that region

      ✗ (no region) M1.1 Industrial output: not met; 50 亿元 short of the target (95.0% attained)
      ! (no region) M1.2 Maintenance, share: not met (soft); 0.1 percentage points short of the target
      (98.3% attained); a soft (力争) target: a miss does not fail the run

      All: 5 results (2 regions × targets), 1 met, 2 not met, 1 no data; 1 failing, 1 warning (1 of them a
      soft target, not failing); completion rate 33.3% (1 of 3)
      All (2025, 100% of the period elapsed): 0 already met, 1 on track, 0 moderate, 0 insufficient, 0
      moving away, 0 pending, 0 not assessable
      exit code 2: the submission has 1 error; it is not a valid submission
      "
    `);
    const header = text.split('\n').find((line) => line.startsWith('ID'))!;
    expect(header).toMatch(/^ID\s+Indicator\s+Target\s+\(no region\)\s+丹东街道$/);
  });

  it('--by region lists each region in turn under its name', () => {
    const text = render('table', sampleReport, { ...en, width: 100, by: 'region' });
    expect(text).toContain('Region: 丹东街道');
    expect(text).toContain('Region: (no region)');
  });

  it('colours statuses when asked, and only the text, not the padding', () => {
    const text = render('table', single, { ...en, color: true, width: 100 });
    expect(text).toContain('\u001b[31mnot met\u001b[39m');
  });
});

describe('markdown', () => {
  it('a summary, per-action tables with a reason column, the failing rule last', () => {
    const text = render('markdown', single, en);
    expect(text).toContain('| Reason |'.replace('Reason', 'Why'));
    expect(text.trimEnd().split('\n').at(-1)).toBe('**exit code 2: the submission has 1 error; it is not a valid submission**');
    expect(text).toMatchInlineSnapshot(`
      "# Sample plan

      ## Input errors

      - in.csv:7:2 \\[value\\]: "=1+2" is not a number
      - the submission has 1 error; it is not a valid submission

      ## Summary

      - All: 4 targets, 1 met, 2 not met, 1 no data; 1 failing, 1 warning (1 of them a soft target, not failing); completion rate 33.3% (1 of 3)

      ### Development goals

      | ID | Indicator | Target | Actual | Gap | Status | Why |
      |---|---|---|---:|---:|---|---|
      | G1.1 | R&amp;D share of GDP | ≥ 3.4 % | 3.52 | +0.12 | ✅ met |  |

      ### Action 1 Economy

      | ID | Indicator | Target | Actual | Gap | Status | Why |
      |---|---|---|---:|---:|---|---|
      | M1.1 | Industrial output | \\> 1000 亿元 | 950 | -50 | ❌ not met | 50 亿元 short of the target (95.0% attained) |
      | M1.2 | Maintenance, share | yearly mean ≥ 6 % | 5.9 | -0.1 | ⚠️ not met (soft) | 0.1 percentage points short of the target (98.3% attained); a soft (力争) target: a miss does not fail the run |
      | M1.3 | New urban jobs | total ≥ 4.5 万人 |  |  | ℹ️ no data | no figure for 2025 |

      **exit code 2: the submission has 1 error; it is not a valid submission**
      "
    `);
  });

  it('with regions: one indicator × region table', () => {
    const text = render('markdown', sampleReport, en);
    expect(text).toContain('| ID | Indicator | Target | (no region) | 丹东街道 |');
    expect(text).toContain('| M1.1 | Industrial output | \\> 1000 亿元 | ✗ 950 | ✓ 900 |');
  });
});

describe('csv', () => {
  it('UTF-8 with BOM, CRLF, numbers plain, a reason column', () => {
    expect(render('csv', single, en)).toMatchInlineSnapshot(`
      "﻿ID,Region,Measure,Action,Indicator,Target,Unit,Year,Actual,Gap,Attainment,Status,Severity,Why,Projected,Progress
      G1.1,,G1,,R&D share of GDP,≥ 3.4 %,%,2025,3.52,0.12,1.0353,met,ok,,,
      M1.1,,1,1,Industrial output,> 1000 亿元,亿元,2025,950,-50,0.95,not met,failure,50 亿元 short of the target (95.0% attained),,
      M1.2,,1,1,"Maintenance, share",yearly mean ≥ 6 %,%,2025,5.9,-0.1,0.9833,not met (soft),warning,0.1 percentage points short of the target (98.3% attained); a soft (力争) target: a miss does not fail the run,,
      M1.3,,1,1,New urban jobs,total ≥ 4.5 万人,万人,2025,,,,no data,info,no figure for 2025,,
      "
    `);
  });

  it('with regions: a figure and a status column per region', () => {
    const lines = render('csv', sampleReport, en).split('\r\n');
    expect(lines[0]).toBe('\ufeffID,Indicator,Target,Unit,(no region) Actual,(no region) Status,丹东街道 Actual,丹东街道 Status');
    expect(lines).toContain('M1.1,Industrial output,> 1000 亿元,亿元,950,✗ not met,900,✓ on track');
  });

  it.each([
    ['=1+2', "'=1+2"], ['+1', "'+1"], ['-cmd', "'-cmd"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', "'\rx"],
    ['＝1+2', "'＝1+2"], ['＋1', "'＋1"], ['－1', "'－1"], ['＠x', "'＠x"], ['plain', 'plain'], ['3-5', '3-5'],
  ])('escapes %j against formula injection', (cell, expected) => {
    expect(escapeFormula(cell)).toBe(expected);
  });

  it('never escapes our own negative numbers', () => {
    const line = render('csv', single, en).split('\r\n').find((l) => l.startsWith('M1.1,'));
    expect(line).toContain(',950,-50,0.95,');
  });
});

describe('junit', () => {
  const xml = render('junit', sampleReport, en);

  it('is well-formed XML whose failure count is the table\'s (soft misses pass, with their reason)', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: { tests: string; failures: string; skipped: string; testsuite: { name: string; tests: string }[] };
    };
    // 1 input error + 1 failing target; the soft miss M1.2 is not a failure, as in the summary.
    expect(doc.testsuites).toMatchObject({ tests: '6', failures: String(1 + sampleReport.summary.failures), skipped: '1' });
    expect(doc.testsuites.testsuite.map((s) => [s.name, s.tests])).toEqual([['sample input', '1'], ['sample goals', '1'], ['sample action1', '4']]);
    expect(xml).toContain('<system-out>Maintenance, share: not met (soft); actual 5.9, target yearly mean ≥ 6 %, gap -0.1; 0.1 percentage points short of the target (98.3% attained); a soft (力争) target: a miss does not fail the run</system-out>');
  });

  it('names test cases stably and uniquely', () => {
    expect([...xml.matchAll(/<testcase name="([^"]+)"/g)].map((m) => m[1])).toEqual(['in.csv:7:2 #1', 'G1.1', 'M1.1', 'M1.2', 'M1.3', 'M1.1 [丹东街道]']);
  });

  it('escapes markup and shows characters XML cannot hold', () => {
    const report = { ...sampleReport, errors: [{ ...sampleReport.errors[0]!, params: { value: '<a href="x">&\u0001' } }] };
    const out = render('junit', report, en);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('&quot;&lt;a href=&quot;x&quot;&gt;&amp;\\u0001&quot;');
  });
});

describe('github', () => {
  it('annotations on the CSV rows with their reasons, a notice with the counts, the failing rule last', () => {
    expect(render('github', sampleReport, en)).toMatchInlineSnapshot(`
      "::error file=in.csv,line=7,col=2,title=plancheck row.not-a-number::[value] "=1+2" is not a number
      ::error file=in.csv,line=3,title=plancheck M1.1::Industrial output: not met; actual 950, target > 1000 亿元, gap -50; 50 亿元 short of the target (95.0%25 attained)
      ::warning file=in.csv,line=9,title=plancheck M1.2::Maintenance, share: not met (soft); actual 5.9, target yearly mean ≥ 6 %25, gap -0.1; 0.1 percentage points short of the target (98.3%25 attained); a soft (力争) target: a miss does not fail the run
      ::notice title=plancheck::All: 5 results (2 regions × targets), 1 met, 2 not met, 1 no data; 1 failing, 1 warning (1 of them a soft target, not failing); completion rate 33.3%25 (1 of 3)%0AAll (2025, 100%25 of the period elapsed): 0 already met, 1 on track, 0 moderate, 0 insufficient, 0 moving away, 0 pending, 0 not assessable
      ::error title=plancheck::exit code 2: the submission has 1 error; it is not a valid submission
      "
    `);
  });
});

describe('sarif', () => {
  it('is SARIF 2.1.0 with located results', () => {
    const sarif = JSON.parse(render('sarif', sampleReport, en)) as {
      version: string;
      $schema: string;
      runs: { tool: { driver: { name: string; version: string; rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toContain('sarif-2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'plancheck', version: '9.9.9' });
    expect(run.results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.region])).toEqual([
      ['row.not-a-number', 'error', { startLine: 7, startColumn: 2 }],
      ['M1.1', 'error', { startLine: 3 }],
      ['M1.2', 'warning', { startLine: 9 }],
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    expect(run.results[1]?.message.text).toContain('50 亿元 short of the target');
  });

  it('is laid out as JSON.stringify would, although written result by result', () => {
    const text = render('sarif', sampleReport, en);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const empty = render('sarif', { ...single, results: [], errors: [], errorCount: 0 }, en);
    expect(empty).toBe(`${JSON.stringify(JSON.parse(empty), null, 2)}\n`);
  });
});

describe('json', () => {
  it('is the versioned report with rendered messages', () => {
    const json = JSON.parse(render('json', sampleReport, zh)) as { schemaVersion: number; valid: boolean; elapsed_share: number; errors: { message: string }[]; results: { reason: { message: string } | null }[] };
    expect(json.schemaVersion).toBe(1);
    expect(json.valid).toBe(false);
    expect(json.elapsed_share).toBe(1);
    expect(json.errors[0]?.message).toBe('“=1+2” 不是数字');
    expect(json.results[3]?.reason?.message).toBe('缺少 2025 年的数据');
  });

  it('is laid out as JSON.stringify would, although written result by result', () => {
    for (const report of [sampleReport, { ...single, results: [], errors: [], errorCount: 0, regions: [] }]) {
      const text = render('json', report, en);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  it('keeps the summary per region, __proto__ included', () => {
    const byRegion = Object.create(null) as Report['summary']['byRegion'];
    byRegion.__proto__ = sampleReport.summary.byRegion['']!;
    const text = render('json', { ...single, regions: ['__proto__'], summary: { ...single.summary, byRegion } }, en);
    const json = JSON.parse(text) as { summary: { byRegion: Record<string, { targets: number }> } };
    expect(Object.hasOwn(json.summary.byRegion, '__proto__')).toBe(true);
  });
});
