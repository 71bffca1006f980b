/**
 * The permission suite end to end: clean against the embedded reference, and failing under the seeded
 * `no-permission-check` fault with every requirement the fault registry says it violates — including in the
 * fast-check exploration, whose counterexample is shrunk and replayable.
 */
import { describe, expect, it } from 'vitest';
import { findPackageRoot, type RunConfig } from '../../src/engine/index.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { runSuites, suiteRunConfig } from './support/suiteRun.js';
import { FAULTS } from '../../reference/faults.js';

const root = findPackageRoot();
/** Seven matrix rows per client-token operation, one per `/me` operation, two smuggled-rights checks (claimMutations). */
const PERMISSION_CHECKS = 12 * 7 + 2 + 12 * 2;

const config = (fault?: string): RunConfig =>
  suiteRunConfig(['permissions'], { seed: 23, runs: 8, ...(fault !== undefined ? { fault } : {}) });
const run = runSuites;

describe('permission suite', () => {
  it('passes on the clean reference and reaches every permissions requirement', async () => {
    const { results } = await run(config());
    // The 12 PERM-NO-CLAIM checks judge an observation only: observed, not passed.
    expect(results.summary).toEqual({
      passed: PERMISSION_CHECKS - 12,
      observed: 12,
      failed: 0,
      warnings: 0,
      skipped: 0,
      errors: 0,
    });
    const wanted = loadCatalog(root).requirements.filter((r) => r.family === 'permissions');
    expect(results.uncovered.filter((u) => wanted.some((r) => r.id === u.requirement))).toEqual([]);
    const noClaim = results.observations.filter((o) => o.requirement.endsWith('-PERM-NO-CLAIM'));
    expect(noClaim).toHaveLength(12);
    expect(noClaim[0]?.observed).toMatch(/^status 403/);
  });

  it('fails every requirement the no-permission-check fault violates, with a shrunk, replayable counterexample', async () => {
    const { results } = await run(config('no-permission-check'));
    const violated = FAULTS.find((f) => f.name === 'no-permission-check')?.violates ?? [];
    expect(violated.length).toBe(12);
    const failedRules = new Set(results.checks.filter((c) => c.verdict === 'failed').map((c) => c.requirement));
    expect(violated.filter((id) => !failedRules.has(id))).toEqual([]);
    const property = results.checks.find(
      (c) => c.id === 'permissions/CLIENTS-LIST-PERM-OUTSIDE-LIST-REJECTED/random-permission-sets',
    );
    expect(property?.verdict).toBe('failed');
    // Shrunk to the smallest set that shows the defect: no permission at all.
    expect(property?.message).toMatch(
      /expected a token holding \[\] to be refused \(shrunk counterexample, seed 23, path [\d:]+\)/,
    );
    expect(property?.reproduction.path).toMatch(/^[\d:]+$/);
    // The /me operations need no permission: the fault changes nothing there.
    expect(results.checks.filter((c) => c.requirement.endsWith('-PERM-NONE-NEEDED')).map((c) => c.verdict)).toEqual([
      'passed',
      'passed',
    ]);
  });
});
