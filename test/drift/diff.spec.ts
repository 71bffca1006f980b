import { describe, expect, it } from 'vitest';
import { diffResults, driftExitCode } from '../../src/drift/diff.js';
import { check, observation, results } from './support/results.js';

const OLD = results(
  'run1aaaa',
  [
    check('c/A-1/x', 'passed'),
    check('c/B-1/x', 'failed', 'observed 500'),
    check('c/C-1/x', 'passed'),
    check('c/D-1/x', 'failed'),
    check('c/E-1/x', 'passed'),
  ],
  [
    observation('CONSENTS-LIST-HOST-AVAILABILITY', 'c/H/x', 'status of GET /v1/consents', '404 (not found)'),
    observation('O-1', 'c/O/x', 'created id', 'client-run1aaaa-k1'),
    observation('O-2', 'c/O/x', 'gone question', 'x'),
  ],
);
const NEW = results(
  'run2bbbb',
  [
    check('c/A-1/x', 'failed', 'observed 201, expected 200'),
    check('c/B-1/x', 'passed'),
    check('c/C-1/x', 'error', 'target error (timeout)'),
    check('c/D-1/x', 'skipped', 'live mode: ...'),
    check('c/F-1/x', 'failed', 'new and failing'),
    check('c/G-1/x', 'passed'),
  ],
  [
    observation('CONSENTS-LIST-HOST-AVAILABILITY', 'c/H/x', 'status of GET /v1/consents', '200 (the API answers)'),
    observation('O-1', 'c/O/x', 'created id', 'client-run2bbbb-k1'),
    observation('O-3', 'c/O/x', 'new question', 'y'),
  ],
);

describe('diffResults', () => {
  const drift = diffResults(OLD, NEW);

  it('sorts verdict changes into new failures, fixes and the rest', () => {
    expect(drift.newFailures.map((c) => [c.id, c.from ?? 'new', c.to])).toEqual([
      ['c/A-1/x', 'passed', 'failed'],
      ['c/F-1/x', 'new', 'failed'],
    ]);
    expect(drift.fixes.map((c) => c.id)).toEqual(['c/B-1/x']);
    expect(drift.otherChanges.map((c) => [c.id, c.from, c.to])).toEqual([
      ['c/C-1/x', 'passed', 'error'],
      ['c/D-1/x', 'failed', 'skipped'],
    ]);
    expect(drift.newChecks.map((c) => c.id)).toEqual(['c/F-1/x', 'c/G-1/x']);
    expect(drift.removedChecks.map((c) => [c.id, c.from])).toEqual([['c/E-1/x', 'passed']]);
    expect(drift.newFailures[0]?.message).toBe('observed 201, expected 200');
  });

  it('ignores passed ↔ observed (how the harness counts an observation-only check) and counts observed as a fix', () => {
    const before = results('r1', [
      check('c/O-1/x', 'passed'),
      check('c/P-1/x', 'observed'),
      check('c/Q-1/x', 'failed'),
    ]);
    const after = results('r2', [
      check('c/O-1/x', 'observed'),
      check('c/P-1/x', 'passed'),
      check('c/Q-1/x', 'observed'),
    ]);
    const counted = diffResults(before, after);
    expect(counted.otherChanges).toEqual([]);
    expect(counted.fixes.map((c) => [c.id, c.to])).toEqual([['c/Q-1/x', 'observed']]);
  });

  it("compares observations by requirement, check and question, masking each run's own id", () => {
    expect(drift.changedObservations).toEqual([
      {
        requirement: 'CONSENTS-LIST-HOST-AVAILABILITY',
        checkId: 'c/H/x',
        question: 'status of GET /v1/consents',
        from: '404 (not found)',
        to: '200 (the API answers)',
      },
    ]);
    expect(drift.addedObservations.map((o) => o.requirement)).toEqual(['O-3']);
    expect(drift.removedObservations.map((o) => o.requirement)).toEqual(['O-2']);
  });

  it('alerts (exit 1) on new failures or changed observations only', () => {
    expect(driftExitCode(drift)).toBe(1);
    expect(driftExitCode(diffResults(OLD, OLD))).toBe(0);
    // A fix, a new passing check and an observation no longer made do not alert.
    const fixedOnly = results(
      'run3',
      [check('c/B-1/x', 'passed'), check('c/Z-1/x', 'passed')],
      OLD.observations.filter((o) => o.requirement !== 'O-1'),
    );
    expect(driftExitCode(diffResults(OLD, fixedOnly))).toBe(0);
    const observationOnly = results('run4', OLD.checks as never, [
      observation('CONSENTS-LIST-HOST-AVAILABILITY', 'c/H/x', 'status of GET /v1/consents', '403'),
    ]);
    expect(driftExitCode(diffResults(OLD, observationOnly))).toBe(1);
  });

  it('compares the set of answers when a check asks one question several times', () => {
    const twice = (a: string, b: string, id: string) =>
      results(id, [], [observation('O', 'c', 'q', a), observation('O', 'c', 'q', b)]);
    expect(diffResults(twice('1', '2', 'r1'), twice('2', '1', 'r2')).changedObservations).toEqual([]);
    expect(diffResults(twice('1', '2', 'r1'), twice('1', '3', 'r2')).changedObservations[0]).toMatchObject({
      from: '1 | 2',
      to: '1 | 3',
    });
  });
});
