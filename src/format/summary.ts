import { formatMessage } from '../messages.js';
import type { Formatter } from './formatter.js';
import { escapeControls } from './sanitize.js';
import { errorLines, regionTallyLines, tallyLines, verdictLine, warningLines } from './view.js';

export { tallyLines } from './view.js';

/**
 * Counts only: the input errors, one line for all, then one per region when the data has
 * regions; the warnings in words (the reader's, capped as errors are, and the regional checks);
 * the rule that failed the run last. Written region by region, holding nothing per region.
 */
export const formatSummary: Formatter = function* (report, options) {
  const { lang } = options;
  for (const line of errorLines(report, lang, options.maxErrors)) yield `${line}\n`;
  for (const line of tallyLines(formatMessage('summary.all', {}, lang), report.summary, report, lang)) yield `${line}\n`;
  if (report.regions.some((region) => region !== '')) {
    const none = formatMessage('word.no-region', {}, lang);
    const regionLines = regionTallyLines(report, lang);
    for (const region of report.regions) {
      const tally = Object.hasOwn(report.summary.byRegion, region) ? report.summary.byRegion[region] : undefined;
      if (tally) for (const line of regionLines(region === '' ? none : escapeControls(region), tally)) yield `${line}\n`;
    }
  }
  for (const line of warningLines(report, lang, options.maxErrors)) yield `${line}\n`;
  const verdict = verdictLine(report, lang);
  if (verdict) yield `${verdict}\n`;
};
