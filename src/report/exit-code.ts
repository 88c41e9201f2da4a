import type { Report } from './types.js';

/** Exit codes: the contract CI relies on. */
export const EXIT = {
  /** Evaluated; nothing failed. */
  ok: 0,
  /** Evaluated; at least one target failed under the policy, or warnings exceeded --max-warnings. */
  failed: 1,
  /** Could not evaluate, or the input is invalid (usage, unreadable file, invalid plan or rows). */
  invalid: 2,
} as const;

/** The exit code of a report: one function of it, nothing else. */
export function exitCode(report: Report): number {
  if (report.errorCount > 0) return EXIT.invalid;
  const { failures, warnings } = report.summary;
  if (failures > 0) return EXIT.failed;
  if (report.policy.maxWarnings !== null && warnings > report.policy.maxWarnings) return EXIT.failed;
  return EXIT.ok;
}
