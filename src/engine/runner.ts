import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHOICES } from '../../reference/choices.js';
import type { CheckRecord, Observation } from '../model/checkRecord.js';
import type { RunEvent } from '../model/events.js';
import { loadCatalog } from '../catalog/catalog.js';
import { reproductionCommand } from '../suite/reproduction.js';
import type { SuiteRunConfig } from '../model/runConfig.js';
import { openTarget, probeReachable, targetLabelOf, type Target } from '../targets/index.js';
import { signalStop, silenceMs } from '../suite/targetWatch.js';
import { errorRecordOf, notRunMessage, plannedRecordId, recordsOfTest } from './checkRecords.js';
import { exitCodeFor } from './exitCode.js';
import { findPackageRoot, packageVersion, suiteLayout } from './packageRoot.js';
import { buildRunResults } from './results.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_DEADLINE_MS,
  LIVE_CONCURRENCY,
  type RunConfig,
  type RunnerOptions,
  type RunOutcome,
} from './types.js';
import type { PlannedTest } from './vitestReporter.js';
import { runSuitesInVitest } from './vitestRun.js';

/** Transmit's documented issuer; the minter's default too. */
const DEFAULT_ISS = 'https://userid.security';

/** How often the main process looks whether the target still answers. */
const WATCH_TICK_MS = 100;

/**
 * One conformance run: open the target, probe it, fix the plan (vitest's collection), run the selected suites in
 * vitest, and return the results with the exit code. Every planned check is in the results: one that did not
 * finish is an `error` with the reason the run stopped (interrupted, deadline, the target stopped answering, the
 * worker died, the target unreachable). Everything it learns goes out as RunEvents; it writes no reports
 * (reporters do), only a temporary watch folder it removes.
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

  // Why the run stopped early (first reason wins); the checks it did not finish get this reason.
  let stopped: string | undefined;
  let requestStop: (reason: string) => void = () => undefined;
  const stop = new Promise<string>((resolve) => (requestStop = resolve));
  const watchDir = mkdtempSync(join(tmpdir(), 'cis-run-'));
  const timers: NodeJS.Timeout[] = [];
  const stopRun = (reason: string, message: string): void => {
    if (stopped !== undefined) return;
    stopped = reason;
    signalStop(watchDir, reason);
    runError(message);
    requestStop(reason);
  };
  void options.stopSignal?.then(() =>
    stopRun('interrupted', 'the run was interrupted: the checks it did not finish are errors "interrupted"'),
  );
  const deadlineMs = config.deadlineMs ?? DEFAULT_DEADLINE_MS;
  timers.push(
    setTimeout(
      () =>
        stopRun(
          `deadline (the run's --deadline of ${formatDuration(deadlineMs)} passed)`,
          `the run's deadline (${formatDuration(deadlineMs)}) passed: the checks it did not finish are errors "deadline"`,
        ),
      deadlineMs,
    ),
  );
  // The target stopped answering: no answer at all for 2 × --timeout while checks were asking.
  const silenceLimitMs = 2 * config.requestTimeoutMs;
  const watchTarget = (): void => {
    const since = Date.now();
    const tick = setInterval(() => {
      if (silenceMs(watchDir, since) >= silenceLimitMs) {
        clearInterval(tick);
        stopRun(
          `the target stopped answering (no answer for ${formatDuration(silenceLimitMs)}, 2 × --timeout)`,
          `the target stopped answering: no answer for ${formatDuration(silenceLimitMs)} (2 × --timeout); the checks not finished are errors`,
        );
      }
    }, WATCH_TICK_MS);
    timers.push(tick);
  };
  let plan: readonly PlannedTest[] = [];
  const plannedIds = new Map<string, string>();
  const finishedKeys = new Set<string>();

  emit({ type: 'run-started', runId, seed: config.seed, target: targetLabel });
  let target: Target | undefined;
  try {
    target = await openTarget({
      spec: config.target,
      timeoutMs: config.requestTimeoutMs,
      packageRoot,
      runId,
      ...(config.stateUrl !== undefined ? { stateUrl: config.stateUrl } : {}),
      ...(config.issuerUrl !== undefined ? { issuerUrl: config.issuerUrl } : {}),
    });
    target.problems.forEach(runError);
  } catch (error) {
    runError(`could not open the target ${targetLabel}: ${error instanceof Error ? error.message : String(error)}`);
  }

  let unreachable: string | null = null;
  let suiteConfig: SuiteRunConfig | undefined;
  try {
    unreachable = target ? await probeReachable(target.baseUrl, config.requestTimeoutMs) : 'the target did not start';
    if (unreachable !== null && target) runError(`no check ran, nothing answers HTTP: ${unreachable}`);
    const runConfig: SuiteRunConfig = (suiteConfig = {
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
      watchDir,
      // Live tokens, the transport policy and the live settings, where the target has them (src/targets).
      ...target?.suiteConfig,
    });
    await runSuitesInVitest({
      packageRoot,
      layout: suiteLayout(packageRoot),
      suites: config.suites,
      runConfig,
      ...(selectedIds.length > 0 ? { checks: selectedIds } : {}),
      ...(config.shard ? { shard: config.shard } : {}),
      ...((options.maxWorkers ?? config.workers) !== undefined
        ? { maxWorkers: options.maxWorkers ?? config.workers }
        : {}),
      concurrency: config.concurrency ?? (config.target.kind === 'sandbox' ? LIVE_CONCURRENCY : DEFAULT_CONCURRENCY),
      stop,
      // Nothing answers HTTP: the suites do not run; every planned check is an error with the pre-flight's reason.
      ...(unreachable !== null ? { collectOnly: true } : {}),
      sink: {
        suiteStarted: (suite) => emit({ type: 'suite-started', suite }),
        planFixed: (tests) => {
          plan = tests;
          // Ids are made unique in plan order, so they are the same from run to run whatever the finish order.
          for (const test of tests) {
            const id = plannedRecordId(test.name, test.meta, catalog);
            const count = (seenIds.get(id) ?? 0) + 1;
            seenIds.set(id, count);
            plannedIds.set(test.key, count === 1 ? id : `${id}~${count}`);
          }
          if (unreachable === null) watchTarget();
        },
        checksPlanned: (planned, complete) => emit({ type: 'checks-planned', planned, complete }),
        // Once the run is stopped, a worker that then dies (Ctrl-C reaches the whole process group) is expected.
        runError: (message) => {
          if (stopped === undefined || !/\[vitest-pool\]: Worker/.test(message)) runError(message);
        },
        testFinished: (test) => {
          const reproduce = (req: string): string => reproductionCommand(runConfig, req);
          const found = recordsOfTest(test, catalog, config.seed, reproduce, stopped);
          const plannedId = test.key !== undefined ? plannedIds.get(test.key) : undefined;
          if (test.key !== undefined) finishedKeys.add(test.key);
          for (const record_ of found.records) {
            const record =
              plannedId !== undefined && found.records.length === 1
                ? { ...record_, id: plannedId }
                : uniqueId(record_, seenIds);
            checks.push(record);
            // A check the stop cancelled is not news: the run error said it once, not once per check.
            if (found.notRun !== true) emit({ type: 'check-finished', record });
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
    for (const timer of timers) clearTimeout(timer);
    rmSync(watchDir, { recursive: true, force: true });
    await target?.close().catch((error: unknown) => runError(`closing the target failed: ${String(error)}`));
  }

  // Every planned check vitest did not report: an error with the reason the run stopped. Not emitted as
  // check-finished events: the console prints the one run error above, not a line per check.
  const unrunReason = unreachable ?? stopped ?? 'the worker died (its process ended before this check finished)';
  const reproduce = (req: string): string =>
    suiteConfig ? reproductionCommand(suiteConfig, req) : `cis-conformance run --check ${req} --seed ${config.seed}`;
  for (const test of plan) {
    if (finishedKeys.has(test.key)) continue;
    const message = unreachable !== null ? unrunReason : notRunMessage(unrunReason);
    const record = errorRecordOf(test, message, catalog, config.seed, reproduce);
    checks.push({ ...record, id: plannedIds.get(test.key) ?? record.id });
  }
  if (plan.length > finishedKeys.size && unreachable === null && stopped === undefined) {
    runError(`${plan.length - finishedKeys.size} planned checks never finished: a vitest worker died`);
  }

  // Reports list checks in plan order, whatever order they finished in (workers, concurrency): two runs with
  // the same arguments write the same reports.
  const planOrder = new Map([...plannedIds.values()].map((id, index) => [id, index]));
  const orderOf = (id: string): number => planOrder.get(id) ?? planOrder.size;
  checks.sort((a, b) => orderOf(a.id) - orderOf(b.id));
  const checkOrder = new Map(checks.map((record, index) => [record.id, index]));
  observations.sort(
    (a, b) => (checkOrder.get(a.checkId) ?? checks.length) - (checkOrder.get(b.checkId) ?? checks.length),
  );

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

/** `90 s`, `20 min`, `1 h 30 min`: a duration for messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 120 && seconds % 60 !== 0) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes < 60) return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
