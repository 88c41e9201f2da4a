import Papa from 'papaparse';
import type { Lang } from './messages.js';
import type { Plan, Target } from './plan/types.js';
import { describeTarget } from './format/describe-target.js';
import { formUnit } from './form-unit-hint.js';

/** Options of `plancheck template`. */
export interface TemplateOptions {
  lang: Lang;
  /** Year columns; absent: the years the plan's targets need (the baseline year and the period years). */
  years?: number[];
  /** Regions to give a block of rows each; absent: no region column. */
  regions?: string[];
}

/** The form's column headers, in the vocabulary `check` reads. */
export const FORM_HEAD = {
  zh: { id: '指标编号', region: '地区', indicator: '指标名称', unit: '计量单位', target: '目标', year: (y: number) => `${y}年` },
  en: { id: 'id', region: 'region', indicator: 'indicator', unit: 'unit', target: 'target', year: (y: number) => String(y) },
};

/**
 * The years a target needs figures for: each period year up to its deadline, and the baseline
 * year when progress is measured from a baseline the plan does not state.
 */
export function yearsNeeded(target: Target, plan: Plan): number[] {
  const years: number[] = [];
  const fromBaseline = target.kind === 'level' || target.kind === 'cagr' || target.kind === 'change' || target.kind === 'trend';
  if (fromBaseline && target.baseline === null) years.push(plan.baselineYear);
  for (let year = plan.period.start; year <= target.year; year++) years.push(year);
  return years;
}

/** The year columns of the form: those given, or every year some target needs. */
export function formYears(plan: Plan, years?: number[]): number[] {
  if (years) return [...new Set(years)].sort((a, b) => a - b);
  const all = new Set<number>();
  for (const target of plan.targets) for (const year of yearsNeeded(target, plan)) all.add(year);
  return [...all].sort((a, b) => a - b);
}

/** One row of the form: a target (in a region), its words, and the years it needs. */
export interface FormRow {
  target: Target;
  region: string | null;
  indicator: string;
  target_text: string;
  needed: Set<number>;
}

/** The rows of the form, one per target (per region), in plan order. */
export function formRows(plan: Plan, options: TemplateOptions): FormRow[] {
  const rows: FormRow[] = [];
  for (const region of options.regions ?? [null]) {
    for (const target of plan.targets) {
      rows.push({
        target,
        region,
        indicator: options.lang === 'zh' ? target.indicator : target.indicatorEn,
        target_text: describeTarget(target, options.lang),
        needed: new Set(yearsNeeded(target, plan)),
      });
    }
  }
  return rows;
}

/** Text that a spreadsheet would take for a formula (=, +, -, @ first) is kept as text with a leading '. */
export function formulaSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The submission form as CSV, UTF-8 with a BOM so that Excel shows the Chinese: one row per target
 * (per region), one column per year; `check` reads it back unchanged.
 */
export function buildTemplate(plan: Plan, options: TemplateOptions): string {
  const h = FORM_HEAD[options.lang];
  const years = formYears(plan, options.years);
  const fields = [h.id, ...(options.regions ? [h.region] : []), h.indicator, h.unit, h.target, ...years.map(h.year)];
  const data = formRows(plan, options).map((row) =>
    [row.target.id, ...(row.region !== null ? [row.region] : []), row.indicator, formUnit(row.target, options.lang), row.target_text, ...years.map(() => '')].map(formulaSafe),
  );
  return `\ufeff${Papa.unparse({ fields: fields.map(formulaSafe), data }, { newline: '\r\n' })}\r\n`;
}
