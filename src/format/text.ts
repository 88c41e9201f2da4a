import { findingsOf } from './findings.js';
import { OffTrackSentences } from './off-track-sentences.js';
import type { Formatter } from './formatter.js';
import { verdictLine } from './view.js';

/**
 * One line per finding, greppable: `file:row:col level id message`, the message with its reason.
 * A finding with no CSV place (a target with no figure) is reported against the plan file. When
 * the run fails, a last line names the rule that failed it.
 */
export const formatText: Formatter = function* (report, { lang, results }) {
  // The message as describeResult words it, not escaped again: a template's pieces as they are.
  for (const finding of findingsOf(report, lang, results, new OffTrackSentences(lang, (text) => text))) {
    const file = finding.file ?? report.plan.file;
    yield `${file}:${finding.line ?? 0}:${finding.column ?? 0} ${finding.level} ${finding.rule} ${finding.message}\n`;
  }
  const verdict = verdictLine(report, lang);
  if (verdict) yield `${verdict}\n`;
};
