import { formatMessage } from '../messages.js';
import type { Result } from '../report/types.js';
import { describeResult } from './findings.js';
import type { Formatter } from './formatter.js';

/** Text made safe for XML 1.0: markup escaped, characters XML cannot hold removed. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Case {
  name: string;
  classname: string;
  failure?: string;
  skipped?: string;
  out?: string;
}

function suite(name: string, cases: Case[]): { xml: string; tests: number; failures: number; skipped: number } {
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const body = cases.map((c) => {
    const attrs = `name="${xmlEscape(c.name)}" classname="${xmlEscape(c.classname)}"`;
    const inner = [
      c.failure !== undefined ? `      <failure message="${xmlEscape(c.failure)}" type="failure">${xmlEscape(c.failure)}</failure>` : '',
      c.skipped !== undefined ? `      <skipped message="${xmlEscape(c.skipped)}"/>` : '',
      c.out !== undefined ? `      <system-out>${xmlEscape(c.out)}</system-out>` : '',
    ].filter((line) => line !== '');
    return inner.length === 0 ? `    <testcase ${attrs}/>` : `    <testcase ${attrs}>\n${inner.join('\n')}\n    </testcase>`;
  });
  const head = `  <testsuite name="${xmlEscape(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`;
  return { xml: [head, ...body, '  </testsuite>'].join('\n'), tests: cases.length, failures, skipped };
}

/**
 * JUnit XML for test dashboards: a suite per action (and one for the goals), a test case per
 * target and region, named stably (`M3.1`, `M3.1 [丹东街道]`); failures fail, missing data is
 * skipped, warnings pass with their text in system-out; input errors form an "input" suite.
 */
export const formatJunit: Formatter = (report, { lang }) => {
  const groups = new Map<string, Case[]>();
  const toCase = (result: Result, classname: string): Case => {
    const name = result.region === '' ? result.id : `${result.id} [${result.region}]`;
    const message = describeResult(result, lang);
    if (result.severity === 'failure') return { name, classname, failure: message };
    if (result.status === 'no_data' || result.status === 'not_assessable' || result.status === 'pending') return { name, classname, skipped: message };
    return result.severity === 'warning' ? { name, classname, out: message } : { name, classname };
  };
  for (const result of report.results) {
    const key = result.goal !== null ? 'goals' : `action${result.action ?? 0}`;
    const cases = groups.get(key) ?? [];
    cases.push(toCase(result, `plancheck.${report.plan.id}.${key}`));
    groups.set(key, cases);
  }
  const suites = [...groups.entries()].map(([key, cases]) => suite(`${report.plan.id} ${key}`, cases));
  if (report.errors.length > 0) {
    const cases: Case[] = report.errors.map((problem, i) => ({
      name: `${problem.file}:${problem.line ?? 0}:${problem.column ?? 0} #${i + 1}`,
      classname: `plancheck.${report.plan.id}.input`,
      failure: formatMessage(problem.code, problem.params, lang),
    }));
    suites.unshift(suite(`${report.plan.id} input`, cases));
  }
  const total = suites.reduce((acc, s) => ({ tests: acc.tests + s.tests, failures: acc.failures + s.failures, skipped: acc.skipped + s.skipped }), { tests: 0, failures: 0, skipped: 0 });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="plancheck" tests="${total.tests}" failures="${total.failures}" errors="0" skipped="${total.skipped}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
};
