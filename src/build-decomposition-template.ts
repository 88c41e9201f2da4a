import Papa from 'papaparse';
import { formatMessage, type Lang } from './messages.js';
import { sharesAddUp } from './plan/plan-level.js';
import type { Plan, Target } from './plan/types.js';
import { describeTarget } from './format/describe-target.js';

/** Options of `plancheck template --decomposition`. */
export interface DecompositionOptions {
  lang: Lang;
  /** The towns to give a row each; default: the plan's `regions.units`. */
  regions?: string[];
}

const HEAD = {
  zh: ['地区', '编号', '指标', '单位', '县级目标', '比较符', '分解目标值', '年份', '校核'],
  en: ['region', 'id', 'indicator', 'unit', 'county target', 'op', 'decomposed value', 'year', 'check'],
};

/** Columns of the form, as spreadsheet letters: the check formula refers to them. */
const VALUE_COLUMN = 'G';

/**
 * The form for towns' decomposed targets (分解目标): a block of rows per additive target, one
 * row per town, the plan-level target beside it and a check column whose formula says whether
 * the shares add up to it; then a row per weight (常住人口) and town. UTF-8 with a BOM.
 */
export function buildDecompositionTemplate(plan: Plan, options: DecompositionOptions): string {
  const { lang } = options;
  const towns = options.regions ?? plan.regions?.units ?? [];
  const rows: string[][] = [];
  for (const target of plan.targets.filter(sharesAddUp)) {
    // Spreadsheet rows of this block: the header is row 1.
    const first = rows.length + 2;
    const last = first + towns.length - 1;
    const check = checkFormula(target, `SUM($${VALUE_COLUMN}$${first}:$${VALUE_COLUMN}$${last})`, plan.approxTolerance, lang);
    for (const town of towns) {
      rows.push([cell(town), target.id, cell(lang === 'zh' ? target.indicator : target.indicatorEn), cell(target.unit), describeTarget(target, lang), '', '', String(target.year), check]);
    }
  }
  const weightWord = formatMessage('word.weight', {}, lang);
  for (const weight of plan.regions?.weights ?? []) {
    for (const town of towns) {
      rows.push([cell(town), cell(weight.name), cell(lang === 'zh' ? weight.name : weight.nameEn), cell(weight.unit), weightWord, '', '', String(plan.period.end), '']);
    }
  }
  return `\ufeff${Papa.unparse({ fields: HEAD[lang], data: rows }, { newline: '\r\n' })}\r\n`;
}


/** A formula that says whether the shares (`sum`) meet the plan-level target, in the user's language. */
function checkFormula(target: Target, sum: string, tolerance: number, lang: Lang): string {
  const { op, value } = target;
  let test: string;
  if (Array.isArray(value)) test = `AND(${sum}>=${value[0]},${sum}<=${value[1]})`;
  else if (op === '~') test = `ABS(${sum}-${value})<=${(target.tolerance ?? tolerance) * Math.abs(value ?? 0)}`;
  else test = `${sum}${op === '==' ? '=' : op}${value}`;
  const ok = formatMessage('template.check-ok', {}, lang);
  const short = formatMessage('template.check-short', {}, lang);
  return `=IF(${test},"${ok}","${short}: "&${sum})`;
}

/** Text from the plan or the command line, kept from being read as a formula by a spreadsheet. */
function cell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
