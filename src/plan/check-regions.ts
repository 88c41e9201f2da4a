import type { Problem } from '../problem.js';
import type { Aggregate, PlanRegions, Target } from './types.js';

/** The `regions` block of a plan file as the schema admits it. */
export interface RawRegions {
  name: string;
  name_en?: string;
  aliases?: string[];
  units?: string[];
  weights?: { name: string; name_en?: string; unit: string }[];
  roll_up_tolerance?: number;
}

/** Half a per cent: towns' figures rounded to one decimal still add up within it. */
const DEFAULT_ROLL_UP_TOLERANCE = 0.005;

/** Reads an `aggregate:` value the schema has admitted (`sum`, `mean`, `none`, `weighted:<name>`). */
export function parseAggregate(text: string): Aggregate {
  if (text.startsWith('weighted:')) return { method: 'weighted', weight: text.slice('weighted:'.length).trim() };
  if (text === 'sum' || text === 'mean') return { method: text };
  return { method: 'none' };
}

/** Builds the plan's regions from its `regions` block. */
export function buildRegions(raw: RawRegions): PlanRegions {
  return {
    name: raw.name,
    nameEn: raw.name_en ?? raw.name,
    aliases: raw.aliases ?? [],
    units: raw.units ?? [],
    weights: (raw.weights ?? []).map((weight) => ({ name: weight.name, nameEn: weight.name_en ?? weight.name, unit: weight.unit })),
    rollUpTolerance: raw.roll_up_tolerance ?? DEFAULT_ROLL_UP_TOLERANCE,
  };
}

/** Every `weighted:` aggregate must name a weight the plan declares or one of its targets. */
export function checkWeights(
  raw: { goals?: { targets: { aggregate?: string }[] }[]; measures: { targets: { aggregate?: string }[] }[] },
  targets: Target[],
  regions: PlanRegions,
  report: (path: (string | number)[], code: Problem['code'], params: Problem['params']) => void,
): void {
  const known = new Set([...regions.weights.map((weight) => weight.name), ...targets.map((target) => target.id)]);
  const check = (entries: { targets: { aggregate?: string }[] }[] | undefined, key: string): void => {
    entries?.forEach((entry, i) =>
      entry.targets.forEach((target, j) => {
        const aggregate = target.aggregate === undefined ? null : parseAggregate(target.aggregate);
        if (aggregate?.method === 'weighted' && !known.has(aggregate.weight)) {
          report([key, i, 'targets', j, 'aggregate'], 'plan.aggregate-weight-unknown', { weight: aggregate.weight });
        }
      }),
    );
  };
  check(raw.goals, 'goals');
  check(raw.measures, 'measures');
}
