/**
 * The lists-at-scale checks (suites/semantics/listsAtScale.suite.ts) against the embedded reference: each passes
 * clean, judging the filters and recording the paging signal; and each seeded list defect fails (or, for an
 * inferred rule, warns) the check under the rule it breaks.
 */
import { describe, expect, it } from 'vitest';
import type { CheckRecord } from '../../src/model/checkRecord.js';
import { runSuites, suiteRunConfig, verdictLines } from './support/suiteRun.js';

async function runCheck(check: string, fault?: string): Promise<CheckRecord> {
  const { results } = await runSuites(suiteRunConfig(['semantics'], { check, ...(fault ? { fault } : {}) }));
  expect(results.runErrors).toEqual([]);
  expect(results.checks).toHaveLength(1);
  return results.checks[0] as CheckRecord;
}

describe('lists at scale', () => {
  it.each([
    {
      check: 'CONSENTS-LIST-ALL-AT-SCALE',
      judges: ['CONSENTS-LIST-FILTER-USER', 'CONSENTS-LIST-FILTER-CASE-SENSITIVE'],
    },
    {
      check: 'MANAGE-CONSENTS-LIST-ALL-AT-SCALE',
      judges: ['MANAGE-CONSENTS-LIST-FILTER-BOTH', 'MANAGE-CONSENTS-LIST-FILTER-CLIENT'],
    },
    { check: 'ME-CONSENTS-LIST-ALL-AT-SCALE', judges: ['ME-CONSENTS-LIST-ISOLATION-USER'] },
    { check: 'CLIENTS-LIST-ALL-AT-SCALE', judges: ['CLIENTS-LIST-ALL-CLIENTS'] },
  ])(
    '$check passes on the reference, judging $judges',
    async ({ check, judges }) => {
      const record = await runCheck(check);
      expect(record.verdict, verdictLines([record])[0]).toBe('passed');
      for (const rule of [check, ...judges]) expect(record.covers, rule).toContain(rule);
    },
    60_000,
  );

  it.each([
    {
      fault: 'consent-lists-capped',
      check: 'CONSENTS-LIST-ALL-AT-SCALE',
      verdict: 'failed',
      rule: 'CONSENTS-LIST-ALL-AT-SCALE',
    },
    {
      fault: 'consent-lists-capped',
      check: 'ME-CONSENTS-LIST-ALL-AT-SCALE',
      verdict: 'failed',
      rule: 'ME-CONSENTS-LIST-ALL-AT-SCALE',
    },
    {
      fault: 'clients-list-capped',
      check: 'CLIENTS-LIST-ALL-AT-SCALE',
      verdict: 'failed',
      rule: 'CLIENTS-LIST-ALL-AT-SCALE',
    },
    {
      fault: 'user-filter-prefix',
      check: 'MANAGE-CONSENTS-LIST-ALL-AT-SCALE',
      verdict: 'failed',
      rule: 'MANAGE-CONSENTS-LIST-FILTER-USER',
    },
    {
      fault: 'user-filter-case-insensitive',
      check: 'CONSENTS-LIST-ALL-AT-SCALE',
      verdict: 'warning',
      rule: 'CONSENTS-LIST-FILTER-CASE-SENSITIVE',
    },
  ])(
    '$check is $verdict under $fault, naming $rule',
    async ({ fault, check, verdict, rule }) => {
      const record = await runCheck(check, fault);
      expect(record.verdict).toBe(verdict);
      expect(record.message).toContain(rule);
    },
    60_000,
  );
});
