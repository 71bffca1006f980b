/**
 * Mass assignment and scope smuggling (suites/isolation/massAssignment.suite.ts, suites/semantics/serverFields.suite.ts):
 * each seeded fault of docs/decisions.md #29 fails exactly the requirement it names, with a message that says what
 * the owner lost; the same checks pass on the clean reference.
 */
import { describe, expect, it } from 'vitest';
import { runSuites, suiteRunConfig, verdictLines } from './support/suiteRun.js';

async function verdicts(suite: string, check: string, fault?: string): Promise<string[]> {
  const config = suiteRunConfig([suite], { seed: 7, runs: 50, check, ...(fault !== undefined ? { fault } : {}) });
  const { results } = await runSuites(config);
  expect(results.runErrors).toEqual([]);
  return verdictLines(results.checks);
}

describe('mass assignment checks', () => {
  it.each([
    [
      'isolation',
      'CLIENTS-CREATE-BODY-OWNER-IGNORED',
      'create-body-app-id-honoured',
      /observed new client \S+ in the owner's app/,
    ],
    [
      'isolation',
      'CLIENTS-LIST-ISOLATION-QUERY',
      'clients-list-query-app-id',
      /another app of the same tenant sending \?app_id=/,
    ],
    [
      'isolation',
      'MANAGE-CONSENTS-DELETE-ISOLATION-QUERY',
      'manage-query-tenant-id',
      /naming the owner's app id sending \?app_id=\S+&tenant_id=/,
    ],
    [
      'semantics',
      'CLIENTS-UPDATE-BODY-SERVER-FIELDS',
      'update-body-server-fields-honoured',
      /(client_secret|created_at)(, created_at)? changed/,
    ],
  ])(
    '%s %s: passes clean, fails under %s',
    async (suite, check, fault, message) => {
      expect(await verdicts(suite, check)).toEqual([expect.stringMatching(new RegExp(`^${check} passed`))]);
      const [line, ...rest] = await verdicts(suite, check, fault);
      expect(rest).toEqual([]);
      expect(line).toMatch(new RegExp(`^${check} (failed|warning): `));
      expect(line).toMatch(message);
      // Secrets are compared, never written into a finding.
      expect(line).not.toMatch(/smuggled-secret|"client_secret":"[^[]/);
    },
    60_000,
  );
});
