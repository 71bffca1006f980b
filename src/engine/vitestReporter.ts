import { relative, sep } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { SerializedError } from 'vitest';
import type { CheckRecord, Observation } from '../model/checkRecord.js';
import type { CheckTaskMeta } from '../suite/vitestContext.js';
import type { FinishedTest } from './checkRecords.js';

/** One test vitest's collection found to run, before any runs. */
export interface PlannedTest {
  /** vitest's test id: the same in the collection and in the run. */
  readonly key: string;
  readonly name: string;
  readonly meta: CheckTaskMeta;
}

export interface CheckSink {
  suiteStarted(suite: string): void;
  /** Every test the run will run, once, before the first one starts (vitest's collection). */
  planFixed?(tests: readonly PlannedTest[]): void;
  /** The checks planned, and whether the plan is complete. */
  checksPlanned?(planned: number, complete: boolean): void;
  testFinished(test: FinishedTest): void;
  runError(message: string): void;
}

/** The tests of collected modules that will run, in a stable order (module path, then declaration order). */
export function plannedTests(modules: readonly TestModule[]): PlannedTest[] {
  return [...modules]
    .sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0))
    .flatMap((module) => [...module.children.allTests()])
    .filter((test) => test.options.mode === 'run')
    .map((test) => ({ key: test.id, name: test.name, meta: test.meta() as CheckTaskMeta }));
}

/** The suite a file belongs to: its first folder under the suite directory (`suites/smoke/x.suite.ts` → `smoke`). */
export function suiteNameOf(moduleId: string, suitesDir: string): string {
  const rel = relative(suitesDir, moduleId);
  return rel.split(sep)[0] ?? rel;
}

/**
 * vitest 4 reporter that turns finished tests into FinishedTest values for the engine; prints nothing. It stays
 * silent while `listening()` is false (the collection pass that fixes the plan runs the same reporters).
 */
export function createVitestCheckReporter(
  sink: CheckSink,
  suitesDir: string,
  listening: () => boolean = () => true,
): Reporter {
  return {
    onTestModuleStart(module: TestModule) {
      if (listening()) sink.suiteStarted(suiteNameOf(module.moduleId, suitesDir));
    },
    onTestCaseResult(testCase: TestCase) {
      if (!listening()) return;
      const result = testCase.result();
      const meta = testCase.meta() as { cisRecords?: CheckRecord[]; cisObservations?: Observation[] };
      sink.testFinished({
        key: testCase.id,
        name: testCase.name,
        meta,
        state: result.state,
        mode: testCase.options.mode,
        errorMessages: (result.errors ?? []).map((e) => e.message),
        durationMs: testCase.diagnostic()?.duration ?? 0,
      });
    },
    onTestModuleEnd(module: TestModule) {
      if (!listening()) return;
      for (const error of module.errors()) {
        sink.runError(`suite file ${relative(suitesDir, module.moduleId)} failed: ${error.message}`);
      }
    },
    onTestRunEnd(_modules, unhandledErrors: ReadonlyArray<SerializedError>) {
      if (!listening()) return;
      for (const error of unhandledErrors) sink.runError(`unhandled error in a suite: ${error.message}`);
    },
  };
}
