import type { Plan } from './plan/types.js';
import { FORM_HEAD, formRows, formulaSafe, formYears, type TemplateOptions } from './template.js';
import { formUnit } from './form-unit-hint.js';
import type { ListValidation, WorkbookCell, WorkbookSheet } from './xlsx/write-workbook.js';

const HEADER_FILL = '#DDEBF7';
const NOT_NEEDED_FILL = '#D9D9D9';

/** The instructions sheet: how to fill the form, in Chinese, with English below. */
const INSTRUCTIONS = [
  '填报说明',
  '1. 在“填报表”中按年份填写各指标的实际值;灰色单元格为该指标不需要的年份,可不填。',
  '2. 数值请按“计量单位”列的单位填写(如单位为“亿元”,填 262 而不是 2620000);也可改写“计量单位”列,或在数值后写明单位,如“2,600,000万元”“5.2亿”。',
  '3. 百分数填百分比数值(填 53.1 或 53.1%,不要填 0.531)。',
  '4. 完成类指标(目标为“完成”)从下拉列表选“是”或“否”:是 = 已完成,否 = 尚未完成。',
  '5. 暂无数据的留空或填“暂无”,不要填 0。预计数可写作“374(预计)”。',
  '6. 不要修改“指标编号”;可以增加“备注”列。',
  '7. 年均增长、较基期变化类指标(计量单位列写着“年增长率(%)或指标水平值(填其单位)”等):填年增长率或变化率时把计量单位改为 %,基期年留空;填指标水平值时把计量单位改为其单位(如 亿元、件),并填基期年的数值。',
  '',
  'How to fill in this form',
  '1. In the sheet 填报表, enter each target\'s actual figure under each year; grey cells are years the target does not need.',
  '2. Enter figures in the unit of the 计量单位 column (for 亿元, enter 262, not 2620000); or change that column, or write the unit after the figure ("2,600,000万元", "5.2亿").',
  '3. Percentages are entered as percentages (53.1 or 53.1%, not 0.531).',
  '4. Milestones (target 完成, "done") take 是 (yes, done) or 否 (no, not yet) from the drop-down list.',
  '5. Leave a cell blank (or write 暂无) when there is no figure; never enter 0 for "no figure". An estimate may be written "374(预计)".',
  '6. Do not change the ids (指标编号); a 备注 (note) column may be added.',
  '7. Growth and change targets (their unit cell reads "年增长率(%)或指标水平值(填其单位)" or alike): for growth rates or changes in %, set the unit to % and leave the baseline year blank; for levels of the indicator, set the unit to theirs (亿元, 件) and fill in the baseline year.',
];
/** The first line of the English half, set in bold like the title. */
const ENGLISH_TITLE = 'How to fill in this form';

/** The submission form as an .xlsx workbook: an instructions sheet, then the form sheet. */
export async function buildTemplateWorkbook(plan: Plan, options: TemplateOptions): Promise<Buffer> {
  const h = FORM_HEAD[options.lang];
  const years = formYears(plan, options.years);
  const regional = options.regions !== undefined;
  const head = [h.id, ...(regional ? [h.region] : []), h.indicator, h.unit, h.target, ...years.map(h.year)];
  const firstYear = head.length - years.length;
  const rows: WorkbookCell[][] = [head.map((text) => ({ value: text, bold: true, fill: HEADER_FILL }))];
  const validations: ListValidation[] = [];
  const text = (value: string, wrap = false): WorkbookCell => ({ value: formulaSafe(value), wrap });
  formRows(plan, options).forEach((row, index) => {
    const cells: WorkbookCell[] = [text(row.target.id), ...(row.region !== null ? [text(row.region)] : []), text(row.indicator, true), text(formUnit(row.target, options.lang), true), text(row.target_text)];
    for (const year of years) cells.push(row.needed.has(year) ? { value: null } : { value: null, fill: NOT_NEEDED_FILL });
    rows.push(cells);
    if (row.target.kind !== 'milestone') return;
    years.forEach((year, i) => {
      if (!row.needed.has(year)) return;
      const column = firstYear + i;
      const last = validations.find((v) => v.column === column && v.toRow === index);
      if (last) last.toRow = index + 1;
      else validations.push({ column, fromRow: index + 1, toRow: index + 1, choices: ['是', '否'] });
    });
  });
  const widths = [10, ...(regional ? [12] : []), 40, 14, 22, ...years.map(() => 11)];
  const form: WorkbookSheet = { name: '填报表', rows, widths, frozenRows: 1, frozenColumns: regional ? 3 : 2, validations };
  const guide: WorkbookSheet = { name: '填报说明', rows: INSTRUCTIONS.map((line, i) => [{ value: line, bold: i === 0 || line === ENGLISH_TITLE }]), widths: [110] };
  const { writeWorkbook } = await import('./xlsx/write-workbook.js');
  return writeWorkbook([guide, form]);
}
