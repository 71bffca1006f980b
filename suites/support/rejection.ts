/**
 * The shared shape of every authorization refusal: rejected (a 4xx, under the rule that says so), with the code the
 * rule's status requirement names (401 or 403, usually inferred: a different 4xx is then only a warning), and —
 * for operations that change state — nothing changed, as the owner re-reads it.
 */
import type { CheckContext, TargetResponse } from '../../src/suite/index.js';
import type { PreparedOperation } from './operationRecipes.js';

export interface RejectionRules {
  /** The rule that the request is refused at all (and changes nothing). Default: the check's own. */
  readonly requirement?: string;
  /** The status a refusal should carry, and the rule that says so. */
  readonly code?: { readonly status: number; readonly requirement: string };
}

export const is2xx = (res: TargetResponse): boolean => res.status >= 200 && res.status < 300;
export const is4xx = (res: TargetResponse): boolean => res.status >= 400 && res.status < 500;

/**
 * Judges `res` as a refusal. `before` is `op.snapshot()` taken before the request; when defined, the state is
 * re-read and must be equal. A 2xx is one finding (the refusal rule), not three: the code and the state are then
 * not judged again.
 */
export async function expectRejected(
  c: CheckContext,
  res: TargetResponse,
  rules: RejectionRules,
  state?: { readonly op: PreparedOperation; readonly before: string | undefined },
): Promise<void> {
  const refusal = rules.requirement === undefined ? {} : { requirement: rules.requirement };
  c.expect.status(res, '4xx', refusal);
  if (rules.code && is4xx(res)) c.expect.status(res, rules.code.status, { requirement: rules.code.requirement });
  if (state && state.before !== undefined && !is2xx(res)) {
    const after = await state.op.snapshot();
    c.expect.that(after === state.before, {
      ...refusal,
      expected: `the refused request to change nothing (owner's re-read: ${state.before})`,
      observed: `owner's re-read after it: ${after}`,
    });
  }
}

/** One-line summary of an answer for observations: status and the start of the body. */
export function answerSummary(res: TargetResponse): string {
  const text = res.text.length > 160 ? `${res.text.slice(0, 160)}…` : res.text;
  return text === '' ? `status ${res.status}, empty body` : `status ${res.status}, body ${text}`;
}
