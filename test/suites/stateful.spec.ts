/**
 * The model-based suites (suites/stateful) against the embedded reference: both pass clean at the default depth,
 * covering their requirements; and seeded Consents defects each fail the Consents model under the rule they break,
 * with a short shrunk sequence. The Clients done-when faults and their replays: statefulReplay.spec.ts. Every write
 * is read back on every path, so a run takes about twice the requests it did: the time-outs allow for a busy machine.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_RUNS } from '../../src/engine/profiles.js';
import { runSuites, suiteRunConfig, verdictLines } from './support/suiteRun.js';
import type { RunResults } from '../../src/model/checkRecord.js';

async function run(options: { fault?: string; check?: string; seed?: number } = {}): Promise<RunResults> {
  const { results } = await runSuites(
    suiteRunConfig(['stateful'], { runs: DEFAULT_PROFILE_RUNS, ...options, seed: options.seed ?? 7 }),
  );
  expect(results.runErrors).toEqual([]);
  return results;
}

const verdicts = verdictLines;

describe('the model-based suites', () => {
  it('pass on the reference and cover both model requirements and the rules their commands judge', async () => {
    const results = await run();
    expect(verdicts(results.checks.filter((c) => c.verdict !== 'passed' && c.verdict !== 'observed'))).toEqual([]);
    expect(results.checks.map((c) => c.requirement).sort()).toEqual([
      'CLIENTS-LIST-STATEFUL-MODEL',
      'CONSENTS-LIST-STATEFUL-MODEL',
    ]);
    const covered = new Set(results.checks.flatMap((c) => c.covers ?? []));
    for (const rule of [
      'CLIENTS-DELETE-GONE',
      'CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED',
      'CLIENTS-DELETE-ALL-EMPTIES-APP',
      'CONSENTS-DELETE-USER-GONE',
      'MANAGE-CONSENTS-DELETE-CONSENT-ID-ONLY',
      'ME-CONSENTS-LIST-ISOLATION-USER',
      // Read straight after each write: by id, the manage list, and a revoke on the client-token paths.
      'CONSENTS-GET-ROUND-TRIP',
      'MANAGE-CONSENTS-LIST-NO-FILTER-ALL',
      'ME-CONSENTS-REVOKE-GONE-ALL-LISTS',
    ]) {
      expect(covered, rule).toContain(rule);
    }
  }, 40_000);

  it.each([
    { fault: 'consent-delete-no-op', rule: /^(CONSENTS-DELETE-USER|MANAGE-CONSENTS-DELETE|ME-CONSENTS-REVOKE)-GONE: / },
    { fault: 'consent-filters-ignored', rule: /^(CONSENTS|MANAGE-CONSENTS)-LIST-FILTER-(CLIENT|USER|BOTH): / },
    { fault: 'me-revokes-other-users', rule: /^ME-CONSENTS-REVOKE-ISOLATION-USER: / },
    { fault: 'user-filter-500', rule: /^(CONSENTS|MANAGE-CONSENTS)-LIST-NO-5XX: observed status 500/ },
    // Read paths that lag a delete: only a read straight after the write, on every path, shows them.
    {
      fault: 'consent-get-cached-after-delete',
      rule: /^(CONSENTS-DELETE-USER-GONE|MANAGE-CONSENTS-DELETE-GONE|ME-CONSENTS-REVOKE-GONE-ALL-LISTS): /,
    },
    {
      fault: 'manage-list-stale-after-delete',
      rule: /^(CONSENTS-DELETE-USER-GONE|MANAGE-CONSENTS-DELETE-GONE|ME-CONSENTS-REVOKE-GONE-ALL-LISTS): /,
    },
  ])(
    'fail the Consents model on $fault, naming the broken rule',
    async ({ fault, rule }) => {
      const results = await run({ fault, check: 'CONSENTS-LIST-STATEFUL-MODEL' });
      const [record] = results.checks;
      expect(record?.verdict).toBe('failed');
      expect(record?.message).toMatch(rule);
      const commands = Number(/counterexample[^:]*: (\d+) commands?:/.exec(record?.message ?? '')?.[1]);
      expect(commands).toBeGreaterThan(0);
      expect(commands).toBeLessThanOrEqual(4);
    },
    30_000,
  );
});
