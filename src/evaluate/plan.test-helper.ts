import { readFileSync } from 'node:fs';
import { readActuals, type Actuals } from '../actuals/read-actuals.js';
import { parsePlan } from '../plan/load-plan.js';
import type { Plan } from '../plan/types.js';

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

/** The three-town plan of fixtures/plans/towns.yaml (regions, weights, one target per aggregate). */
export function townsPlan(): Plan {
  const file = new URL('../../fixtures/plans/towns.yaml', import.meta.url);
  const { plan, problems } = parsePlan(readFileSync(file, 'utf8'), 'towns.yaml');
  if (!plan) throw new Error(`towns plan invalid: ${JSON.stringify(problems)}`);
  return plan;
}
