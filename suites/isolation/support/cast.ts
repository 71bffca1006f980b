/**
 * The cast of an isolation check: the owner's app, whose data must stay private, and the intruders that try to
 * reach it. "Another tenant" is played twice: by an app of a fresh tenant, and by an app of another tenant with the
 * owner's own app id — only a lookup that checks the tenant as well as the app keeps the second one out. Every
 * intruder's app is set up like the owner's, so its full-access token is one the target accepts on its own app and
 * a refusal can only be for isolation (docs/decisions.md #34).
 */
import type { AppFixture, CheckContext, TargetResponse } from '../../../src/suite/index.js';
import { CheckCouldNotRun } from '../../../src/model/checkSignals.js';
import { answerSummary, is2xx } from '../../support/rejection.js';
import { listedValues } from '../../support/ownerAccess.js';

export interface Intruder {
  /** Who it is, for messages: `another app of the tenant`, ... */
  readonly label: string;
  readonly app: AppFixture;
}

export interface IsolationCast {
  readonly owner: AppFixture;
  readonly otherApp: Intruder;
  /** The two "another tenant" intruders. */
  readonly otherTenants: readonly Intruder[];
}

export async function castFor(c: CheckContext): Promise<IsolationCast> {
  const owner = await c.fixtures.app();
  const otherApp = await c.fixtures.app({ tenantId: owner.tenantId });
  const otherTenant = await c.fixtures.app();
  const sameAppIdElsewhere = await c.fixtures.app({ appId: owner.appId });
  return {
    owner,
    otherApp: { label: 'another app of the same tenant', app: otherApp },
    otherTenants: [
      { label: 'an app of another tenant', app: otherTenant },
      { label: "a token of another tenant naming the owner's app id", app: sameAppIdElsewhere },
    ],
  };
}

/** Every intruder, for the rules that hold for all of them (the 404 rules). */
export function allIntruders(cast: IsolationCast): Intruder[] {
  return [cast.otherApp, ...cast.otherTenants];
}

/** The intruders of a rule: `OTHER-APP` → the other app; `OTHER-TENANT` → both other-tenant intruders. */
export function intrudersOf(cast: IsolationCast, rule: 'OTHER-APP' | 'OTHER-TENANT'): readonly Intruder[] {
  return rule === 'OTHER-APP' ? [cast.otherApp] : cast.otherTenants;
}

/** A list answer names none of `ids`, the data `who` must not reach (a refused listing leaks nothing either). */
export function expectNotListed(
  c: CheckContext,
  res: TargetResponse,
  field: string,
  ids: readonly string[],
  who: string,
): void {
  const leaked = is2xx(res) ? listedValues(res, field).filter((value) => ids.includes(value)) : [];
  c.expect.that(leaked.length === 0, {
    expected: `${who} to be shown none of ${ids.join(', ')} (${field})`,
    observed: leaked.length === 0 ? answerSummary(res) : `the answer lists ${leaked.join(', ')}`,
  });
}

/** The intruder's request was not answered with the owner's data. */
export function expectRefused(c: CheckContext, res: TargetResponse, who: string): void {
  c.expect.that(!is2xx(res), { expected: `${who} to be refused (no 2xx)`, observed: answerSummary(res) });
}

/** The owner's re-read equals the one before the intruder acted. */
export function expectUnchanged(
  c: CheckContext,
  before: string | undefined,
  after: string | undefined,
  who: string,
): void {
  // Snapshots read `status N …`: an owner who cannot read its own data cannot show it was left untouched.
  if (before !== undefined && !/^status 2\d\d\b/.test(before))
    throw new CheckCouldNotRun(`the owner's re-read answered ${before}: it cannot show what ${who} changed`);
  c.expect.that(after === before, {
    expected: `the owner's data untouched by ${who} (re-read before: ${before})`,
    observed: `re-read after: ${after}`,
  });
}
