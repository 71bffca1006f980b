/**
 * The done-when for the model-based suite: against a reference that merges PUT objects, and one that keeps a
 * deleted client readable, the Clients model fails at the default depth with a shrunk sequence of a few commands,
 * printed with its replay command; and that replay reproduces the failure — from the seed through the engine, and
 * from the replay path in a single sequence, without searching or shrinking.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/server.js';
import { runConformance, type RunConfig } from '../../src/engine/index.js';
import { findPackageRoot } from '../../src/engine/packageRoot.js';
import { DEFAULT_PROFILE_RUNS } from '../../src/engine/profiles.js';
import type { CheckRecord } from '../../src/model/checkRecord.js';
import { runCheck } from '../../src/suite/runCheck.js';
import { servicesFor } from '../../src/suite/services.js';
import type { SuiteRunConfig } from '../../src/suite/types.js';
import { CLIENTS_MODEL_REQUIREMENT, clientsModelCheck } from '../../suites/stateful/support/clientsModelCheck.js';

const packageRoot = findPackageRoot();
const SEED = 3;
const references: RunningReference[] = [];
afterAll(async () => Promise.all(references.map((r) => r.close())));

async function runModel(fault: string, extra: Partial<RunConfig> = {}): Promise<CheckRecord> {
  const { results } = await runConformance(
    {
      target: { kind: 'embedded', fault },
      suites: ['stateful'],
      check: CLIENTS_MODEL_REQUIREMENT,
      seed: SEED,
      runs: DEFAULT_PROFILE_RUNS,
      strict: false,
      reportDir: '/unused',
      requestTimeoutMs: 5000,
      ...extra,
    } as RunConfig,
    { maxWorkers: 1 },
  );
  expect(results.runErrors).toEqual([]);
  expect(results.checks).toHaveLength(1);
  return results.checks[0] as CheckRecord;
}

/** The check body run once in this process, as a worker would, with `replayPath` in its run configuration. */
async function replayFromPath(fault: string, replayPath: string): Promise<CheckRecord> {
  const reference = await startReference({ packageRoot, fault });
  references.push(reference);
  const config: SuiteRunConfig = {
    baseUrl: reference.url,
    stateUrl: reference.stateUrl,
    tokens: { kind: 'local', iss: 'https://userid.security' },
    runId: `replay${fault.length}`,
    seed: SEED,
    runs: DEFAULT_PROFILE_RUNS,
    replayPath,
    strict: false,
    requestTimeoutMs: 5000,
    targetLabel: 'embedded',
    packageRoot,
    fault,
  };
  const meta = { requirement: CLIENTS_MODEL_REQUIREMENT, title: 'replay' };
  return (await runCheck(meta, clientsModelCheck, await servicesFor(config))).record;
}

/** `1. create #1 {...} → 2. update #1 {...}` out of a finding. */
function stepsOf(message: string): string[] {
  const steps = /counterexample[^:]*: \d+ commands?: (.*?); seed/.exec(message)?.[1];
  expect(steps, message).toBeDefined();
  return (steps as string).split(' → ');
}

describe.each([
  {
    fault: 'put-merges-objects',
    rule: 'CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED',
    shows: /still \d+/,
    steps: ['1. create #1 {"token_expiration":{"access_token_ttl":601}}', '2. update #1 {"token_expiration":{}}'],
  },
  {
    fault: 'deleted-client-readable',
    rule: 'CLIENTS-DELETE-GONE',
    shows: /observed status 200/,
    // The delete is read back by id at once, so the sequence shrinks to the delete alone.
    steps: ['1. delete #0'],
  },
])('the Clients model against $fault', ({ fault, rule, shows, steps }) => {
  it('fails with a shrunk sequence of a few commands, its seed and its replay command; the replay reproduces it', async () => {
    const record = await runModel(fault);
    expect(record.verdict).toBe('failed');
    expect(record.message.startsWith(`${rule}: `)).toBe(true);
    expect(record.message).toMatch(shows);
    expect(stepsOf(record.message)).toEqual(steps);
    const path = record.reproduction.path as string;
    expect(path).toMatch(/^\d+(:\d+)*@[A-Za-z0-9+/]+:[A-Za-z0-9+/]*$/);
    expect(record.message).toContain(
      `seed ${SEED}, replay path ${path}; replay: npx cis-conformance run --check ${CLIENTS_MODEL_REQUIREMENT} ` +
        `--seed ${SEED} --target embedded --fault ${fault} --replay-path ${path}`,
    );

    // The replay command's run through the engine: same seed, same check, the replay path — no search, no shrinking.
    const again = await runModel(fault, { replayPath: path });
    expect(again.verdict).toBe('failed');
    expect(stepsOf(again.message)).toEqual(steps);
    expect(again.message).toContain('— counterexample: ');
    expect(again.message).not.toMatch(/shrunk \d+ times/);

    // From the replay path alone: one sequence, the same commands, no shrinking.
    const replayed = await replayFromPath(fault, path);
    expect(replayed.verdict).toBe('failed');
    expect(replayed.message.startsWith(`${rule}: `)).toBe(true);
    expect(replayed.message).toContain('— counterexample: ');
    expect(stepsOf(replayed.message)).toEqual(steps);
    expect(replayed.exchanges.length).toBeLessThan(8);
  }, 60_000);
});
