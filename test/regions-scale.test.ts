/**
 * 3,000 regions (and one named __proto__) through every format in one run: each output is
 * checked for correctness, not timed (the bench measures time and memory).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../src/format/text-width.js';

const REGIONS = Array.from({ length: 3000 }, (_, i) => `镇${String(i + 1).padStart(4, '0')}`).concat('__proto__');
// G2.2 (人均地区生产总值 > 15 万元): 16 (met) in the 1st, 3rd, … town and in __proto__ (the 3,001st), 14 (not met) in the others.
const value = (i: number): number => (i % 2 === 0 ? 16 : 14);
const failing = REGIONS.filter((_, i) => value(i) === 14).length;
// The bundled plan declares its towns (docs/regions.md): the county (象山县) comes first, its G2.2
// (weighted by population, none given) not derived; per town, the 98 other intensive targets have no
// data and the 192 totals and others are not judged; the 3,001 unlisted names are one warning.
const COUNTY = '象山县';
const FORMATS = { json: 'a.json', csv: 'b.csv', table: 't.txt', summary: 's.txt', text: 'x.txt', markdown: 'm.md', junit: 'j.xml', github: 'g.txt', sarif: 'r.sarif' };

const dir = mkdtempSync(join(tmpdir(), 'plancheck-regions-'));
const read = (name: keyof typeof FORMATS): string => readFileSync(join(dir, FORMATS[name]), 'utf8');
let code = -1;
let stderr = '';

beforeAll(() => {
  const csv = ['region,id,year,value', ...REGIONS.map((region, i) => `${region},G2.2,2025,${value(i)}`)].join('\n');
  const outputs = Object.entries(FORMATS).flatMap(([format, file]) => ['-f', format, '-o', join(dir, file)]);
  // The built bin, as a user runs it; one evaluation feeds every format.
  const result = spawnSync(process.execPath, ['bin/plancheck.js', 'check', '-', ...outputs], {
    cwd: new URL('../', import.meta.url).pathname,
    input: csv,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' },
    timeout: 240_000,
  });
  code = result.status ?? -1;
  stderr = result.stderr;
}, 250_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('3,000 regions in every format', () => {
  it('the run fails on the even towns and writes every output', () => {
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(failing).toBe(1500);
  });

  it('json keeps its shape; targets without figures are counted, not listed', () => {
    const json = JSON.parse(read('json')) as { regions: string[]; results: { region: string; status: string }[]; unlisted: number; summary: { failures: number; byRegion: Record<string, { targets: number }> } };
    expect(json.regions).toHaveLength(3002);
    expect(json.regions[0]).toBe(COUNTY);
    expect(json.results).toHaveLength(3002);
    expect(json.results.filter((r) => r.status === 'not_met')).toHaveLength(failing);
    expect(json.unlisted).toBe(3002 * 310); // every region, the county too, lists 1 of the 311 targets
    expect(json.summary.failures).toBe(failing);
    expect(Object.keys(json.summary.byRegion)).toHaveLength(3002);
    expect(Object.hasOwn(json.summary.byRegion, '__proto__')).toBe(true);
    expect(json.summary.byRegion.__proto__?.targets).toBe(311);
  });

  it('csv is the matrix: a figure and a status column per region, one row per target listed', () => {
    const lines = read('csv').split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.split(',')).toHaveLength(4 + 2 * 3002);
    const row = lines[1]!.split(',');
    expect(row.slice(0, 2)).toEqual(['G2.2', 'GDP per capita']);
    expect(row[4]).toBe('');
    expect(row[6]).toBe('16');
    expect(row[7]).toBe('✓ met');
    expect(row.at(-2)).toBe('16');
    expect(row[9]).toBe('✗ not met');
  });

  it('table: blocks of regions that fit 100 columns, each region once, each line no wider', () => {
    const text = read('table');
    const lines = text.split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(100);
    const headers = lines.filter((line) => line.startsWith('ID '));
    const columns = headers.flatMap((line) => line.split(/\s{2,}/).slice(3));
    expect(columns).toEqual([COUNTY, ...REGIONS]);
    expect(text).toContain(`${3002 * 310} more results (region × target) are not listed`);
  });

  it('summary: a line for all, one per region, the warning, the failing rule last', () => {
    const lines = read('summary').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 3002 + 1 + 1);
    // 3002 × 311 = 933622 = 1501 met + 1500 not met + (3001 × 98 + 311 = 294409) no data + 3001 × 212 = 636212 not judged
    expect(lines[0]).toMatch(/^All: 933622 results \(3002 regions × targets\), 1501 met, 1500 not met, 294409 no data; 1500 failing, 1 warning.*; 636212 not judged/);
    expect(lines.at(-3)).toMatch(/^__proto__: 311 targets, 1 met, 0 not met/);
    // A warning about the file as a whole is located by the file alone (no line 0).
    expect(lines.at(-2)).toMatch(/^warning: <stdin>: 3001 regions are not among the plan's towns/);
    expect(lines.at(-1)).toBe('exit code 1: 1500 targets fail under --fail-on not_met');
  });

  it('text, github and sarif: one finding per failing town', () => {
    // One more line: the warning that the 3,001 regions are not the plan's towns.
    expect(read('text').trimEnd().split('\n')).toHaveLength(failing + 2);
    expect(read('text')).toContain('3001 regions are not among the plan\'s towns');
    const github = read('github').trimEnd().split('\n');
    expect(github.filter((line) => line.startsWith('::error file='))).toHaveLength(failing);
    const sarif = JSON.parse(read('sarif')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(failing + 1);
  });

  it('markdown: one matrix row with a column per region', () => {
    const row = read('markdown').split('\n').find((line) => line.startsWith('| G2.2 |'))!;
    expect(row.split(' | ')).toHaveLength(3 + 3002);
  });

  it('junit: a test case per listed result and per warning, failures as in the summary', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(read('junit')) as { testsuites: { tests: string; failures: string } };
    // 3,002 results and the warning that 3,001 regions are not the plan's towns.
    expect(doc.testsuites).toMatchObject({ tests: '3003', failures: String(failing) });
  });
});
