import { describe, expect, it } from 'vitest';
import { CheckOutcome, type RuleRef } from '../../src/suite/outcome.js';
import { CheckStopped } from '../../src/model/checkSignals.js';

const documented: RuleRef = { id: 'R-DOC', operation: 'POST /v1/clients', evidence: 'documented' };
const inferred: RuleRef = { id: 'R-INF', operation: 'POST /v1/clients', evidence: 'inferred' };
const observation: RuleRef = { id: 'R-OBS', operation: 'POST /v1/clients', evidence: 'observation' };
const broken = { expected: '201', observed: '200' };

describe('CheckOutcome', () => {
  it('passes when every expectation is met', () => {
    const outcome = new CheckOutcome(false, 'c');
    outcome.met(documented, broken);
    expect([outcome.verdict, outcome.message, outcome.expectations]).toEqual(['passed', '', 1]);
  });

  it("remembers every rule it judged, met, broken or observed, as the check's coverage", () => {
    const outcome = new CheckOutcome(false, 'c');
    outcome.met(documented, broken);
    outcome.violated(inferred, broken);
    outcome.addObservation(observation, 'q', 'x');
    expect([...outcome.judged].sort()).toEqual(['R-DOC', 'R-INF', 'R-OBS']);
  });

  it('fails and stops on a broken documented rule', () => {
    const outcome = new CheckOutcome(false, 'c');
    expect(() => outcome.violated(documented, broken)).toThrow(CheckStopped);
    expect(outcome.verdict).toBe('failed');
    expect(outcome.message).toBe('R-DOC: observed 200, expected 201');
  });

  it('warns and goes on for a broken inferred rule; a later documented failure is worse', () => {
    const outcome = new CheckOutcome(false, 'c');
    outcome.violated(inferred, broken);
    expect(outcome.verdict).toBe('warning');
    expect(() => outcome.violated(documented, { expected: 'a body', observed: 'none' })).toThrow(CheckStopped);
    expect(outcome.verdict).toBe('failed');
    expect(outcome.message).toBe('R-INF (inferred): observed 200, expected 201; R-DOC: observed none, expected a body');
  });

  it('fails a broken inferred rule under --strict', () => {
    const outcome = new CheckOutcome(true, 'c');
    expect(() => outcome.violated(inferred, broken)).toThrow(CheckStopped);
    expect(outcome.verdict).toBe('failed');
  });

  it('turns an observation rule into an observation, met or not, and never a verdict', () => {
    const outcome = new CheckOutcome(true, 'check-1');
    outcome.violated(observation, broken);
    outcome.met(observation, { expected: '204', observed: '204' });
    expect(outcome.verdict).toBe('observed');
    expect(outcome.observations).toEqual([
      {
        requirement: 'R-OBS',
        operation: 'POST /v1/clients',
        question: 'expected 201',
        observed: '200',
        checkId: 'check-1',
      },
      {
        requirement: 'R-OBS',
        operation: 'POST /v1/clients',
        question: 'expected 204',
        observed: '204',
        checkId: 'check-1',
      },
    ]);
  });

  it('is observed, not passed, when it judged nothing but observation rules; its message says what it saw', () => {
    const outcome = new CheckOutcome(false, 'c');
    outcome.addObservation(observation, 'status of a delete', '204');
    outcome.addObservation(observation, 'a long answer', `${'a'.repeat(150)}${'z'.repeat(150)}`);
    expect(outcome.verdict).toBe('observed');
    const [first, second] = outcome.message.split('; ');
    expect(first).toBe('R-OBS: 204');
    // A long value keeps its start and its end, cut in the middle.
    expect(second).toMatch(/^R-OBS: a{120} … z{39}$/);
  });

  it('passes when it met a documented or inferred rule besides its observations', () => {
    for (const rule of [documented, inferred]) {
      const outcome = new CheckOutcome(false, 'c');
      outcome.addObservation(observation, 'q', 'x');
      outcome.met(rule, { expected: '201', observed: '201' });
      expect([outcome.verdict, outcome.message]).toEqual(['passed', '']);
    }
  });

  it('is not observed without an observation, nor when a skip, an error or a warning came after one', () => {
    expect(new CheckOutcome(false, 'c').verdict).toBe('passed');
    const skipped = new CheckOutcome(false, 'c');
    skipped.addObservation(observation, 'q', 'x');
    skipped.skipped('no hook');
    expect([skipped.verdict, skipped.message]).toEqual(['skipped', 'no hook']);
    const warned = new CheckOutcome(false, 'c');
    warned.addObservation(observation, 'q', 'x');
    warned.violated(inferred, broken);
    expect(warned.verdict).toBe('warning');
  });

  it('keeps a warning over a later skip and reports both', () => {
    const outcome = new CheckOutcome(false, 'c');
    outcome.violated(inferred, broken);
    outcome.skipped('no hook');
    expect(outcome.verdict).toBe('warning');
    expect(outcome.message).toBe('R-INF (inferred): observed 200, expected 201; then skipped: no hook');
  });

  it('reports the reason of a skip or an error', () => {
    const skipped = new CheckOutcome(false, 'c');
    skipped.skipped('needs the state hook');
    expect([skipped.verdict, skipped.message]).toEqual(['skipped', 'needs the state hook']);
    const errored = new CheckOutcome(false, 'c');
    errored.violated(inferred, broken);
    errored.errored('target error (timeout)');
    expect([errored.verdict, errored.message]).toEqual(['error', 'target error (timeout)']);
  });
});
