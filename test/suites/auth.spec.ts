/**
 * The token-type suite end to end against the clean embedded reference: every cell passes, every token-types
 * requirement is reached, and the open questions (admin tokens, auth error bodies) are recorded as observations.
 * Its bite on broken targets is shown in authBroken.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { findPackageRoot, type RunConfig } from '../../src/engine/index.js';
import { runSuites, suiteRunConfig } from './support/suiteRun.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

const root = findPackageRoot();
const TOKEN_MATRIX_CHECKS = 14 * 11;
const CODE_AND_BODY_CHECKS = 14 * 3;
/** tokenAttacks.suite.ts: five mutation kinds and the clock observation per operation. */
const TOKEN_ATTACK_CHECKS = 14 * 6;

const config = (target: RunConfig['target'], extra: Partial<RunConfig> = {}): RunConfig =>
  suiteRunConfig(['token-types'], { seed: 11, runs: 5, target, ...extra });
const run = runSuites;

describe('token-types suite on the clean reference', () => {
  it('passes every cell, covers every token-types requirement and records the open questions as observations', async () => {
    const { results } = await run(config({ kind: 'embedded' }));
    // The admin-token cells of the operations where it is unknown, the clock-leeway cases and the auth error bodies
    // judge observations only: observed, not passed.
    const observed = results.checks.filter((c) =>
      /-(TOKEN-ADMIN|TOKEN-CLOCK-LEEWAY|AUTH-ERROR-BODY)$/.test(c.requirement),
    ).length;
    expect(observed).toBeGreaterThanOrEqual(9 + 14);
    expect(results.summary).toEqual({
      passed: TOKEN_MATRIX_CHECKS + CODE_AND_BODY_CHECKS + TOKEN_ATTACK_CHECKS - observed,
      observed,
      failed: 0,
      warnings: 0,
      skipped: 0,
      errors: 0,
    });
    const wanted = loadCatalog(root).requirements.filter(
      (r) => r.family === 'token-types' || r.id.endsWith('-AUTH-ERROR-BODY'),
    );
    expect(results.uncovered.filter((u) => wanted.some((r) => r.id === u.requirement))).toEqual([]);
    const cells = results.checks
      .filter((c) => c.operation === 'GET /v1/clients' && c.family === 'token-types')
      .map((c) => c.cell);
    expect(cells).toEqual(
      expect.arrayContaining(['no token', 'alg-none', 'wrong-audience', 'client token', 'admin token', 'user token']),
    );
    const adminObservations = results.observations.filter((o) => o.requirement.endsWith('-TOKEN-ADMIN'));
    expect(adminObservations.map((o) => o.requirement.replace(/-TOKEN-ADMIN$/, '')).sort()).toEqual(
      [
        'CLIENTS-CREATE',
        'CLIENTS-DELETE',
        'CLIENTS-DELETE-ALL',
        'CLIENTS-GET',
        'CLIENTS-LIST',
        'CLIENTS-RESOURCES',
        'CLIENTS-UPDATE',
        'MANAGE-CONSENTS-DELETE',
        'MANAGE-CONSENTS-LIST',
      ].sort(),
    );
    expect(results.observations.find((o) => o.requirement === 'MANAGE-CONSENTS-LIST-TOKEN-ADMIN')?.observed).toMatch(
      /^accepted: status 200/,
    );
    expect(
      results.observations.some(
        (o) => o.requirement === 'CLIENTS-GET-AUTH-ERROR-BODY' && /error_code":401/.test(o.observed),
      ),
    ).toBe(true);
  });
});
