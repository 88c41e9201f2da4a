import { selectTargets, type ListFilter } from './select-targets.js';
import type { Plan } from './plan/types.js';
import { PlancheckError } from './problem.js';

/** A selection of targets as options give it, and the review year. */
export interface Selection extends ListFilter {
  asOf?: number;
}

/** How many years after the plan period a review may still be dated (a late final review). */
export const AS_OF_YEARS_AFTER = 5;

/**
 * Refuses a selection a typo would make silently empty: a number the plan does not have
 * (`--measure 999`, `--action 0`), options that together select no target, and a review year
 * outside the plan's baseline year to five years after its period. Returns every refusal, none
 * when all is well.
 */
export function checkSelection(plan: Plan, selection: Selection): PlancheckError[] {
  const refusals: PlancheckError[] = [];
  const numbered: [keyof ListFilter & ('action' | 'measure' | 'goal'), number[]][] = [
    ['action', plan.actions.map((a) => a.number)],
    ['measure', plan.measures.map((m) => m.number)],
    ['goal', plan.goals.map((g) => g.number)],
  ];
  for (const [option, valid] of numbered) {
    const asked = selection[option];
    if (!asked) continue;
    const known = new Set(valid);
    const unknown = [...new Set(asked.filter((n) => !known.has(n)))];
    if (unknown.length > 0) {
      refusals.push(new PlancheckError('usage.no-such-number', { option, values: ranges(unknown), range: ranges(valid) || '-' }));
    }
  }
  const filtered = selection.action || selection.measure || selection.goal || selection.kind || selection.soft !== undefined;
  // Numbers the plan lacks were named above; saying the selection is empty as well adds nothing.
  if (refusals.length === 0 && filtered && selectTargets(plan, selection).length === 0) {
    refusals.push(new PlancheckError('usage.selects-nothing', { selection: describe(selection) }));
  }
  if (selection.asOf !== undefined) {
    const low = Math.min(plan.baselineYear, plan.period.start);
    const high = plan.period.end + AS_OF_YEARS_AFTER;
    if (selection.asOf < low || selection.asOf > high) {
      refusals.push(new PlancheckError('usage.as-of-range', { year: selection.asOf, start: plan.period.start, end: plan.period.end, low, high }));
    }
  }
  return refusals;
}

/** Numbers as sorted runs: 1-7,9,12-14. */
export function ranges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    runs.push(j === i ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(',');
}

function describe(selection: Selection): string {
  const parts: string[] = [];
  for (const option of ['action', 'measure', 'goal'] as const) {
    const numbers = selection[option];
    if (numbers) parts.push(`--${option} ${ranges(numbers)}`);
  }
  if (selection.kind) parts.push(`--kind ${selection.kind.join(',')}`);
  if (selection.soft !== undefined) parts.push('--soft');
  return parts.join(' ');
}
