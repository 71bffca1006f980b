/**
 * The three operations that remove consents, behind one shape, so that the rules they share (2xx on a match,
 * 404 on none, `consent_id` narrowing, gone afterwards) are written once and checked for each:
 * - DELETE /v1/consents/clients/{clientId}/users/{userId} (client token of the app; decisions #23)
 * - DELETE /v1/manage/consents/clients/{clientId}/users/{userId}?app_id= (client token, app_id its app; #24)
 * - DELETE /v1/consents/me/clients/{clientId} (UserAccessToken of userId; #25)
 * Each removes the consents of one (client, user) pair in one app, or only the one `consent_id`.
 */
import type { CheckContext, CheckCredential, TargetResponse } from '../../src/suite/index.js';
import { expectGone, expectKept, listedIds, myListedIds } from './consentsLists.js';
import { consentGrid, consentsSession, type ConsentGrid, type ConsentsSession } from './consents.js';
import { OP } from './operationAuth.js';

export interface DeleteTarget {
  readonly clientId: string;
  readonly userId: string;
  readonly consentId?: string;
}

export interface ConsentDeleteOperation {
  /** Operation key, the prefix of its requirement ids. */
  readonly key: typeof OP.CONSENTS_DELETE_USER | typeof OP.MANAGE_CONSENTS_DELETE | typeof OP.ME_CONSENTS_REVOKE;
  readonly label: string;
  /** Removes with the right token: the session's delete token, or the user's own token for `/me`. */
  remove(s: ConsentsSession, target: DeleteTarget): Promise<TargetResponse>;
  /** The same request with `token` (null: none), for the auth error bodies. */
  removeWith(s: ConsentsSession, target: DeleteTarget, token: CheckCredential | null): Promise<TargetResponse>;
  /** A valid token this operation refuses, with a label for observations. */
  refusedToken(
    c: CheckContext,
    s: ConsentsSession,
  ): Promise<{ readonly label: string; readonly token: CheckCredential }>;
}

const withConsentId = (target: DeleteTarget) => (target.consentId !== undefined ? { consentId: target.consentId } : {});

const noPermissionToken = async (c: CheckContext, s: ConsentsSession) => ({
  label: 'a client token holding no permission',
  token: await c.tokens.client({ app: s.app, permissions: [] }),
});

export const USER_DELETE: ConsentDeleteOperation = {
  key: OP.CONSENTS_DELETE_USER,
  label: 'DELETE /v1/consents/clients/{clientId}/users/{userId}',
  remove: (s, target) => USER_DELETE.removeWith(s, target, s.remove),
  removeWith: async (s, target, token) =>
    (await s.cis.deleteUserConsents(token, target.clientId, target.userId, withConsentId(target))).response,
  refusedToken: noPermissionToken,
};

export const MANAGE_DELETE: ConsentDeleteOperation = {
  key: OP.MANAGE_CONSENTS_DELETE,
  label: 'DELETE /v1/manage/consents/clients/{clientId}/users/{userId}',
  remove: (s, target) => MANAGE_DELETE.removeWith(s, target, s.remove),
  removeWith: async (s, target, token) =>
    (
      await s.cis.deleteClientConsents(token, target.clientId, target.userId, {
        appId: s.app.appId,
        ...withConsentId(target),
      })
    ).response,
  refusedToken: noPermissionToken,
};

export const ME_REVOKE: ConsentDeleteOperation = {
  key: OP.ME_CONSENTS_REVOKE,
  label: 'DELETE /v1/consents/me/clients/{clientId}',
  remove: async (s, target) => ME_REVOKE.removeWith(s, target, await s.user(target.userId)),
  removeWith: async (s, target, token) =>
    (await s.cis.revokeMyConsent(token, target.clientId, withConsentId(target))).response,
  // The /me operations take only a UserAccessToken (decisions #9): a client token of the same app is refused.
  refusedToken: async (_c, s) => ({ label: 'a client token of the app', token: s.remove }),
};

export const CONSENT_DELETES: readonly ConsentDeleteOperation[] = [USER_DELETE, MANAGE_DELETE, ME_REVOKE];

/** The requirement id `<key>-<rule>` of an operation, e.g. `rule(MANAGE_DELETE, 'GONE')`. */
export function rule(operation: ConsentDeleteOperation, name: string): string {
  return `${operation.key}-${name}`;
}

/** Holds a successful removal to its 2xx rule: documented for the two client-token deletes, inferred for revoke. */
export function expectRemoved(c: CheckContext, operation: ConsentDeleteOperation, res: TargetResponse): void {
  c.expect.status(res, '2xx', { requirement: rule(operation, '2XX') });
}

/**
 * What a removal left of the grid, seen where the docs describe its effect: for the client-token deletes the app's
 * list (GET /v1/consents sees every user's consents, so an overreach shows); for the /me revoke, whose effect the
 * docs describe only for the caller ("for current user"), user A's consents as user A lists them and user B's
 * where both the app and user B list them (a soft revoke that keeps an audit trail for the app is the other
 * defensible side, ME-CONSENTS-REVOKE-GONE-ALL-LISTS, so user B's own list is the read a soft overreach shows in).
 */
export async function remainingOfGrid(
  c: CheckContext,
  s: ConsentsSession,
  grid: ConsentGrid,
  operation: ConsentDeleteOperation,
): Promise<string[]> {
  const appListed = await listedIds(c, s);
  if (operation !== ME_REVOKE) return appListed;
  const userA = new Set(grid.all.filter((x) => x.user_id === grid.userA).map((x) => x.consent_id));
  const userBListed = new Set(await myListedIds(c, s, grid.userB));
  return [
    ...(await myListedIds(c, s, grid.userA)),
    ...appListed.filter((id) => !userA.has(id) && (userBListed.has(id) || !grid.names.has(id))),
  ];
}

/** Sets up a grid, removes the pair client A / user A without consent_id, and returns what is left of it. */
export async function removePair(
  c: CheckContext,
  operation: ConsentDeleteOperation,
): Promise<{ readonly s: ConsentsSession; readonly grid: ConsentGrid; readonly remaining: string[] }> {
  const s = await consentsSession(c);
  const grid = await consentGrid(c, s.app);
  expectRemoved(c, operation, await operation.remove(s, { clientId: grid.clientA, userId: grid.userA }));
  return { s, grid, remaining: await remainingOfGrid(c, s, grid, operation) };
}

type GridConsent = 'aa' | 'aa2' | 'ab' | 'ba' | 'bb';

/** Holds what `removePair` left to `requirement`: the grid consents in `gone` are gone, those in `kept` stay. */
export function expectLeft(
  c: CheckContext,
  removal: { readonly grid: ConsentGrid; readonly remaining: readonly string[] },
  requirement: string,
  outcome: { readonly gone?: readonly GridConsent[]; readonly kept?: readonly GridConsent[] },
): void {
  const { grid, remaining } = removal;
  const ids = (keys: readonly GridConsent[]) => keys.map((key) => grid[key].consent_id);
  if (outcome.gone) expectGone(c, remaining, ids(outcome.gone), grid.names, requirement);
  if (outcome.kept) expectKept(c, remaining, ids(outcome.kept), grid.names, requirement);
}
