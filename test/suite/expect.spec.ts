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
});
