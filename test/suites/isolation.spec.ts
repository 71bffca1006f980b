/**
 * The isolation suite end to end: clean against the embedded reference, and failing under the seeded
 * `no-tenant-check` fault with every requirement the fault registry says it violates.
 */
import { describe, expect, it } from 'vitest';
import { findPackageRoot, type RunConfig } from '../../src/engine/index.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { runSuites, suiteRunConfig } from './support/suiteRun.js';
import { FAULTS } from '../../reference/faults.js';

const root = findPackageRoot();
const ISOLATION_REQUIREMENTS = 52;

const config = (fault?: string): RunConfig =>
  suiteRunConfig(['isolation'], { seed: 29, runs: 5, ...(fault !== undefined ? { fault } : {}) });
const run = runSuites;

describe('isolation suite', () => {
  it('passes on the clean reference with one check per isolation requirement', async () => {
    const { results } = await run(config());
    expect(results.summary).toEqual({
      passed: ISOLATION_REQUIREMENTS,
      observed: 0,
      failed: 0,
      warnings: 0,
      skipped: 0,
      errors: 0,
    });
    const wanted = loadCatalog(root)
      .requirements.filter((r) => r.family === 'isolation')
      .map((r) => r.id);
    expect(wanted).toHaveLength(ISOLATION_REQUIREMENTS);
    expect([...new Set(results.checks.map((c) => c.requirement))].sort()).toEqual([...wanted].sort());
  });

  it('fails every requirement the no-tenant-check fault violates, and only tenant rules', async () => {
    const { results } = await run(config('no-tenant-check'));
    const violated = FAULTS.find((f) => f.name === 'no-tenant-check')?.violates ?? [];
    const failed = results.checks.filter((c) => c.verdict === 'failed');
    expect(violated.filter((id) => !failed.some((c) => c.requirement === id))).toEqual([]);
    // The other app of the same tenant stays out: only the tenant half of isolation is broken.
    expect(
      results.checks.filter((c) => c.requirement.endsWith('-OTHER-APP')).every((c) => c.verdict === 'passed'),
    ).toBe(true);
    const get = failed.find((c) => c.requirement === 'CLIENTS-GET-ISOLATION-OTHER-TENANT');
    expect(get?.message).toMatch(
      /^CLIENTS-GET-ISOLATION-OTHER-TENANT: observed status 200.*expected a token of another tenant naming the owner's app id to be refused/,
    );
  });
});
