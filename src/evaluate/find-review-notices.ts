import type { Actuals, ActualsInput, Notice } from '../actuals/read-actuals.js';
import type { Plan, Target } from '../plan/types.js';
import { implausibleRateLimit, implausibleRates } from './rates-look-like-levels.js';

/** The notice codes the evaluation adds to the inputs' notices (the reader adds the others). */
export const REVIEW_NOTICE_CODES: ReadonlySet<string> = new Set(['notice.no-year-column', 'notice.after-review-year', 'warning.undated-after-review', 'warning.rates-look-like-levels']);

/** A notice of the evaluation, and the input (by index in `actuals.inputs`) it is about. */
export interface ReviewNotice {
  input: number;
  notice: Notice;
}

/**
 * What the evaluation as of `asOf` tells about the input, one notice per case, never one per
 * figure: the figures of years after the review year that were not used (a warning when they were
 * only dated so because their file has no year column), and the figures of a growth or change
 * target that, read as rates, are all implausibly large (they look like levels without their unit).
 * Located at the file (and, for rates, the row of the latest figure). Pure.
 */
export function findReviewNotices(plan: Plan, actuals: Actuals, asOf: number, targets: readonly Target[]): ReviewNotice[] {
  return [...afterReviewYear(plan, actuals, asOf, targets), ...ratesLikeLevels(plan, actuals, asOf, targets)];
}

/**
 * Per input, the figures of targets in scope dated after the review year: counted, and their
 * years named; and for an input without a year column whose figures were all used, how they were dated.
 */
function afterReviewYear(plan: Plan, actuals: Actuals, asOf: number, targets: readonly Target[]): ReviewNotice[] {
  const { store, inputs } = actuals;
  const last = Math.min(plan.period.end, store.lastYear);
  const counts = new Map<number, { count: number; years: Set<number> }>();
  // The common case (the review year is the latest year of the data) costs one scan of the years.
  const later = asOf < last && (store.latestYear() ?? asOf) > asOf;
  for (const region of later ? store.regionNames() : []) {
    const slot = store.findSlot(region);
    for (let year = asOf + 1; year <= last; year++) {
      const block = store.yearFigures(slot, year);
      if (!block) continue;
      for (const target of targets) {
        if (block.kept(target.index) === 0) continue;
        const file = store.sourceAt(region, target.index, year)?.file ?? 0;
        let entry = counts.get(file);
        if (!entry) counts.set(file, (entry = { count: 0, years: new Set() }));
        entry.count++;
        entry.years.add(year);
      }
    }
  }
  const notices: ReviewNotice[] = [];
  for (const [file, { count, years }] of [...counts].sort((a, b) => a[0] - b[0])) {
    const input: ActualsInput | undefined = inputs[file];
    const undated = input?.undated === true;
    const params = { count, asOf, years: [...years].sort((a, b) => a - b).join(', ') };
    const notice: Notice = undated
      ? { code: 'warning.undated-after-review', params, file: input?.file ?? '', severity: 'warning' }
      : { code: 'notice.after-review-year', params, file: input?.file ?? '', severity: 'notice' };
    notices.push({ input: file, notice });
  }
  // A file without a year column whose figures were all in time is still told how they were dated.
  inputs.forEach((input, index) => {
    if (input.undated !== true || notices.some((item) => item.input === index)) return;
    const notice: Notice = { code: 'notice.no-year-column', params: { year: plan.period.end }, file: input.file, severity: 'notice' };
    if (input.headerRow) notice.line = input.headerRow;
    // A workbook's places are cells (book.xlsx[表]!A3), as the reader's notices are.
    if (input.headerRow && input.sheet != null) notice.cell = `A${input.headerRow}`;
    notices.push({ input: index, notice });
  });
  return notices;
}

/** A warning per region and growth or change target whose figures, read as rates, all look like levels. */
function ratesLikeLevels(plan: Plan, actuals: Actuals, asOf: number, targets: readonly Target[]): ReviewNotice[] {
  const growth = targets.filter((target) => target.kind === 'cagr' || target.kind === 'change');
  if (growth.length === 0) return [];
  const { store, inputs } = actuals;
  const notices: ReviewNotice[] = [];
  const limits = growth.map((target) => implausibleRateLimit(target) ?? Number.NaN);
  const regions = store.regionNames();
  // A region's slot is its place among the store's names.
  for (let slot = 0; slot < regions.length; slot++) {
    const region = regions[slot]!;
    for (let g = 0; g < growth.length; g++) {
      const target = growth[g]!;
      // Most regions have no figure, or a rate of the period at most the limit (so not every rate
      // is implausible): found without building the series of each region and target.
      if (store.rateScan(slot, target.index, plan.period.start, target.year, asOf, limits[g]!) !== 2) continue;
      const series = store.series(region, target.index, asOf);
      const rates = implausibleRates(target, series, plan);
      const latest = rates[rates.length - 1];
      if (!latest) continue;
      const notice: Notice = {
        code: 'warning.rates-look-like-levels',
        params: { id: target.id, values: rates.map((figure) => figure.value).join(', '), limit: implausibleRateLimit(target) ?? 0, year: plan.baselineYear },
        file: inputs[latest.source.file]?.file ?? '',
        severity: 'warning',
      };
      if (latest.source.row > 0) notice.line = latest.source.row;
      notices.push({ input: latest.source.file, notice });
    }
  }
  return notices;
}

