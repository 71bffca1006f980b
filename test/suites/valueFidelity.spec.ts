/**
 * Value fidelity (suites/semantics/valueFidelity.suite.ts, suites/contract/stringScalars.suite.ts,
 * suites/contract/consentsNoContent.suite.ts): each seeded fault of docs/decisions.md #30 fails the requirement it
 * names and the same check passes on the clean reference.
 */
import { describe, expect, it } from 'vitest';
import { runSuites, suiteRunConfig, verdictLines } from './support/suiteRun.js';

async function verdicts(suite: string, check: string, fault?: string): Promise<string[]> {
  const config = suiteRunConfig([suite], { seed: 7, runs: 5, check, ...(fault !== undefined ? { fault } : {}) });
  const { results } = await runSuites(config);
  expect(results.runErrors).toEqual([]);
  return verdictLines(results.checks);
}

describe('value fidelity checks', () => {
  it.each([
    [
      'semantics',
      'CLIENTS-UPDATE-SECRET-KEPT',
      'update-rotates-secret',
      /the update answer \(another value\), get after it/,
    ],
    ['semantics', 'CLIENTS-LIST-SECRET-VALUE', 'list-masks-secret', /the listing \(another value\)/],
    [
      'semantics',
      'MANAGE-CONSENTS-LIST-CLIENT-NAME-OWN-CLIENT',
      'client-name-of-default-client',
      /client_name "conformance app/,
    ],
    [
      'contract',
      'CLIENTS-CREATE-STRING-SCALAR-400',
      'scalar-strings-coerced',
      /expected 400 for sync_id_token_claims_to_userinfo: "true"/,
    ],
    [
      'contract',
      'CONSENTS-DELETE-USER-NO-CONTENT',
      'consent-delete-answers-body',
      /status 200 with a body of \d+ bytes: \{"result"/,
    ],
  ])(
    '%s %s: passes clean, fails under %s',
    async (suite, check, fault, message) => {
      const clean = await verdicts(suite, check);
      expect(clean.length).toBeGreaterThan(0);
      expect(clean.filter((line) => !line.startsWith(`${check} passed`))).toEqual([]);
      const faulty = await verdicts(suite, check, fault);
      const failed = faulty.filter((line) => /^\S+ (failed|warning): /.test(line));
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.join('\n')).toMatch(message);
      expect(failed.join('\n')).not.toMatch(/"client_secret":"[^[]/);
    },
    60_000,
  );
});
