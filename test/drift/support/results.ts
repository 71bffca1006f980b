/** Small RunResults for the drift tests: checks by `id:verdict`, observations by `requirement/check: question = answer`. */
import type { CheckRecord, Observation, RunResults } from '../../../src/model/checkRecord.js';
import type { Verdict } from '../../../src/model/verdict.js';

export function check(id: string, verdict: Verdict, message = ''): CheckRecord {
  const requirement = id.split('/')[1] ?? id;
  return {
    id,
    requirement,
    operation: 'GET /v1/clients',
    family: 'contract',
    title: `title of ${id}`,
    verdict,
    evidence: 'documented',
    message,
    reproduction: { seed: 1, command: 'npx cis-conformance run' },
    exchanges: [],
    durationMs: 1,
  } as CheckRecord;
}

export function observation(requirement: string, checkId: string, question: string, observed: string): Observation {
  return { requirement, operation: 'GET /v1/consents', question, observed, checkId };
}

export function results(runId: string, checks: CheckRecord[], observations: Observation[] = []): RunResults {
  const count = (v: Verdict) => checks.filter((c) => c.verdict === v).length;
  return {
    tool: { name: 'cis-conformance', version: '0.1.0' },
    run: {
      id: runId,
      seed: 1,
      target: 'sandbox',
      strict: false,
      suites: [],
      startedAt: `2026-03-0${runId.length % 9}T02:00:00.000Z`,
      durationMs: 1,
    },
    summary: {
      passed: count('passed'),
      observed: count('observed'),
      failed: count('failed'),
      warnings: count('warning'),
      skipped: count('skipped'),
      errors: count('error'),
    },
    checks,
    observations,
    uncovered: [],
    runErrors: [],
  };
}
