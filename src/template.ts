import Papa from 'papaparse';
import type { Lang } from './messages.js';
import type { Plan } from './plan/types.js';
import { describeTarget } from './report/describe-target.js';

const HEAD = {
  zh: { id: '编号', measure: '措施', indicator: '指标', unit: '单位', target: '目标', year: '年份', value: '实际值', region: '地区' },
  en: { id: 'id', measure: 'measure', indicator: 'indicator', unit: 'unit', target: 'target', year: 'year', value: 'value', region: 'region' },
};

/** Options of `plancheck template`. */
export interface TemplateOptions {
  lang: Lang;
  /** Year columns for the wide form; absent: the long form with one `value` column. */
  years?: number[];
  /** Regions to give a block of rows each; absent: no region column. */
  regions?: string[];
}

/**
 * The submission form an analyst fills in: one row per target (per region), UTF-8 with a BOM
 * so that Excel shows the Chinese; `check` reads it back unchanged.
 */
export function buildTemplate(plan: Plan, options: TemplateOptions): string {
  const h = HEAD[options.lang];
  const regions = options.regions ?? [null];
  const fields = [h.id, ...(options.regions ? [h.region] : []), h.measure, h.indicator, h.unit, h.target];
  if (options.years) fields.push(...options.years.map(String));
  else fields.push(h.year, h.value);
  const rows: string[][] = [];
  for (const region of regions) {
    for (const t of plan.targets) {
      const where = t.measure !== null ? `M${t.measure}` : `G${t.goal ?? ''}`;
      const row = [t.id, ...(region !== null ? [region] : []), where, options.lang === 'zh' ? t.indicator : t.indicatorEn, t.unit, describeTarget(t, options.lang)];
      if (options.years) row.push(...options.years.map(() => ''));
      else row.push(String(t.year), '');
      rows.push(row);
    }
  }
  return `\ufeff${Papa.unparse({ fields, data: rows }, { newline: '\r\n' })}\r\n`;
}
