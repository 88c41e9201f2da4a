import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeFormula } from './csv.js';
import { escapeData, escapeProperty } from './github.js';
import { formatters } from './index.js';
import { markdownCell } from './markdown.js';
import { sampleReport } from './sample-report.test-helper.js';

const en = { lang: 'en', color: false, maxErrors: 50 } as const;
const zh = { lang: 'zh', color: false, maxErrors: 50 } as const;

describe('text', () => {
  it('one greppable line per finding', () => {
    expect(formatters.text(sampleReport, en)).toMatchInlineSnapshot(`
      "in.csv:7:2 error row.not-a-number [value] "=1+2" is not a number
      in.csv:3:0 failure M1.1 Industrial output: not met; actual 950, target > 1000 亿元, gap -50
      in.csv:9:0 warning M1.2 Maintenance, share: not met; actual 5.9, target yearly mean ≥ 6 %, gap -0.1
      "
    `);
  });
});

describe('summary', () => {
  it('counts, per region too', () => {
    expect(formatters.summary(sampleReport, zh)).toMatchInlineSnapshot(`
      "in.csv:7:2 [value]: “=1+2” 不是数字
      提交的数据有 1 处错误,不是有效的提交
      合计:共 5 个指标,已达标 1,未达标 2,警告 1,无数据 1; 完成率 33.3%(1/3)
      合计(2025 年,时序进度 100%):提前实现 0,符合进度 1,基本符合 0,滞后 0,逆向 0,无法评估 0
      (未填地区):共 4 个指标,已达标 1,未达标 2,警告 1,无数据 1; 完成率 33.3%(1/3)
      丹东街道:共 1 个指标,已达标 0,未达标 0,警告 0,无数据 0
      丹东街道(2025 年,时序进度 100%):提前实现 0,符合进度 1,基本符合 0,滞后 0,逆向 0,无法评估 0
      "
    `);
  });
});

describe('table', () => {
  it('groups by action, one table per region, no colour when not asked', () => {
    const text = formatters.table(sampleReport, en);
    expect(text).not.toContain('\u001b[');
    expect(text).toMatchInlineSnapshot(`
      "in.csv:7:2 [value]: "=1+2" is not a number
      the submission has 1 error; it is not a valid submission
      ┌────────┬──────────────────────────────┬────────────────────┬────────────────────┬──────────┬──────────────────────┬────────────┐
      │ ID     │ Indicator                    │ Target             │ Actual             │ Gap      │ Status               │ Projected  │
      ├────────┴──────────────────────────────┴────────────────────┴────────────────────┴──────────┴──────────────────────┴────────────┤
      │ Development goals                                                                                                              │
      │ G1.1   │ R&D share of GDP             │ ≥ 3.4 %            │ 3.52               │ +0.12    │ met                  │            │
      │ Action 1 Economy                                                                                                               │
      │ M1.1   │ Industrial output            │ > 1000 亿元        │ 950                │ -50      │ not met              │            │
      │ M1.2   │ Maintenance, share           │ yearly mean ≥ 6 %  │ 5.9                │ -0.1     │ not met (warning)    │            │
      │ M1.3   │ New urban jobs               │ total ≥ 4.5 万人   │ no figure for 2025 │          │ no data              │            │
      └────────┴──────────────────────────────┴────────────────────┴────────────────────┴──────────┴──────────────────────┴────────────┘
      (no region): 4 targets, 1 met, 2 not met, 1 warning, 1 no data; completion rate 33.3% (1 of 3)
      Region: 丹东街道
      ┌────────┬──────────────────────────────┬────────────────────┬────────────────────┬──────────┬──────────────────────┬────────────┐
      │ ID     │ Indicator                    │ Target             │ Actual             │ Gap      │ Status               │ Projected  │
      ├────────┴──────────────────────────────┴────────────────────┴────────────────────┴──────────┴──────────────────────┴────────────┤
      │ Action 1 Economy                                                                                                               │
      │ M1.1   │ Industrial output            │ > 1000 亿元        │ 900 (2023)         │ -100     │ on track             │ 1027.5     │
      └────────┴──────────────────────────────┴────────────────────┴────────────────────┴──────────┴──────────────────────┴────────────┘
      丹东街道: 1 target, 0 met, 0 not met, 0 warnings, 0 no data
      丹东街道 (2025, 100% of the period elapsed): 0 already met, 1 on track, 0 moderate, 0 insufficient, 0 moving away, 0 not assessable
      All: 5 targets, 1 met, 2 not met, 1 warning, 1 no data; completion rate 33.3% (1 of 3)
      All (2025, 100% of the period elapsed): 0 already met, 1 on track, 0 moderate, 0 insufficient, 0 moving away, 0 not assessable
      "
    `);
  });

  it('colours statuses when asked', () => {
    expect(formatters.table(sampleReport, { ...en, color: true })).toContain('\u001b[31mnot met\u001b[39m');
  });
});

describe('markdown', () => {
  it('a summary and per-action tables with escaped cells', () => {
    expect(formatters.markdown(sampleReport, en)).toMatchInlineSnapshot(`
      "# Sample plan

      ## Input errors

      - in.csv:7:2 [value]: "=1+2" is not a number
      - the submission has 1 error; it is not a valid submission

      ## Summary

      - All: 5 targets, 1 met, 2 not met, 1 warning, 1 no data; completion rate 33.3% (1 of 3)
      - All (2025, 100% of the period elapsed): 0 already met, 1 on track, 0 moderate, 0 insufficient, 0 moving away, 0 not assessable
      - (no region): 4 targets, 1 met, 2 not met, 1 warning, 1 no data; completion rate 33.3% (1 of 3)
      - 丹东街道: 1 target, 0 met, 0 not met, 0 warnings, 0 no data
      - 丹东街道 (2025, 100% of the period elapsed): 0 already met, 1 on track, 0 moderate, 0 insufficient, 0 moving away, 0 not assessable

      ### Development goals

      | ID | Indicator | Target | Actual | Gap | Status |
      |---|---|---|---:|---:|---|
      | G1.1 | R&D share of GDP | ≥ 3.4 % | 3.52 | +0.12 | ✅ met |

      ### Action 1 Economy

      | ID | Indicator | Target | Actual | Gap | Status |
      |---|---|---|---:|---:|---|
      | M1.1 | Industrial output | > 1000 亿元 | 950 | -50 | ❌ not met |
      | M1.2 | Maintenance, share | yearly mean ≥ 6 % | 5.9 | -0.1 | ⚠️ not met |
      | M1.3 | New urban jobs | total ≥ 4.5 万人 | no figure for 2025 |  | ℹ️ no data |

      ### 丹东街道 · Action 1 Economy

      | ID | Indicator | Target | Actual | Gap | Status |
      |---|---|---|---:|---:|---|
      | M1.1 | Industrial output | > 1000 亿元 | 900 | -100 | ✅ on track |
      "
    `);
  });

  it('escapes pipes and line breaks', () => {
    expect(markdownCell('a|b\nc\\d')).toBe('a\\|b c\\\\d');
  });
});

describe('csv', () => {
  it('UTF-8 with BOM, CRLF, numbers plain', () => {
    expect(formatters.csv(sampleReport, en)).toMatchInlineSnapshot(`
      "﻿ID,Region,Measure,Action,Indicator,Target,Unit,Year,Actual,Gap,Attainment,Status,Severity
      G1.1,,G1,,R&D share of GDP,≥ 3.4 %,%,2025,3.52,0.12,1.0353,met,ok
      M1.1,,1,1,Industrial output,> 1000 亿元,亿元,2025,950,-50,0.95,not met,failure
      M1.2,,1,1,"Maintenance, share",yearly mean ≥ 6 %,%,2025,5.9,-0.1,0.9833,not met,warning
      M1.3,,1,1,New urban jobs,total ≥ 4.5 万人,万人,2025,,,,no data,info
      M1.1,丹东街道,1,1,Industrial output,> 1000 亿元,亿元,2025,900,-100,0.9,on track,ok
      "
    `);
  });

  it.each([
    ['=1+2', "'=1+2"], ['+1', "'+1"], ['-cmd', "'-cmd"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', "'\rx"],
    ['＝1+2', "'＝1+2"], ['＋1', "'＋1"], ['－1', "'－1"], ['＠x', "'＠x"], ['plain', 'plain'], ['3-5', '3-5'],
  ])('escapes %j against formula injection', (cell, expected) => {
    expect(escapeFormula(cell)).toBe(expected);
  });

  it('never escapes our own negative numbers', () => {
    const line = formatters.csv(sampleReport, en).split('\r\n').find((l) => l.startsWith('M1.1,,'));
    expect(line).toContain(',950,-50,0.95,');
  });
});

describe('junit', () => {
  const xml = formatters.junit(sampleReport, en);

  it('is well-formed XML with the right counts', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: { tests: string; failures: string; skipped: string; testsuite: { name: string; tests: string }[] };
    };
    expect(doc.testsuites).toMatchObject({ tests: '6', failures: '2', skipped: '1' });
    expect(doc.testsuites.testsuite.map((s) => [s.name, s.tests])).toEqual([['sample input', '1'], ['sample goals', '1'], ['sample action1', '4']]);
  });

  it('names test cases stably and uniquely', () => {
    expect([...xml.matchAll(/<testcase name="([^"]+)"/g)].map((m) => m[1])).toEqual(['in.csv:7:2 #1', 'G1.1', 'M1.1', 'M1.2', 'M1.3', 'M1.1 [丹东街道]']);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const report = { ...sampleReport, errors: [{ ...sampleReport.errors[0]!, params: { value: '<a href="x">&\u0001' } }] };
    const out = formatters.junit(report, en);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('&quot;&lt;a href=&quot;x&quot;&gt;&amp;&quot;');
  });
});

describe('github', () => {
  it('annotations on the CSV rows, then a notice', () => {
    expect(formatters.github(sampleReport, en)).toMatchInlineSnapshot(`
      "::error file=in.csv,line=7,col=2,title=plancheck row.not-a-number::[value] "=1+2" is not a number
      ::error file=in.csv,line=3,title=plancheck M1.1::Industrial output: not met; actual 950, target > 1000 亿元, gap -50
      ::warning file=in.csv,line=9,title=plancheck M1.2::Maintenance, share: not met; actual 5.9, target yearly mean ≥ 6 %25, gap -0.1
      ::notice title=plancheck::All: 5 targets, 1 met, 2 not met, 1 warning, 1 no data
      "
    `);
  });

  it('escapes as @actions/core does', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('C:\\a,b.csv')).toBe('C%3A\\a%2Cb.csv');
    expect(escapeProperty('50%:x')).toBe('50%25%3Ax');
  });
});

describe('sarif', () => {
  it('is SARIF 2.1.0 with located results', () => {
    const sarif = JSON.parse(formatters.sarif(sampleReport, en)) as {
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
  });
});

describe('json', () => {
  it('is the versioned report with rendered messages', () => {
    const json = JSON.parse(formatters.json(sampleReport, zh)) as { schemaVersion: number; valid: boolean; errors: { message: string }[]; results: { reason: { message: string } | null }[] };
    expect(json.schemaVersion).toBe(1);
    expect(json.valid).toBe(false);
    expect(json.errors[0]?.message).toBe('“=1+2” 不是数字');
    expect(json.results[3]?.reason?.message).toBe('缺少 2025 年的数据');
  });
});
