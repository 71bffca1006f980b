/**
 * The Clients semantics suites (suites/semantics/clients*.suite.ts) against the embedded reference: clean, every
 * semantics requirement of the seven operations reached, the observations recorded; and the seeded faults
 * `put-merges-objects` and `deleted-client-readable` caught under the requirement each one breaks.
 */
import { describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/engine/packageRoot.js';
import type { CheckRecord, RunResults } from '../../src/model/checkRecord.js';
import { runSuites, suiteRunConfig, verdictLines } from './support/suiteRun.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

const CLIENTS = /^CLIENTS-(CREATE|LIST|DELETE-ALL|GET|UPDATE|DELETE|RESOURCES)-/;

async function run(options: { fault?: string; check?: string } = {}): Promise<RunResults> {
  const { results } = await runSuites(suiteRunConfig(['semantics'], { seed: 12, runs: 3, ...options }));
  return results;
}

const clientsChecks = (results: RunResults): CheckRecord[] => results.checks.filter((c) => CLIENTS.test(c.requirement));
const verdictsOf = verdictLines;

describe('Clients semantics suites', () => {
  it('pass on the reference, reach every Clients semantics requirement and record the observations', async () => {
    const results = await run();
    const mine = clientsChecks(results);
    expect(results.runErrors).toEqual([]);
    expect(verdictsOf(mine.filter((c) => c.verdict !== 'passed' && c.verdict !== 'observed'))).toEqual([]);
    const wanted = loadCatalog(findPackageRoot())
      .requirements.filter((r) => r.family === 'semantics' && CLIENTS.test(r.id))
      .map((r) => r.id);
    // A rule is reached when a check judges it: its own check, or one that judges it beside its own rule (the
    // paging signal is observed by the check that lists 26 clients).
    const reached = new Set(mine.flatMap((c) => [c.requirement, ...(c.covers ?? [])]));
    expect(wanted.filter((id) => !reached.has(id))).toEqual([]);
    const observed = (id: string) => results.observations.filter((o) => o.requirement === id).map((o) => o.observed);
    // What the reference does on each unknown (docs/decisions.md #6, and tokens outlive their client).
    expect(observed('CLIENTS-CREATE-UNKNOWN-FIELDS')).toEqual(['status 201', 'not returned']);
    expect(observed('CLIENTS-DELETE-ALL-TOKEN-AFTER')).toEqual(['status 200']);
    expect(observed('CLIENTS-CREATE-INPUT-ONLY-FIELDS')).toHaveLength(5);
  }, 60_000);

  it('fail CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED when a PUT merges objects', async () => {
    const results = await run({ fault: 'put-merges-objects', check: 'CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED' });
    const [replaced] = clientsChecks(results);
    expect(replaced?.verdict).toBe('failed');
    expect(replaced?.message).toContain('token_expiration.refresh_token_ttl still 86401');
    expect(replaced?.message).toContain('ciba_authorization.login_uri still');
  }, 30_000);

  it('fail CLIENTS-DELETE-GONE when a deleted client can still be read', async () => {
    const results = await run({ fault: 'deleted-client-readable', check: 'CLIENTS-DELETE-GONE' });
    expect(verdictsOf(clientsChecks(results))).toEqual([
      'CLIENTS-DELETE-GONE failed: CLIENTS-DELETE-GONE: observed status 200, expected status 404',
    ]);
  }, 30_000);
});
