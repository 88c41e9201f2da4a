import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { readActuals, type Actuals } from '../actuals/read-actuals.js';
import { parsePlan } from '../plan/load-plan.js';
import type { Plan } from '../plan/types.js';
import type { Result } from '../report/types.js';
import { evaluate } from './evaluate.js';

/** The small plan of fixtures/plans/mini.yaml, with one target of each kind. */
export function miniPlan(): Plan {
  const file = new URL('../../fixtures/plans/mini.yaml', import.meta.url);
  const { plan, problems } = parsePlan(readFileSync(file, 'utf8'), 'mini.yaml');
  if (!plan) throw new Error(`mini plan invalid: ${JSON.stringify(problems)}`);
  return plan;
}

/** Reads CSV texts (one per file) as actuals of `plan`. */
export function actualsFrom(plan: Plan, ...files: (string | Uint8Array)[]): Promise<Actuals> {
  return readActuals(
    files.map((content, i) => ({
      name: `in${i + 1}.csv`,
      open: async function* () {
        yield typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      },
    })),
    plan,
  );
}

/** The bundled Xiangshan plan (targets.yaml at the repository root). */
export function bundledPlan(): Plan {
  const file = new URL('../../targets.yaml', import.meta.url);
  const { plan, problems } = parsePlan(readFileSync(file, 'utf8'), 'targets.yaml');
  if (!plan) throw new Error(`bundled plan invalid: ${JSON.stringify(problems)}`);
  return plan;
}

/** Judges one target of `plan` in a CSV submission as of `asOf`; throws on input errors. */
export async function judgeOne(plan: Plan, csv: string, id: string, asOf?: number): Promise<Result> {
  const actuals = await actualsFrom(plan, csv);
  if (actuals.problems.length > 0) throw new Error(`input errors: ${JSON.stringify(actuals.problems)}`);
  const report = evaluate(plan, actuals, { asOf, policy: { failOn: ['not_met'], maxWarnings: null }, planFile: 'targets.yaml', toolVersion: '0' });
  const result = report.results.find((r) => r.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}

/** The three-town plan of fixtures/plans/towns.yaml (regions, weights, one target per aggregate). */
export function townsPlan(): Plan {
  const file = new URL('../../fixtures/plans/towns.yaml', import.meta.url);
  const { plan, problems } = parsePlan(readFileSync(file, 'utf8'), 'towns.yaml');
  if (!plan) throw new Error(`towns plan invalid: ${JSON.stringify(problems)}`);
  return plan;
}

/** A random figure row: a region, a target (by index), a year, and the figure as a multiple of the target's value. */
export interface RandomFigure {
  region: string;
  target: number;
  year: number;
  factor: number;
}

/** Random figures for a plan: around each target's value, in the regions given, mostly in the plan's last year (final verdicts). */
export function randomFigures(p: Plan, regions: string[]): fc.Arbitrary<RandomFigure[]> {
  return fc.array(
    fc.record({
      region: fc.constantFrom(...regions),
      target: fc.integer({ min: 0, max: p.targets.length - 1 }),
      year: fc.oneof({ arbitrary: fc.constant(p.period.end), weight: 3 }, fc.integer({ min: p.baselineYear, max: p.period.end })),
      factor: fc.constantFrom(0, 0.5, 0.99, 1, 1.01, 2, -1, 1.0000001),
    }),
    { maxLength: 80 },
  );
}

/** The long-format CSV of random figures: milestones as 是/否, other figures as the factor times the target's value. */
export function csvOfFigures(p: Plan, rows: RandomFigure[]): string {
  const lines = rows.map(({ region, target, year, factor }) => {
    const t = p.targets[target];
    if (!t) throw new Error('no target');
    const base = typeof t.value === 'number' ? t.value : Array.isArray(t.value) ? t.value[0] : 1;
    const value = t.kind === 'milestone' ? (factor >= 1 ? '是' : '否') : String(base * factor);
    return `${region},${t.id},${year},${value}`;
  });
  return `region,id,year,value\n${lines.join('\n')}\n`;
}
