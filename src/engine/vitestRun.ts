import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVitest } from 'vitest/node';
import { requirementTestNamePattern } from '../suite/naming.js';
import type { SuiteRunConfig } from '../model/runConfig.js';
import type { SuiteLayout } from './packageRoot.js';
import { createVitestCheckReporter, plannedTests, type CheckSink } from './vitestReporter.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface SuiteRunRequest {
  readonly packageRoot: string;
  readonly layout: SuiteLayout;
  /** Suite folder names; empty = all. */
  readonly suites: readonly string[];
  /** Requirement ids whose checks run; absent = all. */
  readonly checks?: readonly string[];
  readonly shard?: { readonly index: number; readonly count: number };
  readonly runConfig: SuiteRunConfig;
  readonly sink: CheckSink;
  readonly maxWorkers?: number;
  /** Checks at once per worker (vitest's maxConcurrency over concurrent tests); 1 = one after another. */
  readonly concurrency?: number;
  /** Resolves when the run must stop early, with the reason: the tests not yet started are cancelled. */
  readonly stop?: Promise<string>;
  /** Only fix the plan (sink.planFixed): run no check (the pre-flight found nothing answering). */
  readonly collectOnly?: boolean;
}

/** One vitest name pattern matching the checks of any of the ids. */
function requirementsPattern(ids: readonly string[]): RegExp {
  return new RegExp(ids.map((id) => requirementTestNamePattern(id).source).join('|'));
}

/**
 * Runs the suite files through vitest's Node API with a config of our own (`config: false`: the project's
 * vitest.config.ts is for the harness's own tests). Results reach the engine only through `sink`.
 */
export async function runSuitesInVitest(request: SuiteRunRequest): Promise<void> {
  const { layout } = request;
  const include =
    request.suites.length === 0
      ? [`${layout.dir}/**/*${layout.extension}`]
      : request.suites.map((suite) => `${layout.dir}/${suite}/**/*${layout.extension}`);
  // A check ends at its first transport failure, so its time is bounded by its requests; the vitest time-out
  // only catches a check that hangs in its own code (it then becomes an `error` record).
  const testTimeout = Math.max(120_000, request.runConfig.requestTimeoutMs * 30);
  // A stop before vitest runs skips the run; one during it cancels the checks not yet started.
  let finished = false;
  let stopRequested = false;
  let listening = false;
  const control: { cancel?: () => void } = {};
  void request.stop?.then(() => {
    if (finished) return;
    stopRequested = true;
    control.cancel?.();
  });
  // vitest sets process.exitCode on failing tests; the run's exit code is ours to decide.
  const exitCodeBefore = process.exitCode;
  const signalListenersBefore = new Map(STOP_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const vitest = await createVitest(
    'test',
    {
      config: false,
      root: request.packageRoot,
      include,
      // Explicitly empty: vitest's default excludes node_modules, where an installed package's suites live.
      exclude: [],
      watch: false,
      passWithNoTests: true,
      pool: 'forks',
      // Suite files share a worker's module cache: the catalog, the compiled schemas and the signing key load
      // once per worker instead of once per file (528 checks: 42 s -> 10 s). Checks keep no module state.
      isolate: false,
      // Lets a worker collect the garbage big answers leave behind as it goes (src/http/bigBodyPacer.ts).
      execArgv: ['--expose-gc', ...workerProfileFlags()],
      // Checks at once inside each worker: a run across a network waits on the target, not on a core. Every check
      // has its own app and ids (src/suite/fixtures.ts), so running them together changes no verdict.
      sequence: { concurrent: (request.concurrency ?? 1) > 1 },
      maxConcurrency: Math.max(1, request.concurrency ?? 1),
      testTimeout,
      hookTimeout: testTimeout,
      provide: { cisRun: request.runConfig },
      reporters: [createVitestCheckReporter(request.sink, join(request.packageRoot, layout.dir), () => listening)],
      ...(request.checks !== undefined ? { testNamePattern: requirementsPattern(request.checks) } : {}),
      ...(request.shard ? { shard: `${request.shard.index}/${request.shard.count}` } : {}),
      ...(request.maxWorkers !== undefined ? { maxWorkers: request.maxWorkers } : {}),
    },
    { cacheDir: join(tmpdir(), 'cis-conformance-vite-cache'), logLevel: 'error' },
  );
  // vitest's logger exits the process 1 ms after SIGINT/SIGTERM, which would skip the runner's `finally`: the
  // reports and a live run's final clean-up. The CLI's own handler (stopSignal) cancels the run instead.
  for (const signal of STOP_SIGNALS) {
    const before = signalListenersBefore.get(signal) ?? [];
    for (const listener of process.listeners(signal)) if (!before.includes(listener)) process.off(signal, listener);
  }
  try {
    // Collect first: the plan (every test that will run, hence every check id) is fixed before any check runs,
    // so a run that stops early can still account for every check (src/engine/runner.ts).
    const planned = plannedTests((await vitest.collect()).testModules);
    request.sink.planFixed?.(planned);
    request.sink.checksPlanned?.(planned.length, true);
    // A stop during the collection lets it finish (seconds): the plan is what the run accounts for.
    control.cancel = () => void vitest.cancelCurrentRun('keyboard-input');
    listening = true;
    if (!stopRequested && request.collectOnly !== true) await vitest.start();
  } finally {
    finished = true;
    await vitest.close();
    process.exitCode = exitCodeBefore;
  }
}

/**
 * `CIS_WORKER_CPU_PROF_DIR=DIR`: each worker writes a V8 CPU profile there when it exits (docs/performance.md,
 * "Profiling a run"). Node refuses `--cpu-prof` in NODE_OPTIONS, and the workers are where the checks' time goes.
 */
function workerProfileFlags(): string[] {
  const dir = process.env['CIS_WORKER_CPU_PROF_DIR'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
