import type { CheckRecord, Observation } from '../model/checkRecord.js';
import type { RequirementCatalog } from '../model/requirement.js';
import { checkRecordId } from '../suite/naming.js';
import type { CheckTaskMeta } from '../suite/vitestContext.js';

/** What the engine needs from one finished vitest test (a subset of vitest's TestCase, for testability). */
export interface FinishedTest {
  readonly name: string;
  readonly meta: CheckTaskMeta;
  readonly state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** vitest's `options.mode`: `skip`/`todo` for tests filtered out or skipped statically. */
  readonly mode: string;
  readonly errorMessages: readonly string[];
  readonly durationMs: number;
}

export interface TestRecords {
  readonly records: readonly CheckRecord[];
  readonly observations: readonly Observation[];
}

const TEST_NAME = /^\[([^\]]+)\] (.*?)(?: \(([^)]*)\))?$/;

/**
 * The records of one vitest test. A check test carries its records in meta; one that crashed, timed out or
 * recorded nothing becomes an `error` record (never a pass). Tests vitest did not run (filtered by
 * `--check`, statically skipped) yield nothing.
 */
export function recordsOfTest(
  test: FinishedTest,
  catalog: RequirementCatalog,
  seed: number,
  reproduce: (requirement: string) => string,
): TestRecords {
  const records = test.meta.cisRecords ?? [];
  if (records.length > 0) return { records, observations: test.meta.cisObservations ?? [] };
  if (test.state === 'skipped' && (test.mode === 'skip' || test.mode === 'todo'))
    return { records: [], observations: [] };

  const parsed = TEST_NAME.exec(test.name);
  const requirementId = parsed?.[1] ?? 'UNKNOWN';
  const title = parsed?.[2] ?? test.name;
  const cell = parsed?.[3];
  const requirement = catalog.requirements.find((r) => r.id === requirementId);
  const family = requirement?.family ?? 'contract';
  // vitest marks the tests of a cancelled run (Ctrl-C) skipped without running them: not a finding, not a pass.
  const cancelled = test.state === 'skipped';
  const reason =
    test.state === 'failed'
      ? `check crashed: ${test.errorMessages[0] ?? 'the test failed without an error message'}`
      : cancelled
        ? 'not run: the run was cancelled before this check started'
        : `the test ${test.state === 'pending' ? 'did not finish' : `ended ${test.state}`} without a check record (not written with check() from src/suite?)`;
  const record: CheckRecord = {
    id: checkRecordId({ requirement: requirementId, title, ...(cell !== undefined ? { cell } : {}) }, family),
    requirement: requirementId,
    operation: requirement?.operation ?? 'unknown',
    family,
    title,
    verdict: cancelled ? 'skipped' : 'error',
    evidence: requirement?.evidence ?? 'documented',
    message: reason,
    reproduction: { seed, command: reproduce(requirementId) },
    exchanges: [],
    durationMs: Math.round(test.durationMs),
    ...(cell !== undefined ? { cell } : {}),
  };
  return { records: [record], observations: [] };
}
