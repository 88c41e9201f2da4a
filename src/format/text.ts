import type { Report } from '../report/types.js';
import { ByteChunks, chunkTexts, utf8 } from './byte-chunks.js';
import { findingsOf } from './findings.js';
import type { FormatOptions, Formatter } from './formatter.js';
import { OffTrackSentences } from './off-track-sentences.js';
import { verdictLine } from './view.js';

/**
 * One line per finding, greppable: `file:row:col level id message`, the message with its reason.
 * A finding with no CSV place (a target with no figure) is reported against the plan file. When
 * the run fails, a last line names the rule that failed it.
 */
export const formatText: Formatter = (report, options) => chunkTexts(textChunks(report, options));

/** The text report (`formatText`) as UTF-8 chunks of about a megabyte, each valid until the next is asked for. */
export function* textChunks(report: Report, { lang, results }: FormatOptions): Generator<Uint8Array> {
  const out = new ByteChunks();
  // The message as describeResult words it, not escaped again: a template's pieces as they are.
  const sentences = new OffTrackSentences(lang, (text) => text);
  // What repeats is encoded once: a file with its `:`, a level and rule with their spaces.
  const files = new Map<string, Uint8Array>();
  const rules = new Map<string, Map<string, Uint8Array>>();
  for (const finding of findingsOf(report, lang, results, sentences)) {
    const file = finding.file ?? report.plan.file;
    let head = files.get(file);
    if (head === undefined) {
      head = utf8(`${file}:`);
      if (files.size < 10_000) files.set(file, head);
    }
    out.bytes(head);
    out.number(finding.line ?? 0);
    out.bytes(COLON);
    out.number(finding.column ?? 0);
    // By level, then by rule: no key string joined (and hashed) per finding.
    let byRule = rules.get(finding.level);
    if (byRule === undefined) rules.set(finding.level, (byRule = new Map()));
    let rule = byRule.get(finding.rule);
    if (rule === undefined) {
      rule = utf8(` ${finding.level} ${finding.rule} `);
      if (byRule.size < 100_000) byRule.set(finding.rule, rule);
    }
    out.bytes(rule);
    if (finding.sentence) sentences.writeLast(out);
    else out.text(finding.message);
    out.bytes(NEWLINE);
    if (out.full) yield out.take();
  }
  const verdict = verdictLine(report, lang);
  if (verdict) out.text(`${verdict}\n`);
  yield out.take();
}

const COLON = utf8(':');
const NEWLINE = utf8('\n');
