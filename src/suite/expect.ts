import type { CheckOutcome, RuleRef } from './outcome.js';
import { CheckCouldNotRun } from './signals.js';
import type { CheckExpect, ExpectOptions, TargetResponse } from './types.js';

/** The part of the schema registry (src/spec/schemas.ts) that expectations use. */
export interface SchemaValidator {
  validate(schemaFile: string, data: unknown): { readonly valid: boolean; readonly errors: readonly string[] };
}

const MAX_SCHEMA_ERRORS = 5;

export function createExpect(
  outcome: CheckOutcome,
  ruleOf: (options?: ExpectOptions) => RuleRef,
  schemas: SchemaValidator,
): CheckExpect {
  const judge = (ok: boolean, rule: RuleRef, expected: string, observed: string): void => {
    if (ok) outcome.met(rule, { expected, observed });
    else outcome.violated(rule, { expected, observed });
  };
  return {
    status(res, expected, options) {
      const wanted = describeStatus(expected);
      judge(statusMatches(res.status, expected), ruleOf(options), wanted, `status ${res.status}${bodyHint(res)}`);
    },
    schema(res, schemaFile, options) {
      const rule = ruleOf(options);
      const expected = `a body matching ${schemaFile}`;
      if (res.jsonError !== undefined)
        throw new CheckCouldNotRun(`the target answered ${res.status} with a ${res.jsonError}`);
      if (res.json === undefined) return judge(false, rule, expected, `an empty body (status ${res.status})`);
      const result = schemas.validate(schemaFile, res.json);
      const errors = result.errors.slice(0, MAX_SCHEMA_ERRORS).join('; ');
      const more =
        result.errors.length > MAX_SCHEMA_ERRORS ? ` (+${result.errors.length - MAX_SCHEMA_ERRORS} more)` : '';
      judge(result.valid, rule, expected, result.valid ? 'a matching body' : `a body with ${errors}${more}`);
    },
    that(ok, detail) {
      judge(ok, ruleOf(detail), detail.expected, detail.observed);
    },
  };
}

function statusMatches(status: number, expected: number | readonly number[] | '2xx' | '4xx'): boolean {
  if (expected === '2xx') return status >= 200 && status < 300;
  if (expected === '4xx') return status >= 400 && status < 500;
  return typeof expected === 'number' ? status === expected : expected.includes(status);
}

function describeStatus(expected: number | readonly number[] | '2xx' | '4xx'): string {
  if (typeof expected === 'string' || typeof expected === 'number') return `status ${expected}`;
  return `status ${expected.join(' or ')}`;
}

/** The target's own error message helps more than the bare status. */
function bodyHint(res: TargetResponse): string {
  const message = (res.json as { message?: unknown } | undefined)?.message;
  if (message === undefined || res.status < 400) return '';
  const text = typeof message === 'string' ? message : JSON.stringify(message);
  return ` ("${text.length > 160 ? `${text.slice(0, 160)}…` : text}")`;
}
