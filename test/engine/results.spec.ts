import { describe, expect, it } from 'vitest';
import { buildRunResults, summarize, uncoveredRequirements } from '../../src/engine/results.js';
import type { CheckRecord } from '../../src/model/checkRecord.js';
import type { RequirementCatalog } from '../../src/model/requirement.js';
import type { Verdict } from '../../src/model/verdict.js';

const catalog: RequirementCatalog = {
  operations: [],
  requirements: [
    { id: 'A-1', operation: 'GET /a', family: 'contract', rule: 'r', sources: [], evidence: 'documented' },
    {
      id: 'A-2',
      operation: 'GET /a',
      family: 'contract',
      rule: 'r',
      sources: [],
      evidence: 'inferred',
      notes: 'No documented trigger for this.',
    },
  ],
};
const record = (requirement: string, verdict: Verdict) => ({ requirement, verdict }) as CheckRecord;

describe('run results', () => {
  it('counts each verdict', () => {
    const verdicts: Verdict[] = ['passed', 'passed', 'observed', 'failed', 'warning', 'skipped', 'error'];
    expect(summarize(verdicts.map((v) => record('A-1', v)))).toEqual({
      passed: 2,
      observed: 1,
      failed: 1,
      warnings: 1,
      skipped: 1,
      errors: 1,
    });
  });

  it('lists requirements no check reached, with why', () => {
    expect(uncoveredRequirements(catalog, [record('A-1', 'skipped')], { suites: [] })).toEqual([
      {
        requirement: 'A-2',
        operation: 'GET /a',
        reason: 'no check in the suites reaches it; No documented trigger for this.',
      },
    ]);
    const filtered = uncoveredRequirements(catalog, [], { suites: ['smoke'], check: 'A-1' });
    expect(filtered.map((u) => u.reason)).toEqual([
      'no check in the selected suites reaches it (--suite smoke, --check A-1)',
      'not selected in this run (--suite smoke, --check A-1); No documented trigger for this.',
    ]);
  });

  it('counts a rule judged inside another check as covered', () => {
    const judging = { ...record('A-1', 'passed'), covers: ['A-1', 'A-2'] } as CheckRecord;
    expect(uncoveredRequirements(catalog, [judging], { suites: [] })).toEqual([]);
    expect(uncoveredRequirements(catalog, [record('A-1', 'passed')], { suites: [] }).map((u) => u.requirement)).toEqual(
      ['A-2'],
    );
  });

  it('assembles results.json', () => {
    const run = { id: 'r', seed: 1, target: 'embedded', strict: false, suites: [], startedAt: 'x', durationMs: 1 };
    const results = buildRunResults({
      version: '9',
      run,
      checks: [record('A-1', 'passed')],
      observations: [],
      runErrors: [],
      catalog,
      selection: { suites: [] },
    });
    expect(results).toMatchObject({
      tool: { name: 'cis-conformance', version: '9' },
      summary: { passed: 1 },
      uncovered: [{ requirement: 'A-2' }],
    });
  });
});

describe('uniqueId', () => {
  it('keeps the first id and suffixes later records that repeat it', async () => {
    const { uniqueId } = await import('../../src/engine/runner.js');
    const seen = new Map<string, number>();
    const a = { id: 'contract/R-1/x' } as CheckRecord;
    expect([uniqueId(a, seen).id, uniqueId(a, seen).id, uniqueId(a, seen).id]).toEqual([
      'contract/R-1/x',
      'contract/R-1/x~2',
      'contract/R-1/x~3',
    ]);
  });
});
