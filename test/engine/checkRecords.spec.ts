import { describe, expect, it } from 'vitest';
import { recordsOfTest, type FinishedTest } from '../../src/engine/checkRecords.js';
import type { CheckRecord } from '../../src/model/checkRecord.js';
import type { RequirementCatalog } from '../../src/model/requirement.js';

const catalog: RequirementCatalog = {
  operations: [],
  requirements: [
    { id: 'R-1', operation: 'GET /a', family: 'permissions', rule: 'r', sources: [], evidence: 'inferred' },
  ],
};
const test = (over: Partial<FinishedTest>): FinishedTest => ({
  name: '[R-1] reads (apps:read only)',
  meta: {},
  state: 'failed',
  mode: 'run',
  errorMessages: [],
  durationMs: 12.4,
  ...over,
});
const of = (t: FinishedTest) => recordsOfTest(t, catalog, 3, (req) => `again ${req}`);

describe('recordsOfTest', () => {
  it('passes the records and observations of a check test through', () => {
    const record = { id: 'x', verdict: 'passed' } as CheckRecord;
    const observation = { requirement: 'R-1', operation: 'GET /a', question: 'q', observed: 'o', checkId: 'x' };
    expect(of(test({ state: 'passed', meta: { cisRecords: [record], cisObservations: [observation] } }))).toEqual({
      records: [record],
      observations: [observation],
    });
  });

  it('turns a crashed test without a record into an error record, never a pass', () => {
    const { records } = of(test({ errorMessages: ['Test timed out in 5000ms.'] }));
    expect(records).toEqual([
      {
        id: 'permissions/R-1/apps:read-only',
        requirement: 'R-1',
        operation: 'GET /a',
        family: 'permissions',
        title: 'reads',
        verdict: 'error',
        evidence: 'inferred',
        message: 'check crashed: Test timed out in 5000ms.',
        reproduction: { seed: 3, command: 'again R-1' },
        exchanges: [],
        durationMs: 12,
        cell: 'apps:read only',
      },
    ]);
  });

  it('makes a passed test without a record an error too', () => {
    expect(of(test({ state: 'passed', name: 'plain vitest test' })).records[0]).toMatchObject({
      verdict: 'error',
      requirement: 'UNKNOWN',
    });
  });

  it('makes a test cancelled before it ran a skipped record with that reason', () => {
    expect(of(test({ state: 'skipped', mode: 'run' })).records[0]).toMatchObject({
      verdict: 'skipped',
      message: 'not run: the run was cancelled before this check started',
    });
  });

  it('ignores tests vitest did not run (filtered by --check or skipped statically)', () => {
    expect(of(test({ state: 'skipped', mode: 'skip' })).records).toEqual([]);
  });
});
