/** Property-based tests: arbitrary input never crashes the CLI or the plan loader; evaluation ignores row order. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Big from 'big.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readActuals } from '../src/actuals/read-actuals.js';
import { main } from '../src/cli.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { actualsFrom, bundledPlan, miniPlan } from '../src/evaluate/plan.test-helper.js';
import type { Target } from '../src/plan/types.js';
import { parsePlan } from '../src/plan/load-plan.js';
import type { Problem } from '../src/problem.js';
import type { Io } from '../src/run.js';

const root = new URL('../', import.meta.url).pathname;
const MINI = join(root, 'fixtures', 'plans', 'mini.yaml');
const temp = mkdtempSync(join(tmpdir(), 'plancheck-property-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** An Io that captures everything written and has nothing on stdin. */
function fakeIo(): Io & { out: () => string } {
  let text = '';
  const sink = { write: (chunk: string) => (text += chunk) };
  return {
    stdout: sink,
    stderr: sink,
    stdin: (async function* () {})(),
    env: { LANG: 'en_US.UTF-8' },
    out: () => text,
  };
}

const plan = miniPlan();
const ids = plan.targets.map((target) => target.id);

/** Text that looks like a submission, so that the fuzzing reaches past the header checks. */
const csvish = fc
  .record({
    header: fc.shuffledSubarray(['id', 'value', 'year', 'region', 'unit', '编号', '实际值', '2025', '2024年', 'note'], { minLength: 1 }),
    rows: fc.array(
      fc.array(
        fc.oneof(
          fc.constantFrom(...ids, '2020', '2025', '1,200', '3.4%', '是', '否', '', '"', '""', '250亿元', '\ufeff', '\u001b[31m'),
          fc.string({ unit: 'binary', maxLength: 12 }),
        ),
        { maxLength: 8 },
      ),
      { maxLength: 20 },
    ),
    separator: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
  })
  .map(({ header, rows, separator, newline, bom }) => {
    const text = [header, ...rows].map((cells) => cells.join(separator)).join(newline);
    return new Uint8Array(Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf8'));
  });

/** One row of a valid long-format submission of the mini plan. */
interface Row {
  region: string;
  id: string;
  year: number;
  value: string;
}
const byId = new Map(plan.targets.map((target) => [target.id, target]));
const rowArb: fc.Arbitrary<Row> = fc
  .record({
    region: fc.constantFrom('', '东区', '西区', 'North'),
    id: fc.constantFrom(...ids),
    year: fc.integer({ min: 2020, max: 2025 }),
    cents: fc.integer({ min: -100_000, max: 10_000_000 }),
    yes: fc.boolean(),
  })
  .map(({ region, id, year, cents, yes }) => ({
    region,
    id,
    year,
    value: byId.get(id)?.kind === 'milestone' ? (yes ? '是' : '否') : String(cents / 100),
  }));
const uniqueRows = (minLength: number) =>
  fc.uniqueArray(rowArb, { selector: (row) => `${row.region}|${row.id}|${row.year}`, minLength, maxLength: 60 });
const csv = (rows: Row[]): string => `region,id,year,value\n${rows.map((r) => `${r.region},${r.id},${r.year},${r.value}`).join('\n')}\n`;

/** A valid submission as bytes: the runs that should end in 0 or 1. */
const valid = uniqueRows(1).map((rows) => new Uint8Array(Buffer.from(csv(rows), 'utf8')));

/** Bytes with some bytes overwritten at random: damaged encodings, stray NULs, cut characters. */
const damaged = fc
  .tuple(fc.oneof(csvish, valid), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }))
  .map(([bytes, hits]) => {
    const copy = Uint8Array.from(bytes);
    for (const [at, byte] of hits) if (copy.length > 0) copy[at % copy.length] = byte;
    return copy;
  });

describe('property: arbitrary bytes as an actuals file', () => {
  it('main() resolves to 0, 1 or 2, never throws, and writes no raw escape', async () => {
    const file = join(temp, 'actuals.csv');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 400 }), csvish, valid, damaged),
        fc.constantFrom('table', 'summary', 'json'),
        async (bytes, format) => {
          writeFileSync(file, bytes);
          const io = fakeIo();
          const code = await main(['--targets', MINI, 'check', file, '-f', format], io);
          expect([0, 1, 2]).toContain(code);
          expect(io.out()).not.toContain('\u001b');
        },
      ),
      { numRuns: 120 },
    );
  });
});

/** Problems that concern a plan file as a whole, with no place in it to point at. */
const WHOLE_FILE: ReadonlySet<Problem['code']> = new Set(['plan.empty', 'plan.not-text', 'plan.alias-limit', 'plan.yaml-syntax', 'plan.not-a-mapping']);

describe('property: arbitrary YAML-ish documents as plan files', () => {
  const mini = YAML.parse(readFileSync(MINI, 'utf8')) as Record<string, unknown>;

  /** The mini plan with one value somewhere in it replaced by arbitrary JSON. */
  const mutatedPlan = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 3 })).map(([path, value]) => {
    const copy = structuredClone(mini) as unknown;
    let node: unknown = copy;
    for (const [depth, step] of path.entries()) {
      if (node === null || typeof node !== 'object') break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[step % keys.length] as string;
      if (depth === path.length - 1 || typeof (node as Record<string, unknown>)[key] !== 'object') {
        (node as Record<string, unknown>)[key] = value;
        break;
      }
      node = (node as Record<string, unknown>)[key];
    }
    return YAML.stringify(copy);
  });

  /** The mini plan with one leaf replaced by another of the same type: reaches the checks after the schema. */
  const tweakedPlan = fc
    .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.integer({ min: -5, max: 3000 }), fc.string({ maxLength: 8 }))
    .map(([path, number, string]) => {
      const copy = structuredClone(mini) as unknown;
      let node: unknown = copy;
      for (const step of path) {
        if (node === null || typeof node !== 'object') break;
        const keys = Object.keys(node);
        if (keys.length === 0) break;
        const key = keys[step % keys.length] as string;
        const child = (node as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') {
          node = child;
          continue;
        }
        (node as Record<string, unknown>)[key] = typeof child === 'number' ? number : typeof child === 'boolean' ? !child : string;
        break;
      }
      return YAML.stringify(copy);
    });

  it('parsePlan never throws; it returns a plan or located problems', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.jsonValue({ maxDepth: 4 }).map((value) => YAML.stringify(value)),
          mutatedPlan,
          tweakedPlan,
          mutatedPlan.map((text) => text.slice(0, Math.floor(text.length / 2))),
        ),
        (text) => {
          const { plan: loaded, problems } = parsePlan(text, 'x.yaml');
          if (loaded) {
            expect(problems).toEqual([]);
          } else {
            expect(problems.length).toBeGreaterThan(0);
            for (const problem of problems) {
              expect(problem.file).toBe('x.yaml');
              expect(problem.line !== undefined || problem.field !== undefined || WHOLE_FILE.has(problem.code), JSON.stringify(problem)).toBe(true);
            }
          }
          expect(Object.prototype).not.toHaveProperty('polluted');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('property: evaluation of valid submissions', () => {
  const submission = uniqueRows(2).chain((rows) =>
      fc.record({
        rows: fc.constant(rows),
        shuffled: fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
        // Each part keeps at least one row: a header-only file is an input error of its own.
        cut: fc.integer({ min: 1, max: rows.length - 1 }),
      }),
    );

  async function reportOf(...files: string[]) {
    const actuals = await readActuals(
      files.map((content, i) => ({
        name: `part${i + 1}.csv`,
        open: async function* () {
          yield Buffer.from(content, 'utf8');
        },
      })),
      plan,
    );
    expect(actuals.problems).toEqual([]);
    return evaluate(plan, actuals, { policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'mini.yaml', toolVersion: 'test' });
  }

  /** The report as canonical JSON: no file/row provenance, no inputs, regions and results sorted. */
  function canonical(report: Awaited<ReturnType<typeof reportOf>>): string {
    const { inputs: _inputs, ...rest } = report;
    const sorted = {
      ...rest,
      regions: [...rest.regions].sort(),
      results: [...rest.results].sort((a, b) => `${a.region}|${a.id}`.localeCompare(`${b.region}|${b.id}`)),
    };
    return JSON.stringify(sorted, (key, value: unknown) => {
      if (key === 'file' || key === 'row') return undefined;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
      }
      return value;
    });
  }

  it('is deterministic and independent of row order and of splitting the rows across two files', async () => {
    await fc.assert(
      fc.asyncProperty(submission, async ({ rows, shuffled, cut }) => {
        const first = await reportOf(csv(rows));
        const again = await reportOf(csv(rows));
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
        const expected = canonical(first);
        expect(canonical(await reportOf(csv(shuffled)))).toBe(expected);
        expect(canonical(await reportOf(csv(shuffled.slice(0, cut)), csv(shuffled.slice(cut))))).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('property: ratings and shown figures of the bundled plan agree with the documented rules', () => {
  const bundled = bundledPlan();
  // Targets whose plan gives a baseline (M45.4: 16 in 2020) are left out: the plan's baseline, not
  // the path the property draws, would be the start of the path.
  const levelTargets = bundled.targets.filter(
    (t) => t.kind === 'level' && typeof t.value === 'number' && ['>=', '>', '<=', '<', '~'].includes(t.op) && t.value !== 0 && t.baseline === null,
  );
  const finalTargets = bundled.targets.filter(
    (t) => (t.kind === 'level' || t.kind === 'cumulative') && typeof t.value === 'number' && ['>=', '>', '<=', '<', '~'].includes(t.op) && t.value !== 0,
  );
  const tol = bundled.approxTolerance;

  /** The target's line on the side a path is kept on: a floor or the band's lower edge goes down, else up. */
  function wrongWay(t: Target): { edge: Big; sign: -1 | 1 } {
    const value = new Big(t.value as number);
    if (t.op === '>=' || t.op === '>') return { edge: value, sign: -1 };
    if (t.op === '<=' || t.op === '<') return { edge: value, sign: 1 };
    // A band, left downwards from its lower edge.
    return { edge: value.minus(value.abs().times(t.tolerance ?? tol)), sign: -1 };
  }

  async function judged(id: string, rows: [number, string][], asOf: number) {
    const text = `id,year,value\n${rows.map(([year, value]) => `${id},${year},${value}`).join('\n')}\n`;
    const actuals = await actualsFrom(bundled, text);
    expect(actuals.problems).toEqual([]);
    const report = evaluate(bundled, actuals, {
      asOf, scope: (t) => t.id === id, policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'targets.yaml', toolVersion: 'test',
    });
    return report.results[0]!;
  }

  it('a mid-term path that stays on the wrong side, or crosses to it, and moves away is never on track or achieved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...levelTargets),
        // Where the baseline starts (negative: on the right side) and how far the latest figure moves away.
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 2021, max: 2024 }),
        async (target, start, away, year) => {
          const { edge, sign } = wrongWay(target);
          const unit = edge.abs().div(100).plus('0.001');
          const base = edge.plus(unit.times(start * sign));
          const latest = base.plus(unit.times(away * sign));
          // The latest figure must be on the wrong side for the property to speak about it.
          fc.pre(sign < 0 ? latest.lt(edge) : latest.gt(edge));
          const r = await judged(target.id, [[2020, base.toString()], [year, latest.toString()]], year);
          expect(['on_track', 'achieved']).not.toContain(r.status);
          expect(r.status).toBe('moving_away');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a computed figure (a growth rate, a mean) never contradicts its status and gap either', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('M1.2', 'M35.6', 'M22.4'),
        fc.array(fc.integer({ min: -50, max: 300 }), { minLength: 5, maxLength: 5 }),
        async (id, tenths) => {
          const rows = tenths.map((t, i): [number, string] => [2021 + i, String(t / 10)]);
          const r = await judged(id, rows, 2025);
          const target = bundled.targetsById.get(id)!;
          const gap = new Big(r.gap!);
          const strict = target.op === '>' || target.op === '<';
          expect(r.status).toBe((strict ? gap.gt(0) : gap.gte(0)) ? 'met' : 'not_met');
          // The gap is the exact difference of the rate or mean shown and the target (or band edge).
          const value = new Big(target.value as number);
          const actual = new Big(r.actual!.value);
          if (target.op === '>=') expect(gap.eq(actual.minus(value))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a final status never contradicts the actual and the gap shown, near the line to 15 digits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...finalTargets),
        fc.constantFrom('0', '1e-13', '-1e-13', '1e-8', '-1e-8', '0.01', '-0.01', '0.5', '-0.5'),
        async (target, offset) => {
          const written = new Big(target.value as number).plus(offset);
          // Figures are exact up to 15 significant digits (what a double holds for every decimal).
          fc.pre(written.c.length <= 15);
          const r = await judged(target.id, [[target.year, written.toString()]], target.year);
          const actual = new Big(r.actual!.value);
          // The figure shown is the figure written, and the gap is the exact difference from it.
          expect(actual.eq(written)).toBe(true);
          const value = new Big(target.value as number);
          let expectedGap: Big;
          if (target.op === '~') {
            const spread = value.abs().times(target.tolerance ?? tol);
            const [low, high] = [value.minus(spread), value.plus(spread)];
            expectedGap = actual.lt(low) ? actual.minus(low) : actual.gt(high) ? high.minus(actual) : new Big(0);
          } else expectedGap = target.op === '>=' || target.op === '>' ? actual.minus(value) : value.minus(actual);
          expect(new Big(r.gap!).eq(expectedGap)).toBe(true);
          const strict = target.op === '>' || target.op === '<';
          const met = strict ? expectedGap.gt(0) : expectedGap.gte(0);
          expect(r.status).toBe(met ? 'met' : 'not_met');
          // A share shown never crosses 1 against the status (strict lines: exactly 1 at the line).
          if (r.attainment !== null) {
            if (met) expect(r.attainment).toBeGreaterThanOrEqual(1);
            else if (strict) expect(r.attainment).toBeLessThanOrEqual(1);
            else expect(r.attainment).toBeLessThan(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
