import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/engine/exitCode.js';
import { summarize } from '../../src/engine/results.js';
import type { CheckRecord, RunResults } from '../../src/model/checkRecord.js';
import type { Verdict } from '../../src/model/verdict.js';

const record = (requirement: string, verdict: Verdict) => ({ requirement, verdict }) as CheckRecord;

describe('exitCodeFor', () => {
  const results = (verdicts: Verdict[], runErrors: string[] = []) =>
    ({
      summary: summarize(verdicts.map((v) => record('A-1', v))),
      checks: verdicts.map((v) => record('A-1', v)),
      runErrors,
    }) as unknown as RunResults;

  it('is 1 when anything failed, even with errors', () => {
    expect(exitCodeFor(results(['passed', 'error', 'failed']))).toBe(1);
  });
  it('is 2 for an error verdict, a run error, or a run that checked nothing', () => {
    expect(exitCodeFor(results(['passed', 'error']))).toBe(2);
    expect(exitCodeFor(results(['passed'], ['target down']))).toBe(2);
    expect(exitCodeFor(results([]))).toBe(2);
  });
  it('is 0 for passes, warnings and skips', () => {
    expect(exitCodeFor(results(['passed', 'warning', 'skipped']))).toBe(0);
    // An observation-only check is no failure.
    expect(exitCodeFor(results(['observed']))).toBe(0);
  });
});
