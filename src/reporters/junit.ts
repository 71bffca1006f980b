/**
 * `junit.xml`: one testcase per check, one testsuite per operation. failed → `<failure>`, error → `<error>`,
 * skipped → `<skipped message=reason>`; a warning passes (CI must not go red on an inferred rule unless
 * `--strict` made it failed) but carries a `verdict=warning` property and says so in `<system-out>`.
 * observed → `<skipped message="observed: …">` with a `verdict=observed` property (docs/decisions.md #44): never
 * red, and never counted as a pass by CI dashboards, which count a skipped testcase apart.
 * Problems of the run itself become an extra `run` suite of errors, so CI sees them.
 */
import type { CheckRecord, RunResults, VerdictCounts } from '../model/checkRecord.js';
import type { Reporter } from './types.js';
import { escapeXml, escapeXmlAttribute } from './escape.js';
import { checkLabel, countVerdicts } from './format.js';
import { operationKey, sortOperations } from './operations.js';
import { redactText } from './redact.js';
import { REPORT_FILES, writeReportFile } from './writeReport.js';

/** Text content: redacted, then escaped. */
const text = (value: string): string => escapeXml(redactText(value));
/** Attribute value: redacted, then escaped. */
const attr = (value: string): string => escapeXmlAttribute(redactText(value));
const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

export function junitXml(results: RunResults): string {
  const suites = sortOperations(results.checks.map((check) => check.operation)).map((operation) =>
    testSuite(
      operation,
      results.checks.filter((check) => check.operation === operation),
    ),
  );
  if (results.runErrors.length > 0) suites.push(runErrorSuite(results.runErrors));
  const { summary } = results;
  const tests = results.checks.length + results.runErrors.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cis-conformance" tests="${tests}" failures="${summary.failed}" errors="${summary.errors + results.runErrors.length}" skipped="${skippedElements(summary)}" time="${seconds(results.run.durationMs)}" timestamp="${attr(results.run.startedAt)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testSuite(operation: string, checks: readonly CheckRecord[]): string {
  const counts = countVerdicts(checks);
  const time = checks.reduce((sum, check) => sum + check.durationMs, 0);
  return [
    `  <testsuite name="${attr(operation)}" tests="${checks.length}" failures="${counts.failed}" errors="${counts.errors}" skipped="${skippedElements(counts)}" time="${seconds(time)}">`,
    ...checks.map((check) => testCase(check, operationKey(operation))),
    '  </testsuite>',
  ].join('\n');
}

/** Testcases written with a `<skipped>` element: the skipped checks and the observed ones. */
function skippedElements(counts: VerdictCounts): number {
  return counts.skipped + (counts.observed ?? 0);
}

function testCase(check: CheckRecord, suiteKey: string): string {
  const open = `    <testcase name="${attr(checkLabel(check))}" classname="${attr(`${suiteKey}.${check.family}`)}" time="${seconds(check.durationMs)}"`;
  const properties = [
    `      <properties>`,
    `        <property name="requirement" value="${attr(check.requirement)}"/>`,
    `        <property name="evidence" value="${attr(check.evidence)}"/>`,
    `        <property name="verdict" value="${attr(check.verdict)}"/>`,
    `      </properties>`,
  ];
  switch (check.verdict) {
    case 'passed':
      return `${open}/>`;
    case 'skipped':
      return [`${open}>`, `      <skipped message="${attr(check.message)}"/>`, '    </testcase>'].join('\n');
    case 'observed':
      return [
        `${open}>`,
        ...properties,
        `      <skipped message="${attr(`observed: ${check.message}`)}"/>`,
        `      <system-out>${text(`OBSERVED (observation rules only: what the target did, no verdict): ${check.message}\n\n${reproduction(check)}`)}</system-out>`,
        '    </testcase>',
      ].join('\n');
    case 'warning':
      return [
        `${open}>`,
        ...properties,
        `      <system-out>${text(`WARNING (${check.evidence} rule, not failed without --strict): ${check.message}\n\n${reproduction(check)}`)}</system-out>`,
        '    </testcase>',
      ].join('\n');
    case 'failed':
    case 'error': {
      const element = check.verdict === 'failed' ? 'failure' : 'error';
      return [
        `${open}>`,
        ...properties,
        `      <${element} message="${attr(check.message)}" type="${attr(check.evidence)}">${text(`${check.message}\n\n${reproduction(check)}`)}</${element}>`,
        '    </testcase>',
      ].join('\n');
    }
  }
}

function reproduction(check: CheckRecord): string {
  const { seed, command, curl, path } = check.reproduction;
  return [
    `seed: ${seed}`,
    `re-run: ${command}`,
    curl ? `curl: ${curl}` : '',
    path ? `counterexample path: ${path}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function runErrorSuite(runErrors: readonly string[]): string {
  return [
    `  <testsuite name="run" tests="${runErrors.length}" failures="0" errors="${runErrors.length}" skipped="0" time="0.000">`,
    ...runErrors.map(
      (message, i) =>
        `    <testcase name="run error ${i + 1}" classname="run"><error message="${attr(message)}">${text(message)}</error></testcase>`,
    ),
    '  </testsuite>',
  ].join('\n');
}

export function createJunitReporter(): Reporter {
  return {
    reportFile: REPORT_FILES.junit,
    onEvent: () => undefined,
    finish: async (results, reportDir) => [await writeReportFile(reportDir, REPORT_FILES.junit, junitXml(results))],
  };
}
