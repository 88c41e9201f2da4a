import type { Target } from '../plan/types.js';
import { arrayListed, emptyCell, listedOf, resultOfCell, type ListedMeta, type ListedResults } from '../report/listed-results.js';
import type { Report } from '../report/types.js';
import { ByteChunks, chunkTexts, utf8 } from './byte-chunks.js';
import { findDoubts } from './find-doubts.js';
import { describeResult, findingKeys, findingRules, findingsOf, type Finding } from './findings.js';
import type { FormatOptions, Formatter } from './formatter.js';
import { OffTrackBytes } from './off-track-bytes.js';
import { prettyJson } from './pretty-json.js';
import { escapeControls, escapeJsonText } from './sanitize.js';
import { viewResult } from './view.js';

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

/** The SARIF log (`formatSarif`) as UTF-8 chunks of about a megabyte, each valid until the next is asked for. */
export function* sarifChunks(report: Report, { lang, results }: FormatOptions): Generator<Uint8Array> {
  const ruleIndex = new Map<string, number>();
  // The rules come first in the log: a first pass collects them without wording any message.
  // In findingRules' order (input errors' codes, the results' target ids, the other warnings'),
  // a target's id escaped once, not once per result.
  const listed = listedOf(report, results);
  const add = (rule: string): void => {
    if (!ruleIndex.has(rule)) ruleIndex.set(rule, ruleIndex.size);
  };
  const otherRules = findingRules(report, NO_RESULTS)[Symbol.iterator]();
  for (let i = 0; i < report.errors.length; i++) add(otherRules.next().value as string);
  const seen = new Set<ListedMeta>();
  for (const level of ['failure', 'warning'] as const) {
    for (const key of findingKeys(listed, level)) {
      const meta = listed.metaOf(key);
      if (seen.has(meta)) continue;
      seen.add(meta);
      add(escapeControls(meta.id));
    }
  }
  for (let next = otherRules.next(); !next.done; next = otherRules.next()) add(next.value);
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
  const headOf = (level: Finding['level'], rule: string, index: number): Uint8Array => {
    // By level, then by rule: no key string joined (and hashed) per finding.
    let byRule = heads.get(level);
    if (byRule === undefined) heads.set(level, (byRule = new Map()));
    let head = byRule.get(rule);
    if (head === undefined) {
      head = utf8(`{\n          "ruleId": ${quote(rule)},\n          "ruleIndex": ${index},\n          "level": ${quote(LEVELS[level])},\n          "message": {\n            "text": `);
      byRule.set(rule, head);
    }
    return head;
  };
  const fileOf = (uri: string): Uint8Array => {
    let file = files.get(uri);
    if (file === undefined) {
      file = utf8(`\n          },\n          "locations": [\n            {\n              "physicalLocation": {\n                "artifactLocation": {\n                  "uri": ${quote(uri)}\n                }`);
      if (files.size < 10_000) files.set(uri, file);
    }
    return file;
  };
  // A message worded from a template is escaped as the inside of a JSON string already.
  const sentences = new OffTrackBytes(lang, (text) => quote(text).slice(1, -1));
  /** A finding written from its fields (all but the final levels' worded from a template). */
  const write = (finding: Finding): void => {
    out.bytes(first ? FIRST : NEXT);
    first = false;
    const index = ruleIndex.get(finding.rule);
    if (index === undefined) {
      // Not a rule of the log (never, as the rules come from the same findings): written whole.
      out.text(prettyJson(resultOf(finding, index, report), 8, escapeJsonText));
      return;
    }
    out.bytes(headOf(finding.level, finding.rule, index));
    out.text(quote(finding.message));
    out.bytes(fileOf(finding.file ?? report.plan.file));
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
  };
  // The findings in findingsOf's order: input errors, failing results, results warned of, the
  // other warnings. Those that are not results come from findingsOf itself (given no results).
  const others = findingsOf(report, lang, NO_RESULTS)[Symbol.iterator]();
  let other = others.next();
  for (; !other.done && other.value.level === 'error'; other = others.next()) {
    write(other.value);
    if (out.full) yield out.take();
  }
  const doubts = findDoubts(report);
  const cell = listed.cell ? emptyCell() : null;
  // A final level's head and its message's opening quote, by level and target (null: no rule).
  const cellHeads = new Map<Finding['level'], Map<Target, Uint8Array | null>>();
  const cellHead = (level: Finding['level'], target: Target): Uint8Array | null => {
    let byTarget = cellHeads.get(level);
    if (byTarget === undefined) cellHeads.set(level, (byTarget = new Map()));
    let head = byTarget.get(target);
    if (head === undefined) {
      const rule = escapeControls(target.id);
      const index = ruleIndex.get(rule);
      head = index === undefined ? null : Buffer.concat([headOf(level, rule, index), QUOTE]);
      byTarget.set(target, head);
    }
    return head;
  };
  // The last file's location after a message's closing quote, with and without a line: most
  // findings of a run name the same file.
  let lastFile: string | null = null;
  let withLine = QUOTE;
  let withoutLine = QUOTE;
  /** Writes the findings of the keys of `level` until the chunk is full (true) or the keys end (false). */
  const writeResults = (keys: Iterator<number>, level: 'failure' | 'warning'): boolean => {
    for (let next = keys.next(); !next.done; next = keys.next()) {
      const key = next.value;
      const isCell = cell !== null && listed.cell!(key, cell, true);
      // A figure a warning doubts is worded the general way, with its mark.
      const head = isCell && cell.shape === 'final_level' && (doubts.size === 0 || doubts.of(resultOfCell(cell), lang) === '') ? cellHead(level, cell.target) : null;
      if (head !== null) {
        out.bytes(first ? FIRST : NEXT);
        first = false;
        out.bytes(head);
        if (!sentences.write(cell!, out)) out.text(quote(describeResult(viewResult(resultOfCell(cell!), lang, doubts), lang)).slice(1, -1));
        const file = cell!.file || null;
        if (file !== lastFile) {
          lastFile = file;
          const location = fileOf(file === null ? report.plan.file : escapeControls(file));
          withoutLine = Buffer.concat([QUOTE, location]);
          withLine = Buffer.concat([withoutLine, START_LINE]);
        }
        const line = cell!.row;
        if (line) {
          out.bytes(withLine);
          number(out, line);
          out.bytes(LINE_END);
        } else {
          out.bytes(withoutLine);
          out.bytes(LOCATION_END);
        }
      } else {
        const result = isCell ? resultOfCell(cell!) : listed.get(key);
        const view = viewResult(result, lang, doubts);
        const given = result.actual?.file;
        write({ level, rule: view.id, file: given ? escapeControls(given) : null, line: result.actual?.row ?? null, column: null, message: describeResult(view, lang) });
      }
      if (out.full) return true;
    }
    return false;
  };
  for (const level of ['failure', 'warning'] as const) {
    const keys = findingKeys(listed, level)[Symbol.iterator]();
    while (writeResults(keys, level)) yield out.take();
  }
  for (; !other.done; other = others.next()) {
    write(other.value);
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
const LINE_END = Buffer.concat([REGION_END, LOCATION_END]);
/** No listed results: findingsOf then gives the findings that are not results. */
const NO_RESULTS = arrayListed([]);

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
