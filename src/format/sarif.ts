import { findingRules, findingsOf } from './findings.js';
import type { Formatter } from './formatter.js';
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
export const formatSarif: Formatter = function* (report, { lang, results }) {
  const ruleIndex = new Map<string, number>();
  // The rules come first in the log: a first pass collects them without wording any message.
  for (const rule of findingRules(report, results)) if (!ruleIndex.has(rule)) ruleIndex.set(rule, ruleIndex.size);
  const driver = {
    name: 'plancheck',
    version: report.tool.version,
    informationUri: 'https://www.npmjs.com/package/plancheck',
    rules: [...ruleIndex.keys()].map((id) => ({ id, shortDescription: { text: id } })),
  };
  yield escapeJsonText(`{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": {\n        "driver": ${indent(JSON.stringify(driver, null, 2), 8)}\n      },\n      "results": [`);
  let first = true;
  for (const finding of findingsOf(report, lang, results)) {
    const result = {
      ruleId: finding.rule,
      ruleIndex: ruleIndex.get(finding.rule),
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
    yield `${first ? '' : ','}\n        ${prettyJson(result, 8, escapeJsonText)}`;
    first = false;
  }
  yield `${first ? '' : '\n      '}]\n    }\n  ]\n}\n`;
};

