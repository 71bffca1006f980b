import { describe, expect, it } from 'vitest';
import type { PactFile } from '../../src/pact/pactFiles.js';
import {
  describeMismatch,
  interactionVerdicts,
  judgeInteraction,
  type InteractionVerdict,
} from '../../src/pact/verifyResults.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

const pact: PactFile = {
  path: '/contracts/c-cis-api.json',
  consumer: 'c',
  provider: 'cis-api',
  interactions: ['a request to get a client', 'a request to get an unknown client', 'a request to list'].map(
    (description) => ({ description, requirements: [], providerStates: [], request: {}, response: {} }),
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

  it('marks a failure Pact lists under pendingErrors (it resolved) as pending, with its mismatch', () => {
    const text = JSON.stringify({
      errors: [],
      interactionResults: [ok('a request to get a client'), { description: 'a request to list', result: 'Error' }],
      pendingErrors: [
        {
          interaction: 'Verifying a pact between c and cis-api Given an app exists - a request to list',
          mismatch: {
            type: 'mismatches',
            mismatches: [{ type: 'StatusMismatch', mismatch: 'expected 200 but was 500' }],
          },
        },
      ],
      result: true,
    });
    const verdicts = interactionVerdicts(
      { ...pact, interactions: [pact.interactions[0]!, pact.interactions[2]!] },
      {
        resolved: text,
      },
    );
    expect(verdicts).toEqual([
      { consumer: 'c', description: 'a request to get a client', passed: true },
      {
        consumer: 'c',
        description: 'a request to list',
        passed: false,
        mismatch: 'status: expected 200 but was 500',
        pending: true,
      },
    ]);
  });

  it('uses each result once when two pacts of one consumer repeat a description', () => {
    const twice: PactFile = { ...pact, interactions: [pact.interactions[0]!, pact.interactions[0]!] };
    const text = report([
      ok('a request to get a client'),
      { description: 'a request to get a client', result: 'Error' },
    ]);
    expect(interactionVerdicts(twice, { resolved: text }).map((v) => v.passed)).toEqual([true, false]);
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

describe('judgeInteraction', () => {
  const catalog = loadCatalog(process.cwd());
  // Ids by evidence, read from the catalog so the test follows its evidence audits.
  const ids = (evidence: string) => catalog.requirements.filter((r) => r.evidence === evidence).map((r) => r.id);
  const [documented = '', documented2 = ''] = ids('documented');
  const [inferred = ''] = ids('inferred');
  const [observation = ''] = ids('observation');
  const broken: InteractionVerdict = {
    consumer: 'c',
    description: 'd',
    passed: false,
    mismatch: 'status: expected 409 but was 201',
  };
  const judge = (requirements: string[], strict = false, verdict = broken) =>
    judgeInteraction(verdict, requirements, catalog, strict);

  it('fails a broken interaction whose requirements are all documented', () => {
    expect(judge([documented, documented2])).toMatchObject({
      verdict: 'failed',
      judgedBy: { id: documented, evidence: 'documented' },
      mismatch: broken.mismatch,
    });
  });

  it('warns on a broken interaction that rests on an inferred requirement, and fails it under strict', () => {
    expect(judge([documented, inferred])).toMatchObject({
      verdict: 'warning',
      judgedBy: { id: inferred, evidence: 'inferred' },
    });
    expect(judge([documented, inferred], true)).toMatchObject({ verdict: 'failed' });
  });

  it('records a broken interaction that rests on an observation as observed', () => {
    expect(judge([inferred, observation])).toMatchObject({
      verdict: 'observed',
      judgedBy: { id: observation, evidence: 'observation' },
    });
  });

  it('passes a matched interaction whatever its evidence, and errs on one that was not verified', () => {
    expect(judge([inferred], false, { ...broken, passed: true })).toMatchObject({
      verdict: 'passed',
    });
    expect(judge([inferred], false, { ...broken, notVerified: true })).toMatchObject({
      verdict: 'error',
    });
  });

  it('judges an interaction that names no requirement as documented, as Pact does, and one naming an unknown id as an error', () => {
    const none = judge([]);
    expect(none).toMatchObject({ verdict: 'failed', requirements: [] });
    expect(none.judgedBy).toBeUndefined();
    expect(judge(['CLIENTS-NO-SUCH-RULE'])).toMatchObject({
      verdict: 'error',
      mismatch: expect.stringContaining("Unknown requirement id 'CLIENTS-NO-SUCH-RULE'"),
    });
  });
});
