import { findingsOf } from './findings.js';
import type { Formatter } from './formatter.js';

const LEVELS = { error: 'error', failure: 'error', warning: 'warning' } as const;

/**
 * SARIF 2.1.0 for code-scanning tools: one result per input error, failed target or warning,
 * located at its CSV row; one rule per message code or target id.
 */
export const formatSarif: Formatter = (report, { lang }) => {
  const findings = findingsOf(report, lang);
  const ruleIds = [...new Set(findings.map((f) => f.rule))];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plancheck',
            version: report.tool.version,
            informationUri: 'https://www.npmjs.com/package/plancheck',
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: id } })),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: ruleIds.indexOf(finding.rule),
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
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};
