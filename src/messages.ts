/** A language plancheck speaks to its users. */
export type Lang = 'zh' | 'en';

interface Message {
  zh: string;
  en: string;
}

/**
 * Every message a user can see, keyed by code, in Chinese and English.
 * Placeholders are `{name}`; the codes are part of the JSON report's contract.
 */
export const messages = {
  // Files and usage
  'file.unreadable': { zh: '无法读取文件 {file}:{reasonZh}', en: 'cannot read file {file}: {reason}' },
  'file.too-large': {
    zh: '文件 {file} 过大({size} 字节,上限 {limit} 字节),不像是规划文件',
    en: 'file {file} is too large ({size} bytes, limit {limit}) for a plan file',
  },
  'file.write-failed': { zh: '无法写入 {file}:{reasonZh}', en: 'cannot write {file}: {reason}' },
  'usage.bad-option': { zh: '参数错误:{reason}', en: 'invalid option: {reason}' },
  'usage.unknown-id': {
    zh: '规划中没有编号为 {id} 的措施或指标(是否指 {suggestion}?)',
    en: 'the plan has no measure or target {id} (did you mean {suggestion}?)',
  },

  // Plan files
  'plan.yaml-syntax': { zh: 'YAML 语法错误:{reason}', en: 'YAML syntax error: {reason}' },
  'plan.duplicate-key': { zh: '重复的键 {key}', en: 'duplicate key {key}' },
  'plan.alias-limit': {
    zh: 'YAML 别名展开过多(疑似“别名炸弹”),已拒绝',
    en: 'too many YAML alias expansions (an alias bomb?); refused',
  },
  'plan.not-text': { zh: '规划文件不是文本文件(含 NUL 字节)', en: 'the plan file is not text (it holds NUL bytes)' },
  'plan.empty': { zh: '规划文件为空', en: 'the plan file is empty' },
  'plan.not-a-mapping': {
    zh: '规划文件的顶层应为映射(键: 值),实际为 {actual}',
    en: 'the top level of a plan file must be a mapping (key: value), found {actual}',
  },
  'plan.schema': { zh: '不符合格式:{reasonZh}', en: 'does not fit the schema: {reason}' },
  'plan.unknown-key': { zh: '未知的键 “{key}”', en: 'unknown key "{key}"' },
  'plan.duplicate-id': {
    zh: '指标编号 {id} 重复(第一次出现在第 {firstLine} 行)',
    en: 'target id {id} is used twice (first on line {firstLine})',
  },
  'plan.bad-id': {
    zh: '指标编号 {id} 不合规则:应为 {expected}',
    en: 'target id {id} does not follow the scheme: expected {expected}',
  },
  'plan.measure-gap': {
    zh: '措施编号不连续:{previous} 之后应为 {expected},实际为 {actual}',
    en: 'measures are not numbered without gaps: after {previous} expected {expected}, found {actual}',
  },
  'plan.range-order': {
    zh: '区间下限 {low} 大于上限 {high}',
    en: 'range low {low} is greater than high {high}',
  },
  'plan.year-outside-period': {
    zh: '期限 {year} 不在规划期 {start}–{end} 内',
    en: 'deadline {year} is outside the plan period {start}–{end}',
  },
  'plan.action-range': {
    zh: '措施 {measure} 属于行动 {action},但行动 {action} 的措施范围为 {low}–{high}',
    en: 'measure {measure} is in action {action}, whose measures are {low}–{high}',
  },
  'plan.action-unknown': {
    zh: '措施 {measure} 所属行动 {action} 未定义',
    en: 'measure {measure} names action {action}, which is not defined',
  },
  'plan.value-shape': {
    zh: '比较符 {op} 需要 {expected}',
    en: 'comparator {op} needs {expected}',
  },
  'plan.unit-unknown': {
    zh: '无法识别的单位 “{unit}”',
    en: 'unit "{unit}" is not known',
  },
  'plan.qualitative-with-targets': {
    zh: '标记为定性(qualitative)的条目不应有指标',
    en: 'an entry marked qualitative must have no targets',
  },
  'plan.invalid': {
    zh: '规划文件 {file} 无效:{count} 处错误',
    en: 'plan file {file} is invalid: {count} error(s)',
  },
  'plan.valid': {
    zh: '规划文件 {file} 有效:{goals} 项发展目标、{measures} 条措施、{targets} 个指标',
    en: 'plan file {file} is valid: {goals} goals, {measures} measures, {targets} targets',
  },

  // Actuals files
  'csv.workbook': {
    zh: '这是 Excel 工作簿({kind}),不是 CSV:请在 Excel/WPS 中“另存为”CSV UTF-8(逗号分隔)后再检查',
    en: 'this is an Excel workbook ({kind}), not a CSV: in Excel or WPS use "Save As" CSV UTF-8 (comma delimited) and check that file',
  },
  'csv.binary': {
    zh: '文件含有 NUL 字节(第 {offset} 字节),不是文本 CSV',
    en: 'the file holds a NUL byte (at byte {offset}); it is not a text CSV',
  },
  'csv.empty': { zh: '文件为空', en: 'the file is empty' },
  'csv.header-only': { zh: '只有表头,没有数据行', en: 'the file has a header but no data rows' },
  'csv.undecodable': {
    zh: '单元格中有不是有效 {encoding} 编码的字节(可用 --encoding 指定文件编码)',
    en: 'the cell holds bytes that are not valid {encoding} (--encoding names the file\'s encoding)',
  },
  'csv.bom-inside': {
    zh: '单元格中含有字节顺序标记(BOM),可能是两个文件拼接而成',
    en: 'a byte-order mark inside a cell: were two files joined together?',
  },
  'csv.syntax': { zh: 'CSV 格式错误:{reason}', en: 'CSV syntax error: {reason}' },
  'csv.missing-column': {
    zh: '缺少必需的列 “{column}”(可用表头:{accepted})',
    en: 'required column "{column}" is missing (accepted headers: {accepted})',
  },
  'csv.duplicate-column': {
    zh: '列 “{column}” 出现了两次(第 {first} 列和第 {second} 列)',
    en: 'column "{column}" appears twice (columns {first} and {second})',
  },
  'csv.ragged-row': {
    zh: '该行有 {actual} 个字段,表头有 {expected} 个',
    en: 'the row has {actual} fields; the header has {expected}',
  },
  'csv.too-many-columns': {
    zh: '表头有 {count} 列,超过上限 {limit}',
    en: 'the header has {count} columns, more than the limit of {limit}',
  },
  'csv.field-too-long': {
    zh: '单元格长度 {length} 超过上限 {limit}',
    en: 'a cell of {length} characters is longer than the limit of {limit}',
  },
  'row.unknown-id': {
    zh: '规划中没有指标 “{value}”(是否指 {suggestion}?)',
    en: 'the plan has no target "{value}" (did you mean {suggestion}?)',
  },
  'row.missing-id': { zh: '缺少指标编号', en: 'the target id is missing' },
  'row.not-a-number': { zh: '“{value}” 不是数字', en: '"{value}" is not a number' },
  'row.not-yes-no': {
    zh: '“{value}” 不是“是/否”:完成类指标请填 是、否、已完成、未完成、1 或 0',
    en: '"{value}" is not yes/no: a milestone takes yes, no, done, 是, 否, 1 or 0',
  },
  'row.percent-not-percent': {
    zh: '“{value}” 是百分数,但指标 {id} 的单位是 “{unit}”',
    en: '"{value}" is a percentage, but target {id} is in "{unit}"',
  },
  'row.unit-mismatch': {
    zh: '单位 “{actual}” 无法换算为指标 {id} 的单位 “{unit}”',
    en: 'unit "{actual}" does not convert to "{unit}", the unit of target {id}',
  },
  'row.unit-unknown': {
    zh: '无法识别的单位 “{actual}”(指标 {id} 的单位是 “{unit}”)',
    en: 'unit "{actual}" is not known (target {id} is in "{unit}")',
  },
  'row.duplicate': {
    zh: '指标 {id} {year} 年的数据重复,另见 {other}',
    en: 'a second figure for {id} in {year}; see also {other}',
  },
  'row.duplicate-in-region': {
    zh: '指标 {id} {year} 年“{region}”的数据重复,另见 {other}',
    en: 'a second figure for {id} in {year} for region "{region}"; see also {other}',
  },
  'row.bad-year': { zh: '“{value}” 不是年份', en: '"{value}" is not a year' },
  'row.year-outside-period': {
    zh: '年份 {year} 不在规划的基期与规划期 {start}–{end} 内',
    en: 'year {year} is outside the plan baseline and period {start}–{end}',
  },

  // Reports
  'report.errors-more': {
    zh: '……另有 {count} 处错误未显示(共 {total} 处)',
    en: '… and {count} more error(s) not shown ({total} in all)',
  },
  'report.input-invalid': {
    zh: '提交的数据有 {count} 处错误,不是有效的提交',
    en: 'the submission has {count} error(s); it is not a valid submission',
  },

  // Statuses and severities
  'status.met': { zh: '已达标', en: 'met' },
  'status.not_met': { zh: '未达标', en: 'not met' },
  'status.no_data': { zh: '无数据', en: 'no data' },
  'status.achieved': { zh: '提前实现', en: 'already met' },
  'status.on_track': { zh: '符合进度', en: 'on track' },
  'status.moderate': { zh: '基本符合进度', en: 'moderate progress' },
  'status.insufficient': { zh: '滞后进度', en: 'insufficient progress' },
  'status.moving_away': { zh: '逆向变化', en: 'moving away' },
  'status.pending': { zh: '尚未完成', en: 'pending' },
  'status.not_assessable': { zh: '无法评估', en: 'not assessable' },
  'severity.failure': { zh: '失败', en: 'failure' },
  'severity.warning': { zh: '警告', en: 'warning' },
  'severity.info': { zh: '提示', en: 'info' },
  'severity.ok': { zh: '通过', en: 'ok' },

  // Why a target could not be judged
  'reason.no-figure': { zh: '缺少 {year} 年的数据', en: 'no figure for {year}' },
  'reason.no-baseline': { zh: '缺少基期({year} 年)数据', en: 'no baseline figure ({year})' },
  'reason.one-point': { zh: '只有一个数据点,无法计算变化', en: 'only one figure: no change can be computed' },
  'reason.missing-years': { zh: '缺少以下年份的数据:{years}', en: 'figures missing for {years}' },
  'reason.non-positive': { zh: '基期或最新值为零或负数,无法计算增速', en: 'a zero or negative level: no growth rate can be computed' },
  'reason.mixed-rates-levels': {
    zh: '同一指标既有增速(%)又有绝对值,请统一',
    en: 'growth rates (%) and levels are mixed for one target; submit one or the other',
  },
  'reason.not-done-yet': { zh: '尚未完成', en: 'not done yet' },
  'reason.failed-years': { zh: '未达标年份:{years}', en: 'missed in {years}' },
  'reason.wrong-steps': { zh: '以下年份未按要求变化:{years}', en: 'moved the wrong way in {years}' },

  // Words in tables and summaries
  'word.measure': { zh: '措施', en: 'Measure' },
  'word.goal': { zh: '发展目标', en: 'Goal' },
  'word.action': { zh: '行动', en: 'Action' },
  'word.id': { zh: '编号', en: 'ID' },
  'word.indicator': { zh: '指标', en: 'Indicator' },
  'word.target': { zh: '目标', en: 'Target' },
  'word.actual': { zh: '实际', en: 'Actual' },
  'word.gap': { zh: '差距', en: 'Gap' },
  'word.status': { zh: '状态', en: 'Status' },
  'word.region': { zh: '地区', en: 'Region' },
  'word.year': { zh: '年份', en: 'Year' },
  'word.unit': { zh: '单位', en: 'Unit' },
  'word.kind': { zh: '类型', en: 'Kind' },
  'word.soft': { zh: '力争', en: 'soft' },
  'word.projected': { zh: '预计', en: 'Projected' },
  'word.progress': { zh: '进度', en: 'Progress' },
  'word.all-regions': { zh: '全部', en: 'all' },
  'word.goals': { zh: '发展目标', en: 'Development goals' },
  'word.done': { zh: '完成', en: 'done' },
  'word.increase': { zh: '逐年上升', en: 'rising every year' },
  'word.decrease': { zh: '逐年下降', en: 'falling every year' },
  'word.per-year': { zh: '每年', en: 'every year' },
  'word.yearly-mean': { zh: '年均', en: 'yearly mean' },
  'word.growth': { zh: '年均增长', en: 'growth a year' },
  'word.change': { zh: '较基期变化', en: 'change on baseline' },
  'word.total': { zh: '累计', en: 'total' },
  'word.qualitative': { zh: '定性措施,无量化指标', en: 'qualitative: no quantified target' },
  'word.quote': { zh: '原文', en: 'Quote' },
  'summary.line': {
    zh: '{scope}:共 {targets} 个指标,已达标 {met},未达标 {notMet},警告 {warnings},无数据 {noData}',
    en: '{scope}: {targets} targets, {met} met, {notMet} not met, {warnings} warnings, {noData} no data',
  },
  'summary.progress': {
    zh: '{scope}({asOf} 年,时序进度 {elapsed}):提前实现 {achieved},符合进度 {onTrack},基本符合 {moderate},滞后 {insufficient},逆向 {movingAway},无法评估 {unassessable}',
    en: '{scope} ({asOf}, {elapsed} of the period elapsed): {achieved} already met, {onTrack} on track, {moderate} moderate, {insufficient} insufficient, {movingAway} moving away, {unassessable} not assessable',
  },
  'summary.all': { zh: '合计', en: 'All' },
  'summary.completion': { zh: '完成率 {rate}({met}/{judged})', en: 'completion rate {rate} ({met} of {judged})' },

  // Findings in line-oriented formats
  'finding.result': {
    zh: '{indicator}:{status},实际 {actual},目标 {target},差距 {gap}',
    en: '{indicator}: {status}; actual {actual}, target {target}, gap {gap}',
  },
  'finding.result-no-actual': {
    zh: '{indicator}:{status}({reason}),目标 {target}',
    en: '{indicator}: {status} ({reason}); target {target}',
  },
  'finding.in-region': { zh: '[{region}] ', en: '[{region}] ' },
  'word.no-region': { zh: '(未填地区)', en: '(no region)' },
  'word.inputs': { zh: '输入错误', en: 'Input errors' },
  'word.attainment': { zh: '完成度', en: 'Attainment' },
  'word.severity': { zh: '级别', en: 'Severity' },
  'word.summary': { zh: '汇总', en: 'Summary' },

  // Leadership reports: -f html and -f xlsx (issue 13)
  'usage.binary-needs-file': {
    zh: '{format} 格式输出的是文件,不能写到终端:请用 -o 指定文件,例如 -f {format} -o report.{format}',
    en: 'the {format} format writes a file, never to a terminal: name one with -o, e.g. -f {format} -o report.{format}',
  },
  'usage.unknown-region': {
    zh: '数据中没有地区 {region}(已有地区:{known})',
    en: 'the data names no region {region} (regions: {known})',
  },
  'leader.review-year': { zh: '评估年份', en: 'Review year' },
  'leader.elapsed': { zh: '时序进度', en: 'Time elapsed' },
  'leader.completion': { zh: '完成率', en: 'Completion rate' },
  'leader.inputs': { zh: '输入文件', en: 'Input files' },
  'leader.made-at': { zh: '生成时间', en: 'Made' },
  'leader.plan': { zh: '规划', en: 'Plan' },
  'leader.targets': { zh: '指标数', en: 'Targets' },
  'leader.reason': { zh: '原因', en: 'Reason' },
  'leader.chart-figures': { zh: '实际值', en: 'Figures' },
  'leader.chart-target': { zh: '目标值', en: 'Target' },
  'leader.chart-required': { zh: '应达路径', en: 'Required path' },
  'leader.chart-projection': { zh: '预计', en: 'Projection' },
  'leader.chart-statuses': { zh: '各状态指标数', en: 'Targets by status' },
  'leader.charts': { zh: '指标走势', en: 'Indicators by year' },
  'leader.regions': { zh: '分地区', en: 'By region' },
  'leader.heat-map': { zh: '各地区分行动达标情况(达标数/指标数)', en: 'Targets met by region and action (met / targets)' },
  'leader.region-detail-hint': {
    zh: '共 {count} 个地区,本页只列汇总;用 --region 名称 生成某一地区的明细',
    en: '{count} regions: this page shows totals only; use --region NAME for one region\'s detail',
  },
  'leader.no-results': { zh: '没有可列出的指标', en: 'no targets to list' },
  'leader.errors': { zh: '错误', en: 'Errors' },
  'leader.by-action': { zh: '按行动', en: 'By action' },
  'leader.col-indicator': { zh: '指标名称', en: 'Indicator' },
  'leader.col-target': { zh: '目标值', en: 'Target' },
  'leader.col-unit': { zh: '计量单位', en: 'Unit' },
  'leader.col-actual': { zh: '实际值', en: 'Actual' },
  'leader.col-file': { zh: '文件', en: 'File' },
  'leader.col-sheet': { zh: '工作表', en: 'Sheet' },
  'leader.col-row': { zh: '行', en: 'Row' },
  'leader.col-column': { zh: '列', en: 'Column' },
  'leader.col-message': { zh: '说明', en: 'Message' },
  'leader.col-count': { zh: '个数', en: 'Count' },
  'leader.sheet-details': { zh: '明细', en: 'Details' },
  // Reports people read (view): reasons, projections, tallies, verdict lines
  'view.done': { zh: '已完成', en: 'done' },
  'view.not-done': { zh: '未完成', en: 'not done' },
  'view.need-growth': {
    zh: '需年均增长 {required}%,实际 {observed}%,为所需的 {ratio}%',
    en: 'needs {required} %/yr, observed {observed} %/yr ({ratio} % of needed)',
  },
  'view.need-change': {
    zh: '需年均变化 {required}{unit},实际 {observed}{unit},为所需的 {ratio}%',
    en: 'needs {required}{unit} a year, observed {observed}{unit} ({ratio} % of needed)',
  },
  'view.moving-away': {
    zh: '需年均增长 {required}%,实际 {observed}%,方向相反',
    en: 'needs {required} %/yr, observed {observed} %/yr: moving away',
  },
  'view.time-share': { zh: '累计完成 {completion}%,时序进度 {elapsed}%', en: '{completion} % done in total, {elapsed} % of the period elapsed' },
  'view.completion': { zh: '完成进度 {completion}%,时序进度 {elapsed}%', en: '{completion} % of the way, {elapsed} % of the period elapsed' },
  'view.mean-short': { zh: '年均值 {observed}{unit},目标 {target}', en: 'yearly mean {observed}{unit}, target {target}' },
  'view.short': { zh: '比目标少 {gap}{unit}(完成度 {attainment})', en: '{gap}{unit} short of the target ({attainment} attained)' },
  'view.over-limit': { zh: '超出上限 {gap}{unit}', en: '{gap}{unit} over the limit' },
  'view.above-band': { zh: '高于目标 {gap}{unit}', en: '{gap}{unit} above the target' },
  'view.below-band': { zh: '低于目标 {gap}{unit}', en: '{gap}{unit} below the target' },
  'view.off-exact': { zh: '与目标相差 {gap}{unit}', en: '{gap}{unit} off the target' },
  'view.not-done-by': { zh: '截至 {year} 年未完成', en: 'not done by {year}' },
  'view.soft-miss': { zh: '力争目标,未达不计失败', en: 'a soft (力争) target: a miss does not fail the run' },
  'view.no-baseline': { zh: '缺少 {year} 年基期数', en: 'no {year} baseline figure' },
  'view.unknown-reason': { zh: '无法判断({code})', en: 'cannot be judged ({code})' },
  'view.projected': { zh: '预计{year}年 {value}', en: 'projected {year}: {value}' },
  'view.projected-miss': { zh: '预计{year}年 {value}(将未达标)', en: 'projected {year}: {value} (would miss)' },
  'view.soft-tag': { zh: '力争', en: 'soft' },
  'view.warning-tag': { zh: '警告', en: 'warning' },
  'view.reason': { zh: '原因', en: 'Why' },
  'view.tally': {
    zh: '{scope}:共 {targets} 个指标,已达标 {met},未达标 {notMet},无数据 {noData};失败 {failures},警告 {warnings}(其中力争目标 {soft} 个,不计失败)',
    en: '{scope}: {targets} targets, {met} met, {notMet} not met, {noData} no data; {failures} failing, {warnings} warnings ({soft} of them soft targets, not failing)',
  },
  'view.completion-final': { zh: '完成率 {rate}({met}/{judged})', en: 'completion rate {rate} ({met} of {judged})' },
  'view.completion-so-far': {
    zh: '完成率 {rate}(仅计已到期评判的 {judged} 个中达标 {met} 个)',
    en: 'completion rate {rate} ({met} of {judged} judged so far)',
  },
  'view.exit-invalid': {
    zh: '退出码 2:提交的数据有 {count} 处错误,不是有效的提交',
    en: 'exit code 2: the submission has {count} errors; it is not a valid submission',
  },
  'view.exit-failures': {
    zh: '退出码 1:{failures} 个指标按 --fail-on {rule} 判为失败',
    en: 'exit code 1: {failures} targets fail under --fail-on {rule}',
  },
  'view.exit-warnings': {
    zh: '退出码 1:警告 {warnings} 个,超过 --max-warnings {max}',
    en: 'exit code 1: {warnings} warnings, more than --max-warnings {max}',
  },
  'view.unlisted': {
    zh: '另有 {count} 项(地区 × 指标)未列出:没有任何数据或不在所选范围;用 --status no_data,not_assessable 列出无数据的项',
    en: '{count} more results (region × target) are not listed: no figure at all, or not selected; --status no_data,not_assessable lists those without data',
  },
  'view.region-tally': { zh: '✓{met} ✗{failures} !{warnings} ?{noData}', en: '✓{met} ✗{failures} !{warnings} ?{noData}' },
  'view.legend': {
    zh: '图例:✓ 达标或符合进度 ✗ 失败 ! 警告或滞后 ~ 基本符合 ? 无数据 - 尚未完成;空白:该地区无此项',
    en: 'Key: ✓ met or on track  ✗ failing  ! warning or behind  ~ moderate  ? no data  - pending; blank: not listed for that region',
  },
  'view.tallies': { zh: '各地区合计', en: 'Per region' },
  'view.missed': { zh: '实际 {actual},未达到目标 {target}', en: 'actual {actual} does not reach the target {target}' },
  'view.behind': { zh: '进度落后于时序进度', en: 'behind the time elapsed' },
  'view.cannot-assess': { zh: '数据不足,无法评估', en: 'not enough figures to assess' },
} satisfies Record<string, Message>;

/** A key of the message table. */
export type MessageCode = keyof typeof messages;

/** Parameters substituted into a message's placeholders. */
export type MessageParams = Record<string, string | number>;

/** Renders message `code` in `lang`, substituting `{name}` placeholders from `params`. */
export function formatMessage(code: MessageCode, params: MessageParams, lang: Lang): string {
  const template: string = messages[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Chooses the user's language from `--lang`, else from the locale variables. */
export function detectLang(env: Record<string, string | undefined>, explicit?: string): Lang {
  if (explicit === 'zh' || explicit === 'en') return explicit;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}
