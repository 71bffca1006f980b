import { describe, expect, it } from 'vitest';
import type { CheckRecord, RecordedExchange } from '../../src/model/checkRecord.js';
import type { Verdict } from '../../src/model/verdict.js';
import { brokenRules, firstFailure } from '../../src/mutants/tallyRun.js';

const exchange = { request: { method: 'GET', url: 'u', headers: {} }, durationMs: 1 } as RecordedExchange;
const finished = (verdict: Verdict, requests: number, atMs: number) => ({
  record: { verdict, exchanges: Array.from({ length: requests }, () => exchange) } as unknown as CheckRecord,
  atMs,
});

describe('firstFailure', () => {
  it('counts the exchanges of every check finished up to and including the first failed one, in event order', () => {
    const timeline = [
      finished('passed', 3, 10),
      finished('warning', 2, 20),
      finished('failed', 4, 30.4),
      finished('failed', 9, 40),
    ];
    expect(firstFailure(timeline)).toEqual({ afterMs: 30, requests: 9, checks: 3 });
  });

  it('is undefined when nothing failed (warnings and errors are not kills)', () => {
    expect(
      firstFailure([finished('passed', 1, 1), finished('warning', 1, 2), finished('error', 0, 3)]),
    ).toBeUndefined();
  });
});

describe('brokenRules', () => {
  it('reads the rule ids a failed message names, documented or inferred, in order and once each', () => {
    const message =
      'CONSENTS-LIST-200: observed status 500 ("a; b: observed"), expected status 200; ' +
      'CLIENTS-GET-200-ENVELOPE (inferred): observed a bare object, expected {"result": …}; ' +
      'CONSENTS-LIST-200: observed status 500, expected status 200';
    expect(brokenRules(message)).toEqual(['CONSENTS-LIST-200', 'CLIENTS-GET-200-ENVELOPE']);
  });

  it('finds nothing in a message that names no rule', () => {
    expect(brokenRules('the check crashed: TypeError')).toEqual([]);
  });
});
