import { relative, sep } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { SerializedError } from 'vitest';
import type { CheckRecord, Observation } from '../model/checkRecord.js';
import type { FinishedTest } from './checkRecords.js';

export interface CheckSink {
  suiteStarted(suite: string): void;
  /** The checks collected so far, and whether every suite file has been collected. */
  checksPlanned?(planned: number, complete: boolean): void;
  testFinished(test: FinishedTest): void;
  runError(message: string): void;
}

/** The suite a file belongs to: its first folder under the suite directory (`suites/smoke/x.suite.ts` → `smoke`). */
export function suiteNameOf(moduleId: string, suitesDir: string): string {
  const rel = relative(suitesDir, moduleId);
  return rel.split(sep)[0] ?? rel;
}

/** vitest 4 reporter that turns finished tests into FinishedTest values for the engine; prints nothing. */
export function createVitestCheckReporter(sink: CheckSink, suitesDir: string): Reporter {
  // Files are collected as workers reach them: the plan grows until every file of the run has been seen.
  let files = 0;
  let collected = 0;
  let planned = 0;
  return {
    onTestRunStart(specifications) {
      files = specifications.length;
    },
    onTestModuleCollected(module: TestModule) {
      collected++;
      planned += [...module.children.allTests()].filter((test) => test.options.mode === 'run').length;
      sink.checksPlanned?.(planned, collected >= files);
    },
    onTestModuleStart(module: TestModule) {
      sink.suiteStarted(suiteNameOf(module.moduleId, suitesDir));
    },
    onTestCaseResult(testCase: TestCase) {
      const result = testCase.result();
      const meta = testCase.meta() as { cisRecords?: CheckRecord[]; cisObservations?: Observation[] };
      sink.testFinished({
        name: testCase.name,
        meta,
        state: result.state,
        mode: testCase.options.mode,
        errorMessages: (result.errors ?? []).map((e) => e.message),
        durationMs: testCase.diagnostic()?.duration ?? 0,
      });
    },
    onTestModuleEnd(module: TestModule) {
      for (const error of module.errors()) {
        sink.runError(`suite file ${relative(suitesDir, module.moduleId)} failed: ${error.message}`);
      }
    },
    onTestRunEnd(_modules, unhandledErrors: ReadonlyArray<SerializedError>) {
      for (const error of unhandledErrors) sink.runError(`unhandled error in a suite: ${error.message}`);
    },
  };
}
