import { formatMessage, type Lang } from '../messages.js';
import type { Report, Tally } from '../report/types.js';
import { sanitize } from '../report/describe-target.js';
import { describeErrors } from './errors.js';
import type { Formatter } from './formatter.js';

/** One line of counts for a scope (all regions, or one region). */
export function summaryLine(scope: string, tally: Tally, report: Report, lang: Lang): string {
  const s = tally.byStatus;
  const line = formatMessage(
    'summary.line',
    { scope, targets: tally.targets, met: s.met, notMet: s.not_met, warnings: tally.warnings, noData: s.no_data },
    lang,
  );
  const anyProgress = s.achieved + s.on_track + s.moderate + s.insufficient + s.moving_away + s.pending + s.not_assessable > 0;
  const lines = [line];
  if (tally.completionRate !== null) {
    const judged = s.met + s.not_met;
    lines[0] += `; ${formatMessage('summary.completion', { rate: `${(tally.completionRate * 100).toFixed(1)}%`, met: s.met, judged }, lang)}`;
  }
  if (anyProgress) {
    const { start, end } = report.plan.period;
    const elapsed = Math.min(1, Math.max(0, (report.asOf - start + 1) / (end - start + 1)));
    lines.push(
      formatMessage(
        'summary.progress',
        {
          scope,
          asOf: report.asOf,
          elapsed: `${Math.round(elapsed * 100)}%`,
          achieved: s.achieved,
          onTrack: s.on_track,
          moderate: s.moderate,
          insufficient: s.insufficient,
          movingAway: s.moving_away,
          unassessable: s.not_assessable + s.pending,
        },
        lang,
      ),
    );
  }
  return lines.join('\n');
}

/** Counts only: one line for all, then one per region when the data has regions. */
export const formatSummary: Formatter = (report, options) => {
  const { lang } = options;
  const lines = [summaryLine(formatMessage('summary.all', {}, lang), report.summary, report, lang)];
  if (report.regions.length > 1 || (report.regions[0] ?? '') !== '') {
    for (const region of report.regions) {
      const tally = report.summary.byRegion[region];
      if (tally) lines.push(summaryLine(region === '' ? formatMessage('word.no-region', {}, lang) : sanitize(region), tally, report, lang));
    }
  }
  const errors = describeErrors(report, options);
  return `${[...errors, ...lines].join('\n')}\n`;
};
