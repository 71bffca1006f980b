import { describe, expect, it } from 'vitest';
import type { CheckRecord } from '../../src/model/checkRecord.js';
import type { CheckFamily } from '../../src/model/families.js';
import type { RequirementCatalog } from '../../src/model/requirement.js';
import { catalogCoverage, coverageOf, judgedStrict, targetedPlan } from '../../src/mutants/plan.js';

const catalog: RequirementCatalog = {
  operations: [],
  requirements: [
    { id: 'A-201', operation: 'POST /a', family: 'contract', rule: 'r', sources: [], evidence: 'documented' },
    { id: 'A-ENVELOPE', operation: 'POST /a', family: 'contract', rule: 'r', sources: [], evidence: 'inferred' },
    { id: 'A-GONE', operation: 'POST /a', family: 'semantics', rule: 'r', sources: [], evidence: 'documented' },
    { id: 'A-SEEN', operation: 'POST /a', family: 'contract', rule: 'r', sources: [], evidence: 'observation' },
  ],
};

const record = (requirement: string, family: CheckFamily): CheckRecord =>
  ({ requirement, family, id: `${family}/${requirement}/x` }) as CheckRecord;

describe('coverageOf', () => {
  it("maps each requirement to the folders of its checks' families, and families without a folder to *", () => {
    const coverage = coverageOf(
      [
        record('A-201', 'contract'),
        record('A-201', 'pact'),
        record('A-GONE', 'semantics'),
        record('A-GONE', 'stateful'),
      ],
      ['contract', 'pact', 'semantics'],
    );
    expect(coverage.get('A-201')).toEqual(new Set(['contract', 'pact']));
    expect(coverage.get('A-GONE')).toEqual(new Set(['semantics', '*']));
    expect(coverage.has('A-ENVELOPE')).toBe(false);
  });
});

describe('targetedPlan', () => {
  it("keeps the covered own ids, in the folder of the rule's family when a check of it is there", () => {
    const coverage = coverageOf([record('A-201', 'contract'), record('A-201', 'pact')], ['contract', 'pact']);
    expect(targetedPlan(['A-201', 'A-ENVELOPE'], coverage, [], catalog)).toEqual({
      requirements: ['A-201'],
      suites: ['contract'],
      uncovered: ['A-ENVELOPE'],
    });
  });

  it('uses every folder holding a check when none is named after the family', () => {
    const coverage = coverageOf([record('A-GONE', 'pact'), record('A-GONE', 'isolation')], ['pact', 'isolation']);
    expect(targetedPlan(['A-GONE'], coverage, [], catalog).suites).toEqual(['isolation', 'pact']);
  });

  it('falls back to the selected suites when a check sits outside any family folder', () => {
    const coverage = coverageOf([record('A-GONE', 'stateful')], ['semantics']);
    expect(targetedPlan(['A-GONE'], coverage, ['semantics', 'smoke'], catalog).suites).toEqual(['semantics', 'smoke']);
  });

  it('plans nothing when no own id is covered', () => {
    expect(targetedPlan(['A-GONE'], new Map(), [], catalog)).toEqual({
      requirements: [],
      suites: [],
      uncovered: ['A-GONE'],
    });
  });

  it('predicts coverage from the catalog families without a clean run', () => {
    expect(targetedPlan(['A-GONE', 'A-201'], catalogCoverage(catalog), [], catalog).suites).toEqual([
      'contract',
      'semantics',
    ]);
  });
});

describe('judgedStrict', () => {
  it('is strict when any own rule is inferred, and not for documented or observation rules only', () => {
    expect(judgedStrict(['A-201', 'A-ENVELOPE'], catalog)).toBe(true);
    expect(judgedStrict(['A-201', 'A-GONE', 'A-SEEN'], catalog)).toBe(false);
    expect(judgedStrict(['NO-SUCH-ID'], catalog)).toBe(false);
  });
});
