import { describe, expect, it } from 'vitest';
import { createExpect, type SchemaValidator } from '../../src/suite/expect.js';
import { CheckOutcome, type RuleRef } from '../../src/suite/outcome.js';
import type { TargetResponse } from '../../src/suite/types.js';

const rule: RuleRef = { id: 'R', operation: 'GET /x', evidence: 'inferred' };
const schemas: SchemaValidator = {
  validate: (_file, data) =>
    typeof data === 'object'
      ? { valid: true, errors: [] }
      : { valid: false, errors: Array.from({ length: 7 }, (_, i) => `/e${i} bad`) },
  hasInferred: () => false,
};
const res = (status: number, json?: unknown): TargetResponse => ({
  status,
  headers: {},
  text: json === undefined ? '' : JSON.stringify(json),
  json,
});

function judge(fn: (e: ReturnType<typeof createExpect>) => void): CheckOutcome {
  const outcome = new CheckOutcome(false, 'c');
  fn(createExpect(outcome, () => rule, schemas));
  return outcome;
}

describe('createExpect', () => {
  it('matches a status against a number, a list, 2xx and 4xx', () => {
    expect(
      judge((e) => [
        e.status(res(204), '2xx'),
        e.status(res(409), '4xx'),
        e.status(res(201), [200, 201]),
        e.status(res(200), 200),
      ]).verdict,
    ).toBe('passed');
    expect(judge((e) => e.status(res(500), [200, 201])).message).toBe(
      'R (inferred): observed status 500, expected status 200 or 201',
    );
    expect(judge((e) => e.status(res(302), '2xx')).verdict).toBe('warning');
  });

  it('reports an empty body and at most five schema errors', () => {
    expect(judge((e) => e.schema(res(200), 'x.schema.json')).message).toBe(
      'R (inferred): observed an empty body (status 200), expected a body matching x.schema.json',
    );
    expect(judge((e) => e.schema(res(200, 'str'), 'x.schema.json')).message).toBe(
      'R (inferred): observed a body with /e0 bad; /e1 bad; /e2 bad; /e3 bad; /e4 bad (+2 more), expected a body matching x.schema.json',
    );
  });

  describe('a schema with inferred constraints (docs/decisions.md #35)', () => {
    // The documented view wants an object; the full view also wants `id` in it.
    const views: SchemaValidator = {
      validate: (_file, data, view) => {
        if (typeof data !== 'object' || data === null) return { valid: false, errors: ['/ must be object'] };
        if (view === 'full' && !('id' in data)) return { valid: false, errors: ["/ must have required property 'id'"] };
        return { valid: true, errors: [] };
      },
      hasInferred: () => true,
    };
    const rules: Record<string, RuleRef> = {
      DOC: { id: 'DOC', operation: 'GET /x', evidence: 'documented' },
      'DOC-INFERRED': { id: 'DOC-INFERRED', operation: 'GET /x', evidence: 'inferred' },
      INF: { id: 'INF', operation: 'GET /x', evidence: 'inferred' },
    };
    const judgeAs = (own: string, json: unknown): CheckOutcome => {
      const outcome = new CheckOutcome(false, 'c');
      const ruleOf = (o?: { requirement?: string }): RuleRef => {
        const found = rules[o?.requirement ?? own];
        if (!found) throw new Error(`no requirement ${o?.requirement}`);
        return found;
      };
      try {
        createExpect(outcome, ruleOf, views).schema(res(200, json), 'x.schema.json');
      } catch {
        // a failed documented rule stops the check; the outcome holds the finding
      }
      return outcome;
    };

    it('fails the documented rule on a documented constraint, without judging the inferred ones', () => {
      const outcome = judgeAs('DOC', 'str');
      expect(outcome.verdict).toBe('failed');
      expect(outcome.message).toBe(
        'DOC: observed a body with / must be object, expected a body matching x.schema.json',
      );
      expect([...outcome.judged]).toEqual(['DOC']);
    });

    it('warns under <REQUIREMENT>-INFERRED on an inferred constraint, and passes the documented rule', () => {
      const outcome = judgeAs('DOC', {});
      expect(outcome.verdict).toBe('warning');
      expect(outcome.message).toBe(
        "DOC-INFERRED (inferred): observed a body with / must have required property 'id', expected a body matching x.schema.json with its inferred constraints",
      );
      expect([...outcome.judged].sort()).toEqual(['DOC', 'DOC-INFERRED']);
      expect(judgeAs('DOC', { id: 1 }).verdict).toBe('passed');
    });

    it('judges both views under a rule that is not documented', () => {
      const outcome = judgeAs('INF', {});
      expect(outcome.verdict).toBe('warning');
      expect(outcome.message).toMatch(/^INF \(inferred\): .*required property 'id'/);
      expect([...outcome.judged]).toEqual(['INF']);
    });
  });
});
