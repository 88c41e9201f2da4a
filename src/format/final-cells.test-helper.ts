import { attainmentOf, gapOf, meets } from '../evaluate/compare.js';
import type { Op, Target } from '../plan/types.js';
import { emptyCell, type ListedCell } from '../report/listed-results.js';
import type { Severity, TargetSource } from '../report/types.js';

// Shared by the tests of what formats splice from per-target pieces (off-track sentences and
// lines, matrix cells): targets, figures around them, and the cells of final levels.

let index = 0;

/** A level target of its own id (`M{index}.1`, 指标{index} / Indicator {index}), for the year 2025. */
export function levelTarget(op: Op, value: number | [number, number] | null, unit: string, extra: Partial<Target> = {}): Target {
  index++;
  return {
    id: `M${index}.1`, index, measure: index, goal: null, action: 1, indicator: `指标${index}`, indicatorEn: `Indicator ${index}`, kind: 'level', op, value, unit, year: 2025,
    soft: false, quote: '', baseline: null, tolerance: null, figure: null, note: null, ...extra,
  };
}

/** The plain level targets every splicing test covers: each comparator, units with and without `%`, a soft target, targets of 0 (new ones each call). */
export function plainLevelTargets(): Target[] {
  return [
    levelTarget('>=', 3.4, '%'),
    levelTarget('>', 1000, '亿元'),
    levelTarget('<=', 0.35, ''),
    levelTarget('<', 15, 'km'),
    levelTarget('==', 100, '%'),
    levelTarget('~', 30, '家', { tolerance: 0.05 }),
    levelTarget('range', [240, 260], '亿元'),
    levelTarget('>=', 12.125, 'tonnes', { soft: true }),
    levelTarget('>=', 0, '个'),
    levelTarget('==', 0, ''),
  ];
}

/** A figure as reports give it: 0–4 decimals, around the target, a hair from its line, negative, or large. */
export function shortDecimalFigure(random: () => number, t: Target): number {
  const v = Array.isArray(t.value) ? t.value[random() < 0.5 ? 0 : 1] : (t.value as number);
  const places = Math.floor(random() * 5);
  const near = [v * (0.5 + random()), v + (random() - 0.5) * 10 ** -places, -v * random(), random() * 10 ** Math.floor(random() * 16), v * 0.9999999];
  return Number(near[Math.floor(random() * near.length)]!.toFixed(places));
}

/** A figure near, on, or far from a target: integers, long decimals, negatives, zero, huge and tiny. */
export function wildFigure(random: () => number, t: Target): number {
  const v = Array.isArray(t.value) ? t.value[random() < 0.5 ? 0 : 1] : (t.value as number);
  const choices = [
    v, v - 1e-9, v + 1e-9, v * (1 - random() / 3), -v * random() - 1, 0, 1e15 * random(), 1e-9 * random(), v - 0.00004, v + 0.00005, 123456789.123456789,
    -0.000012345, v * 0.999999999999, Number((v * (0.5 + random())).toFixed(7)), Math.round(v * 2 * random()), 1e21 * (random() + 0.5),
  ];
  return choices[Math.floor(random() * choices.length)]!;
}

/** The cell of a final level judged on a region's own figure (gap and attainment by the judges' own functions, tolerance 0.05). */
export function finalCell(t: Target, region: string, value: number, severity: Severity, targetSource: TargetSource): ListedCell {
  const cell = emptyCell();
  const status = meets(value, t, 0.05) ? 'met' : 'not_met';
  Object.assign(cell, {
    shape: 'final_level', target: t, region, status, severity: status === 'met' ? 'ok' : severity, final: true, hasActual: true, year: t.year, value,
    file: 'in.csv', row: 7, gap: gapOf(value, t, 0.05), attainment: attainmentOf(value, t, 0.05), targetSource, figureSource: 'reported',
  });
  return cell;
}
