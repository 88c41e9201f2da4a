import { formatMessage } from '../messages.js';
import { listedOf, type ListedMeta } from '../report/listed-results.js';
import type { Status } from '../report/types.js';
import { describeResult } from './findings.js';
import type { Formatter } from './formatter.js';
import { escapeXml } from './sanitize.js';
import { viewResult } from './view.js';

/** Text made safe for XML 1.0: controls shown escaped, markup escaped. */
export const xmlEscape = escapeXml;

function groupKey(target: ListedMeta): string {
  return target.goal !== null ? 'goals' : `action${target.action ?? 0}`;
}

function skipped(status: Status): boolean {
  return status === 'no_data' || status === 'not_assessable' || status === 'pending';
}

/**
 * JUnit XML for test dashboards: a suite per action (and one for the goals), a test case per
 * target and region, named stably (`M3.1`, `M3.1 [丹东街道]`); failures fail with their reason,
 * missing data is skipped, warnings and soft misses pass with their reason in system-out (so the
 * failure count is the table's); input errors form an "input" suite. Streams suite by suite.
 */
export const formatJunit: Formatter = function* (report, { lang, results }) {
  const listed = listedOf(report, results);
  // One pass groups the results' keys by suite (no result is built): each suite then lists its own.
  const counts = new Map<string, { tests: number; failures: number; skipped: number; keys: number[] }>();
  for (const key of listed.keys()) {
    const suite = groupKey(listed.metaOf(key));
    let count = counts.get(suite);
    if (!count) counts.set(suite, (count = { tests: 0, failures: 0, skipped: 0, keys: [] }));
    count.tests++;
    count.keys.push(key);
    if (listed.severity(key) === 'failure') count.failures++;
    else if (skipped(listed.status(key))) count.skipped++;
  }
  const errors = report.errors.length;
  const total = [...counts.values()].reduce((a, c) => ({ tests: a.tests + c.tests, failures: a.failures + c.failures, skipped: a.skipped + c.skipped }), { tests: errors, failures: errors, skipped: 0 });
  const id = escapeXml(report.plan.id);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="plancheck" tests="${total.tests}" failures="${total.failures}" errors="0" skipped="${total.skipped}">\n`;
  if (errors > 0) {
    yield `  <testsuite name="${id} input" tests="${errors}" failures="${errors}" errors="0" skipped="0">\n`;
    for (const [i, problem] of report.errors.entries()) {
      const name = escapeXml(`${problem.file}:${problem.line ?? 0}:${problem.column ?? 0} #${i + 1}`);
      const message = escapeXml(formatMessage(problem.code, problem.params, lang));
      yield `    <testcase name="${name}" classname="plancheck.${id}.input">\n      <failure message="${message}" type="failure">${message}</failure>\n    </testcase>\n`;
    }
    yield '  </testsuite>\n';
  }
  for (const [key, count] of counts) {
    yield `  <testsuite name="${id} ${key}" tests="${count.tests}" failures="${count.failures}" errors="0" skipped="${count.skipped}">\n`;
    const classname = `plancheck.${id}.${key}`;
    for (const key of count.keys) {
      const result = listed.get(key);
      const view = viewResult(result, lang);
      const name = escapeXml(result.region === '' ? view.id : `${view.id} [${view.region}]`);
      const attrs = `name="${name}" classname="${classname}"`;
      const message = escapeXml(describeResult(view, lang));
      if (result.severity === 'failure') yield `    <testcase ${attrs}>\n      <failure message="${message}" type="failure">${message}</failure>\n    </testcase>\n`;
      else if (skipped(result.status)) yield `    <testcase ${attrs}>\n      <skipped message="${message}"/>\n    </testcase>\n`;
      else if (result.severity === 'warning' || view.offTrack) yield `    <testcase ${attrs}>\n      <system-out>${message}</system-out>\n    </testcase>\n`;
      else yield `    <testcase ${attrs}/>\n`;
    }
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
};
