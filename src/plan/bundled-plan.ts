import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plan, Target } from './types.js';

/** A plan checked at build time, with the hash, size and modification time of the file it came from. */
export interface PrebuiltPlan {
  sourceHash: string;
  sourceSize: number;
  sourceMtimeMs: number;
  plan: Omit<Plan, 'targetsById'>;
}

/**
 * The hash that ties a prebuilt plan to the exact bytes of its targets file. node:crypto is
 * loaded here, not at start-up: a run whose plan file kept its size and time never needs it.
 */
export function planHash(bytes: Uint8Array): string {
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

/** Serialises a checked plan for `readPrebuiltPlan`; each target is written once. */
export function serialisePlan(plan: Plan, bytes: Uint8Array, source: { size: number; mtimeMs: number }): string {
  const { targetsById: _unused, ...rest } = plan;
  const slim = {
    ...rest,
    goals: plan.goals.map((g) => ({ ...g, targets: g.targets.map((t) => t.index) })),
    measures: plan.measures.map((m) => ({ ...m, targets: m.targets.map((t) => t.index) })),
  };
  return JSON.stringify({ sourceHash: planHash(bytes), sourceSize: source.size, sourceMtimeMs: source.mtimeMs, plan: slim });
}

type Stored = Omit<PrebuiltPlan, 'plan'> & {
  plan: Omit<Plan, 'targetsById' | 'goals' | 'measures'> & {
    goals: (Omit<Plan['goals'][number], 'targets'> & { targets: number[] })[];
    measures: (Omit<Plan['measures'][number], 'targets'> & { targets: number[] })[];
  };
};

/**
 * Reads the plan prebuilt from `planFile` at build time, or null when there is none or the file
 * has changed since: the caller then loads and checks the file itself. A file with the size and
 * modification time it had at build time is taken as unchanged; any other is compared by hash
 * (an installed copy keeps its bytes but not always its time).
 */
export function readPrebuiltPlan(prebuiltFile: string, planFile: string): Plan | null {
  let prebuilt: Stored;
  try {
    prebuilt = JSON.parse(readFileSync(prebuiltFile, 'utf8')) as Stored;
    const stat = statSync(planFile);
    const unchanged = stat.size === prebuilt.sourceSize && stat.mtimeMs === prebuilt.sourceMtimeMs;
    if (!unchanged && (stat.size !== prebuilt.sourceSize || prebuilt.sourceHash !== planHash(readFileSync(planFile)))) return null;
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
