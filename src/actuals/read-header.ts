import { isUnitText } from './units.js';

/** What a column of a table holds, from its header. */
export type Role =
  | 'id'
  | 'name'
  | 'value'
  /** A running total since the period began (累计完成) beside a value column of the year (本年完成). */
  | 'total'
  | 'year'
  | 'unit'
  | 'region'
  | 'note'
  | 'target'
  /** Understood and deliberately not read: 序号 (a row number), 措施 (the template's measure). */
  | 'ignored';

/** One column with a year in its header: a figure column, or the form's target for that year. */
export interface YearColumn {
  column: number;
  year: number;
  /** A unit written in the header: `2025年（亿元）`. */
  unit: string | null;
  kind: 'value' | 'target';
}

/** The columns of a header row, by what they hold. */
export interface HeaderLayout {
  /** The first column of each role (a second one is a duplicate). */
  roles: Map<Role, number>;
  /** Units written in headers, by column: `实际值（亿元）`. */
  units: Map<number, string>;
  yearColumns: YearColumn[];
  /** Headers not understood, by column. */
  unknown: Map<number, string>;
  /** Roles named twice: the column of the second. */
  duplicates: { role: Role; first: number; second: number }[];
  /** Normalised header texts by column. */
  names: string[];
}

/** Headers, English or Chinese, lower-cased and without spaces, and the role they name. */
const HEADERS = new Map<string, Role>([
  ...['id', 'target_id', 'targetid', '编号', '指标编号', '目标编号', '指标代码', '代码', '指标id'].map((h) => [h, 'id'] as const),
  ...['name', 'indicator', 'indicator_name', '指标名称', '指标', '名称', '项目', '指标项目', '主要指标', '指标内容', '项目名称'].map((h) => [h, 'name'] as const),
  ...['value', 'actual', 'actual_value', '实际值', '数值', '值', '实际', '完成值', '实绩', '本年实际', '实际完成', '完成数', '本年完成', '完成情况', '实际完成值', '统计值', '数据', '本年累计', '本期', '本期完成', '年度完成', '完成额', '实际数', '实际完成数', '完成量', '本年', '当年', '当年完成', '当年实际', '本年数', '当年数']
    .map((h) => [h, 'value'] as const),
  // Running totals since the period began; 本年累计 (the year to date) is the year's figure.
  ...['累计完成', '累计', '累计完成数', '累计完成值', '累计实际', '累计值', '累计数', '开累', '累计完成额', '累计完成量'].map((h) => [h, 'total'] as const),
  ...['year', '年份', '年度', '年', '统计年度', '统计年份'].map((h) => [h, 'year'] as const),
  ...['unit', '单位', '计量单位', '统计单位', '单位名称'].map((h) => [h, 'unit'] as const),
  ...['region', '地区', '区域', '地区名称', '乡镇', '乡镇(街道)', '乡镇街道'].map((h) => [h, 'region'] as const),
  ...['note', 'notes', 'remark', 'remarks', '备注', '说明', '情况说明', '备注说明'].map((h) => [h, 'note'] as const),
  ...['target', 'target_value', '目标值', '目标', '规划目标', '目标任务', '预期目标', '目标数', '规划目标值'].map((h) => [h, 'target'] as const),
  ...['序号', '序', 'no', 'no.', '#', '措施', 'measure', '措施编号', '类别', '指标类别', '指标属性', '属性', 'kind']
    .map((h) => [h, 'ignored'] as const),
]);

/** Headers that name a role loosely: beside a specific one (指标编号, 指标名称) they are something else. */
const GENERIC = new Set(['编号', 'id', '代码', '名称', '项目', '项目名称', '指标', '值', '数据', '单位', 'name']);

/** A unit in brackets at the end of a header: `实际值（亿元）`, `2025年(万元)`, `单位:亿元`. */
const HEADER_UNIT = /^(.*?)\s*\(\s*(?:单位[:：]\s*)?([^()]+?)\s*\)$/;
/** Year headers: 2025, 2025年, 2025年度, 2025年1-12月, 2025年完成值, 2025年实际, 2025年目标值. */
const YEAR = /^((?:19|20)\d{2})\s*年?\s*(?:度)?\s*(?:1\s*[-~—至到]\s*12\s*月(?:份)?|全年)?\s*(实际值|实际完成值|实际完成|实际|完成值|完成数|完成情况|完成|实绩|数值|值|数据|目标值|目标|规划目标|预期目标|目标任务|计划值|计划|任务|actual|value|target|plan)?$/;
/** The words after a year that make its column the form's target, not a figure. */
const TARGET_WORD = /目标|计划|任务|target|plan/;
const BASELINE = /^(?:基期|基期值|基数|基期年|基准值)$/;

/** Normalises a header for lookup: NFKC, no BOM, no spaces, lower-case. */
export function headerKey(text: string): string {
  return text.replace(/^\ufeff/, '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Reads a header row; `baselineYear` is the year a 基期 column stands for. */
export function readHeader(cells: string[], baselineYear: number): HeaderLayout {
  const layout: HeaderLayout = { roles: new Map(), units: new Map(), yearColumns: [], unknown: new Map(), duplicates: [], names: [] };
  cells.forEach((cell, column) => {
    const name = cell.replace(/^\ufeff/, '').normalize('NFKC').trim();
    layout.names.push(name);
    const key = headerKey(name);
    if (key === '') return;
    let role = HEADERS.get(key);
    let unit: string | null = null;
    let bare = key;
    if (role === undefined) {
      const withUnit = HEADER_UNIT.exec(key);
      if (withUnit) {
        bare = withUnit[1] ?? '';
        role = HEADERS.get(bare);
        // Words in brackets that are no unit (2020年（基期）, 实际值（预计）) are a remark on the column.
        unit = isUnitText(withUnit[2] ?? '') ? (withUnit[2] ?? null) : null;
      }
    }
    if (role === 'unit' || role === 'ignored' || role === 'region') unit = null;
    if (role !== undefined) {
      const first = layout.roles.get(role);
      const generic = (key: string): boolean => GENERIC.has(key);
      if (first !== undefined && role !== 'ignored') {
        // 编号 beside 指标编号 is a row number; 名称 beside 指标名称 another name: the specific one wins.
        const firstKey = headerKey(layout.names[first] ?? '');
        if (generic(firstKey) && !generic(bare)) {
          layout.roles.set(role, column);
          layout.unknown.set(first, layout.names[first] ?? '');
        } else if (!generic(firstKey) && generic(bare)) layout.unknown.set(column, name);
        else layout.duplicates.push({ role, first, second: column });
      } else layout.roles.set(role, column);
      if (unit !== null && (role === 'value' || role === 'total' || role === 'target')) layout.units.set(column, unit);
      return;
    }
    const year = YEAR.exec(bare);
    const baseline = BASELINE.test(bare);
    if (year || baseline) {
      const word = year?.[2] ?? '';
      const entry: YearColumn = { column, year: year ? Number(year[1]) : baselineYear, unit, kind: TARGET_WORD.test(word) ? 'target' : 'value' };
      // Two columns for one year's figures: which holds the figure cannot be told.
      const first = layout.yearColumns.find((y) => y.year === entry.year && y.kind === entry.kind);
      if (first) layout.duplicates.push({ role: 'year', first: first.column, second: column });
      else layout.yearColumns.push(entry);
      return;
    }
    layout.unknown.set(column, name);
  });
  // A running total alone is the table's figure column; beside a value column, cumulative targets read it.
  const total = layout.roles.get('total');
  if (total !== undefined && !layout.roles.has('value')) {
    layout.roles.delete('total');
    layout.roles.set('value', total);
    for (const duplicate of layout.duplicates) if (duplicate.role === 'total') duplicate.role = 'value';
  }
  return layout;
}

/** How well a row reads as a header: 2 when it names what a row is and holds a figure, less when it does not. */
export function headerScore(layout: HeaderLayout): number {
  const names = layout.roles.has('id') || layout.roles.has('name');
  const figures = layout.roles.has('value') || layout.yearColumns.some((y) => y.kind === 'value');
  return (names ? 1 : 0) + (figures ? 1 : 0);
}
