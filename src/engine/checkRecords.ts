import type { CheckRecord, Observation } from '../model/checkRecord.js';
import type { RequirementCatalog } from '../model/requirement.js';
import { checkRecordId } from '../suite/naming.js';
import type { CheckPlan, CheckTaskMeta } from '../suite/vitestContext.js';

/** What the engine needs from one finished vitest test (a subset of vitest's TestCase, for testability). */
export interface FinishedTest {
  /** vitest's test id (the plan's key); absent in unit tests. */
  readonly key?: string;
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
  /** The check never ran: the run stopped first (its record is an `error` with the reason). */
  readonly notRun?: boolean;
}

const TEST_NAME = /^\[([^\]]+)\] (.*?)(?: \(([^)]*)\))?$/;

/** What names a check's record: from the plan the check declared, else parsed from its test name. */
function planOf(name: string, meta: CheckTaskMeta): CheckPlan {
  if (meta.cisPlan) return meta.cisPlan;
  const parsed = TEST_NAME.exec(name);
  const cell = parsed?.[3];
  return { requirement: parsed?.[1] ?? 'UNKNOWN', title: parsed?.[2] ?? name, ...(cell !== undefined ? { cell } : {}) };
}

/** The id the record of a check test gets (src/suite/runCheck.ts computes the same from the same inputs). */
export function plannedRecordId(name: string, meta: CheckTaskMeta, catalog: RequirementCatalog): string {
  const plan = planOf(name, meta);
  const family = plan.family ?? catalog.requirements.find((r) => r.id === plan.requirement)?.family ?? 'contract';
  return checkRecordId(plan, family);
}

/** An `error` record for a check test that produced none, with `message` as its reason. */
export function errorRecordOf(
  test: { readonly name: string; readonly meta: CheckTaskMeta; readonly durationMs?: number },
  message: string,
  catalog: RequirementCatalog,
  seed: number,
  reproduce: (requirement: string) => string,
): CheckRecord {
  const plan = planOf(test.name, test.meta);
  const requirement = catalog.requirements.find((r) => r.id === plan.requirement);
  return {
    id: plannedRecordId(test.name, test.meta, catalog),
    requirement: plan.requirement,
    operation: requirement?.operation ?? 'unknown',
    family: plan.family ?? requirement?.family ?? 'contract',
    title: plan.title,
    verdict: 'error',
    evidence: requirement?.evidence ?? 'documented',
    message,
    reproduction: { seed, command: reproduce(plan.requirement) },
    exchanges: [],
    durationMs: Math.round(test.durationMs ?? 0),
    ...(plan.cell !== undefined ? { cell: plan.cell } : {}),
  };
}

/** The message of a planned check that never ran, for the reason the run stopped. */
export function notRunMessage(reason: string): string {
  return `not run: ${reason}`;
}

/**
 * The records of one vitest test. A check test carries its records in meta; one that crashed, timed out or
 * recorded nothing becomes an `error` record (never a pass). Tests vitest did not run (filtered by
 * `--check`, statically skipped) yield nothing. `stopReason`: why the run stopped early, if it did (a test
 * vitest cancelled then was never run).
 */
export function recordsOfTest(
  test: FinishedTest,
  catalog: RequirementCatalog,
  seed: number,
  reproduce: (requirement: string) => string,
  stopReason?: string,
): TestRecords {
  const records = test.meta.cisRecords ?? [];
  if (records.length > 0) return { records, observations: test.meta.cisObservations ?? [] };
  if (test.state === 'skipped' && (test.mode === 'skip' || test.mode === 'todo'))
    return { records: [], observations: [] };
  // vitest reports the tests of a cancelled run skipped or pending without running them: never a pass.
  const notRun = test.state === 'skipped' || (test.state === 'pending' && stopReason !== undefined);
  const reason =
    test.state === 'failed'
      ? `check crashed: ${test.errorMessages[0] ?? 'the test failed without an error message'}`
      : notRun
        ? notRunMessage(stopReason ?? 'the run was cancelled before this check started')
        : `the test ${test.state === 'pending' ? 'did not finish' : `ended ${test.state}`} without a check record (not written with check() from src/suite?)`;
  return {
    records: [errorRecordOf(test, reason, catalog, seed, reproduce)],
    observations: [],
    ...(notRun ? { notRun } : {}),
  };
}
