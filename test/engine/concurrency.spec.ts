/**
 * Checks run concurrently inside each worker (`--concurrency`, docs/decisions.md): a run with 8 at once must
 * judge exactly as one with 1 at once — the same checks, in the same order, with the same verdicts, messages and
 * exchanges (what differs between any two runs masked: ids the run generated, ports, times) — and must really
 * have checks in flight together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/server.js';
import { fingerprint } from '../../scripts/runFingerprint.js';
import { startDelayProxy, type DelayProxy } from '../../scripts/bench/delayProxy.js';
import { findPackageRoot } from '../../src/engine/index.js';
import { runSuites, suiteRunConfig } from '../suites/support/suiteRun.js';

let reference: RunningReference;

beforeAll(async () => {
  reference = await startReference({ host: '127.0.0.1', port: 0, packageRoot: findPackageRoot() });
});
afterAll(() => reference.close());

/** One run through a proxy that adds 2 ms to each answer and counts the requests in flight at once. */
async function runThroughProxy(concurrency: number) {
  const proxy: DelayProxy = await startDelayProxy(reference.url, 2);
  try {
    const outcome = await runSuites(
      suiteRunConfig(['contract', 'isolation'], {
        target: { kind: 'url', url: proxy.url },
        concurrency,
      }),
    );
    return { outcome, maxInFlight: proxy.maxInFlight() };
  } finally {
    await proxy.close();
  }
}

describe('concurrency inside a worker', () => {
  // Two runs of two suites: minutes on a loaded 2-core machine, not the suite's one.
  it(
    'changes no check id, order, verdict, message or exchange (same seed, 1 vs 8 at once)',
    { timeout: 300_000 },
    async () => {
      const sequential = await runThroughProxy(1);
      const concurrent = await runThroughProxy(8);
      // One worker (runSuites): one at once means one request in flight at a time; eight at once overlap.
      expect(sequential.maxInFlight).toBe(1);
      expect(concurrent.maxInFlight).toBeGreaterThan(1);

      const before = sequential.outcome.results;
      const after = concurrent.outcome.results;
      expect(before.checks.length).toBeGreaterThan(50);
      expect(before.runErrors).toEqual([]);
      expect(after.runErrors).toEqual([]);
      expect(after.checks.map((c) => c.id)).toEqual(before.checks.map((c) => c.id));
      const differing = before.checks
        .map((check, i) => ({ check, other: after.checks[i] }))
        .filter(({ check, other }) => other === undefined || fingerprint(check) !== fingerprint(other))
        .map(({ check }) => check.id);
      expect(differing).toEqual([]);
      expect(after.summary).toEqual(before.summary);
    },
  );
});
