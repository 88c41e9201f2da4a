import type { Problem } from '../problem.js';
import { buildRegions, checkWeights, parseAggregate, type RawRegions } from './check-regions.js';
import type { Locate, PlanLoad } from './load-plan.js';
import type { Action, Goal, Kind, Measure, Op, Plan, Target } from './types.js';

/** A target as the schema admits it, before semantic checks. */
interface RawTarget {
  id: string;
  indicator: string;
  indicator_en: string;
  kind: Kind;
  op: Op;
  value?: number | number[];
  unit: string;
  year: number;
  soft?: boolean;
  baseline?: { value: number; year: number };
  tolerance?: number;
  figure?: string;
  quote: string;
  note?: string;
  aggregate?: string;
}

interface RawEntry {
  number: number;
  action?: number;
  title?: string;
  title_en?: string;
  summary_en?: string;
  text?: string;
  qualitative?: boolean;
  targets: RawTarget[];
}

/** A plan document that has passed the schema. */
export interface RawPlan {
  schemaVersion: 1;
  plan: {
    id: string;
    title: string;
    title_en?: string;
    issuer?: string;
    issuer_en?: string;
    period: { start: number; end: number };
    baseline_year: number;
    source?: string;
    approx_tolerance?: number;
    progress_bands?: { on_track: number; moderate: number };
  };
  regions?: RawRegions;
  actions?: { number: number; title: string; title_en?: string; measures: number[] }[];
  goals?: RawEntry[];
  measures: RawEntry[];
}

const DEFAULT_APPROX_TOLERANCE = 0.05;
const DEFAULT_BANDS = { onTrack: 0.95, moderate: 0.6 };

/** Applies the checks the schema cannot express and builds the Plan; collects every problem. */
export function checkPlanShape(raw: RawPlan, file: string, locate: Locate): PlanLoad {
  const problems: Problem[] = [];
  const report = (path: (string | number)[], code: Problem['code'], params: Problem['params']): void => {
    problems.push({ code, params, file, field: path.join('.'), ...locate(path) });
  };
  const { start, end } = raw.plan.period;
  if (start > end) report(['plan', 'period'], 'plan.range-order', { low: start, high: end });

  const actions: Action[] = (raw.actions ?? []).map((action) => ({
    number: action.number,
    title: action.title,
    titleEn: action.title_en ?? action.title,
    firstMeasure: action.measures[0] ?? 0,
    lastMeasure: action.measures[1] ?? 0,
  }));
  actions.forEach((action, i) => {
    if (action.firstMeasure > action.lastMeasure) {
      report(['actions', i, 'measures'], 'plan.range-order', { low: action.firstMeasure, high: action.lastMeasure });
    }
    checkNumbering(['actions', i, 'number'], i === 0 ? 0 : actions[i - 1]?.number, action.number, report);
  });

  const seenIds = new Map<string, number>();
  const targets: Target[] = [];
  const buildTargets = (entry: RawEntry, path: (string | number)[], owner: { measure: number | null; goal: number | null; action: number | null }): Target[] => {
    const prefix = owner.measure !== null ? `M${owner.measure}` : `G${owner.goal ?? 0}`;
    let previousN = 0;
    if (entry.qualitative && entry.targets.length > 0) report([...path, 'qualitative'], 'plan.qualitative-with-targets', {});
    return entry.targets.map((rawTarget, i) => {
      const here = [...path, 'targets', i];
      const [idPrefix, nText] = rawTarget.id.split('.');
      const n = Number(nText);
      if (idPrefix !== prefix || !(n > previousN)) {
        report([...here, 'id'], 'plan.bad-id', { id: rawTarget.id, expected: `${prefix}.${previousN + 1}` });
      }
      previousN = Math.max(previousN, n);
      const firstLine = seenIds.get(rawTarget.id);
      if (firstLine !== undefined) report([...here, 'id'], 'plan.duplicate-id', { id: rawTarget.id, firstLine });
      else seenIds.set(rawTarget.id, locate([...here, 'id'])?.line ?? 0);
      const value = checkValue(rawTarget, [...here], report);
      if (rawTarget.year < start || rawTarget.year > end) {
        report([...here, 'year'], 'plan.year-outside-period', { year: rawTarget.year, start, end });
      }
      const target: Target = {
        id: rawTarget.id,
        index: targets.length,
        ...owner,
        indicator: rawTarget.indicator,
        indicatorEn: rawTarget.indicator_en,
        kind: rawTarget.kind,
        op: rawTarget.op,
        value,
        unit: rawTarget.unit,
        year: rawTarget.year,
        soft: rawTarget.soft ?? false,
        quote: rawTarget.quote,
        baseline: rawTarget.baseline ?? null,
        tolerance: rawTarget.tolerance ?? null,
        figure: rawTarget.figure ?? null,
        note: rawTarget.note ?? null,
        aggregate: rawTarget.aggregate === undefined ? null : parseAggregate(rawTarget.aggregate),
      };
      if (raw.regions && rawTarget.aggregate === undefined) report(here, 'plan.aggregate-missing', { id: rawTarget.id });
      targets.push(target);
      return target;
    });
  };

  const goals: Goal[] = (raw.goals ?? []).map((entry, i) => {
    checkNumbering(['goals', i, 'number'], i === 0 ? 0 : raw.goals?.[i - 1]?.number, entry.number, report);
    return {
      number: entry.number,
      title: entry.title ?? '',
      titleEn: entry.title_en ?? entry.title ?? '',
      text: entry.text ?? '',
      qualitative: entry.qualitative ?? entry.targets.length === 0,
      targets: buildTargets(entry, ['goals', i], { measure: null, goal: entry.number, action: null }),
    };
  });

  const measures: Measure[] = raw.measures.map((entry, i) => {
    const path = ['measures', i];
    checkNumbering([...path, 'number'], i === 0 ? 0 : raw.measures[i - 1]?.number, entry.number, report);
    const action = entry.action ?? null;
    if (action !== null && actions.length > 0) {
      const owner = actions.find((a) => a.number === action);
      if (!owner) report([...path, 'action'], 'plan.action-unknown', { measure: entry.number, action });
      else if (entry.number < owner.firstMeasure || entry.number > owner.lastMeasure) {
        report([...path, 'action'], 'plan.action-range', { measure: entry.number, action, low: owner.firstMeasure, high: owner.lastMeasure });
      }
    }
    return {
      number: entry.number,
      action: action ?? 0,
      text: entry.text ?? '',
      summaryEn: entry.summary_en ?? '',
      qualitative: entry.qualitative ?? entry.targets.length === 0,
      targets: buildTargets(entry, path, { measure: entry.number, goal: null, action }),
    };
  });

  const regions = raw.regions ? buildRegions(raw.regions) : null;
  if (regions) checkWeights(raw, targets, regions, report);
  if (problems.length > 0) return { plan: null, problems };
  const bands = raw.plan.progress_bands;
  const plan: Plan = {
    id: raw.plan.id,
    title: raw.plan.title,
    titleEn: raw.plan.title_en ?? raw.plan.title,
    issuer: raw.plan.issuer ?? '',
    issuerEn: raw.plan.issuer_en ?? raw.plan.issuer ?? '',
    period: { start, end },
    baselineYear: raw.plan.baseline_year,
    source: raw.plan.source ?? null,
    approxTolerance: raw.plan.approx_tolerance ?? DEFAULT_APPROX_TOLERANCE,
    progressBands: bands ? { onTrack: bands.on_track, moderate: bands.moderate } : DEFAULT_BANDS,
    regions,
    actions,
    goals,
    measures,
    targets,
    targetsById: new Map(targets.map((t) => [t.id, t])),
  };
  return { plan, problems: [] };
}

function checkNumbering(
  path: (string | number)[],
  previous: number | undefined,
  actual: number,
  report: (path: (string | number)[], code: Problem['code'], params: Problem['params']) => void,
): void {
  if (previous === undefined) return;
  if (actual !== previous + 1) report(path, 'plan.measure-gap', { previous, expected: previous + 1, actual });
}

function checkValue(
  raw: RawTarget,
  path: (string | number)[],
  report: (path: (string | number)[], code: Problem['code'], params: Problem['params']) => void,
): Target['value'] {
  const { op, value } = raw;
  if (op === 'done' || op === 'increase' || op === 'decrease') {
    if (value !== undefined) report([...path, 'value'], 'plan.value-shape', { op, expected: 'no value' });
    return null;
  }
  if (op === 'range') {
    if (!Array.isArray(value) || value.length !== 2) {
      report([...path, 'value'], 'plan.value-shape', { op, expected: '[low, high]' });
      return null;
    }
    const [low, high] = value as [number, number];
    if (low > high) report([...path, 'value'], 'plan.range-order', { low, high });
    return [low, high];
  }
  if (typeof value !== 'number') {
    report([...path, 'value'], 'plan.value-shape', { op, expected: 'a number' });
    return null;
  }
  return value;
}
