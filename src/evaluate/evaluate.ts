import type { Actuals, ActualsInput } from '../actuals/read-actuals.js';
import type { Plan, Target } from '../plan/types.js';
import {
  REPORT_SCHEMA_VERSION,
  STATUSES,
  type Policy,
  type Report,
  type Result,
  type Severity,
  type Status,
  type Tally,
} from '../report/types.js';
import type { RegionTargets } from '../actuals/interpret-region-targets.js';
import { meets } from './compare.js';
import { KeptCells, regionSlots } from './keep-cells.js';
import { elapsedShare, judges } from './judge.js';
import { atYear } from './judge-parts.js';
import { QuickCount } from './quick-count.js';
import { CommonCells, type MarkRules } from './common-cells.js';
import type { YearValues } from '../actuals/figure-store.js';
import { regionalPlan, type QuickTerms } from './region-terms.js';
import { addTally, emptyTally, finishTally, TallyCounter } from './tally.js';
import { cellJudge, quickCellJudge } from './judge-cell.js';
import { emptyCell, markOf, type ListedResults } from '../report/listed-results.js';
import { KEPT_RESULTS, listedCells, type Cells } from './listed-cells.js';
import { listResults, listsFacts, type ListOptions } from '../list-results.js';
import { findReviewNotices, type ReviewNotice } from './find-review-notices.js';
import { countEmptySeries } from './empty-plan-level.js';
import { emptySeriesStatusesOf, planTablesOf } from '../plan/plan-tables.js';

/** What to evaluate and how to judge it. */
export interface EvaluateOptions {
  /** The review year; default: the latest year in the data, else the plan's last year. */
  asOf?: number;
  policy: Policy;
  /** Which targets are in scope; the summary and the exit code count only these. */
  scope?: (target: Target) => boolean;
  /** Which results the report lists; the summary still counts every result in scope. */
  list?: (result: Result) => boolean;
  /**
   * Which results the report lists, as `listResults`' options and the regions to list (all when
   * absent): the CLI's filters as data, so that `evaluateListed` decides without building a
   * result. `list`, when given, is used instead.
   */
  listing?: ListOptions & { regions?: readonly string[] };
  /** False to list nothing and keep only counts: a large run's summary then builds no results. */
  detail?: boolean;
  /** The plan file's name, for the report. */
  planFile: string;
  toolVersion: string;
  /** Towns' own targets (`--region-targets`); see docs/regions.md. */
  regionTargets?: RegionTargets | null;
}

/** Judges every target in scope, in every region, against the actuals. Pure: no I/O. */
export function evaluate(plan: Plan, actuals: Actuals, options: EvaluateOptions): Report {
  const results: Result[] = [];
  const { report } = evaluateWith(plan, actuals, options, (result) => {
    results.push(result);
  });
  report.results = results;
  return report;
}

/**
 * `evaluate` holding no result: the report's `results` is empty and `listed` judges each listed
 * result again when a format asks for it (the same result, as judging is pure), so a run of
 * 3,000 regions keeps one byte per region and target instead of a million results. The summary,
 * `unlisted` and the exit code are the same as `evaluate`'s.
 */
export function evaluateListed(plan: Plan, actuals: Actuals, options: Omit<EvaluateOptions, 'detail'>): { report: Report; listed: ListedResults } {
  let marks = new Uint8Array(0);
  // 0: not listed; else its status and severity, so that keys, ranks and counts need no result.
  const mark = (result: Pick<Result, 'status' | 'severity'>, key: number): void => {
    marks[key] = markOf(result);
  };
  // The few results judged in full in the first pass (a plan level's, a mean's without all its
  // years) are kept, up to a bound, rather than judged again when a format reaches them.
  const judged = new Map<number, Result>();
  const listResult = (result: Result, key: number): void => {
    mark(result, key);
    if (judged.size < KEPT_RESULTS) judged.set(key, result);
  };
  const { report, cells } = evaluateWith(plan, actuals, { ...options, detail: true }, listResult, (size) => {
    marks = new Uint8Array(size);
    return marks;
  }, !options.list);
  cells.marks = marks;
  return { report, listed: listedCells(marks, cells, judged) };
}

/** A result's status and severity as a summary counts it, and whether it is a town's verdict without judging. */
interface StatusFacts {
  status: Status;
  severity: Severity;
  notJudged: boolean;
  /** Whether the result has an actual; known only for a status of no data or not assessable (else false). */
  hasActual: boolean;
}

/**
 * The evaluation both entries share: counts every result in scope and hands each listed one,
 * with its key (region position × targets in scope + target position), to `onListed`.
 */
function evaluateWith(
  plan: Plan,
  actuals: Actuals,
  options: EvaluateOptions,
  onListed: (result: Result, key: number) => void,
  /** The marks of the listed keys (`markOf`; 0: not listed), made for the number of cells once it is known. */
  marksFor: (cells: number) => Uint8Array = () => new Uint8Array(0),
  /** The first pass of `evaluateListed` (the list rule given as data): the common cells marked from their status, severity and figure alone. */
  quickFirst = false,
): { report: Report; cells: Cells } {
  const { store } = actuals;
  const asOf = options.asOf ?? latestYear(actuals) ?? plan.period.end;
  const scope = options.scope ?? (() => true);
  const targets = plan.targets.filter(scope);
  const fileName = (index: number): string => actuals.inputs[index]?.file ?? '';
  // With towns, each is judged on its own terms and the plan level is reported or derived (docs/regions.md).
  const regional = regionalPlan(plan, actuals, options.regionTargets ?? null, fileName);
  const regions = regional?.regions ?? store.regionNames();
  if (regions.length === 0) regions.push('');
  // Region names come from input: a null-prototype object keeps `__proto__` an ordinary key.
  const summary: Report['summary'] = { ...emptyTally(), byRegion: Object.create(null) as Record<string, Tally> };
  let unlisted = 0;
  const detail = options.detail ?? true;
  const severityFor = severityTable(options.policy);
  // Without towns, every region is judged on the plan's targets: final levels by status only.
  const planQuick: QuickTerms = plan.targets.map((target) => (asOf >= target.year && (target.kind === 'level' || target.kind === 'cumulative') ? target : null));
  // Regions that share quick terms share how they are counted: worked out once per set of terms.
  const quickCounts = new Map<QuickTerms, QuickCount>();
  const context = { plan, actuals, asOf, regional, severityFor, fileName };
  const judgeCell = cellJudge(context);
  const quickCell = quickCellJudge(context);
  const list = options.list ?? (options.listing ? listing(options.listing) : undefined);
  // The first pass of evaluateListed: the common cells counted and marked from their status, severity and figure alone.
  const quickList = quickFirst ? listsFacts(options.listing ?? { quiet: false, manyRegions: false }) : null;
  const only = options.listing?.regions ? new Set(options.listing.regions) : null;
  const facts = emptyCell();
  // What the first pass keeps of the common cells, for the formats (keep-cells.ts); and how it
  // judges them: a town not judged by the year of its latest figure, a final level by its comparison.
  // A format asks for cells region by region: each region's slot is looked up once, for kept cells and the rest alike.
  const slotAt = regionSlots(store, regions);
  const kept = quickList ? new KeptCells(detail ? regions.length * targets.length : 0, { store, asOf, regional: regional !== null, fileName, tolerance: plan.approxTolerance, regions, slotAt }) : null;
  const status: StatusFacts = { status: 'no_data', severity: 'info', notJudged: false, hasActual: false };
  /**
   * A result's status and severity alone, as a summary counts it (the judges without detail; a
   * level past its deadline by its figure of that year), and whether it is a town's verdict
   * without judging (region-terms). Written into `into`, which it returns.
   */
  const statusOnly = (region: string, target: Target, into: StatusFacts): StatusFacts => {
    const terms = regional?.terms(region, target, asOf, false);
    const judged = terms?.target ?? target;
    into.notJudged = Boolean(terms?.verdict);
    if (terms && !terms.verdict && asOf >= judged.year && (judged.kind === 'level' || judged.kind === 'cumulative')) {
      // Status only, as judgeLevel gives it for a deadline passed: the figure of the target's year meets it or not.
      const value = atYear(terms.series, judged.year)?.value;
      into.status = value === undefined ? 'no_data' : meets(value, judged, plan.approxTolerance) ? 'met' : 'not_met';
      into.severity = severityFor(into.status, target.soft);
      into.hasActual = false;
      return into;
    }
    const series = terms?.series ?? store.series(region, target.index, asOf);
    const judgement = terms?.verdict ?? judges[judged.kind]({ target: judged, series, asOf, plan, fileName, detail: false });
    into.status = judgement.status;
    into.severity = terms?.verdict ? 'info' : severityFor(judgement.status, target.soft);
    // A status-only judgement without data has an actual when the detailed one has (judge-parts.ts).
    into.hasActual = judgement.actual !== null;
    return into;
  };
  // Written straight (a call per cell measured a tenth of the first pass).
  const marks = detail ? marksFor(regions.length * targets.length) : new Uint8Array(0);
  // The whole is the sum of the regions' counts, added as they are counted; a name given twice
  // (a towns' targets file naming the plan level) is counted by its last tally, as `byRegion` keeps it.
  const whole = new TallyCounter();
  const counter = new TallyCounter();
  const distinct = new Set(regions).size === regions.length;
  /**
   * One listed cell judged on its own (the plan level's, a decomposed town's, the rest of a
   * region's common cells): marked or counted as unlisted, and counted into `tally` unless it is
   * null (a cell a region's quick count has counted). `tryQuick`: the cell may be of a common
   * shape (`quickCellJudge`), which a town not judged and a region without quick terms may be.
   */
  const judgeListed = (region: string, slot: number, target: Target, key: number, listsRegion: boolean, tryQuick: boolean, tally: TallyCounter | null): void => {
    if (tryQuick && quickList && quickCell(region, slot, target, facts, false, true)) {
      if (tally) {
        if (facts.shape === 'not_judged') tally.addNotJudged();
        tally.add(facts.status, facts.severity, target.soft);
      }
      // Without a figure, a town not judged is "no figure" to the list rule; a final level always has one.
      if (listsRegion && quickList(facts.status, facts.severity, !facts.hasActual)) marks[key] = markOf(facts);
      else unlisted++;
      return;
    }
    // A result of another kind (a mean, a growth rate) judged by its status alone, as a summary
    // counts it, when that is all the list rule needs: its status, its severity and, without
    // data, whether it has an actual (a status-only judgement says), and no plan level's (whose
    // roll-up reasons the rule reads) nor a town's verdict without judging. The format judges it
    // in full when it reaches it.
    if (quickList && region !== regional?.roles.planLevel) {
      const judged = statusOnly(region, target, status);
      if (!judged.notJudged) {
        tally?.add(judged.status, judged.severity, target.soft);
        const noFigure = (judged.status === 'no_data' || judged.status === 'not_assessable') && !judged.hasActual;
        if (listsRegion && quickList(judged.status, judged.severity, noFigure)) marks[key] = markOf(judged);
        else unlisted++;
        return;
      }
    }
    const result = judgeCell(region, target);
    if (tally) {
      // Only a town's verdict without judging (region-terms) carries this reason.
      if (result.reason?.code === 'reason.no-decomposed-target') tally.addNotJudged();
      tally.add(result.status, result.severity, result.soft);
    }
    if (!list || list(result)) onListed(result, key);
    else unlisted++;
  };
  // The bundled plan's bounds of its own targets come prebuilt with it (its status cells: boundsFor under its tolerance).
  const prebuiltCells = planTablesOf(plan)?.statusCells;
  const knownBounds = prebuiltCells && { targets: plan.targets, low: prebuiltCells.low, high: prebuiltCells.high, open: prebuiltCells.open };
  /** The quick count of the regions that share `terms`, made once. */
  const quickOf = (terms: QuickTerms): QuickCount => {
    let quick = quickCounts.get(terms);
    if (!quick) quickCounts.set(terms, (quick = new QuickCount(terms, targets, severityFor, plan.approxTolerance, knownBounds)));
    return quick;
  };
  // How the first pass marks the common cells of the regions that share quick terms (common-cells.ts).
  const commonCells = new Map<QuickTerms, CommonCells>();
  const firstYear = store.firstYear;
  // A region's year blocks, looked up once for all its cells (index: year − the store's first year).
  const blocks: (YearValues | undefined)[] = new Array<YearValues | undefined>(Math.max(0, store.lastYear - firstYear + 1)).fill(undefined);
  const markRules: MarkRules | null = quickList ? { lists: quickList, firstYear, newest: Math.min(asOf, store.lastYear) } : null;
  const left: number[] = [];
  for (const [position, region] of regions.entries()) {
    const slot = store.findSlot(region);
    if (detail) {
      const listsRegion = !only || only.has(region);
      // The region's common cells, known by target without asking for each (region-terms.ts: the
      // same cells `quickCellJudge` takes, but for a figure of a town not judged it cannot read).
      const common = kept ? (regional ? regional.quickTerms(region, asOf) : planQuick) : null;
      const base = position * targets.length;
      if (!common) {
        const tally = counter.reset();
        for (const [at, target] of targets.entries()) judgeListed(region, slot, target, base + at, listsRegion, true, tally);
        summary.byRegion[region] = tally.toTally();
        whole.addCounts(tally);
        continue;
      }
      // The summary's count of the common cells (quick-count.ts), each marked in the same pass from
      // the figure of its year (common-cells.ts); the rest judged one by one.
      const quick = quickOf(common);
      let cells = commonCells.get(common);
      if (!cells) commonCells.set(common, (cells = new CommonCells(quick, common, targets, markRules!)));
      let tally: TallyCounter;
      if (listsRegion) {
        for (let y = 0; y < blocks.length; y++) blocks[y] = store.yearFigures(slot, firstYear + y);
        left.length = 0;
        const marked = cells.countAndMark(store, slot, counter, blocks, base, marks, kept!.codes, left);
        tally = marked.tally;
        unlisted += marked.unlisted;
        // A town not judged may still be a common cell (quickCellJudge); another cell left is not.
        left.forEach((at, i) => judgeListed(region, slot, targets[at]!, base + at, true, i < marked.leftFinal, null));
      } else {
        tally = quick.count(store, slot, counter);
        unlisted += cells.size;
      }
      // Neither counted nor marked yet: the quick count's rest.
      for (const at of cells.rest) judgeListed(region, slot, targets[at]!, base + at, listsRegion, false, tally);
      summary.byRegion[region] = tally.toTally();
      whole.addCounts(tally);
      continue;
    }
    // The common case of a large final review, counted without building a series: a level's
    // status is its deadline year's figure against the target it is judged on.
    const quickTerms = regional ? regional.quickTerms(region, asOf) : planQuick;
    const quick = quickTerms ? quickOf(quickTerms) : null;
    // One counter for every region: its counts are made a tally and added to the whole before the next.
    const tally = quick ? quick.count(store, slot, counter) : counter.reset();
    // The plan level judged on nothing (villages, or towns without a year they all reported): its
    // statuses prebuilt with the plan, when it has them (empty-plan-level.ts).
    const empty = !quick && regional?.planLevelEmpty(region, asOf) ? emptySeriesStatusesOf(plan, asOf) : undefined;
    if (empty !== undefined) countEmptySeries(tally, targets, empty, severityFor);
    else {
      for (const target of quick ? quick.rest : targets) {
        const judged = statusOnly(region, target, status);
        if (judged.notJudged) tally.addNotJudged();
        tally.add(judged.status, judged.severity, target.soft);
      }
    }
    summary.byRegion[region] = tally.toTally();
    whole.addCounts(tally);
  }
  if (distinct) whole.writeInto(summary);
  else for (const tally of Object.values(summary.byRegion)) addTally(summary, tally);
  const checks = regional?.checks(targets, asOf) ?? [];
  const inputWarnings = regional?.warnings ?? [];
  // A reader's warning (a figure far from its target's scale, a form's target that differs from
  // the plan's) is a likely misreading: it counts against --max-warnings like a judged warning.
  const readerWarnings = actuals.warningCount ?? 0;
  // What the review year left out, and rates that look like levels: said once each, beside the reader's notices.
  const reviewNotices = findReviewNotices(plan, actuals, asOf, targets);
  const reviewWarnings = reviewNotices.filter(({ notice }) => notice.severity === 'warning').length;
  summary.warnings += checks.filter((check) => check.severity === 'warning').length + inputWarnings.length + readerWarnings + reviewWarnings;
  finishTally(summary);
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'plancheck', version: options.toolVersion },
    plan: {
      id: plan.id,
      title: plan.title,
      titleEn: plan.titleEn,
      file: options.planFile,
      period: plan.period,
      baselineYear: plan.baselineYear,
      actions: plan.actions.map(({ number, title, titleEn }) => ({ number, title, titleEn })),
    },
    asOf,
    elapsedShare: elapsedShare(plan, asOf),
    policy: options.policy,
    inputs: withNotices(actuals.inputs, reviewNotices),
    regions,
    results: [],
    unlisted,
    summary,
    regionRoles: regional?.roles ?? null,
    checks,
    inputWarnings,
    errors: actuals.problems,
    errorCount: actuals.problemCount,
  };
  const cells: Cells = {
      regions,
      targets,
      judge: (position, target) => judgeCell(regions[position]!, target),
      kept,
      quick: (position, target, into, decimals, place) => quickCell(regions[position]!, slotAt(position), target, into, decimals, false, place),
      marks: new Uint8Array(0),
      size: detail ? regions.length * targets.length - unlisted : 0,
  };
  return { report, cells };
}

/** The inputs with the evaluation's notices added to each one's own (copies: the actuals are not changed). */
function withNotices(inputs: ActualsInput[], notices: ReviewNotice[]): ActualsInput[] {
  if (notices.length === 0) return inputs;
  return inputs.map((input, index) => {
    const own = notices.filter((item) => item.input === index).map((item) => item.notice);
    return own.length === 0 ? input : { ...input, notices: [...(input.notices ?? []), ...own] };
  });
}

/** `listResults` with `--region`: the list filter of `EvaluateOptions.listing`. */
function listing(options: NonNullable<EvaluateOptions['listing']>): (result: Result) => boolean {
  const filter = listResults(options);
  const only = options.regions ? new Set(options.regions) : null;
  return (result) => filter(result) && (!only || only.has(result.region));
}

/** The latest year any figure was given for. */
function latestYear(actuals: Actuals): number | undefined {
  return actuals.store.latestYear();
}

/** `severityOf` for every status, soft and not, worked out once for a run. */
function severityTable(policy: Policy): (status: Status, soft: boolean) => Severity {
  const table = new Map<Status, [Severity, Severity]>(STATUSES.map((status) => [status, [severityOf(status, false, policy), severityOf(status, true, policy)]]));
  return (status, soft) => (table.get(status) as [Severity, Severity])[soft ? 1 : 0];
}

/** How a status counts under the policy: soft targets warn unless `soft` is asked to fail. */
export function severityOf(status: Status, soft: boolean, policy: Policy): Severity {
  const fails = (condition: Policy['failOn'][number]): boolean => policy.failOn.includes(condition);
  const failOrWarn = (failing: boolean): Severity => (failing && (!soft || fails('soft')) ? 'failure' : 'warning');
  switch (status) {
    case 'met':
    case 'achieved':
    case 'on_track':
      return 'ok';
    case 'not_met':
      return failOrWarn(fails('not_met'));
    case 'insufficient':
      return failOrWarn(fails('off_track'));
    case 'moving_away':
      return failOrWarn(fails('off_track') || fails('moving_away'));
    case 'moderate':
    case 'pending':
      return 'info';
    case 'no_data':
    case 'not_assessable':
      return fails('no_data') ? 'failure' : 'info';
  }
}
