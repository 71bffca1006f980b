import { randomBytes } from 'node:crypto';
import { CHOICES } from '../../reference/choices.js';
import type { CheckRecord, Observation } from '../model/checkRecord.js';
import type { RunEvent } from '../model/events.js';
import { loadCatalog } from '../catalog/catalog.js';
import { reproductionCommand } from '../suite/reproduction.js';
import type { SuiteRunConfig } from '../model/runConfig.js';
import { openTarget, probeReachable, targetLabelOf, type Target } from '../targets/index.js';
import { recordsOfTest } from './checkRecords.js';
import { exitCodeFor } from './exitCode.js';
import { findPackageRoot, packageVersion, suiteLayout } from './packageRoot.js';
import { buildRunResults } from './results.js';
import type { RunConfig, RunnerOptions, RunOutcome } from './types.js';
import { runSuitesInVitest } from './vitestRun.js';

/** Transmit's documented issuer; the minter's default too. */
const DEFAULT_ISS = 'https://userid.security';

/**
 * One conformance run: open the target, probe it, run the selected suites in vitest, and return the results
 * with the exit code. Everything it learns goes out as RunEvents; it writes no files (reporters do).
 */
export async function runConformance(config: RunConfig, options: RunnerOptions = {}): Promise<RunOutcome> {
  const packageRoot = options.packageRoot ?? findPackageRoot();
  const emit = (event: RunEvent): void => options.onEvent?.(event);
  const runId = randomBytes(5).toString('hex').slice(0, 8);
  const startedAt = new Date();
  const started = performance.now();
  const catalog = loadCatalog(packageRoot);
  const selectedIds = [...(config.check !== undefined ? [config.check] : []), ...(config.checks ?? [])];
  const checkFilter = selectedIds.length > 0 ? selectedIds.join(' ') : undefined;
  const targetLabel = targetLabelOf(config.target);
  const checks: CheckRecord[] = [];
  const seenIds = new Map<string, number>();
  const observations: Observation[] = [];
  const runErrors: string[] = [];
  const runError = (message: string): void => {
    runErrors.push(message);
    emit({ type: 'run-error', message });
  };

  emit({ type: 'run-started', runId, seed: config.seed, target: targetLabel });
  let target: Target | undefined;
  try {
    target = await openTarget({
      spec: config.target,
      timeoutMs: config.requestTimeoutMs,
      packageRoot,
      ...(config.stateUrl !== undefined ? { stateUrl: config.stateUrl } : {}),
      ...(config.issuerUrl !== undefined ? { issuerUrl: config.issuerUrl } : {}),
    });
    target.problems.forEach(runError);
  } catch (error) {
    runError(`could not open the target ${targetLabel}: ${error instanceof Error ? error.message : String(error)}`);
  }

  try {
    const unreachable = target
      ? await probeReachable(target.baseUrl, config.requestTimeoutMs)
      : 'the target did not start';
    if (unreachable && target) runError(unreachable);
    const runConfig: SuiteRunConfig = {
      baseUrl: target?.baseUrl ?? targetLabel,
      stateUrl: target?.stateUrl ?? null,
      ...(target?.stateUnavailableReason !== undefined
        ? { stateUnavailableReason: target.stateUnavailableReason }
        : {}),
      tokens: {
        kind: 'local',
        iss: DEFAULT_ISS,
        ...(config.issuerUrl !== undefined ? { issuerUrl: config.issuerUrl } : {}),
      },
      runId,
      seed: config.seed,
      runs: config.runs,
      strict: config.strict,
      ...(config.replayPath !== undefined ? { replayPath: config.replayPath } : {}),
      requestTimeoutMs: config.requestTimeoutMs,
      targetLabel,
      packageRoot,
      ...(config.target.kind === 'embedded' && config.target.fault !== undefined ? { fault: config.target.fault } : {}),
      ...(config.target.kind === 'embedded' &&
      config.target.choices !== undefined &&
      config.target.choices !== 'default'
        ? { choices: config.target.choices }
        : {}),
      ...(unreachable ? { unreachableReason: unreachable } : {}),
      // Live tokens, the transport policy and the live settings, where the target has them (src/targets).
      ...target?.suiteConfig,
    };
    await runSuitesInVitest({
      packageRoot,
      layout: suiteLayout(packageRoot),
      suites: config.suites,
      runConfig,
      ...(selectedIds.length > 0 ? { checks: selectedIds } : {}),
      ...(config.shard ? { shard: config.shard } : {}),
      ...(options.maxWorkers !== undefined ? { maxWorkers: options.maxWorkers } : {}),
      ...(options.stopSignal ? { stopSignal: options.stopSignal } : {}),
      sink: {
        suiteStarted: (suite) => emit({ type: 'suite-started', suite }),
        checksPlanned: (planned, complete) => emit({ type: 'checks-planned', planned, complete }),
        runError,
        testFinished: (test) => {
          const found = recordsOfTest(test, catalog, config.seed, (req) => reproductionCommand(runConfig, req));
          for (const record_ of found.records) {
            const record = uniqueId(record_, seenIds);
            checks.push(record);
            emit({ type: 'check-finished', record });
          }
          for (const observation of found.observations) {
            observations.push(observation);
            emit({ type: 'observation', observation });
          }
        },
      },
    });
  } catch (error) {
    runError(`the run crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await target?.close().catch((error: unknown) => runError(`closing the target failed: ${String(error)}`));
  }

  if (checks.length === 0 && runErrors.length === 0) {
    runError(
      checkFilter !== undefined ? `no check matched --check ${checkFilter}` : 'no check ran (no suite files matched)',
    );
  }
  const shard = config.shard ? `${config.shard.index}/${config.shard.count}` : undefined;
  const results = buildRunResults({
    version: packageVersion(packageRoot),
    run: {
      id: runId,
      seed: config.seed,
      target: targetLabel,
      strict: config.strict,
      suites: config.suites,
      ...(shard !== undefined ? { shard } : {}),
      ...(target?.choices && target.choices.length > 0
        ? {
            choices: CHOICES.filter((c) => target?.choices?.includes(c.name)).map(({ name, flips }) => ({
              name,
              flips,
            })),
          }
        : {}),
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - started),
    },
    checks,
    observations,
    runErrors,
    catalog,
    selection: {
      suites: config.suites,
      ...(checkFilter !== undefined ? { check: checkFilter } : {}),
      ...(shard !== undefined ? { shard } : {}),
    },
  });
  emit({ type: 'run-finished', results });
  return { results, exitCode: exitCodeFor(results) };
}

/**
 * Check ids are unique within a run (reports, junit and merge-reports key on them). Two suites may name a check
 * alike (family, requirement, title); the later one gets a `~2`, `~3` … suffix rather than hiding the earlier.
 */
export function uniqueId(record: CheckRecord, seen: Map<string, number>): CheckRecord {
  const count = (seen.get(record.id) ?? 0) + 1;
  seen.set(record.id, count);
  return count === 1 ? record : { ...record, id: `${record.id}~${count}` };
}
