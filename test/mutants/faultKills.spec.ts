/**
 * The suites kill every seeded fault (reference/faults.ts), and the checks that kill them pass on the clean
 * reference. Each fault runs in-process on the embedded reference with only the checks of its own `violates` ids,
 * in the folder of their family, stopping at the first failure: about 2–5 s a fault, two at a time. One sample
 * fault is also run against all suites unfiltered, the path `mutants` takes when a targeted run does not kill.
 */
import { describe, expect, it } from 'vitest';
import { FAULTS } from '../../reference/faults.js';
import { findPackageRoot } from '../../src/engine/index.js';
import { catalogCoverage, killFault, tallyRun, type FaultRunContext } from '../../src/mutants/index.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

const packageRoot = findPackageRoot();
const catalog = loadCatalog(packageRoot);
const config = {
  faults: [],
  suites: [],
  seed: 20250,
  runs: 5,
  reportDir: '/unused',
  failFast: true,
  requestTimeoutMs: 10_000,
};
const context: FaultRunContext = {
  config,
  coverage: catalogCoverage(catalog),
  catalog,
  packageRoot,
  maxWorkers: 1,
  fallbackToFull: false,
};
const OWN_RULES = [...new Set(FAULTS.flatMap((f) => f.violates))];
/** Two fault runs at once: each is one vitest worker, so this keeps to the machine's two cores. */
const limit = concurrencyLimit(2);
/** A fault's own run takes seconds; the rest is waiting for a free slot behind the others. */
const FAULT_TIMEOUT_MS = 180_000;

describe('the clean reference', () => {
  it('passes every check of every rule a fault violates (strict), and some check covers each of those rules', async () => {
    const { tally, results } = await tallyRun(
      {
        target: { kind: 'embedded' },
        suites: [],
        checks: OWN_RULES,
        seed: config.seed,
        runs: config.runs,
        strict: true,
        reportDir: '/unused',
        requestTimeoutMs: config.requestTimeoutMs,
      },
      { packageRoot, failFast: false, maxWorkers: 2 },
    );
    expect(tally.failed).toEqual([]);
    expect(tally.summary.errors).toBe(0);
    expect(tally.runErrors).toEqual([]);
    const covered = new Set(results.checks.map((c) => c.requirement));
    expect(OWN_RULES.filter((id) => !covered.has(id))).toEqual([]);
  }, 300_000);
});

describe.concurrent('every seeded fault is killed by a check of its own rules', () => {
  for (const fault of FAULTS) {
    it(
      fault.name,
      async ({ expect }) => {
        const outcome = await limit(() => killFault(fault, context));
        const errors = outcome.attempts.flatMap((a) => a.runErrors);
        expect({ killed: outcome.killed, killedByOwn: outcome.killedByOwn, errors }).toEqual({
          killed: true,
          killedByOwn: true,
          errors: [],
        });
        expect(outcome.firstFailure?.requests).toBeGreaterThan(0);
      },
      FAULT_TIMEOUT_MS,
    );
  }
});

describe('the whole-suite path', () => {
  it('kills a sample fault with every suite collected and no requirement filter', async () => {
    const outcome = await killFault(
      FAULTS.find((f) => f.name === 'client-not-found-400')!,
      {
        ...context,
        coverage: new Map(),
        fallbackToFull: true,
        maxWorkers: 2,
      },
    );
    expect(outcome.attempts.map((a) => [a.stage, a.suites, a.requirements])).toEqual([['full', [], undefined]]);
    expect(outcome.killed).toBe(true);
    expect(outcome.ownUncovered).toEqual(FAULTS.find((f) => f.name === 'client-not-found-400')!.violates);
  }, 300_000);
});

/** At most `n` of the given tasks run at once; the others wait in order. */
function concurrencyLimit(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
