import type { Report } from '../report/types.js';
import { ByteChunks, chunkTexts, utf8 } from './byte-chunks.js';
import { findingRules, findingsOf, type Finding } from './findings.js';
import type { FormatOptions, Formatter } from './formatter.js';
import { OffTrackSentences } from './off-track-sentences.js';
import { prettyJson } from './pretty-json.js';
import { escapeJsonText } from './sanitize.js';

const LEVELS = { error: 'error', failure: 'error', warning: 'warning' } as const;

function indent(json: string, spaces: number): string {
  return json.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}

/**
 * SARIF 2.1.0 for code-scanning tools: one result per input error, failed target or warning,
 * located at its CSV row, its message with the reason; one rule per message code or target id.
 * Written result by result, with characters a viewer would act on written as escapes.
 */
export const formatSarif: Formatter = (report, options) => chunkTexts(sarifChunks(report, options));

/** The SARIF log (`formatSarif`) as UTF-8 chunks of a few MB, each valid until the next is asked for. */
export function* sarifChunks(report: Report, { lang, results }: FormatOptions): Generator<Uint8Array> {
  const ruleIndex = new Map<string, number>();
  // The rules come first in the log: a first pass collects them without wording any message.
  for (const rule of findingRules(report, results)) if (!ruleIndex.has(rule)) ruleIndex.set(rule, ruleIndex.size);
  const driver = {
    name: 'plancheck',
    version: report.tool.version,
    informationUri: 'https://www.npmjs.com/package/plancheck',
    rules: [...ruleIndex.keys()].map((id) => ({ id, shortDescription: { text: id } })),
  };
  const out = new ByteChunks();
  out.text(escapeJsonText(`{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": {\n        "driver": ${indent(JSON.stringify(driver, null, 2), 8)}\n      },\n      "results": [`));
  let first = true;
  // What repeats is encoded once: a rule's head (by rule and level), a file's location.
  const heads = new Map<string, Map<string, Uint8Array>>();
  const files = new Map<string, Uint8Array>();
  // A message worded from a template is escaped as the inside of a JSON string already.
  const sentences = new OffTrackSentences(lang, (text) => quote(text).slice(1, -1));
  for (const finding of findingsOf(report, lang, results, sentences)) {
    out.bytes(first ? FIRST : NEXT);
    first = false;
    const index = ruleIndex.get(finding.rule);
    if (index === undefined) {
      // Not a rule of the log (never, as the rules come from the same findings): written whole.
      out.text(prettyJson(resultOf(finding, index, report), 8, escapeJsonText));
    } else {
      // By level, then by rule: no key string joined (and hashed) per finding.
      let byRule = heads.get(finding.level);
      if (byRule === undefined) heads.set(finding.level, (byRule = new Map()));
      let head = byRule.get(finding.rule);
      if (head === undefined) {
        head = utf8(`{\n          "ruleId": ${quote(finding.rule)},\n          "ruleIndex": ${index},\n          "level": ${quote(LEVELS[finding.level])},\n          "message": {\n            "text": `);
        byRule.set(finding.rule, head);
      }
      out.bytes(head);
      if (finding.sentence) {
        out.bytes(QUOTE);
        sentences.writeLast(out);
        out.bytes(QUOTE);
      } else out.text(quote(finding.message));
      const uri = finding.file ?? report.plan.file;
      let file = files.get(uri);
      if (file === undefined) {
        file = utf8(`\n          },\n          "locations": [\n            {\n              "physicalLocation": {\n                "artifactLocation": {\n                  "uri": ${quote(uri)}\n                }`);
        if (files.size < 10_000) files.set(uri, file);
      }
      out.bytes(file);
      if (finding.line) {
        out.bytes(START_LINE);
        number(out, finding.line);
        if (finding.column) {
          out.bytes(START_COLUMN);
          number(out, finding.column);
        }
        out.bytes(REGION_END);
      }
      out.bytes(LOCATION_END);
    }
    if (out.full) yield out.take();
  }
  out.text(`${first ? '' : '\n      '}]\n    }\n  ]\n}\n`);
  yield out.take();
}

const FIRST = utf8('\n        ');
const QUOTE = utf8('"');
const NEXT = utf8(',\n        ');
const START_LINE = utf8(',\n                "region": {\n                  "startLine": ');
const START_COLUMN = utf8(',\n                  "startColumn": ');
const REGION_END = utf8('\n                }');
const LOCATION_END = utf8('\n              }\n            }\n          ]\n        }');

/** A string as prettyJson writes it in the log. */
function quote(text: string): string {
  return prettyJson(text, 0, escapeJsonText);
}

function number(out: ByteChunks, value: number): void {
  if (Number.isFinite(value)) out.number(value);
  else out.ascii('null');
}

/** A finding as a SARIF result object, for the general path. */
function resultOf(finding: Finding, ruleIndex: number | undefined, report: Report): unknown {
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVELS[finding.level],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: finding.file ?? report.plan.file },
          ...(finding.line ? { region: { startLine: finding.line, ...(finding.column ? { startColumn: finding.column } : {}) } } : {}),
        },
      },
    ],
  };
}
