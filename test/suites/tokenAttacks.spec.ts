/**
 * The token mutation generator end to end (suites/support/claimMutations.ts): its checks pass on the
 * clean reference and fail under the verifier faults seeded for them, naming the one mutated field; and its
 * arbitraries shrink a failing case to the simplest single change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAULTS } from '../../reference/faults.js';
import { findPackageRoot, type RunConfig } from '../../src/engine/index.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import type { TokenMutation } from '../../src/suite/types.js';
import {
  PAST_LEEWAY_SECONDS,
  RIGHTS_MUTATION_KINDS,
  TOKEN_MUTATION_KINDS,
  type MutationKind,
} from '../../suites/support/claimMutations.js';
import { runSuites, suiteRunConfig, verdictLines } from './support/suiteRun.js';

const catalog = loadCatalog(findPackageRoot());
const RULES = [...TOKEN_MUTATION_KINDS, ...RIGHTS_MUTATION_KINDS].map((k) => k.rule);
const OWN = catalog.requirements
  .filter((r) => RULES.some((rule) => r.id.endsWith(`-${rule}`)) || r.id.endsWith('-TOKEN-CLOCK-LEEWAY'))
  .map((r) => r.id);

const config = (checks: readonly string[], fault?: string): RunConfig =>
  suiteRunConfig(['token-types', 'permissions'], {
    seed: 5,
    runs: 5,
    strict: true,
    checks,
    ...(fault !== undefined ? { fault } : {}),
  });

describe('token attacks on the clean reference', () => {
  it('every check passes, every new requirement is reached, the clock cases are observed', async () => {
    // 6 token rules × 14 operations, 2 rights rules × the 12 client-token operations.
    expect(OWN).toHaveLength(6 * 14 + 2 * 12);
    const { results } = await runSuites(config(OWN));
    expect(verdictLines(results.checks.filter((c) => c.verdict !== 'passed' && c.verdict !== 'observed'))).toEqual([]);
    // The 14 clock-leeway checks judge observations only.
    expect([results.summary.passed, results.summary.observed]).toEqual([OWN.length - 14, 14]);
    expect(results.uncovered.filter((u) => OWN.includes(u.requirement))).toEqual([]);
    const clock = results.observations.filter((o) => o.requirement.endsWith('-TOKEN-CLOCK-LEEWAY'));
    expect(clock).toHaveLength(2 * 14);
    expect(clock.every((o) => /^rejected: status 401/.test(o.observed))).toBe(true);
  }, 240_000);
});

describe('token attacks under their seeded faults', () => {
  it.each([
    ['exp-leeway-10-minutes', `exp ${PAST_LEEWAY_SECONDS} s ago`],
    ['scope-read-as-permissions', 'claim scope = "apps:'],
  ])(
    '%s: the checks of its rules fail on the mutated field (%s)',
    async (name, field) => {
      const violates = FAULTS.find((f) => f.name === name)?.violates ?? [];
      const { results } = await runSuites(config(violates, name));
      const failed = results.checks.filter((c) => c.verdict === 'failed');
      expect(failed.map((c) => c.requirement).sort()).toEqual([...violates].sort());
      for (const check of failed) {
        expect(check.message).toContain(`counterexample: ${field}`);
        expect(check.reproduction.path).toMatch(/^[\d:]+$/);
      }
    },
    240_000,
  );
});

/** Runs a kind's arbitrary against a simulated verifier; returns the shrunk counterexample. */
function shrunk(kind: MutationKind, acceptedByDefect: (m: TokenMutation) => boolean): TokenMutation | undefined {
  const arbitrary = kind.arbitrary({ granting: ['apps:read', 'app-1:read'], appId: 'app-1' });
  const details = fc.check(
    fc.property(arbitrary, (m) => !acceptedByDefect(m)),
    { seed: 42, numRuns: 300 },
  );
  return details.counterexample?.[0];
}

const kind = (rule: string): MutationKind => {
  const found = [...TOKEN_MUTATION_KINDS, ...RIGHTS_MUTATION_KINDS].find((k) => k.rule === rule);
  if (!found) throw new Error(rule);
  return found;
};

describe('shrinking to the one field', () => {
  it('a 10-minute leeway shrinks to the earliest expiry drawn: exp 6 minutes ago', () => {
    const leeway = (m: TokenMutation) => m.kind === 'expires' && m.inSeconds >= -600;
    expect(shrunk(kind('TOKEN-EXPIRED-PAST-LEEWAY-REJECTED'), leeway)).toEqual({
      kind: 'expires',
      inSeconds: -PAST_LEEWAY_SECONDS,
    });
  });

  it('a verifier reading ts_roles as permissions shrinks to ts_roles holding a single right', () => {
    const readsRoles = (m: TokenMutation) => m.kind === 'claim' && m.name === 'ts_roles';
    expect(shrunk(kind('PERM-SMUGGLED-CLAIMS-REJECTED'), readsRoles)).toEqual({
      kind: 'claim',
      name: 'ts_roles',
      value: [expect.any(String)],
    });
  });

  it('a verifier taking HS512 keyed with the DER bytes shrinks to exactly that pair', () => {
    const der = (m: TokenMutation) => m.kind === 'hmac-public-key' && m.alg === 'HS512' && m.secret === 'spki-der';
    expect(shrunk(kind('TOKEN-ALG-CONFUSION-REJECTED'), der)).toEqual({
      kind: 'hmac-public-key',
      alg: 'HS512',
      secret: 'spki-der',
    });
  });

  it('never draws the documented admin marker, nor lowercase none without a signature (the matrix has it)', () => {
    const lookalikes = fc.sample(kind('PERM-ADMIN-LOOKALIKE-REJECTED').arbitrary({ granting: [], appId: 'a' }), 500);
    expect(lookalikes.some((m) => m.kind === 'claim' && JSON.stringify(m.value) === '["Admin"]')).toBe(false);
    const unsigned = fc.sample(kind('TOKEN-ALG-NONE-VARIANT-REJECTED').arbitrary({ granting: [], appId: 'a' }), 500);
    expect(unsigned.some((m) => m.kind === 'unsigned' && m.alg === 'none' && !m.keepSignature)).toBe(false);
  });
});
