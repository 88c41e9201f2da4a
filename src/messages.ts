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
    zh: '各乡镇的分解目标和权重(CSV:地区、编号、分解目标值,可选比较符和年份),见 docs/regions.md',
    en: "towns' decomposed targets and weights (CSV: region, id, value, optionally op and year); see docs/regions.md",
  },
  'help.opt.decomposition': {
    zh: '生成乡镇分解目标表(含县级目标和校核列)及权重行',
    en: "write the form of towns' decomposed targets (with the county target and a check column) and weights",
  },
  'view.not-judged': { zh: '无分解目标不评判 {count}', en: '{count} not judged (no decomposed target)' },
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
    en: 'no county figure; weight "{weight}" for {year} is missing for {count} town(s): {regions}',
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
  'word.op': { zh: '比较符', en: 'op' },
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
