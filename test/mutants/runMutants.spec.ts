import { describe, expect, it } from 'vitest';
import { FAULTS } from '../../reference/faults.js';
import { runMutants, selectFaults } from '../../src/mutants/runMutants.js';
import type { MutantsConfig } from '../../src/mutants/types.js';

/** The smoke suite (3 checks: CLIENTS-CREATE-201, -201-SECRET, CLIENTS-GET-404) keeps these runs to seconds. */
const config = (faults: string[], failFast = false): MutantsConfig => ({
  faults,
  suites: ['smoke'],
  seed: 11,
  runs: 3,
  reportDir: '/unused',
  failFast,
  requestTimeoutMs: 10_000,
});

describe('runMutants', () => {
  it('kills a fault in its targeted run, and lets a fault the selected suites cannot see survive (exit 1)', async () => {
    const report = await runMutants(config(['create-status-200', 'envelope-missing']), { maxWorkers: 1 });
    expect(report.clean.summary).toEqual({ passed: 3, observed: 0, failed: 0, warnings: 0, skipped: 0, errors: 0 });
    expect(report.clean.requests).toBeGreaterThanOrEqual(3);

    const [create, envelope] = report.faults;
    expect(create).toMatchObject({ fault: 'create-status-200', killed: true, killedByOwn: true });
    expect(create?.killedBy).toEqual(['CLIENTS-CREATE-201']);
    expect(create?.attempts.map((a) => [a.stage, a.suites, a.requirements, a.strict])).toEqual([
      ['targeted', ['smoke'], ['CLIENTS-CREATE-201'], false],
    ]);
    expect(create?.ownNotFailed).toEqual([]);
    expect(create?.firstFailure?.requests).toBeGreaterThanOrEqual(1);
    expect(create?.firstFailure?.afterMs).toBeGreaterThan(0);

    // No smoke check reads a client back, so the envelope fault goes straight to the whole (smoke) suite and survives.
    expect(envelope).toMatchObject({ fault: 'envelope-missing', killed: false, killedBy: [], killedByOwn: false });
    expect(envelope?.ownUncovered).toEqual(['CLIENTS-GET-200-ENVELOPE']);
    expect(envelope?.attempts.map((a) => [a.stage, a.strict, a.summary.failed])).toEqual([['full', true, 0]]);

    expect(report.score).toEqual({ killed: 1, total: 2, notApplicable: 0 });
    expect(report.notRun).toEqual([]);
    expect(report.exitCode).toBe(1);
  });

  it('with fail-fast stops at the first survivor (registry order) and lists the faults it did not run', async () => {
    const report = await runMutants(config(['client-secret-missing', 'envelope-missing'], true), { maxWorkers: 1 });
    expect(report.faults.map((f) => [f.fault, f.killed])).toEqual([['envelope-missing', false]]);
    expect(report.notRun).toEqual(['client-secret-missing']);
    expect(report.exitCode).toBe(1);
  });
});

describe('runMutants under choices', () => {
  it('judges kills against the clean run with the same choices and sets aside a fault a choice takes the side of', async () => {
    const report = await runMutants(
      { ...config(['create-status-200', 'envelope-missing'], true), choices: ['clients-bare'] },
      { maxWorkers: 1 },
    );
    // Strict, the bare create answer fails its inferred envelope rule on the clean reference: the baseline.
    expect(report.choices).toEqual(['clients-bare']);
    expect(report.clean.failed.flatMap((f) => f.rules)).toEqual(['CLIENTS-CREATE-201-ENVELOPE']);
    expect(report.cleanUnexplained).toEqual([]);
    const [create, envelope] = report.faults;
    expect(create).toMatchObject({ fault: 'create-status-200', killed: true, killedBy: ['CLIENTS-CREATE-201'] });
    // Its only rule (the GET envelope) is flipped by clients-bare: neither killed nor survived.
    expect(envelope).toMatchObject({ fault: 'envelope-missing', killed: false, notApplicable: true, attempts: [] });
    expect(report.score).toEqual({ killed: 1, total: 1, notApplicable: 1 });
    expect(report.exitCode).toBe(0);
  });
});

describe('selectFaults', () => {
  it('answers the named faults in registry order, all by default, and refuses an unknown name', () => {
    expect(selectFaults([])).toHaveLength(FAULTS.length);
    expect(selectFaults(['no-tenant-check', 'create-status-200']).map((f) => f.name)).toEqual([
      'create-status-200',
      'no-tenant-check',
    ]);
    expect(() => selectFaults(['bogus'])).toThrow(/unknown fault 'bogus'; known faults: create-status-200, /);
  });
});
