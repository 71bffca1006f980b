/** Judgements every Clients property case makes, through the case's collecting `expect`. */
import type { MutationLabel } from '../../../src/arbitraries/index.js';
import type { CheckContext, CheckExpect, TargetResponse } from '../../../src/suite/index.js';
import { runOwnedName } from '../../support/liveNames.js';

/** 5xx is a server fault (GUIDE api_ref_intro), whatever the body: judged first, under the operation's rule. */
export function expectNo5xx(e: CheckExpect, res: TargetResponse, requirement: string): void {
  e.that(res.status < 500, { requirement, expected: 'an answer other than 5xx', observed: `status ${res.status}` });
}

/** `wrong-type at /redirect_uris/0`: the one rule a mutated body breaks. */
export function describeLabel(label: MutationLabel): string {
  return `${label.kind} at ${label.path === '' ? '/ (the whole body)' : label.path}`;
}

/** A body that breaks `label` is refused: no 5xx, 400 (the property's own rule), the documented 400 body. */
export function expectRejected(
  e: CheckExpect,
  res: TargetResponse,
  label: MutationLabel,
  rules: { readonly no5xx: string; readonly errorBody: string },
): void {
  const broken = describeLabel(label);
  expectNo5xx(e, res, rules.no5xx);
  e.that(res.status === 400, {
    expected: `status 400 for a body with ${broken}`,
    observed: `status ${res.status} for a body with ${broken}`,
  });
  e.schema(res, 'error-400.schema.json', { requirement: rules.errorBody });
}

/**
 * A generated name made run-unique (a taken name is a 409, decisions.md #4) and never empty or blank at either end,
 * which a service may trim: `p3[<generated>]`; in live mode behind the run's prefix, so the sweep can delete the
 * client (suites/support/liveNames.ts).
 */
export function uniqueName(c: CheckContext, generated: unknown, n: number): string {
  return runOwnedName(c, `p${n}[${typeof generated === 'string' ? generated : ''}]`);
}

/**
 * A mutated body with its name made run-unique, unless the mutation is in the name itself: a body an offending
 * target accepted would otherwise make the next case with that name a 409 instead of showing what it does.
 */
export function withUniqueName(c: CheckContext, value: unknown, label: MutationLabel, n: number): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || label.path.startsWith('/name'))
    return value;
  const name = (value as Record<string, unknown>)['name'];
  return typeof name === 'string' ? { ...value, name: uniqueName(c, name, n) } : value;
}
