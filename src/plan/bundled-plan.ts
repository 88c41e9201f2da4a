import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plan, Target } from './types.js';

/** A plan checked at build time, with the hash of the file it came from. */
export interface PrebuiltPlan {
  sourceHash: string;
  plan: Omit<Plan, 'targetsById'>;
}

/** The hash that ties a prebuilt plan to the exact bytes of its targets file. */
export function planHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Serialises a checked plan for `readPrebuiltPlan`; each target is written once. */
export function serialisePlan(plan: Plan, bytes: Uint8Array): string {
  const { targetsById: _unused, ...rest } = plan;
  const slim = {
    ...rest,
    goals: plan.goals.map((g) => ({ ...g, targets: g.targets.map((t) => t.index) })),
    measures: plan.measures.map((m) => ({ ...m, targets: m.targets.map((t) => t.index) })),
  };
  return JSON.stringify({ sourceHash: planHash(bytes), plan: slim });
}

/**
 * Reads the plan prebuilt from `planFile` at build time, or null when there is none or the file
 * has changed since: the caller then loads and checks the file itself.
 */
export function readPrebuiltPlan(prebuiltFile: string, planFile: string): Plan | null {
  let prebuilt: { sourceHash: string; plan: Omit<Plan, 'targetsById' | 'goals' | 'measures'> & { goals: (Omit<Plan['goals'][number], 'targets'> & { targets: number[] })[]; measures: (Omit<Plan['measures'][number], 'targets'> & { targets: number[] })[] } };
  try {
    prebuilt = JSON.parse(readFileSync(prebuiltFile, 'utf8')) as typeof prebuilt;
    if (prebuilt.sourceHash !== planHash(readFileSync(planFile))) return null;
  } catch {
    return null;
  }
  const { plan } = prebuilt;
  const byIndex = (indexes: number[]): Target[] => indexes.map((i) => plan.targets[i] as Target);
  return {
    ...plan,
    goals: plan.goals.map((g) => ({ ...g, targets: byIndex(g.targets) })),
    measures: plan.measures.map((m) => ({ ...m, targets: byIndex(m.targets) })),
    targetsById: new Map(plan.targets.map((t) => [t.id, t])),
  };
}
