/**
 * The properties suite (suites/properties) against the embedded reference: clean at the default depth, judging
 * round trips, replacement and no-5xx on the way; and seeded defects each caught by the property they break, the
 * finding naming the rule, the shrunk body (or its mutation label) and a replay command with the replay path.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_RUNS } from '../../src/engine/profiles.js';
import { runSuites, suiteRunConfig, verdictLines } from './support/suiteRun.js';
import type { RunResults } from '../../src/model/checkRecord.js';

async function run(options: { fault?: string; check?: string } = {}): Promise<RunResults> {
  const { results } = await runSuites(
    suiteRunConfig(['properties'], { seed: 7, runs: DEFAULT_PROFILE_RUNS, ...options }),
  );
  expect(results.runErrors).toEqual([]);
  return results;
}

const verdicts = verdictLines;

describe('the properties suite', () => {
  it('passes on the reference, one check per property requirement, judging the rules it reaches', async () => {
    const results = await run();
    expect(verdicts(results.checks.filter((c) => c.verdict !== 'passed' && c.verdict !== 'observed'))).toEqual([]);
    expect(results.checks.map((c) => c.requirement).sort()).toEqual([
      'CLIENTS-CREATE-PROP-INVALID-REJECTED',
      'CLIENTS-CREATE-PROP-VALID-ACCEPTED',
      'CLIENTS-UPDATE-PROP-INVALID-REJECTED',
      'CLIENTS-UPDATE-PROP-VALID-ACCEPTED',
    ]);
    const covered = new Set(results.checks.flatMap((c) => c.covers ?? []));
    for (const rule of [
      'CLIENTS-GET-ROUND-TRIP',
      'CLIENTS-UPDATE-ROUND-TRIP',
      'CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED',
      'CLIENTS-CREATE-NO-5XX',
      'CLIENTS-UPDATE-NO-5XX',
      'CLIENTS-CREATE-400-BODY',
      'CLIENTS-UPDATE-400-BODY',
    ]) {
      expect(covered, rule).toContain(rule);
    }
  });

  it.each([
    {
      fault: 'saml-create-500',
      check: 'CLIENTS-CREATE-PROP-VALID-ACCEPTED',
      verdict: 'failed',
      finding:
        /^CLIENTS-CREATE-NO-5XX: observed status 500, expected an answer other than 5xx — counterexample .*"authentication_protocol":"saml"/,
    },
    {
      fault: 'put-merges-objects',
      check: 'CLIENTS-UPDATE-PROP-VALID-ACCEPTED',
      verdict: 'failed',
      finding: /^CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED: observed in the update answer token_expiration\.\w+ still \d+/,
    },
    {
      fault: 'name-not-required',
      check: 'CLIENTS-CREATE-PROP-INVALID-REJECTED',
      verdict: 'warning',
      finding:
        /^CLIENTS-CREATE-PROP-INVALID-REJECTED \(inferred\): observed status 201 for a body with missing-required at \/name/,
    },
  ])('catch $fault under $check', async ({ fault, check, verdict, finding }) => {
    const [record] = (await run({ fault, check })).checks;
    expect(record?.verdict).toBe(verdict);
    expect(record?.message).toMatch(finding);
    const path = record?.reproduction.path as string;
    expect(path).toMatch(/^\d+(:\d+)*$/);
    expect(record?.message).toContain(
      `--check ${check} --seed 7 --target embedded --fault ${fault} --replay-path ${path}`,
    );
  });
});
