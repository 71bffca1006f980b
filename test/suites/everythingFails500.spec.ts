/**
 * A target that answers 500 `{"message":"boom"}` to every request, its state-hook path included, earns no pass
 * (issue 14, "inflated passes"): a check either finds the 500, cannot set up (error), needs the hook the target does
 * not have (skipped: a hook answering 500 is no hook), or judged only observation rules (observed). Every suite runs
 * against it, one worker, one fast-check case per property.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cannedRunConfig, startCannedTarget, type CannedTarget } from './support/cannedTarget.js';
import { runSuites, verdictLines } from './support/suiteRun.js';

let target: CannedTarget;

beforeAll(async () => {
  target = await startCannedTarget({ status: 500, body: '{"message":"boom"}' });
});

afterAll(() => target.close());

// Every suite, one worker: minutes on a loaded machine, not the 60 s default.
it('a target answering 500 to everything gets 0 passed, and the run fails', { timeout: 300_000 }, async () => {
  const { results, exitCode } = await runSuites(cannedRunConfig(target.url));
  expect(target.requests()).toBeGreaterThan(100);
  expect(results.checks.length).toBeGreaterThan(600);
  expect(verdictLines(results.checks.filter((c) => c.verdict === 'passed'))).toEqual([]);
  expect(results.summary.passed).toBe(0);
  expect(exitCode).toBe(1);
  // Nothing inflated elsewhere either: an observed check is one that judged only observation requirements.
  expect(results.summary.observed).toBeGreaterThan(0);
  expect(results.summary.failed).toBeGreaterThan(0);
  const skipped = results.checks.filter((c) => c.verdict === 'skipped');
  expect(skipped.length).toBeGreaterThan(0);
  // Skipped for the missing hook, or because a 500 left no 4xx body to examine: each says why.
  for (const record of skipped) expect(record.message).toMatch(/no state hook|answered 500, not/);
  // The observed checks judged nothing but observation requirements: no documented or inferred rule is among them.
  for (const record of results.checks.filter((c) => c.verdict === 'observed'))
    expect(record.evidence, record.id).toBe('observation');
});

it('a list check does not pass on a 200 whose body is not the list', async () => {
  target.answerWith({ status: 200, body: '{"result":"garbage"}' });
  const lists = ['CONSENTS-LIST-200', 'MANAGE-CONSENTS-LIST-200', 'ME-CONSENTS-LIST-200'];
  const { results } = await runSuites(cannedRunConfig(target.url, { suites: ['contract'], checks: lists }));
  expect(results.checks.map((c) => [c.requirement, c.verdict]).sort()).toEqual(lists.map((id) => [id, 'failed']));
  for (const record of results.checks)
    expect(record.message).toMatch(/-200-BODY: observed a body with .*, expected a body matching/);
});
