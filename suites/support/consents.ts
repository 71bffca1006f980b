/**
 * Set-up shared by the Consents suites (contract, semantics, robustness): an app with tokens for the Consents
 * operations, and a grid of consents across two clients and two users, all through the state hook.
 */
import type { CisClient } from '../../src/client/index.js';
import type { AppFixture, CheckContext, CheckCredential, ConsentFixture } from '../../src/suite/index.js';
import { cisOf } from './cis.js';

/**
 * Every permission of the documented lists (docs/facts.md §3.1–§3.5). Holding all three passes whether a target reads the
 * list as any-of (decisions #11, inferred) or all-of, so checks outside the permission family never depend on it.
 */
export const CONSENTS_READ_PERMISSIONS: readonly string[] = ['apps:read', '[appId]:read', 'consents:read'];
export const CONSENTS_DELETE_PERMISSIONS: readonly string[] = ['apps:delete', '[appId]:delete', 'consents:delete'];

export interface ConsentsSession {
  readonly app: AppFixture;
  readonly cis: CisClient;
  /** Client token of the app holding the read permissions. */
  readonly read: CheckCredential;
  /** Client token of the app holding the delete permissions. */
  readonly remove: CheckCredential;
  /** A UserAccessToken of `userId` in this app (for the `/me` operations). */
  user(userId: string): Promise<string>;
}

/** A fresh app (own tenant) and its tokens; `app` reuses one, e.g. a second session on the same app. */
export async function consentsSession(c: CheckContext, app?: AppFixture): Promise<ConsentsSession> {
  const theApp = app ?? (await c.fixtures.app());
  const [read, remove] = await Promise.all([
    c.tokens.client({ app: theApp, permissions: CONSENTS_READ_PERMISSIONS }),
    c.tokens.client({ app: theApp, permissions: CONSENTS_DELETE_PERMISSIONS }),
  ]);
  return {
    app: theApp,
    cis: cisOf(c),
    read,
    remove,
    user: (userId) => c.tokens.user({ app: theApp, userId }),
  };
}

/** A fresh session and one consent in it, of a fresh user for the app's default client (through the state hook). */
export async function sessionWithConsent(c: CheckContext): Promise<{ s: ConsentsSession; consent: ConsentFixture }> {
  const s = await consentsSession(c);
  const consent = await c.fixtures.consent({ app: s.app, userId: c.fixtures.id('user') });
  return { s, consent };
}

/**
 * Consents of one app across two clients and two users: `aa` is client A / user A, `ab` client A / user B, and so
 * on; `aa2` is a second consent of the pair A/A (another scope), so that "all of the pair" and "only that
 * consent_id" differ. User B's id starts with user A's. Client A is the app's default client. Client B exists only in the consents: the state hook
 * does not require a stored client (docs/design.md §2.3), and a client created through the Clients API would
 * make every consent check depend on POST /v1/clients.
 */
export interface ConsentGrid {
  readonly clientA: string;
  readonly clientB: string;
  readonly userA: string;
  readonly userB: string;
  readonly aa: ConsentFixture;
  readonly aa2: ConsentFixture;
  readonly ab: ConsentFixture;
  readonly ba: ConsentFixture;
  readonly bb: ConsentFixture;
  /** All five, in the order above. */
  readonly all: readonly ConsentFixture[];
  /** Readable names for messages: consent id → `client A / user B`. */
  readonly names: ReadonlyMap<string, string>;
}

export async function consentGrid(c: CheckContext, app: AppFixture): Promise<ConsentGrid> {
  const clientA = app.clientId;
  const clientB = c.fixtures.id('client-b');
  const userA = c.fixtures.id('user-a');
  // User B's id extends user A's, so a user_id compared by prefix (a filter or a removal) takes user B's consents
  // too where only user A's are meant.
  const userB = `${userA}-b`;
  // One after another: the hook's answers then land in the record in a readable order.
  const aa = await c.fixtures.consent({ app, clientId: clientA, userId: userA, scope: 'openid' });
  const aa2 = await c.fixtures.consent({ app, clientId: clientA, userId: userA, scope: 'openid profile' });
  const ab = await c.fixtures.consent({ app, clientId: clientA, userId: userB, scope: 'openid' });
  const ba = await c.fixtures.consent({ app, clientId: clientB, userId: userA, scope: 'openid' });
  const bb = await c.fixtures.consent({ app, clientId: clientB, userId: userB, scope: 'openid' });
  const names = new Map<string, string>([
    [aa.consent_id, 'client A / user A (1st)'],
    [aa2.consent_id, 'client A / user A (2nd)'],
    [ab.consent_id, 'client A / user B'],
    [ba.consent_id, 'client B / user A'],
    [bb.consent_id, 'client B / user B'],
  ]);
  return { clientA, clientB, userA, userB, aa, aa2, ab, ba, bb, all: [aa, aa2, ab, ba, bb], names };
}

/** The grid's consents that match a filter, as a list operation should return them. */
export function gridMatching(grid: ConsentGrid, filter: { clientId?: string; userId?: string }): ConsentFixture[] {
  return grid.all.filter(
    (consent) =>
      (filter.clientId === undefined || consent.client_id === filter.clientId) &&
      (filter.userId === undefined || consent.user_id === filter.userId),
  );
}
