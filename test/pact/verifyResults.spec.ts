import { describe, expect, it } from 'vitest';
import type { PactFile } from '../../src/pact/pactFiles.js';
import { describeMismatch, interactionVerdicts } from '../../src/pact/verifyResults.js';

const pact: PactFile = {
  path: '/contracts/c-cis-api.json',
  consumer: 'c',
  provider: 'cis-api',
  interactions: ['a request to get a client', 'a request to get an unknown client', 'a request to list'].map(
    (description) => ({ description, providerStates: [], request: {}, response: {} }),
  ),
};

const ok = (description: string) => ({ description, duration: '3ms', result: 'OK' });

/** The FFI's report, as pact-core resolves it (a JSON string) or rejects with it (an Error's message). */
function report(results: object[], errors: object[] = []): string {
  return JSON.stringify({
    errors,
    interactionResults: results,
    notices: [],
    output: [],
    pendingErrors: [],
    result: errors.length === 0,
  });
}

describe('interactionVerdicts', () => {
  it('passes every interaction of a successful report, in file order', () => {
    const text = report(pact.interactions.map((i) => ok(i.description)).reverse());
    expect(interactionVerdicts(pact, { resolved: text })).toEqual(
      pact.interactions.map((i) => ({ consumer: 'c', description: i.description, passed: true })),
    );
  });

  it('fails the named interaction with its mismatches when the verifier rejects, and keeps the others', () => {
    const text = report(
      [
        ok('a request to get a client'),
        { description: 'a request to get an unknown client', result: 'Error' },
        ok('a request to list'),
      ],
      [
        {
          interaction:
            'Verifying a pact between c and cis-api Given an app exists - a request to get an unknown client',
          mismatch: {
            interactionId: '',
            type: 'mismatches',
            mismatches: [
              { type: 'StatusMismatch', expected: 404, actual: 200, mismatch: 'expected 404 but was 200' },
              { type: 'BodyMismatch', path: '$.error_code', mismatch: 'Expected 404 but received 200' },
            ],
          },
        },
      ],
    );
    const verdicts = interactionVerdicts(pact, { rejected: new Error(text) });
    expect(verdicts.map((v) => v.passed)).toEqual([true, false, true]);
    expect(verdicts[1]).toEqual({
      consumer: 'c',
      description: 'a request to get an unknown client',
      passed: false,
      mismatch: 'status: expected 404 but was 200; body $.error_code: Expected 404 but received 200',
    });
  });

  it('attributes an error to the longest description it ends with', () => {
    const text = report(
      pact.interactions.map((i) => ok(i.description)),
      [
        {
          interaction: 'Verifying ... Given x - a request to get a client',
          mismatch: { type: 'error', message: 'boom' },
        },
      ],
    );
    const verdicts = interactionVerdicts(pact, { rejected: new Error(text) });
    expect(verdicts.map((v) => [v.description, v.passed, v.mismatch])).toEqual([
      ['a request to get a client', false, 'boom'],
      ['a request to get an unknown client', true, undefined],
      ['a request to list', true, undefined],
    ]);
  });

  it('fails an interaction the report does not mention as not verified', () => {
    const verdicts = interactionVerdicts(pact, { resolved: report([ok('a request to get a client')]) });
    expect(verdicts[2]).toMatchObject({
      passed: false,
      notVerified: true,
      mismatch: expect.stringContaining('no result'),
    });
  });

  it('fails all interactions as not verified, with the message, when the verifier did not run', () => {
    const verdicts = interactionVerdicts(pact, { rejected: new Error('Verification was unable to run') });
    expect(verdicts).toHaveLength(3);
    for (const verdict of verdicts) {
      expect(verdict).toMatchObject({ passed: false, notVerified: true });
      expect(verdict.mismatch).toContain('Verification was unable to run');
    }
  });
});

describe('describeMismatch', () => {
  it('names where a header or body mismatch is', () => {
    expect(describeMismatch({ type: 'HeaderMismatch', key: 'Content-Type', mismatch: 'Expected a, got b' })).toBe(
      'header Content-Type: Expected a, got b',
    );
    expect(describeMismatch({ type: 'BodyTypeMismatch', mismatch: 'Expected a body of application/json' })).toBe(
      'body: Expected a body of application/json',
    );
    expect(describeMismatch({ type: 'Other', mismatch: 'odd' })).toBe('odd');
  });
});
