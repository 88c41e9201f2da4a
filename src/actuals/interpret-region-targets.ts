import { closest } from 'fastest-levenshtein';
import { isPlanLevel, planLevelKeys } from '../plan/plan-level.js';
import type { Op, Plan, Target } from '../plan/types.js';
import type { Problem } from '../problem.js';
import { parseCell, parseYesNo } from './parse-number.js';
import { columnLetter } from './read-actuals.js';
import { conversionExponent, scaleDigits } from './units.js';

/** A town's own share of a plan target (分解目标): what it was given to achieve. */
export interface RegionTarget {
  region: string;
  id: string;
  op: Op;
  /** In the plan target's unit; null for a milestone assigned to the town. */
  value: number | null;
  year: number;
  file: string;
  row: number;
}

/** A weight figure of one region (常住人口), by year; `null` year: given without one. */
export type RegionWeights = Map<string, Map<number | null, number>>;

/** Everything a decomposed-targets file gave, and every fault found in it. */
export interface RegionTargets {
  /** Region → target id → its decomposed target. */
  byRegion: Map<string, Map<string, RegionTarget>>;
  /** Weight name → region → figures. */
  weights: Map<string, RegionWeights>;
  problems: Problem[];
}

type Role = 'region' | 'id' | 'value' | 'op' | 'year';
const HEADERS: Record<string, Role> = {
  region: 'region', town: 'region', 地区: 'region', 区域: 'region', 乡镇: 'region', '乡镇(街道)': 'region', '镇乡(街道)': 'region',
  id: 'id', target: 'id', target_id: 'id', 编号: 'id', 指标编号: 'id', 目标编号: 'id',
  value: 'value', 'decomposed value': 'value', target_value: 'value', 分解目标值: 'value', 分解目标: 'value', 目标值: 'value', 数值: 'value', 值: 'value',
  op: 'op', comparator: 'op', 比较符: 'op',
  year: 'year', 年份: 'year', 年度: 'year', 年: 'year',
};

/** Comparator words and signs as analysts write them, to the plan's `op`. */
const OPS: Record<string, Op> = {
  '>=': '>=', '≥': '>=', '不低于': '>=', '不少于': '>=', '以上': '>=', '达到': '>=',
  '>': '>', '超过': '>', '突破': '>', '高于': '>',
  '<=': '<=', '≤': '<=', '不超过': '<=', '不高于': '<=', '以内': '<=', '以下': '<=',
  '<': '<', '低于': '<', '不满': '<',
  '=': '==', '==': '==', '等于': '==',
  '~': '~', '约': '~', '左右': '~',
};
const NUMERIC_OPS = new Set<Op>(['>=', '>', '<=', '<', '==', '~']);
const MAX_PROBLEMS = 1000;

/** Reads the rows of a decomposed-targets table (header first): region, id, value, optionally op and year. */
export function interpretRegionTargets(cells: string[][], plan: Plan, file: string): RegionTargets {
  const out: RegionTargets = { byRegion: new Map(), weights: new Map(), problems: [] };
  const problem = (code: Problem['code'], params: Problem['params'], line?: number, column?: number, value?: string): void => {
    if (out.problems.length >= MAX_PROBLEMS) return;
    const field = column === undefined ? undefined : (header[column] ?? columnLetter(column));
    out.problems.push({ code, params, file, line, column: column === undefined ? undefined : column + 1, field, value });
  };
  let header: string[] = [];
  if (!plan.regions) {
    problem('rt.no-regions', {});
    return out;
  }
  const start = cells.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  if (start < 0) {
    problem('csv.empty', {});
    return out;
  }
  header = (cells[start] ?? []).map((cell) => cell.replace(/^\ufeff/, '').normalize('NFKC').trim());
  const columns: Partial<Record<Role, number>> = {};
  header.forEach((name, column) => {
    const role = HEADERS[name.toLowerCase()];
    if (role && columns[role] === undefined) columns[role] = column;
  });
  const required: [Role, string][] = [['region', 'region, 地区, 乡镇'], ['id', 'id, 编号'], ['value', 'value, 分解目标值, 目标值']];
  for (const [role, accepted] of required) {
    if (columns[role] === undefined) problem('rt.missing-column', { column: role, accepted }, start + 1);
  }
  if (out.problems.length > 0) return out;
  const levelKeys = planLevelKeys(plan);
  const units = plan.regions.units;
  const unitSet = new Set(units);
  const weights = new Map(plan.regions.weights.map((weight) => [weight.name, weight]));
  const ids = plan.targets.map((target) => target.id);
  const seen = new Map<string, number>();
  for (let index = start + 1; index < cells.length; index++) {
    const record = cells[index] ?? [];
    const line = index + 1;
    const cell = (role: Role): string => (columns[role] === undefined ? '' : (record[columns[role]!] ?? ''));
    if (record.every((text) => text.trim() === '')) continue;
    const rawValue = cell('value');
    if (parseCell(rawValue).kind === 'missing') continue; // a blank share: the town was given none
    const region = cell('region').normalize('NFKC').trim();
    const id = cell('id').normalize('NFKC').trim();
    if (region === '') {
      problem('rt.missing-region', {}, line, columns.region);
      continue;
    }
    if (isPlanLevel(region, levelKeys)) {
      problem('rt.plan-level-region', { value: region }, line, columns.region, region);
      continue;
    }
    if (units.length > 0 && !unitSet.has(region)) {
      problem('rt.unknown-region', { value: region, suggestion: closest(region, units) }, line, columns.region, region);
      continue;
    }
    const year = readYear(cell('year'), plan, line, columns.year, problem);
    if (year === undefined) continue;
    const weight = weights.get(id);
    if (weight) {
      const value = readNumber(rawValue, weight.unit, id, line, columns.value!, problem);
      if (value === null) continue;
      let byRegion = out.weights.get(id);
      if (!byRegion) out.weights.set(id, (byRegion = new Map()));
      let byYear = byRegion.get(region);
      if (!byYear) byRegion.set(region, (byYear = new Map()));
      byYear.set(year, value);
      continue;
    }
    const target = plan.targetsById.get(id.toUpperCase());
    if (!target) {
      problem('row.unknown-id', { value: id, suggestion: closest(id, [...ids, ...weights.keys()]) }, line, columns.id, id);
      continue;
    }
    const key = `${region}\u0000${target.id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem('rt.duplicate', { region, id: target.id, year: year ?? target.year, other: `${file}:${earlier}` }, line, columns.value, rawValue);
      continue;
    }
    const terms = readTerms(target, rawValue, cell('op'), line, columns, problem);
    if (!terms) continue;
    seen.set(key, line);
    let mine = out.byRegion.get(region);
    if (!mine) out.byRegion.set(region, (mine = new Map()));
    mine.set(target.id, { region, id: target.id, ...terms, year: year ?? target.year, file, row: line });
  }
  return out;
}

type Report = (code: Problem['code'], params: Problem['params'], line?: number, column?: number, value?: string) => void;

/** The year cell: null when blank (the plan's deadline applies), undefined when reported as a problem. */
function readYear(raw: string, plan: Plan, line: number, column: number | undefined, problem: Report): number | null | undefined {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return null;
  const match = /^(\d{4})\s*年?$/.exec(text);
  if (!match) {
    problem('row.bad-year', { value: text }, line, column, raw);
    return undefined;
  }
  const year = Number(match[1]);
  if (year < plan.baselineYear || year > plan.period.end) {
    problem('rt.weight-year', { year, start: plan.baselineYear, end: plan.period.end }, line, column, raw);
    return undefined;
  }
  return year;
}

/** The comparator and value of a town's target; null when reported as a problem. */
function readTerms(
  target: Target, rawValue: string, rawOp: string, line: number, columns: Partial<Record<Role, number>>, problem: Report,
): { op: Op; value: number | null } | null {
  if (target.kind === 'milestone') {
    const answer = parseYesNo(rawValue);
    if (answer === undefined) {
      problem('row.not-yes-no', { value: rawValue.trim() }, line, columns.value, rawValue);
      return null;
    }
    return answer === 1 ? { op: 'done', value: null } : null;
  }
  const opText = rawOp.normalize('NFKC').trim();
  let op: Op = target.op;
  if (opText !== '') {
    const read = OPS[opText];
    if (!read) {
      problem('rt.bad-op', { value: opText }, line, columns.op, rawOp);
      return null;
    }
    op = read;
  } else if (!NUMERIC_OPS.has(op)) {
    problem('rt.op-needed', { id: target.id, op }, line, columns.op);
    return null;
  }
  const value = readNumber(rawValue, target.unit, target.id, line, columns.value!, problem);
  return value === null ? null : { op, value };
}

/** A number in `unit` (a unit written in the cell is converted); null when reported as a problem. */
function readNumber(raw: string, unit: string, id: string, line: number, column: number, problem: Report): number | null {
  const reading = parseCell(raw);
  if (reading.kind !== 'number') {
    problem('row.not-a-number', { value: raw.trim() }, line, column, raw);
    return null;
  }
  if (reading.percent !== null && reading.percent !== unit) {
    problem('row.percent-not-percent', { value: raw.trim(), id, unit }, line, column, raw);
    return null;
  }
  const written = reading.unit ?? unit;
  const exponent = reading.percent !== null ? 0 : conversionExponent(written, unit);
  if (exponent === null) {
    problem('row.unit-mismatch', { actual: written, id, unit }, line, column, raw);
    return null;
  }
  return exponent === 0 ? reading.value : scaleDigits(reading.digits, exponent);
}
