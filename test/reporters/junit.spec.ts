import { describe, expect, it } from 'vitest';
import { junitXml } from '../../src/reporters/junit.js';
import { HOSTILE, loadResults, withCheck } from './fixtures.js';
import { xmlProblems } from './wellFormedXml.js';

const results = loadResults('run-mixed');
const xml = junitXml(results);

/** The `<testcase ...>...</testcase>` (or self-closed) element whose name contains `text`. */
function testcase(document: string, text: string): string {
  const match = [...document.matchAll(/<testcase [^>]*?(?:\/>|>[\s\S]*?<\/testcase>)/g)].find((m) =>
    m[0].includes(text),
  );
  if (!match) throw new Error(`no testcase containing ${text}`);
  return match[0];
}

describe('junit.xml', () => {
  it('is well-formed XML', () => {
    expect(xmlProblems(xml)).toEqual([]);
  });

  it('has one testsuite per operation and one testcase per check, with matching totals', () => {
    const suites = [
      ...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/g),
    ];
    expect(suites.map((m) => m[1])).toEqual([
      'POST /v1/clients',
      'GET /v1/clients',
      'GET /v1/clients/{clientId}',
      'PUT /v1/clients/{clientId}',
      'DELETE /v1/clients/{clientId}',
      'GET /v1/consents',
      'DELETE /v1/consents/clients/{clientId}/users/{userId}',
      'GET /v1/manage/consents',
      'GET /v1/consents/me',
    ]);
    expect(suites.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(results.checks.length);
    expect(xml.match(/<testcase /g)).toHaveLength(results.checks.length);
    expect(xml).toMatch(
      /<testsuites name="cis-conformance" tests="173" failures="4" errors="1" skipped="3" time="48\.213"/,
    );
  });

  it('maps each verdict to its JUnit element', () => {
    expect(testcase(xml, 'CLIENTS-CREATE-TOKEN-USER')).toMatch(
      /<failure message="observed 201 Created[^"]*" type="documented">/,
    );
    expect(testcase(xml, 'ME-CONSENTS-LIST-AUTH-FORGED')).toMatch(/<error message="the target did not answer/);
    expect(testcase(xml, '[CONSENTS-LIST-ROUND-TRIP]')).toMatch(
      /<skipped message="skipped: the target has no state hook[^"]*"\/>/,
    );
    const warning = testcase(xml, 'CLIENTS-LIST-ENVELOPE');
    expect(warning).not.toMatch(/<failure|<error|<skipped/);
    expect(warning).toContain('<property name="verdict" value="warning"/>');
    expect(warning).toMatch(
      /<system-out>WARNING \(inferred rule, not failed without --strict\): observed a bare array/,
    );
    expect(testcase(xml, '[CLIENTS-GET-200]')).toMatch(/^<testcase [^>]*\/>$/);
  });

  it('puts the reproduction into the failure body', () => {
    const failure = testcase(xml, 'CLIENTS-CREATE-TOKEN-USER');
    expect(failure).toContain('re-run: npx cis-conformance run --check CLIENTS-CREATE-TOKEN-USER --seed 1234');
    expect(failure).toContain('curl: curl -sS -X POST');
  });

  it('adds a run suite of errors for problems of the run itself', () => {
    const withRunError = junitXml({ ...results, runErrors: ['target unreachable at start: ECONNREFUSED'] });
    expect(xmlProblems(withRunError)).toEqual([]);
    expect(withRunError).toMatch(/<testsuite name="run" tests="1" failures="0" errors="1"/);
    expect(withRunError).toMatch(/errors="2" skipped="3"/);
  });

  it.each(HOSTILE)('stays well-formed with %j in every field', (hostile) => {
    const hostileResults = withCheck(
      { ...withCheck(results, 3, { verdict: 'skipped', message: hostile }), runErrors: [hostile] },
      0,
      {
        title: hostile,
        cell: hostile,
        message: hostile,
        requirement: hostile,
        operation: hostile,
        reproduction: { seed: 1, command: hostile, curl: hostile },
      },
    );
    const out = junitXml(hostileResults);
    expect(xmlProblems(out)).toEqual([]);
    expect(out).not.toContain(']]>');
  });

  it('writes an observed check as a skipped testcase that says observed, never as a pass or a failure', () => {
    const index = results.checks.findIndex((check) => check.verdict === 'passed' && /^[\w ,.-]+$/.test(check.title));
    const observed = withCheck(results, index, { verdict: 'observed', message: 'R-OBS: status 204' });
    const document = junitXml({
      ...observed,
      summary: { ...observed.summary, passed: observed.summary.passed - 1, observed: 1 },
    });
    expect(xmlProblems(document)).toEqual([]);
    const element = testcase(document, results.checks[index]!.title);
    expect(element).toContain('<property name="verdict" value="observed"/>');
    expect(element).toContain('<skipped message="observed: R-OBS: status 204"/>');
    expect(element).not.toMatch(/<failure|<error/);
    expect(document).toMatch(new RegExp(`<testsuites [^>]*skipped="${results.summary.skipped + 1}"`));
  });
});
