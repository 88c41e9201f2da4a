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
  'file.write-failed': { zh: '无法写入 {file}:{reasonZh}', en: 'cannot write {file}: {reason}' },
  'usage.bad-option': { zh: '参数错误:{reason}', en: 'invalid option: {reason}' },
  'usage.unknown-id': {
    zh: '规划中没有编号为 {id} 的措施或指标(是否指 {suggestion}?)',
    en: 'the plan has no measure or target {id} (did you mean {suggestion}?)',
  },

  // Plan files
  'plan.yaml-syntax': { zh: 'YAML 语法错误:{reasonZh}', en: 'YAML syntax error: {reason}' },
  'plan.duplicate-key': { zh: '重复的键 {key}', en: 'duplicate key {key}' },
  'plan.alias-limit': {
    zh: 'YAML 别名展开过多(疑似“别名炸弹”),已拒绝',
    en: 'too many YAML alias expansions (an alias bomb?); refused',
  },
  'plan.not-text': { zh: '规划文件不是文本文件(含 NUL 字节)', en: 'the plan file is not text (it holds NUL bytes)' },
  'plan.empty': { zh: '规划文件为空', en: 'the plan file is empty' },
  'plan.not-a-mapping': {
    zh: '规划文件的顶层应为映射(键: 值),实际为{actualZh}',
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
    en: 'plan file {file} is invalid: {count, plural, one {# error} other {# errors}}',
  },
  'plan.valid': {
    zh: '规划文件 {file} 有效:{goals} 项发展目标、{measures} 条措施、{targets} 个指标',
    en: 'plan file {file} is valid: {goals, plural, one {# goal} other {# goals}}, {measures, plural, one {# measure} other {# measures}}, {targets, plural, one {# target} other {# targets}}',
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
  'csv.syntax': { zh: 'CSV 格式错误:{reasonZh}', en: 'CSV syntax error: {reason}' },
  'csv.missing-column': {
    zh: '缺少必需的列 “{column}”(可用表头:{accepted})',
    en: 'required column "{column}" is missing (accepted headers: {accepted})',
  },
  'csv.duplicate-column': {
    zh: '列 “{other}”(第 {first} 列)和列 “{column}”(第 {second} 列)含义相同,只读取了第 {first} 列:请删除或改名其中一列',
    en: 'columns "{other}" (column {first}) and "{column}" (column {second}) mean the same; only column {first} was read: delete or rename one',
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

  // Analysts' files: workbooks, headers, names, magnitudes (issue 9) and reader hardening (issue 11)
  'usage.stdin-twice': {
    zh: '“-”(标准输入)出现了 {count} 次:标准输入只能读取一次',
    en: '"-" (standard input) is given {count} times: standard input can be read only once',
  },
  'workbook.too-large': {
    zh: '工作簿 {file} 过大({size} 字节,上限 {limit} 字节)',
    en: 'workbook {file} is too large ({size} bytes, limit {limit})',
  },
  'workbook.zip-bomb': {
    zh: '工作簿中的“{entry}”解压后超过上限({limit} 字节),疑似压缩炸弹,已拒绝',
    en: 'the workbook part "{entry}" expands beyond the limit of {limit} bytes (a zip bomb?); refused',
  },
  'workbook.zip-bomb-total': {
    zh: '工作簿各部分解压后合计超过上限({limit} 字节,超出于“{entry}”),疑似压缩炸弹,已拒绝',
    en: 'the workbook\'s parts together expand beyond the limit of {limit} bytes (passed at "{entry}"; a zip bomb?); refused',
  },
  'workbook.zip-size-lie': {
    zh: '工作簿中的“{entry}”解压后大于它声明的 {declared} 字节,文件已损坏或被篡改(疑似压缩炸弹),已拒绝',
    en: 'the workbook part "{entry}" expands beyond the {declared} bytes it declares: damaged or tampered with (a zip bomb?); refused',
  },
  'workbook.zip-parts': {
    zh: '工作簿有 {count} 个部分,超过上限 {limit} 个,疑似压缩炸弹,已拒绝',
    en: 'the workbook has {count} parts, more than the limit of {limit} (a zip bomb?); refused',
  },
  'workbook.unreadable': {
    zh: '无法读取工作簿:{reasonZh}(是否已加密或损坏?可在 Excel/WPS 中另存为 .xlsx 后再检查)',
    en: 'cannot read the workbook: {reason} (encrypted or damaged? save it again as .xlsx in Excel or WPS)',
  },
  'workbook.no-such-sheet': {
    zh: '工作簿中没有名为“{sheet}”的工作表(现有:{sheets})',
    en: 'the workbook has no sheet "{sheet}" (its sheets: {sheets})',
  },
  'workbook.sheet-too-large': {
    zh: '工作表“{sheet}”过大(上限 {rows} 行、{columns} 列、{cells} 个单元格),已拒绝',
    en: 'sheet "{sheet}" is too large (limits: {rows} rows, {columns} columns, {cells} cells); refused',
  },
  'workbook.no-header': {
    zh: '没有一个工作表有可识别的表头({sheets}):需要“指标编号”或“指标名称”列,以及“实际值”或年份(如“2025年”)列',
    en: 'no sheet has a header plancheck understands ({sheets}): it needs an id or name column (指标编号, 指标名称) and a figure or year column (实际值, 2025年)',
  },
  'header.not-found': {
    zh: '前 {rows} 行中没有找到表头:需要“指标编号”或“指标名称”列,以及“实际值”或年份(如“2025年”)列;第 {best} 行最接近表头',
    en: 'no header in the first {rows} rows: a header needs an id or name column (指标编号, 指标名称) and a figure or year column (实际值, 2025年); row {best} comes closest',
  },
  'row.not-finite': {
    zh: '“{value}” 超出可表示的数值范围',
    en: '"{value}" is too large to be a number',
  },
  'row.unknown-id-lookalike': {
    zh: '规划中没有指标 “{value}”:其中 {lettersZh};是否指 {suggestion}?',
    en: 'the plan has no target "{value}": {letters}; did you mean {suggestion}?',
  },
  'row.lookalike-letter': {
    zh: '“{letter}” 看起来像 {latin},实为{scriptZh}字母 {letter}({codePoint})',
    en: '"{letter}" looks like {latin} but is {script} {letter} ({codePoint})',
  },
  'row.unknown-name': {
    zh: '规划中没有名为 “{value}” 的指标;最接近的有:{closest}',
    en: 'the plan has no target named "{value}"; the closest names are: {closest}',
  },
  'row.ambiguous-name': {
    zh: '名称 “{value}” 对应多个指标:{matches};请填写指标编号',
    en: 'the name "{value}" stands for more than one target: {matches}; give the target id',
  },
  'row.magnitude-for-percent': {
    zh: '“{value}” 带有数量级“{magnitude}”,但指标 {id} 的单位是 “{unit}”',
    en: '"{value}" has the magnitude "{magnitude}", but target {id} is in "{unit}"',
  },
  'notice.header-found': {
    zh: '表头在第 {row} 行;其上 {skipped} 行(标题、填报单位等)未读取',
    en: 'the header is on row {row}; {skipped, plural, one {the row above it (titles, 填报单位) was} other {the # rows above it (titles, 填报单位) were}} not read',
  },
  'notice.header-two-rows': {
    zh: '表头占两行(第 {first} 行和第 {second} 行),已合并读取',
    en: 'the header takes two rows ({first} and {second}), read together',
  },
  'notice.sheet-skipped': {
    zh: '工作表“{sheet}”没有可识别的表头(如填报说明),已跳过',
    en: 'sheet "{sheet}" has no header plancheck understands (instructions?); skipped',
  },
  'notice.column-ignored': {
    zh: '未识别的列 “{column}”,未读取',
    en: 'column "{column}" is not understood and was not read',
  },
  'notice.row-subtotal': {
    zh: '“{value}” 行(小计/合计)已跳过',
    en: 'the "{value}" row (a subtotal) was skipped',
  },
  'notice.row-footnote': {
    zh: '表注或落款行 “{value}” 已跳过',
    en: 'the footnote or signature row "{value}" was skipped',
  },
  'notice.row-title': {
    zh: '没有指标编号、名称或数值的行 “{value}”(标题?)已跳过',
    en: 'the row "{value}" has no id, name or figure (a title?) and was skipped',
  },
  'notice.error-cell': {
    zh: '单元格显示 {value}(公式错误),按无数据处理',
    en: 'the cell shows {value} (a formula error); read as no figure',
  },
  'notice.figure-note': {
    zh: '“{value}” 读作 {figure},附注“{note}”',
    en: '"{value}" read as {figure} with the note "{note}"',
  },
  'notice.row-note': { zh: '{id} 的备注:{note}', en: 'note on {id}: {note}' },
  'notice.magnitude': {
    zh: '“{value}” 读作 {figure} {unit}',
    en: '"{value}" read as {figure} {unit}',
  },
  'warning.fraction-for-percent': {
    zh: '{id} 的目标为 {target}%,填报值 {value} 像是小数形式:是否应为 {likely}%?(已按 {value}% 判定)',
    en: 'target {id} is {target} %, and {value} looks like a fraction: did you mean {likely} %? (judged as {value} %)',
  },
  'warning.scale-off': {
    zh: '{value} {unit} 约为 {id} 目标({target} {unit})的 {factor} 倍:是否按“{likelyUnit}”填报?可能应为 {likely} {unit}(已按 {value} {unit} 判定)',
    en: '{value} {unit} is about {factor} times the target of {id} ({target} {unit}): was it entered in {likelyUnit}? The likely reading is {likely} {unit} (judged as {value} {unit})',
  },
  'warning.form-target-differs': {
    zh: '表中 {id} 的目标值 {form} 与规划的 {plan} {unit} 不同:表格可能已过时,按规划判定',
    en: 'the form gives {form} as the target of {id}, the plan {plan} {unit}: the form may be outdated; the plan is used',
  },
  'warning.name-differs': {
    zh: '第 {row} 行的名称 “{name}” 是指标 {other} 的名称,而编号为 {id}:已按编号 {id} 读取,请核对',
    en: 'the name "{name}" on row {row} is that of {other}, but the id is {id}: read as {id}; please check',
  },
  'report.notices-more': {
    zh: '……另有 {count} 条提示未显示',
    en: '… and {count, plural, one {# more notice} other {# more notices}} not shown',
  },
  'report.nothing-read': {
    zh: '没有读到任何数据行,未进行检查。请检查:文件是否选对?表头是否在标题行下方?(见上方错误)',
    en: 'no row of any input could be read, so nothing was checked. Is it the right file? Is the header below a title row? (see the errors above)',
  },

  // Reports
  'report.errors-more': {
    zh: '……另有 {count} 处错误未显示(共 {total} 处)',
    en: '… and {count, plural, one {# more error} other {# more errors}} not shown ({total} in all)',
  },
  'report.input-invalid': {
    zh: '提交的数据有 {count} 处错误,不是有效的提交',
    en: 'the submission has {count, plural, one {# error} other {# errors}}; it is not a valid submission',
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
  'reason.rate-below-minus-100': {
    zh: '{years} 年的增速低于 -100%(下降超过全部),无法计算年均增速,请核对',
    en: 'the rate for {years} is below −100 % (more than everything lost): no average rate can be computed; please check',
  },
  'reason.mixed-rates-levels': {
    zh: '同一指标既有增速(%)又有绝对值,请统一',
    en: 'growth rates (%) and levels are mixed for one target; submit one or the other',
  },
  'reason.not-done-yet': { zh: '尚未完成', en: 'not done yet' },
  'reason.failed-years': { zh: '未达标年份:{years}', en: 'missed in {years}' },
  'reason.wrong-steps': { zh: '以下年份未按要求变化:{years}', en: 'did not move the required way in {years}' },

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
    en: '{scope}: {targets, plural, one {# target} other {# targets}}, {met} met, {notMet} not met, {warnings, plural, one {# warning} other {# warnings}}, {noData} no data',
  },
  'summary.progress': {
    zh: '{scope}({asOf} 年,时序进度 {elapsed}):提前实现 {achieved},符合进度 {onTrack},基本符合 {moderate},滞后 {insufficient},逆向 {movingAway},尚未完成 {pending},无法评估 {unassessable}',
    en: '{scope} ({asOf}, {elapsed} of the period elapsed): {achieved} already met, {onTrack} on track, {moderate} moderate, {insufficient} insufficient, {movingAway} moving away, {pending} pending, {unassessable} not assessable',
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
  // ── Command line: help, commander's errors, option values, list and show (issue 12, items 6–7) ──
  'help.title.usage': { zh: '用法:', en: 'Usage:' },
  'help.title.options': { zh: '选项:', en: 'Options:' },
  'help.title.commands': { zh: '命令:', en: 'Commands:' },
  'help.title.arguments': { zh: '参数:', en: 'Arguments:' },
  'help.title.global-options': { zh: '全局选项:', en: 'Global options:' },
  'help.choices': { zh: '可选:{choices}', en: 'choices: {choices}' },
  'help.default': { zh: '默认:{value}', en: 'default: {value}' },
  'placeholder.options': { zh: '选项', en: 'options' },
  'placeholder.command': { zh: '命令', en: 'command' },
  'placeholder.file': { zh: '文件', en: 'file' },
  'placeholder.files': { zh: '文件', en: 'files' },
  'placeholder.id': { zh: '编号', en: 'id' },
  'placeholder.n': { zh: '数', en: 'n' },
  'placeholder.year': { zh: '年份', en: 'year' },
  'placeholder.years': { zh: '年份', en: 'years' },
  'placeholder.names': { zh: '名称', en: 'names' },
  'placeholder.name': { zh: '名称', en: 'name' },
  'placeholder.format': { zh: '格式', en: 'format' },
  'placeholder.lang': { zh: '语言', en: 'lang' },
  'placeholder.kind': { zh: '类型', en: 'kind' },
  'placeholder.status': { zh: '状态', en: 'status' },
  'placeholder.conditions': { zh: '条件', en: 'conditions' },
  'placeholder.bands': { zh: '符合,基本符合', en: 'on_track,moderate' },
  'placeholder.key': { zh: '排序依据', en: 'key' },
  'placeholder.sheet': { zh: '工作表', en: 'sheet' },
  'placeholder.sheets': { zh: '工作表', en: 'sheets' },
  'placeholder.width': { zh: '宽度', en: 'width' },
  'placeholder.cols': { zh: '列数', en: 'cols' },
  'placeholder.columns': { zh: '列数', en: 'columns' },
  'placeholder.region': { zh: '地区', en: 'region' },
  'placeholder.order': { zh: '顺序', en: 'order' },
  'placeholder.layout': { zh: '排列', en: 'layout' },
  'placeholder.field': { zh: '字段', en: 'field' },
  'placeholder.dir': { zh: '目录', en: 'dir' },
  'placeholder.path': { zh: '路径', en: 'path' },
  'placeholder.value': { zh: '值', en: 'value' },
  'placeholder.count': { zh: '数', en: 'count' },
  'help.cmd.program': {
    zh: '对照政府行动方案的量化目标检查实际数据',
    en: 'Check reported figures against the quantitative targets of a government action plan',
  },
  'help.cmd.validate': { zh: '检查规划文件(默认:内置的象山县方案)', en: 'check a plan file (default: the bundled Xiangshan plan)' },
  'help.cmd.list': { zh: '列出规划中的指标', en: "list the plan's targets" },
  'help.cmd.show': {
    zh: '显示一条措施(M24)、发展目标(G2)或指标(M24.3)及其原文',
    en: 'show a measure (M24), a goal (G2) or a target (M24.3) with its source text',
  },
  'help.cmd.schema': { zh: '输出规划文件的 JSON Schema', en: 'print the JSON Schema of plan files' },
  'help.cmd.check': { zh: '检查实际数据(CSV 或 Excel/WPS 工作簿)是否达到规划目标', en: 'check actuals (CSV files or Excel/WPS workbooks) against the plan' },
  'help.cmd.template': { zh: '生成供填报的模板:CSV(UTF-8 带 BOM),或 -o form.xlsx 生成工作簿', en: 'write the form analysts fill in: CSV (UTF-8 with BOM), or a workbook with -o form.xlsx' },
  'help.cmd.help': { zh: '显示某个命令的帮助', en: 'show help for a command' },
  'help.opt.help': { zh: '显示帮助', en: 'show help' },
  'help.opt.version': { zh: '显示版本号', en: 'show the version number' },
  'help.opt.lang': { zh: '界面语言:zh 中文,en 英文(默认按系统语言)', en: 'zh | en (default: from the locale)' },
  'help.opt.targets': { zh: '规划文件(默认:内置的 targets.yaml)', en: 'plan file (default: the bundled targets.yaml)' },
  'help.opt.list-action': { zh: '只列这些行动(如 7 或 1-3)', en: 'only these actions (e.g. 7 or 1-3)' },
  'help.opt.list-measure': { zh: '只列这些措施(如 24)', en: 'only these measures (e.g. 24)' },
  'help.opt.goal': { zh: '只列这些发展目标(如 2)', en: 'only these goals (e.g. 2)' },
  'help.opt.kind': { zh: '只列这些类型:{kinds}', en: 'only these kinds: {kinds}' },
  'help.opt.soft': { zh: '只列力争类指标', en: 'only hedged (力争) targets' },
  'help.opt.list-format': { zh: '输出格式', en: 'output format' },
  'help.opt.years': {
    zh: '年份列,如 2021-2025(默认:各指标需要的年份)',
    en: 'the year columns, e.g. 2021-2025 (default: the years the targets need)',
  },
  'help.opt.regions': { zh: '每个地区一组行,用逗号分隔', en: 'a block of rows per region, comma-separated' },
  'help.opt.template-output': { zh: '写入文件,而不是标准输出(如 form.xlsx 则生成工作簿)', en: 'write to a file instead of stdout (a name ending in .xlsx: a workbook)' },
  'help.opt.sheet': { zh: '只读取工作簿中的这个工作表,可重复', en: 'read only this sheet of a workbook, repeatable' },
  'help.opt.format': { zh: '输出格式,可重复:{formats}', en: 'output format, repeatable: {formats}' },
  'help.opt.output': {
    zh: '把前一个 --format 的结果写入此文件(原子写入);须跟在 -f 之后',
    en: 'write the preceding --format to this file (atomically); must follow a -f',
  },
  'help.opt.as-of': { zh: '评估年份(默认:数据中最新的年份)', en: 'the review year (default: the latest year in the data)' },
  'help.opt.bands': {
    zh: '进度分档:实际增速 ÷ 所需增速的两个界限(默认:规划中的设定,否则 0.95,0.6)',
    en: "progress bands for observed ÷ required (default: the plan's, else 0.95,0.6)",
  },
  'help.opt.fail-on': { zh: '哪些状态使检查失败:{conditions}(默认:not_met)', en: 'what fails the run: {conditions} (default: not_met)' },
  'help.opt.require-complete': { zh: '缺少数据也算失败(同 --fail-on no_data)', en: 'missing figures fail the run (same as --fail-on no_data)' },
  'help.opt.max-warnings': { zh: '警告多于此数时检查失败', en: 'fail when there are more warnings than this' },
  'help.opt.action': { zh: '只检查这些行动', en: 'only these actions' },
  'help.opt.measure': { zh: '只检查这些措施', en: 'only these measures' },
  'help.opt.status': { zh: '只列出这些状态:{statuses}', en: 'list only these statuses: {statuses}' },
  'help.opt.quiet': { zh: '只列出失败、滞后和逆向的指标', en: 'list only failures and what is off track (behind, moving away)' },
  'help.opt.encoding': { zh: '指定 CSV 文件的编码', en: 'force the CSV encoding' },
  'help.opt.max-errors': { zh: '最多显示多少处输入错误,其余只计数', en: 'input errors to show before a count of the rest' },
  'help.opt.no-color': { zh: '不使用颜色', en: 'never colour the output' },
  'help.opt.width': { zh: '表格宽度(列数,20–1000;默认取终端宽度,否则 100)', en: "table width in columns, 20–1000 (default: the terminal's, else 100)" },
  'help.opt.region': { zh: '只列出这些地区,用逗号分隔(汇总仍计全部地区)', en: 'list only these regions, comma-separated (the summary counts all)' },
  'help.opt.sort': { zh: '结果的顺序:plan(按规划顺序)或 status(失败在前)', en: 'order of results: plan, or status (failures first)' },
  'help.opt.by': { zh: '有地区时的排列:indicator(指标 × 地区,默认)或 region(每个地区一张表)', en: 'with regions: indicator (indicator × region, default) or region (one listing per region)' },
  'help.examples': {
    zh: '示例:\n  plancheck validate\n  plancheck list --action 7\n  plancheck show M24\n  plancheck template --years 2021-2025 > form.csv\n  plancheck check fixtures/xiangshan/submission-2025.csv\n  plancheck check data-20*.csv --as-of 2023 --fail-on not_met,off_track\n  plancheck check form.csv -f table -f json -o report.json -f junit -o junit.xml\n\n退出码:0 全部通过 · 1 有指标未通过 · 2 输入无效或无法评估\n说明文档:README.zh-CN.md',
    en: 'Examples:\n  plancheck validate\n  plancheck list --action 7\n  plancheck show M24\n  plancheck template --years 2021-2025 > form.csv\n  plancheck check fixtures/xiangshan/submission-2025.csv\n  plancheck check data-20*.csv --as-of 2023 --fail-on not_met,off_track\n  plancheck check form.csv -f table -f json -o report.json -f junit -o junit.xml\n\nExit codes: 0 nothing failed · 1 a target failed\n            2 invalid input or could not evaluate',
  },
  'cli.error': { zh: '错误:{message}', en: 'error: {message}' },
  'cli.help-hint': { zh: '(加 --help 查看用法)', en: '(add --help for usage)' },
  'cli.missing-argument': { zh: '缺少必需的参数 {name}', en: 'missing required argument {name}' },
  'cli.option-missing-value': { zh: '选项 {option} 缺少取值', en: 'option {option} needs a value' },
  'cli.option-required': { zh: '必须给出选项 {option}', en: 'required option {option} not given' },
  'cli.unknown-option': { zh: '未知选项 {option}', en: 'unknown option {option}' },
  'cli.unknown-option-suggest': { zh: '未知选项 {option}(是否指 {suggestion}?)', en: 'unknown option {option} (did you mean {suggestion}?)' },
  'cli.unknown-command': { zh: '未知命令 {command}', en: 'unknown command {command}' },
  'cli.unknown-command-suggest': { zh: '未知命令 {command}(是否指 {suggestion}?)', en: 'unknown command {command} (did you mean {suggestion}?)' },
  'cli.excess-arguments': {
    zh: '{command} 的参数过多:应为 {expected} 个,实际给了 {received} 个',
    en: 'too many arguments for {command}: expected {expected, plural, one {# argument} other {# arguments}}, got {received}',
  },
  'cli.invalid-value': { zh: '选项 {option} 的值 “{value}” 无效:{reason}', en: 'option {option}: "{value}" is invalid: {reason}' },
  'cli.choices': { zh: '可选值为 {choices}', en: 'the choices are {choices}' },
  'cli.not-number-or-range': { zh: '“{part}” 不是数字或范围(如 7 或 1-3)', en: '"{part}" is not a number or range (e.g. 7 or 1-3)' },
  'cli.bad-range': { zh: '“{part}” 不是有效的范围(起点不大于终点,跨度不超过 1000)', en: '"{part}" is not a valid range (low to high, at most 1000 apart)' },
  'cli.not-one-of': { zh: '“{part}” 不在可选值 {choices} 之中', en: '"{part}" is not one of {choices}' },
  'cli.not-year': { zh: '不是年份(应为四位数字,如 2025)', en: 'not a year (four digits, e.g. 2025)' },
  'cli.not-bands': {
    zh: '应为两个比例“符合,基本符合”,且后者不大于前者,如 0.95,0.6',
    en: 'not two shares "on_track,moderate" with moderate ≤ on_track, e.g. 0.95,0.6',
  },
  'cli.not-width': { zh: '不是 20 到 1000 之间的列数', en: 'not a width between 20 and 1000 columns' },
  'cli.not-count': { zh: '不是非负整数', en: 'not a whole number' },
  'cli.output-without-format': {
    zh: '-o 前面须有一个 -f 指明格式(如 -f json -o report.json)',
    en: 'an -o needs a -f before it naming the format (e.g. -f json -o report.json)',
  },
  'cli.internal-error': { zh: 'plancheck 内部错误(请报告此问题):{detail}', en: 'plancheck internal error (please report it): {detail}' },
  'kind.level': { zh: '水平值', en: 'level' },
  'kind.cumulative': { zh: '累计值', en: 'cumulative' },
  'kind.cagr': { zh: '年均增速', en: 'growth rate' },
  'kind.change': { zh: '较基期变化', en: 'change' },
  'kind.trend': { zh: '逐年趋势', en: 'trend' },
  'kind.annual': { zh: '每年达标', en: 'every year' },
  'kind.average': { zh: '年均值', en: 'average' },
  'kind.milestone': { zh: '完成类', en: 'milestone' },
  'op.>=': { zh: '不低于', en: 'at least' },
  'op.>': { zh: '高于', en: 'above' },
  'op.<=': { zh: '不高于', en: 'at most' },
  'op.<': { zh: '低于', en: 'below' },
  'op.==': { zh: '等于', en: 'equal to' },
  'op.~': { zh: '约为', en: 'about' },
  'op.range': { zh: '在区间内', en: 'within a range' },
  'op.done': { zh: '完成', en: 'done' },
  'op.increase': { zh: '逐年上升', en: 'rising every year' },
  'op.decrease': { zh: '逐年下降', en: 'falling every year' },
  'word.op': { zh: '判定', en: 'Test' },
  'word.baseline': { zh: '基期', en: 'Baseline' },
  'word.note': { zh: '说明', en: 'Note' },

  // Hardening (issue 11): bounded reads, encodings, writes, selections
  'file.over-limit': {
    zh: '文件超过 {limitText}({limit} 字节)的大小上限,已停止读取',
    en: 'the file is larger than the limit of {limitText} ({limit} bytes); reading stopped there',
  },
  'csv.utf16-no-bom': {
    zh: '文件像是没有字节顺序标记(BOM)的 {encoding} 编码:请加上 --encoding {encoding} 再检查,或另存为 CSV UTF-8',
    en: 'the file looks like {encoding} without a byte-order mark: check it with --encoding {encoding}, or save it as CSV UTF-8',
  },
  'csv.utf32': {
    zh: '文件是 {encoding} 编码,plancheck 不读取这种编码:请另存为 CSV UTF-8',
    en: 'the file is in {encoding}, which plancheck does not read: save it as CSV UTF-8',
  },
  'csv.not-utf8-or-gbk': {
    zh: '第 {line} 行第 {column} 个字节 0x{byte} 不是有效的 UTF-8,而按 GBK/GB18030 读取只会得到生僻字(“{sample}”),编码无法确定:请另存为 CSV UTF-8,或用 --encoding 指定文件编码',
    en: 'line {line}, byte {column}: 0x{byte} is not valid UTF-8, and read as GBK/GB18030 the file gives only rare characters ("{sample}"), so its encoding is unclear: save it as CSV UTF-8, or name its encoding with --encoding',
  },
  'plan.utf16-no-bom': {
    zh: '规划文件像是没有字节顺序标记(BOM)的 {encoding} 编码:请另存为 UTF-8',
    en: 'the plan file looks like {encoding} without a byte-order mark: save it as UTF-8',
  },
  'plan.utf32': {
    zh: '规划文件是 {encoding} 编码,plancheck 不读取这种编码:请另存为 UTF-8',
    en: 'the plan file is in {encoding}, which plancheck does not read: save it as UTF-8',
  },
  'plan.not-utf8-or-gbk': {
    zh: '第 {line} 行第 {column} 个字节 0x{byte} 不是有效的 UTF-8,按 GBK/GB18030 读取也只得到生僻字(“{sample}”):请将规划文件另存为 UTF-8',
    en: 'line {line}, byte {column}: 0x{byte} is not valid UTF-8, and read as GBK/GB18030 it gives only rare characters ("{sample}"): save the plan file as UTF-8',
  },
  'plan.undecodable': {
    zh: '此处的字节不是有效的 {encoding} 编码:请将规划文件另存为 UTF-8',
    en: 'the bytes here are not valid {encoding}: save the plan file as UTF-8',
  },
  'usage.output-is-input': {
    zh: '输出文件 {output} 就是输入文件 {input}:写入会覆盖提交的数据,已拒绝;请换一个输出文件名',
    en: 'output file {output} is the input file {input}: writing it would replace what was submitted; refused, choose another output file',
  },
  'usage.output-twice': {
    zh: '两个 -o 指向同一个文件 {output}:请为每种格式指定不同的文件',
    en: 'two -o options name the same file {output}: give each format a file of its own',
  },
  'usage.no-such-number': {
    zh: '--{option} {values}:规划中没有这些编号,有效范围为 {range}',
    en: '--{option} {values}: the plan has no such number; valid numbers are {range}',
  },
  'usage.selects-nothing': {
    zh: '所给的筛选条件({selection})没有选中任何指标:请检查编号(定性措施没有量化指标,可用 plancheck show 查看原文)',
    en: 'the selection ({selection}) selects no target: check the numbers (a qualitative measure has none; plancheck show prints its text)',
  },
  'usage.as-of-range': {
    zh: '--as-of {year} 不在合理范围内:规划期为 {start}–{end},评估年份应在 {low}–{high} 之间',
    en: '--as-of {year} is out of range: the plan period is {start}–{end}, so the review year must be within {low}–{high}',
  },

  // Issue 10: reasons and notes of progress ratings
  'reason.crossed': {
    zh: '{year} 年时已在目标一侧,现已越过目标线并继续反向变化',
    en: 'was on the right side of the target in {year} and has crossed to the wrong side',
  },
  'reason.will-cross': {
    zh: '目前达标,但按现有趋势 {year} 年将为 {projected},越过目标线',
    en: 'meets the target now, but the trend reaches {projected} by {year}, across the line',
  },
  'reason.zero-baseline': {
    zh: '基期({year} 年)数值为零,变化幅度无法计算',
    en: 'the baseline ({year}) is zero: the change in % cannot be computed',
  },
  'reason.stale-figure': {
    zh: '最新数据为 {year} 年,早于评估年份 {asOf} 年,按评估年份的时序进度评价',
    en: 'the latest figure is for {year}, before the review year {asOf}: rated at the review year',
  },
  'reason.plan-baseline': {
    zh: '按规划所定基期数 {baseline}({year} 年)计算,未采用提交的 {year} 年数 {submitted}',
    en: 'rated from the plan\'s own baseline {baseline} ({year}), not the {submitted} submitted for {year}',
  },
  'word.notes': { zh: '提示:', en: 'Notes:' },
  'reason.total-fell': {
    zh: '累计值在以下年份比上一年减少:{years},请核对',
    en: 'the running total fell in {years}: please check the figures',
  },

  // Leadership reports: -f html and -f xlsx (issue 13)
  'usage.binary-needs-file': {
    zh: '{format} 格式输出的是文件,不能写到终端:请用 -o 指定文件,例如 -f {format} -o report.{format}',
    en: 'the {format} format writes a file, never to a terminal: name one with -o, e.g. -f {format} -o report.{format}',
  },
  'usage.unknown-region': {
    zh: '数据中没有地区 {region}(共有 {count} 个地区:{known})',
    en: 'the data names no region {region} ({count, plural, one {# region} other {# regions}}: {known})',
  },
  'usage.unknown-region-suggest': {
    zh: '数据中没有地区 {region},是否指 {suggestion}?(共有 {count} 个地区:{known})',
    en: 'the data names no region {region}; did you mean {suggestion}? ({count, plural, one {# region} other {# regions}}: {known})',
  },
  'leader.review-year': { zh: '评估年份', en: 'Review year' },
  'leader.elapsed': { zh: '时序进度', en: 'Time elapsed' },
  'leader.completion': { zh: '完成率', en: 'Completion rate' },
  'leader.on-track-share': { zh: '达标或符合进度', en: 'Met or on track' },
  'leader.inputs': { zh: '输入文件', en: 'Input files' },
  'leader.made-at': { zh: '生成时间', en: 'Made' },
  'leader.plan': { zh: '规划', en: 'Plan' },
  'leader.targets': { zh: '指标数', en: 'Targets' },
  'leader.results': { zh: '结果数(地区 × 指标)', en: 'Results (regions × targets)' },
  'leader.reason': { zh: '原因', en: 'Reason' },
  'leader.chart-figures': { zh: '实际值', en: 'Figures' },
  'leader.chart-target': { zh: '目标值', en: 'Target' },
  'leader.chart-required': { zh: '应达路径', en: 'Required path' },
  'leader.chart-projection': { zh: '预计', en: 'Projection' },
  'leader.chart-statuses': { zh: '各状态指标数', en: 'Targets by status' },
  'leader.charts': { zh: '指标走势', en: 'Indicators by year' },
  'leader.regions': { zh: '分地区', en: 'By region' },
  'leader.heat-map': { zh: '各地区分行动达标情况(达标或符合进度数/已评判指标数)', en: 'Targets met by region and action (met or on track / targets judged)' },
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
  'view.need-fall': {
    zh: '需年均下降 {required}%,实际年均下降 {observed}%,为所需的 {ratio}%',
    en: 'needs a fall of {required} %/yr, observed a fall of {observed} %/yr ({ratio} % of needed)',
  },
  'view.away-fall': {
    zh: '需年均下降 {required}%,实际年均增长 {observed}%,方向相反',
    en: 'needs a fall of {required} %/yr, observed growth of {observed} %/yr: moving away',
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
  'view.at-bound-above': { zh: '恰好等于 {actual}{unit},目标要求高于此值', en: 'exactly {actual}{unit}: the target is more than that' },
  'view.at-bound-below': { zh: '恰好等于 {actual}{unit},目标要求低于此值', en: 'exactly {actual}{unit}: the target is less than that' },
  'view.above-band': { zh: '高于目标 {gap}{unit}', en: '{gap}{unit} above the target' },
  'view.below-band': { zh: '低于目标 {gap}{unit}', en: '{gap}{unit} below the target' },
  'view.points': { zh: ' 个百分点', en: ' percentage points' },
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
    zh: '{scope}:共 {targets} 个指标,已达标 {met},未达标 {notMet},无数据 {noData};失败 {failures},警告 {warnings}{soft, plural, =0 {} other {(其中力争目标 # 个,不计失败)}}',
    en: '{scope}: {targets, plural, one {# target} other {# targets}}, {met} met, {notMet} not met, {noData} no data; {failures} failing, {warnings, plural, one {# warning} other {# warnings}}{soft, plural, =0 {} one { (# of them a soft target, not failing)} other { (# of them soft targets, not failing)}}',
  },
  'view.tally-regions': {
    zh: '{scope}:{regions} 个地区共 {targets} 项(地区 × 指标),已达标 {met},未达标 {notMet},无数据 {noData};失败 {failures},警告 {warnings}{soft, plural, =0 {} other {(其中力争目标 # 项,不计失败)}}',
    en: '{scope}: {targets, plural, one {# result} other {# results}} ({regions} regions × targets), {met} met, {notMet} not met, {noData} no data; {failures} failing, {warnings, plural, one {# warning} other {# warnings}}{soft, plural, =0 {} one { (# of them a soft target, not failing)} other { (# of them soft targets, not failing)}}',
  },
  'view.completion-final': { zh: '完成率 {rate}({met}/{judged})', en: 'completion rate {rate} ({met} of {judged})' },
  'view.on-track-share': { zh: '已评判 {judged} 个中 {good} 个', en: '{good} of {judged} judged' },
  'view.completion-so-far': {
    zh: '完成率 {rate}(仅计已到期评判的 {judged} 个中达标 {met} 个)',
    en: 'completion rate {rate} ({met} of {judged} judged so far)',
  },
  'view.exit-invalid': {
    zh: '退出码 2:提交的数据有 {count} 处错误,不是有效的提交',
    en: 'exit code 2: the submission has {count, plural, one {# error} other {# errors}}; it is not a valid submission',
  },
  'view.exit-failures': {
    zh: '退出码 1:{failures} 个指标按 --fail-on {rule} 判为失败',
    en: 'exit code 1: {failures, plural, one {# target fails} other {# targets fail}} under --fail-on {rule}',
  },
  'view.exit-warnings': {
    zh: '退出码 1:警告 {warnings} 个,超过 --max-warnings {max}',
    en: 'exit code 1: {warnings, plural, one {# warning} other {# warnings}}, more than --max-warnings {max}',
  },
  'view.unlisted': {
    zh: '另有 {count} 项(地区 × 指标)未列出:没有任何数据或不在所选范围;用 --status no_data,not_assessable 列出无数据的项',
    en: '{count, plural, one {# more result (region × target) is} other {# more results (region × target) are}} not listed: no figure at all, or not selected; --status no_data,not_assessable lists those without data',
  },
  'view.region-tally': { zh: '✓{met} ✗{failures} !{warnings} ?{noData}', en: '✓{met} ✗{failures} !{warnings} ?{noData}' },
  'view.legend': {
    zh: '图例:✓ 达标或符合进度 ✗ 失败 ! 警告或滞后 ~ 基本符合 ? 无数据 - 尚未完成;空白:该地区无此项',
    en: 'Key: ✓ met or on track  ✗ failing  ! warning or behind  ~ moderate  ? no data  - pending; blank: not listed for that region',
  },
  'view.tallies': { zh: '各地区合计', en: 'Per region' },
  // Towns and the county: decomposed targets, roll-ups (issue 14)
  'plan.aggregate-missing': {
    zh: '规划声明了 regions(按乡镇分解),指标 {id} 须写明 aggregate(sum / mean / weighted:权重 / none)',
    en: 'the plan declares regions, so target {id} needs an aggregate (sum / mean / weighted:<weight> / none)',
  },
  'plan.aggregate-weight-unknown': {
    zh: '权重“{weight}”既不是 regions.weights 中声明的权重,也不是指标编号',
    en: 'weight "{weight}" is neither declared in regions.weights nor a target id',
  },
  'rt.missing-column': {
    zh: '分解目标表缺少“{column}”列(可用表头:{accepted})',
    en: 'the decomposed-targets file has no "{column}" column (accepted headers: {accepted})',
  },
  'rt.unknown-region': {
    zh: '“{value}”不是规划中的乡镇(街道)(是否指 {suggestion}?)',
    en: '"{value}" is not a region of the plan (did you mean {suggestion}?)',
  },
  'rt.plan-level-region': {
    zh: '“{value}”是县级(规划层级):县级目标以规划为准,不在分解表中填写',
    en: '"{value}" is the plan level: its targets are the plan\'s and are not decomposed',
  },
  'rt.missing-region': { zh: '缺少地区', en: 'the region is missing' },
  'rt.bad-op': {
    zh: '“{value}”不是可用的比较符(可用:≥ > ≤ < = 左右,或留空沿用规划的比较符)',
    en: '"{value}" is not a comparator (use ≥ > ≤ < = ~, or leave it blank for the plan\'s)',
  },
  'rt.op-needed': {
    zh: '指标 {id} 的规划比较符为 {op},请在比较符列写明分解目标的比较符',
    en: 'target {id} has comparator {op} in the plan: give the comparator of the decomposed target',
  },
  'rt.duplicate': {
    zh: '{region} 的 {id}({year} 年)已在 {other} 给出分解目标',
    en: '{region} was given a decomposed target for {id} ({year}) already at {other}',
  },
  'rt.weight-year': {
    zh: '年份 {year} 不在规划的基期与规划期 {start}–{end} 内',
    en: 'year {year} is outside the plan baseline and period {start}–{end}',
  },
  'rt.no-regions': {
    zh: '规划未声明 regions(乡镇及汇总方式),不能使用分解目标表',
    en: 'the plan declares no regions (towns and how figures add up): decomposed targets cannot be used',
  },
  'rt.region-not-in-plan': {
    zh: '地区“{value}”不在规划的乡镇名单中(是否指 {suggestion}?);按单独的地区计,全县汇总要求名单中每个乡镇都有数据',
    en: 'region "{value}" is not among the plan\'s towns (did you mean {suggestion}?); it is kept apart, and a county roll-up needs every listed town',
  },
  'rt.regions-not-in-plan': {
    zh: '{count} 个地区不在规划的乡镇名单中(如 {regions});全县汇总要求名单中每个乡镇都有数据',
    en: '{count} regions are not among the plan\'s towns (such as {regions}); a county roll-up needs every listed town',
  },
  'help.opt.region-targets': {
    zh: '各乡镇的分解目标和权重文件(CSV),见 docs/regions.md',
    en: "towns' decomposed targets and weights (CSV: region, id, value, optionally op and year); see docs/regions.md",
  },
  'help.opt.decomposition': {
    zh: '生成乡镇分解目标表(含县级目标和校核列)及权重行',
    en: "write the form of towns' decomposed targets (with the county target and a check column) and weights",
  },
  'view.not-judged': { zh: '无分解目标不评判 {count}', en: '{count} not judged (no decomposed target)' },
  'word.not-judged': { zh: '无分解目标', en: 'not judged' },
  'rt.too-large': {
    zh: '分解目标表 {file} 过大({size} 字节,上限 {limit} 字节)',
    en: 'the decomposed-targets file {file} is too large ({size} bytes, limit {limit})',
  },
  'reason.no-decomposed-target': { zh: '无分解目标', en: 'no decomposed target' },
  'reason.roll-up-none': {
    zh: '无县级数据;该指标不能由乡镇数据汇总',
    en: 'no county figure; this indicator cannot be derived from the towns\' figures',
  },
  'reason.roll-up-incomplete': {
    zh: '无县级数据;{year} 年乡镇数据不全,无法汇总(缺 {count} 个:{regions})',
    en: 'no county figure; the towns\' figures for {year} are incomplete ({count} missing: {regions})',
  },
  'reason.roll-up-weights': {
    zh: '无县级数据;缺少 {count} 个乡镇 {year} 年的权重“{weight}”:{regions}',
    en: 'no county figure; weight "{weight}" for {year} is missing for {count, plural, one {# town} other {# towns}}: {regions}',
  },
  'reason.roll-up-rates': {
    zh: '无县级数据;乡镇填报的是增速(%),不能汇总,请填报绝对值',
    en: 'no county figure; the towns reported rates (%), which do not add up: report levels',
  },
  'check.roll-up-mismatch': {
    zh: '{indicator}({id},{year} 年):分项之和与合计不符:乡镇汇总 {derived},{county}填报 {reported},相差 {difference}',
    en: '{indicator} ({id}, {year}): the towns do not add up to the county figure: towns {derived}, {county} reported {reported}, difference {difference}',
  },
  'check.decomposition-short': {
    zh: '{indicator}({id}):分解目标之和 {sum} 未达到县级目标 {target}(相差 {difference};已分解 {count}/{total} 个乡镇)',
    en: '{indicator} ({id}): the decomposed targets add up to {sum}, short of the county target {target} (difference {difference}; {count} of {total} towns given one)',
  },
  'source.plan': { zh: '规划目标', en: 'plan target' },
  'source.decomposed': { zh: '分解目标', en: 'decomposed target' },
  'source.intensive_plan': { zh: '县级目标', en: 'county target' },
  'source.derived': { zh: '乡镇汇总', en: 'derived from towns' },
  'source.reported': { zh: '填报', en: 'reported' },
  'word.check': { zh: '校核', en: 'check' },
  'word.plan-target': { zh: '县级目标', en: 'county target' },
  'word.decomposed-value': { zh: '分解目标值', en: 'decomposed value' },
  'word.weight': { zh: '权重', en: 'weight' },
  'template.check-ok': { zh: '分解之和已达县级目标', en: 'shares add up to the county target' },
  'template.check-short': { zh: '分解之和未达县级目标', en: 'shares fall short of the county target' },
  'view.legend-towns': {
    zh: 'Σ 由乡镇汇总 · 无分解目标(不评判) 37/40 实际/分解目标;比率、人均指标按县级目标评判各乡镇',
    en: 'Σ rolled up from the towns  · no decomposed target (not judged)  37/40 figure/decomposed target; rates and per-capita figures are judged against the county target in every town',
  },
  'template.check-intensive': { zh: '各乡镇适用县级目标', en: 'the county target applies to every town' },
  'view.missed': { zh: '实际 {actual},未达到目标 {target}', en: 'actual {actual} does not reach the target {target}' },
  'view.behind': { zh: '进度落后于时序进度', en: 'behind the time elapsed' },
  'view.cannot-assess': { zh: '数据不足,无法评估', en: 'not enough figures to assess' },
  // Growth and change targets read as rates; figures a review year leaves out (d1)
  'reason.rates-look-like-levels': {
    zh: '基期 {year} 年也填了数值 {value},而年增长率没有基期年:这些数值像是未写单位的指标水平值。若是水平值,请在“计量单位”列写明其单位(如 亿元);若是年增长率(%),请将 {year} 年留空',
    en: 'a figure ({value}) is given for the baseline year {year}, which yearly growth rates do not have: the figures look like levels of the indicator without their unit. If they are levels, give their unit (e.g. 亿元) in the unit column; if they are growth rates in %, leave {year} blank',
  },
  'reason.changes-look-like-levels': {
    zh: '基期 {year} 年填了 {value},而较基期的变化率(%)在基期年为 0:这些数值像是未写单位的指标水平值。若是水平值,请在“计量单位”列写明其单位(如 件、个);若是较基期变化率(%),请将 {year} 年留空',
    en: 'the baseline year {year} has {value}, but a change against the baseline (%) is 0 in that year: the figures look like levels of the indicator without their unit. If they are levels, give their unit (e.g. 件, 个) in the unit column; if they are changes in %, leave {year} blank',
  },
  'warning.rates-look-like-levels': {
    zh: '{id} 的数值 {values} 按增长率或变化率(%)计算,均超过 {limit}%,远高于目标,像是未写单位的指标水平值;若是水平值,请在“计量单位”列写明其单位(如 亿元、件)并填基期 {year} 年的数值',
    en: '{id}: the figures {values}, read as growth rates or changes in %, are all above {limit} %, far beyond the target: they look like levels of the indicator without their unit; if they are levels, give their unit (e.g. 亿元, 件) in the unit column and the figure for the baseline year {year}',
  },
  'notice.no-year-column': {
    zh: '没有“年份”列:每个数值都按其指标的目标年份(大多为 {year} 年)计;其他年份的数值请增加“年份”列',
    en: 'no year column: each figure is taken as of its target\'s deadline year ({year} for most targets); to give figures of other years, add a year column (年份)',
  },
  'notice.after-review-year': {
    zh: '未采用:{count} 个数值属于评估年份 {asOf} 年之后({years} 年)',
    en: 'not used: {count, plural, one {1 figure of a year} other {# figures of years}} after the review year {asOf} ({years})',
  },
  'warning.undated-after-review': {
    zh: '文件没有“年份”列,其中 {count} 个数值按目标年份({years} 年)计,晚于评估年份 {asOf} 年,未被采用;若这些是 {asOf} 年的数值,请增加“年份”列并填 {asOf}',
    en: 'the file has no year column: {count, plural, one {1 figure was} other {# figures were}} taken as of {count, plural, one {its target\'s} other {their targets\'}} deadline year ({years}), after the review year {asOf}, and not used; if they are figures of {asOf}, add a year column (年份) holding {asOf}',
  },
  // No column, sheet or cell misread silently (d2): unnamed columns, merged headers, hidden sheets and rows, dates
  'csv.duplicate-figure-column': {
    zh: '列 “{other}”(第 {first} 列)和列 “{column}”(第 {second} 列)都是实际值列:无法判断用哪一列,两列都未读取。请删除或改名其中一列(累计数可写作“累计完成”)',
    en: 'columns "{other}" (column {first}) and "{column}" (column {second}) both hold figures: which one to read cannot be told, so neither was read. Delete or rename one (a running total can be headed 累计完成)',
  },
  'header.spans-columns': {
    zh: '表头 “{column}” 跨 {first}–{last} 列(合并单元格),下面却没有一行写明各列是什么(如 目标值、完成值):无法判断哪一列是实际值,这几列都未读取。请在表头下加一行写明各列,或给每列单独写表头(如 “{column}目标值”“{column}完成值”)',
    en: 'the header "{column}" stands over columns {first}–{last} (a merged cell) with no row under it saying what each holds (目标值, 完成值): which column holds the figure cannot be told, so none of them was read. Add a row under the header naming each column, or give each its own header ("{column}目标值", "{column}完成值")',
  },
  'row.unnamed-column': {
    zh: '第 {column} 列没有表头,却有数据 “{value}”:无法判断是什么,未读取。请填写表头,或删除该列',
    en: 'column {column} has no header but holds "{value}": what it is cannot be told, so it was not read. Give the column a header, or delete it',
  },
  'row.unnamed-beside-figure': {
    zh: '第 {column} 列没有表头,却有数据 “{value}”,紧挨实际值列 “{figure}”:无法判断哪一格是实际值,本行未判定。请填写表头,或删除该列',
    en: 'column {column} has no header but holds "{value}", beside the figure column "{figure}": which cell holds the figure cannot be told, so this row was not judged. Give the column a header, or delete it',
  },
  'row.date-not-figure': {
    zh: '单元格是日期 {value},不是数值:请填写数字,并把单元格格式设为“常规”或“数值”',
    en: 'the cell holds the date {value}, not a number: enter the figure, with the cell formatted as General or Number',
  },
  'row.date-for-year': {
    zh: '年份单元格是日期 {value},不是年份:请只填写年份(如 {year}),单元格格式设为“常规”',
    en: 'the year cell holds the date {value}, not a year: enter the year alone (such as {year}), with the cell formatted as General',
  },
  'notice.sheet-hidden': {
    zh: '工作表 “{sheet}” 在 Excel 中是隐藏的,未读取(隐藏的表多是草稿或旧数据);确需读取时请用 --sheet 指定',
    en: 'the sheet "{sheet}" is hidden in Excel and was not read (a hidden sheet is usually a draft or old data); to read it, name it with --sheet',
  },
  'warning.hidden-rows': {
    zh: '在 Excel 中隐藏的行已读取并判定(共 {count} 行:第 {rows} 行):请取消隐藏核对,或删除这些行',
    en: 'rows hidden in Excel were read and judged ({count, plural, one {# row} other {# rows}}: {rows}): unhide them to check them, or delete them',
  },
  'warning.hidden-column': {
    zh: '列 “{column}” 在 Excel 中是隐藏的,已读取:请取消隐藏核对',
    en: 'the column "{column}" is hidden in Excel and was read: unhide it to check it',
  },
  'notice.yearly-and-total': {
    zh: '有两列实际值:累计型指标(规划期内累计)读取 “{total}” 列,其他指标读取 “{value}” 列',
    en: 'two figure columns: cumulative targets (totals over the plan period) are read from "{total}", every other target from "{value}"',
  },

  // Warnings in every report people read; doubted figures marked beside their status; failed writes (d3)
  'view.warnings': { zh: '警告(请核对)', en: 'Warnings (please check)' },
  'view.warnings-more': {
    zh: '……另有 {count} 条警告未显示(共 {total} 条;完整列表见 -f json)',
    en: '… and {count, plural, one {# more warning} other {# more warnings}} not shown ({total} in all; -f json lists every one)',
  },
  'view.legend-doubt': { zh: '⚠ 数值存疑(见警告)', en: '⚠ figure in doubt (see the warnings)' },
  'doubt.scale-off': { zh: '数值疑似单位错误', en: 'figure may be in the wrong unit' },
  'doubt.fraction-for-percent': { zh: '数值疑似小数形式', en: 'figure may be a fraction' },
  'doubt.name-differs': { zh: '名称与编号不符', en: 'name and id disagree' },
  'doubt.form-target-differs': { zh: '表中目标与规划不同', en: "the form's target differs from the plan's" },
  'doubt.roll-up': { zh: '与乡镇分项之和不符', en: 'differs from the sum of the towns' },
  'doubt.other': { zh: '数值存疑,见警告', en: 'figure in doubt: see the warnings' },
  'view.target-per-cell': { zh: '各地分解目标(见单元格)', en: "each town's own target (see its cell)" },
  'output.stdout-failed': { zh: '无法写入标准输出:{reasonZh}', en: 'cannot write to standard output: {reason}' },
} satisfies Record<string, Message>;

/** A key of the message table. */
export type MessageCode = keyof typeof messages;

/** Parameters substituted into a message's placeholders. */
export type MessageParams = Record<string, string | number>;

/** Renders message `code` in `lang`, substituting `{name}` placeholders from `params`. */
export function formatMessage(code: MessageCode, params: MessageParams, lang: Lang): string {
  return fillTemplate(messages[code][lang], params, lang);
}

/** Short name of `formatMessage`: the message `code` in `lang` with `params` filled in. */
export const t = formatMessage;

// Made on first use: a run whose counts are all whole numbers never loads ICU's plural rules.
let pluralRules: Record<Lang, Intl.PluralRules> | undefined;

/** The plural category (`one`, `other`, …) of `count` in `lang`, by `Intl.PluralRules`. */
export function pluralCategory(count: number, lang: Lang): Intl.LDMLPluralRule {
  // A whole number by CLDR's rules, which Intl applies: English "one" for 1 and -1 only, Chinese
  // "other" always (messages.test.ts compares them with Intl). A fraction is Intl's: it rounds to
  // three decimals first (1.0004 is "one").
  if (Number.isInteger(count)) return lang === 'en' && (count === 1 || count === -1) ? 'one' : 'other';
  // Counts repeat (a row per result says "1 …", "2 …"): each is asked of Intl once.
  const known = pluralCache[lang];
  let category = known.get(count);
  if (category === undefined) {
    pluralRules ??= { zh: new Intl.PluralRules('zh'), en: new Intl.PluralRules('en') };
    category = pluralRules[lang].select(count);
    if (known.size < 4096) known.set(count, category);
  }
  return category;
}

const pluralCache: Record<Lang, Map<number, Intl.LDMLPluralRule>> = { zh: new Map(), en: new Map() };

/**
 * Fills a message template: `{name}` takes `params.name`; `{name, plural, one {# row} other {# rows}}`
 * picks the branch for the number `params.name` (by `Intl.PluralRules`), `#` standing for it.
 */
export function fillTemplate(template: string, params: MessageParams, lang: Lang): string {
  let compiled = compiledTemplates.get(template);
  if (compiled === undefined) {
    compiled = compileTemplate(template);
    // Bounded: the message table is a few hundred templates; anything beyond is not cached.
    if (compiledTemplates.size < 4096) compiledTemplates.set(template, compiled);
  }
  let out = '';
  for (const part of compiled) {
    if (typeof part === 'string') out += part;
    else if (part.kind === 'param') out += substitute(part.name, part.whole, params);
    else {
      const value = params[part.name];
      const branch = value === undefined ? part.whole
        : (part.forms.get(`=${Number(value)}`) ?? part.forms.get(pluralCategory(Number(value), lang)) ?? part.forms.get('other') ?? []);
      for (const piece of branch) out += typeof piece === 'string' ? piece : piece.kind === 'count' ? String(value) : substitute(piece.name, piece.whole, params);
    }
  }
  return out;
}

function substitute(name: string, whole: string, params: MessageParams): string {
  const value = params[name];
  return value === undefined ? whole : String(value);
}

// A template parsed once into literal text, `{name}` placeholders and plural blocks, whose
// branches are parsed the same way (`#` standing for the count). Filling it gives the same text
// as replacing the plural blocks first and the placeholders then.
type Piece = string | { kind: 'param'; name: string; whole: string } | { kind: 'count' };
type Part = string | { kind: 'param'; name: string; whole: string } | { kind: 'plural'; name: string; whole: Piece[]; forms: Map<string, Piece[]> };

const compiledTemplates = new Map<string, Part[]>();

function placeholders(text: string, count: boolean): Piece[] {
  const pieces: Piece[] = [];
  const pattern = count ? /\{(\w+)\}|#/g : /\{(\w+)\}/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) pieces.push(text.slice(at, match.index));
    pieces.push(match[0] === '#' ? { kind: 'count' } : { kind: 'param', name: match[1] ?? '', whole: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return pieces;
}

function compileTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const match of template.matchAll(/\{(\w+), plural,((?:\s*=?\w+ \{[^{}]*\})+)\s*\}/g)) {
    if (match.index > at) parts.push(...(placeholders(template.slice(at, match.index), false) as Part[]));
    const forms = new Map<string, Piece[]>();
    for (const branch of (match[2] ?? '').matchAll(/(=?\w+) \{([^{}]*)\}/g)) forms.set(branch[1] ?? '', placeholders(branch[2] ?? '', true));
    parts.push({ kind: 'plural', name: match[1] ?? '', whole: placeholders(match[0], false), forms });
    at = match.index + match[0].length;
  }
  if (at < template.length) parts.push(...(placeholders(template.slice(at), false) as Part[]));
  return parts;
}

/** The language of a locale name such as `zh_CN.UTF-8`, `zh-Hans-CN` or `en_US`. */
function langOf(locale: string): Lang {
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** The locale the operating system reports through `Intl` (Windows sets no LANG). */
function systemLocale(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return '';
  }
}

/**
 * Chooses the user's language: `--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG` (then `LANGUAGE`),
 * else the locale `Intl` reports, which is all Windows gives.
 */
export function detectLang(env: Record<string, string | undefined>, explicit?: string, fallbackLocale: () => string = systemLocale): Lang {
  if (explicit === 'zh' || explicit === 'en') return explicit;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE;
  return langOf(locale ? locale : fallbackLocale());
}
