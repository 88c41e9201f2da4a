import { closest } from 'fastest-levenshtein';
import { formatMessage, type Lang } from './messages.js';
import type { Kind, Op, Plan, Target } from './plan/types.js';
import { describeTarget, sanitize } from './format/describe-target.js';
import { fitColumns, layoutRows, type Column, type Row } from './format/layout-table.js';
import { wrapText } from './format/wrap-text.js';

/** The kind of a target in words (`level` → 水平值). */
export function kindWord(kind: Kind, lang: Lang): string {
  return formatMessage(`kind.${kind}`, {}, lang);
}

/** The test a target applies in words (`>=` → 不低于). */
export function opWord(op: Op, lang: Lang): string {
  return formatMessage(`op.${op}`, {}, lang);
}

export { selectTargets, type ListFilter } from './select-targets.js';

/** A target as `list --format json` prints it: format version 1, documented in docs/cli.md. */
export function targetJson(target: Target): Record<string, unknown> {
  return {
    id: target.id,
    measure: target.measure,
    goal: target.goal,
    action: target.action,
    indicator: target.indicator,
    indicator_en: target.indicatorEn,
    op: target.op,
    value: target.value,
    unit: target.unit,
    kind: target.kind,
    year: target.year,
    soft: target.soft,
    baseline: target.baseline,
    tolerance: target.tolerance,
    quote: target.quote,
    aggregate: aggregateText(target),
  };
}

/** A target's `aggregate` as the plan file writes it (`sum`, `weighted:常住人口`), or null when the plan has no regions. */
function aggregateText(target: Target): string | null {
  const aggregate = target.aggregate;
  if (!aggregate) return null;
  return aggregate.method === 'weighted' ? `weighted:${aggregate.weight}` : aggregate.method;
}

/** `plancheck list --format json`: a JSON array of the selected targets. */
export function listJson(targets: Target[]): string {
  return `${JSON.stringify(targets.map(targetJson), null, 2)}\n`;
}

/**
 * `plancheck list`: a table of the selected targets in `width` columns, laid out as `check`'s
 * table is (indicators and targets wrap at word boundaries); one target a block when even the
 * narrowest columns do not fit.
 */
export function listTable(targets: Target[], lang: Lang, width: number): string {
  const words = ['word.id', 'word.indicator', 'word.target', 'word.year', 'word.kind', 'word.soft'] as const;
  const [id, indicator, target, year, kind, soft] = words.map((word) => formatMessage(word, {}, lang));
  const columns: Column[] = [
    { header: id!, min: 6, max: 8 },
    { header: indicator!, min: 12, max: 48, flex: true },
    { header: target!, min: 10, max: 28, flex: true },
    { header: year!, min: 4, max: 4 },
    { header: kind!, min: 6, max: 12 },
    { header: soft!, min: 4, max: 6 },
  ];
  const cellsOf = targets.map((t) => [sanitize(t.id), sanitize(lang === 'zh' ? t.indicator : t.indicatorEn), sanitize(describeTarget(t, lang)), String(t.year), kindWord(t.kind, lang), t.soft ? '✓' : '']);
  const rows: Row[] = cellsOf.map((cells) => ({ kind: 'cells', cells }));
  const widths = fitColumns(columns, rows, width);
  if (!widths) {
    // Too narrow for columns: each target as lines of `label: value`.
    const sep = lang === 'zh' ? ':' : ': ';
    const blocks = cellsOf.map((cells) => cells.flatMap((cell, i) => (cell === '' ? [] : wrapText(`${columns[i]!.header}${sep}${cell}`, width))).join('\n'));
    return `${blocks.join('\n\n')}\n`;
  }
  return `${[...layoutRows(columns, rows, widths, width, (text) => text)].join('\n')}\n`;
}

/** What `show` found for an id: a measure or goal with its targets, or a single target. */
export type ShowTarget =
  | { kind: 'entry'; label: string; text: string; summary: string; targets: Target[] }
  | { kind: 'target'; target: Target }
  | { kind: 'unknown'; suggestion: string };

/** Finds a measure (M24, 24), a goal (G2) or a target (M24.3) by id. */
export function findForShow(plan: Plan, rawId: string): ShowTarget {
  const id = rawId.normalize('NFKC').trim().toUpperCase();
  const target = plan.targetsById.get(id);
  if (target) return { kind: 'target', target };
  const measureMatch = /^M?(\d+)$/.exec(id);
  if (measureMatch) {
    const measure = plan.measures.find((m) => m.number === Number(measureMatch[1]));
    if (measure) return { kind: 'entry', label: `M${measure.number}`, text: measure.text, summary: measure.summaryEn, targets: measure.targets };
  }
  const goalMatch = /^G(\d+)$/.exec(id);
  if (goalMatch) {
    const goal = plan.goals.find((g) => g.number === Number(goalMatch[1]));
    if (goal) return { kind: 'entry', label: `G${goal.number}`, text: goal.text, summary: goal.titleEn, targets: goal.targets };
  }
  const names = [...plan.measures.map((m) => `M${m.number}`), ...plan.goals.map((g) => `G${g.number}`), ...plan.targetsById.keys()];
  return { kind: 'unknown', suggestion: closest(id, names) };
}

/** Renders one target with its quote, for `show`; plan text is sanitised, labels come from the message table. */
export function describeOne(t: Target, lang: Lang): string {
  const w = (code: 'word.target' | 'word.kind' | 'word.op' | 'word.quote' | 'word.baseline' | 'word.note' | 'word.soft'): string => formatMessage(code, {}, lang);
  const sep = lang === 'zh' ? ':' : ': ';
  const lines = [
    `${t.id}  ${sanitize(lang === 'zh' ? t.indicator : t.indicatorEn)}`,
    `  ${w('word.target')}${sep}${sanitize(describeTarget(t, lang))} (${t.year})${t.soft ? `  [${w('word.soft')}]` : ''}`,
    `  ${w('word.kind')}${sep}${kindWord(t.kind, lang)}   ${w('word.op')}${sep}${opWord(t.op, lang)}`,
    `  ${w('word.quote')}${sep}${sanitize(t.quote)}`,
  ];
  if (t.baseline) lines.push(`  ${w('word.baseline')}${sep}${t.baseline.value} (${t.baseline.year})`);
  // Notes explain in English how the plan text was read; they have no Chinese version.
  if (t.note && lang === 'en') lines.push(`  ${w('word.note')}${sep}${sanitize(t.note)}`);
  return lines.join('\n');
}

/** Renders what `show` found; the English summary of a measure or goal is shown in English only. */
export function showText(found: Exclude<ShowTarget, { kind: 'unknown' }>, lang: Lang): string {
  if (found.kind === 'target') return `${describeOne(found.target, lang)}\n`;
  const parts = [`${found.label}  ${sanitize(found.text)}`];
  if (lang === 'en') parts.push(`  ${sanitize(found.summary)}`);
  parts.push('');
  if (found.targets.length === 0) parts.push(formatMessage('word.qualitative', {}, lang));
  for (const t of found.targets) parts.push(describeOne(t, lang), '');
  return `${parts.join('\n').trimEnd()}\n`;
}
