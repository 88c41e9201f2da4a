import { formatMessage, type Lang } from '../messages.js';
import { describeProblem, type Problem } from '../problem.js';
import { EXIT, exitCode } from '../report/exit-code.js';
import { keysByRank, listedOf, type ListedResults } from '../report/listed-results.js';
import type { Report, Tally } from '../report/types.js';
import { describeCheck } from './describe-check.js';
import { findDoubts, type FigureDoubts } from './find-doubts.js';
import { escapeControls } from './sanitize.js';
import { viewResult, type ResultView } from './view-result.js';

export { viewResult, displayNumber, decimalsOf, type ResultView, type Tone } from './view-result.js';

/** How results are ordered: as in the plan, or failures first. */
export type SortOrder = 'plan' | 'status';

/** What a view needs besides the report. */
export interface ViewOptions {
  lang: Lang;
  /** How many input errors to word before a count of the rest. */
  maxErrors: number;
  sort?: SortOrder;
  /** The listed results when the report does not hold them; default: the report's `results`. */
  results?: ListedResults;
  /** `--region`: only these regions are viewed; the summary still counts all. */
  regions?: readonly string[];
}

/** One region as people see it: its label and its counts in words. */
export interface RegionView {
  /** The region exactly as in the data (a key into results' `region`); never print it. */
  key: string;
  /** The region as given, escaped; '' when the data names none. */
  name: string;
  /** The name shown: the region, or `(未填地区)`. */
  label: string;
  tally: Tally;
  /** Its count lines (a second line mid-term for progress ratings), worded when read. */
  readonly summary: string[];
  /** Counts for a matrix column: `✓12 ✗3 !1 ?5`. */
  short: string;
}

/** What every person-facing format shows about a report, worded and escaped once. */
export interface ReportView {
  lang: Lang;
  /** The order of `results()`. */
  sort: SortOrder;
  report: Report;
  /** The listed results, each built when reached (`report.results` may be empty). */
  listed: ListedResults;
  /** The plan's title in the user's language. */
  title: string;
  /** Input error lines, capped with a count of the rest, then the line saying the input is invalid. */
  errors: string[];
  /** True when the data names regions: tables become indicator × region. */
  hasRegions: boolean;
  regions: RegionView[];
  /** The count lines for all regions together. */
  summary: string[];
  /** A note that results without any figure are not listed, or ''. */
  unlisted: string;
  /**
   * Every warning, worded and escaped once: the reader's (a figure 10⁴ off its target's scale, a
   * fraction for a percentage; capped at `maxErrors` with a count of the rest), then input warnings
   * (a region the plan does not list) and the regional checks (分项之和与合计不符, shares short of
   * the plan; docs/regions.md). Each line starts `警告:`.
   */
  checks: string[];
  /** The results whose figure a warning doubts: their status carries the mark (`⚠ 数值疑似单位错误`). */
  doubts: FigureDoubts;
  /** The matrix legend's line for the doubt mark when some figure is doubted, else ''. */
  doubtLegend: string;
  /** With towns: the marks a matrix uses for them (Σ derived, · not judged), or ''. */
  townsLegend: string;
  /** The exit code the run will end with. */
  exitCode: number;
  /** The last line when the run exits 1 or 2: which rule made it fail; '' on success. */
  verdict: string;
  /** The title of a group: `发展目标` for 0, else `行动 7 ……`. */
  groupTitle: (group: number) => string;
  /** The listed results in display order, each worded once as it is reached. */
  results: () => Iterable<ResultView>;
}

/** The words under a result: its reason, and its projection when that matters (not good, or it misses). */
export function noteOf(result: ResultView, lang: Lang): string {
  const parts = [result.reason];
  if (result.projection && (result.tone !== 'good' || result.projectionMisses)) parts.push(result.projection);
  parts.push(result.notes);
  return parts.filter((part) => part !== '').join(lang === 'zh' ? ';' : '; ');
}

export { rankOf } from '../report/listed-results.js';

/** A tally in words: targets, met, not met (soft ones apart), failures and warnings, then 完成率. */
export function tallyLines(scope: string, tally: Tally, report: Report, lang: Lang): string[] {
  const s = tally.byStatus;
  // The whole of several regions counts a result per region and target: not "targets".
  const regions = tally === report.summary ? report.regions.length : 1;
  let line = formatMessage(
    regions > 1 ? 'view.tally-regions' : 'view.tally',
    { scope, regions, targets: tally.targets, met: s.met, notMet: s.not_met, soft: tally.softMisses, noData: s.no_data, failures: tally.failures, warnings: tally.warnings },
    lang,
  );
  if (tally.completionRate !== null) {
    const judged = s.met + s.not_met;
    const code = report.asOf >= report.plan.period.end ? 'view.completion-final' : 'view.completion-so-far';
    line += `${lang === 'zh' ? ';' : '; '}${formatMessage(code, { rate: `${(tally.completionRate * 100).toFixed(1)}%`, met: s.met, judged }, lang)}`;
  }
  // Towns not judged (无分解目标) are neither missing data nor progress to rate: they are said apart.
  const notJudged = tally.notJudged ?? 0;
  if (notJudged > 0) line += `${lang === 'zh' ? ';' : '; '}${formatMessage('view.not-judged', { count: notJudged }, lang)}`;
  const lines = [line];
  const rated = s.achieved + s.on_track + s.moderate + s.insufficient + s.moving_away + s.pending + s.not_assessable - notJudged;
  if (rated > 0) {
    lines.push(
      formatMessage(
        'summary.progress',
        {
          scope,
          asOf: report.asOf,
          elapsed: `${Math.round(report.elapsedShare * 100)}%`,
          achieved: s.achieved,
          onTrack: s.on_track,
          moderate: s.moderate,
          insufficient: s.insufficient,
          movingAway: s.moving_away,
          pending: s.pending,
          unassessable: s.not_assessable - notJudged,
        },
        lang,
      ),
    );
  }
  return lines;
}

/** Stands for a region's name in lines worded once for every region with the same counts: no message or count has it. */
const SCOPE_MARK = '\u0000';
/** The most sets of counts worded for one report: a bound on memory whatever the regions. */
const WORDED_MOST = 4096;

/**
 * `tallyLines` for the regions of one report: the lines of a region whose counts another region
 * had are that region's lines with its own name, the counts worded once (a summary of 16,000
 * regions words a few thousand sets of counts).
 */
export function regionTallyLines(report: Report, lang: Lang): (scope: string, tally: Tally) => string[] {
  // By a hash of the counts; each entry holds the counts it was worded for, compared in full.
  // Each line kept as the text before and after the name: a region's line is then one concatenation.
  const worded = new Map<number, { counts: number[]; rate: number | null; lines: string[][] }[]>();
  let size = 0;
  const counts: number[] = [];
  return (scope, tally) => {
    if (tally === report.summary || scope.includes(SCOPE_MARK)) return tallyLines(scope, tally, report, lang);
    const s = tally.byStatus;
    // Everything tallyLines reads of a region's tally (the rate compared apart).
    counts.length = 0;
    counts.push(tally.targets, tally.failures, tally.warnings, tally.softMisses, tally.notJudged ?? 0, s.met, s.not_met, s.no_data, s.achieved, s.on_track, s.moderate, s.insufficient, s.moving_away, s.pending, s.not_assessable);
    let hash = 0;
    for (const count of counts) hash = Math.imul(hash ^ count, 0x01000193);
    const bucket = worded.get(hash);
    const found = bucket?.find((entry) => entry.rate === tally.completionRate && entry.counts.every((count, i) => count === counts[i]));
    let lines = found?.lines;
    if (lines === undefined) {
      lines = tallyLines(SCOPE_MARK, tally, report, lang).map((line) => line.split(SCOPE_MARK));
      if (size++ < WORDED_MOST) {
        const entry = { counts: [...counts], rate: tally.completionRate, lines };
        if (bucket) bucket.push(entry);
        else worded.set(hash, [entry]);
      }
    }
    return lines.map((parts) => (parts.length === 2 ? parts[0] + scope + parts[1] : parts.join(scope)));
  };
}

/** The line naming the rule that makes the run exit 1 or 2; '' when it exits 0. */
export function verdictLine(report: Report, lang: Lang): string {
  const code = exitCode(report);
  if (code === EXIT.ok) return '';
  if (report.errorCount > 0) return formatMessage('view.exit-invalid', { count: report.errorCount }, lang);
  const { failures, warnings } = report.summary;
  if (failures > 0) return formatMessage('view.exit-failures', { failures, rule: report.policy.failOn.join(',') }, lang);
  return formatMessage('view.exit-warnings', { warnings, max: report.policy.maxWarnings ?? 0 }, lang);
}

/** The input errors as lines, capped at `maxErrors` with a count of the rest, then a verdict line. */
export function errorLines(report: Report, lang: Lang, maxErrors: number): string[] {
  if (report.errorCount === 0) return [];
  const lines = report.errors.slice(0, maxErrors).map((problem) => escapeControls(describeProblem(problem, lang)));
  const hidden = report.errorCount - lines.length;
  if (hidden > 0) lines.push(formatMessage('report.errors-more', { count: hidden, total: report.errorCount }, lang));
  lines.push(formatMessage('report.input-invalid', { count: report.errorCount }, lang));
  return lines;
}

/** The reader's warnings of a report (those kept, in file order), as `inputs[].notices` of severity warning hold them. */
export function readerWarnings(report: Report): Problem[] {
  return report.inputs.flatMap((input) => (input.notices ?? []).filter((notice) => notice.severity === 'warning'));
}

/** Every warning of a report as lines `警告:…`, escaped: the reader's (at most `max`, then a count of the rest), input warnings, regional checks. */
export function warningLines(report: Report, lang: Lang, max: number): string[] {
  const label = `${formatMessage('severity.warning', {}, lang)}${lang === 'zh' ? ':' : ': '}`;
  const reader = readerWarnings(report);
  const lines = reader.slice(0, Math.max(0, max)).map((problem) => describeProblem(problem, lang));
  lines.push(
    // Located as the reader's are: a warning about the file as a whole has no line to give.
    ...(report.inputWarnings ?? []).map((problem) => describeProblem(problem, lang)),
    ...(report.checks ?? []).filter((check) => check.severity === 'warning').map((check) => describeCheck(check, lang)),
  );
  const worded = lines.map((line) => escapeControls(`${label}${line}`));
  const hidden = reader.length - Math.min(reader.length, Math.max(0, max));
  if (hidden > 0) worded.splice(Math.min(reader.length, Math.max(0, max)), 0, formatMessage('view.warnings-more', { count: hidden, total: reader.length }, lang));
  return worded;
}

/** The view of a report: summary, regions and errors now; each result worded when it is reached. */
export function viewReport(report: Report, options: ViewOptions): ReportView {
  const { lang } = options;
  const titles = new Map(report.plan.actions.map((a) => [a.number, escapeControls(lang === 'zh' ? a.title : a.titleEn)]));
  const action = formatMessage('word.action', {}, lang);
  const groupTitle = (group: number): string =>
    group === 0 ? formatMessage('word.goals', {}, lang) : `${action} ${group}${titles.has(group) ? ` ${titles.get(group)}` : ''}`;
  const hasRegions = report.regions.some((region) => region !== '');
  const regions: RegionView[] = [];
  const only = options.regions && options.regions.length > 0 ? new Set(options.regions) : null;
  const regionLines = regionTallyLines(report, lang);
  for (const region of report.regions) {
    if (only && !only.has(region)) continue;
    const tally = Object.hasOwn(report.summary.byRegion, region) ? report.summary.byRegion[region] : undefined;
    if (!tally) continue;
    const name = escapeControls(region);
    const label = region === '' ? formatMessage('word.no-region', {}, lang) : name;
    const s = tally.byStatus;
    regions.push({
      key: region,
      name,
      label,
      tally,
      // Worded when asked for: a matrix of 100,000 regions never needs their count lines.
      get summary() {
        return regionLines(label, tally);
      },
      short: formatMessage('view.region-tally', { met: s.met + s.achieved + s.on_track, failures: tally.failures, warnings: tally.warnings, noData: s.no_data + s.not_assessable - (tally.notJudged ?? 0) }, lang),
    });
  }
  const listed = listedOf(report, options.results);
  const doubts = findDoubts(report);
  return {
    listed,
    lang,
    sort: options.sort ?? 'plan',
    report,
    title: escapeControls(lang === 'zh' ? report.plan.title : report.plan.titleEn),
    errors: errorLines(report, lang, options.maxErrors),
    hasRegions,
    regions,
    summary: tallyLines(formatMessage('summary.all', {}, lang), report.summary, report, lang),
    unlisted: report.unlisted > 0 && hasRegions ? formatMessage('view.unlisted', { count: report.unlisted }, lang) : '',
    checks: warningLines(report, lang, options.maxErrors),
    doubts,
    doubtLegend: doubts.size > 0 ? formatMessage('view.legend-doubt', {}, lang) : '',
    townsLegend: report.regionRoles ? formatMessage('view.legend-towns', {}, lang) : '',
    exitCode: exitCode(report),
    verdict: verdictLine(report, lang),
    groupTitle,
    results: function* () {
      // `--sort status`: by rank, the plan's order within a rank.
      for (const key of options.sort === 'status' ? keysByRank(listed) : listed.keys()) yield viewResult(listed.get(key), lang, doubts);
    },
  };
}
