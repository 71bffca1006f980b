import type { SchemaView } from '../catalog/schemaViews.js';
import type { CheckOutcome, RuleRef } from './outcome.js';
import { CheckCouldNotRun } from '../model/checkSignals.js';
import type { CheckExpect, ExpectOptions, TargetResponse } from './types.js';

/** The part of the schema registry (src/catalog/schemas.ts) that expectations use. */
export interface SchemaValidator {
  validate(
    schemaFile: string,
    data: unknown,
    view?: SchemaView,
  ): { readonly valid: boolean; readonly errors: readonly string[] };
  hasInferred(schemaFile: string): boolean;
}

/**
 * The requirement that judges a schema's inferred (`x-inferred`) constraints when the body check's own requirement
 * is documented: `<REQUIREMENT>-INFERRED` (docs/decisions.md #35). A rule that is not documented judges both views.
 */
export const inferredSchemaRequirement = (requirement: string): string => `${requirement}-INFERRED`;

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
      if (res.jsonError !== undefined)
        throw new CheckCouldNotRun(`the target answered ${res.status} with a ${res.jsonError}`);
      if (res.json === undefined)
        return judge(false, rule, `a body matching ${schemaFile}`, `an empty body (status ${res.status})`);
      // The documented constraints under the check's rule; the inferred ones, once those hold, under the rule
      // that carries their evidence (docs/decisions.md #35).
      const documented = schemas.validate(schemaFile, res.json, 'documented');
      judge(documented.valid, rule, `a body matching ${schemaFile}`, describeValidation(documented));
      if (!documented.valid || !schemas.hasInferred(schemaFile)) return;
      const inferredRule =
        rule.evidence === 'documented' ? ruleOf({ requirement: inferredSchemaRequirement(rule.id) }) : rule;
      const full = schemas.validate(schemaFile, res.json, 'full');
      judge(
        full.valid,
        inferredRule,
        `a body matching ${schemaFile} with its inferred constraints`,
        describeValidation(full),
      );
    },
    that(ok, detail) {
      judge(ok, ruleOf(detail), detail.expected, detail.observed);
    },
  };
}

function describeValidation(result: { readonly valid: boolean; readonly errors: readonly string[] }): string {
  if (result.valid) return 'a matching body';
  const errors = result.errors.slice(0, MAX_SCHEMA_ERRORS).join('; ');
  const more = result.errors.length > MAX_SCHEMA_ERRORS ? ` (+${result.errors.length - MAX_SCHEMA_ERRORS} more)` : '';
  return `a body with ${errors}${more}`;
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
