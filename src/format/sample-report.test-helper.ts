import type { Report, Result, Status, Tally } from '../report/types.js';

const base = {
  measure: 1, goal: null, action: 1, region: '', kind: 'level', op: '>=', unit: '%', year: 2025, soft: false,
  final: true, actual: null, gap: null, attainment: null, progress: null, reason: null,
} as const;

const results: Result[] = [
  { ...base, id: 'G1.1', measure: null, goal: 1, action: null, indicator: '研发经费占GDP比重', indicatorEn: 'R&D share of GDP', value: 3.4, status: 'met', severity: 'ok', actual: { year: 2025, value: 3.52, file: 'in.csv', row: 2 }, gap: 0.12, attainment: 1.0353 },
  { ...base, id: 'M1.1', indicator: '规上工业产值', indicatorEn: 'Industrial output', op: '>', value: 1000, unit: '亿元', status: 'not_met', severity: 'failure', actual: { year: 2025, value: 950, file: 'in.csv', row: 3 }, gap: -50, attainment: 0.95 },
  { ...base, id: 'M1.2', indicator: '养护比例|年均', indicatorEn: 'Maintenance, share', kind: 'average', value: 6, soft: true, status: 'not_met', severity: 'warning', actual: { year: 2025, value: 5.9, file: 'in.csv', row: 9 }, gap: -0.1, attainment: 0.9833 },
  { ...base, id: 'M1.3', indicator: '城镇新增就业', indicatorEn: 'New urban jobs', kind: 'cumulative', value: 4.5, unit: '万人', status: 'no_data', severity: 'info', reason: { code: 'reason.no-figure', params: { year: 2025 } } },
  { ...base, id: 'M1.1', region: '丹东街道', indicator: '规上工业产值', indicatorEn: 'Industrial output', op: '>', value: 1000, unit: '亿元', status: 'on_track', severity: 'ok', final: false, actual: { year: 2023, value: 900, file: 'in.csv', row: 12 }, gap: -100, attainment: 0.9,
    progress: { method: 'growth-ratio', baseline: { year: 2020, value: 700, file: 'in.csv', row: 11 }, latest: { year: 2023, value: 900, file: 'in.csv', row: 12 }, targetValue: 1000, elapsedShare: 0.6, completionShare: 0.6667, gapPoints: 6.67, requiredRate: 7.39, observedRate: 8.74, ratio: 1.18, projected: 1027.5, projectedGap: 27.5 } },
];

function tally(list: Result[]): Tally {
  const byStatus = { met: 0, not_met: 0, no_data: 0, achieved: 0, on_track: 0, moderate: 0, insufficient: 0, moving_away: 0, pending: 0, not_assessable: 0 } as Record<Status, number>;
  for (const r of list) byStatus[r.status]++;
  const judged = byStatus.met + byStatus.not_met;
  return {
    targets: list.length, byStatus,
    failures: list.filter((r) => r.severity === 'failure').length,
    warnings: list.filter((r) => r.severity === 'warning').length,
    softMisses: list.filter((r) => r.soft && r.severity === 'warning').length,
    completionRate: judged ? Number((byStatus.met / judged).toPrecision(12)) : null,
  };
}

/** A fixed report for formatter tests: a goal, an action, every severity, a region, an input error. */
export const sampleReport: Report = {
  schemaVersion: 1,
  tool: { name: 'plancheck', version: '9.9.9' },
  plan: { id: 'sample', title: '示例方案', titleEn: 'Sample plan', file: 'plan.yaml', period: { start: 2021, end: 2025 }, baselineYear: 2020, actions: [{ number: 1, title: '经济行动', titleEn: 'Economy' }] },
  asOf: 2025,
  elapsedShare: 1,
  policy: { failOn: ['not_met'], maxWarnings: null },
  inputs: [{ file: 'in.csv', encoding: 'utf-8', bom: true, delimiter: ',', layout: 'long', rows: 12, figures: 6 }],
  regions: ['', '丹东街道'],
  results,
  unlisted: 0,
  summary: { ...tally(results), byRegion: { '': tally(results.slice(0, 4)), 丹东街道: tally(results.slice(4)) } },
  errors: [{ code: 'row.not-a-number', params: { value: '=1+2' }, file: 'in.csv', line: 7, column: 2, field: 'value', value: '=1+2' }],
  errorCount: 1,
};
