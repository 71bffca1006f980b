import { describe, expect, it } from 'vitest';
import { plannedRecordId, recordsOfTest, type FinishedTest } from '../../src/engine/checkRecords.js';
import { checkRecordId, checkTestName } from '../../src/suite/naming.js';
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

  it('makes a test cancelled before it ran an error record with that reason, marked not run', () => {
    const found = of(test({ state: 'skipped', mode: 'run' }));
    expect(found.records[0]).toMatchObject({
      verdict: 'error',
      message: 'not run: the run was cancelled before this check started',
    });
    expect(found.notRun).toBe(true);
  });

  it('gives a cancelled or unfinished test the reason the run stopped', () => {
    const reproduce = (): string => 'replay';
    for (const state of ['skipped', 'pending'] as const) {
      const found = recordsOfTest(test({ state, mode: 'run' }), catalog, 1, reproduce, 'interrupted');
      expect(found.records[0]).toMatchObject({ verdict: 'error', message: 'not run: interrupted' });
    }
  });

  it('ignores tests vitest did not run (filtered by --check or skipped statically)', () => {
    expect(of(test({ state: 'skipped', mode: 'skip' })).records).toEqual([]);
  });
});

describe('plannedRecordId', () => {
  it('gives the id runCheck gives: from the declared plan, the family defaulting to the requirement', () => {
    const meta = { requirement: 'R-1', title: 'reads', cell: 'apps:read only' };
    expect(plannedRecordId(checkTestName(meta), { cisPlan: meta }, catalog)).toBe(checkRecordId(meta, 'permissions'));
    expect(plannedRecordId('x', { cisPlan: { ...meta, family: 'pact' } }, catalog)).toBe('pact/R-1/apps:read-only');
  });

  it('falls back to parsing the test name (a title with parentheses keeps them)', () => {
    expect(plannedRecordId('[R-1] lists (all) (page 2)', {}, catalog)).toBe('permissions/R-1/page-2');
    expect(plannedRecordId('[R-9] no cell', {}, catalog)).toBe('contract/R-9/no-cell');
  });
});
