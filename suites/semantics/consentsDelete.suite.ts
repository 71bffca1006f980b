/**
 * Semantics of the three consent removals on a grid of five consents (two clients × two users, one pair twice;
 * support/consents.ts): nothing matched → 404; `consent_id` removes only that consent; a consent read on
 * every path before its removal (by id, both lists, /me) is gone from each after it; a `consent_id` outside the
 * addressed pair removes nothing. The pair rules of the user and manage deletes (decisions #23, #24) are at the
 * end; those of /me revoke are in meConsents.suite.ts.
 */
import { check } from '../../src/suite/index.js';
import {
  CONSENT_DELETES,
  ME_REVOKE,
  MANAGE_DELETE,
  USER_DELETE,
  expectRemoved,
  remainingOfGrid,
  expectLeft,
  removePair,
  rule,
} from '../support/consentsDeletes.js';
import {
  expectGone,
  expectGoneFromAppPaths,
  expectKept,
  expectOnEveryPath,
  listedIds,
  readPaths,
} from '../support/consentsLists.js';
import { consentGrid, consentsSession, sessionWithConsent } from '../support/consents.js';

for (const operation of CONSENT_DELETES) {
  check(
    { requirement: rule(operation, '404-NO-MATCH'), title: 'a removal that matches no consent answers 404' },
    async (c) => {
      const s = await consentsSession(c);
      const res = await operation.remove(s, {
        clientId: s.app.clientId,
        userId: c.fixtures.id('user-without-consents'),
      });
      c.expect.status(res, 404);
    },
  );

  check(
    {
      requirement: rule(operation, 'CONSENT-ID-ONLY'),
      title: 'with consent_id only that consent is removed',
      needsStateHook: true,
    },
    async (c) => {
      const s = await consentsSession(c);
      const grid = await consentGrid(c, s.app);
      expectRemoved(
        c,
        operation,
        await operation.remove(s, { clientId: grid.clientA, userId: grid.userA, consentId: grid.aa.consent_id }),
      );
      const remaining = await remainingOfGrid(c, s, grid, operation);
      expectGone(c, remaining, [grid.aa.consent_id], grid.names, rule(operation, 'CONSENT-ID-ONLY'));
      // The pair's other consent is the one a removal that ignores consent_id would take too.
      expectKept(
        c,
        remaining,
        [grid.aa2, grid.ab, grid.ba, grid.bb].map((x) => x.consent_id),
        grid.names,
        rule(operation, 'CONSENT-ID-ONLY'),
      );
    },
  );

  check(
    {
      requirement: rule(operation, 'GONE'),
      title: 'a consent read on every path before its removal is gone from each after it',
      needsStateHook: true,
    },
    async (c) => {
      const { s, consent } = await sessionWithConsent(c);
      const names = new Map([[consent.consent_id, 'the removed consent']]);
      const gone = rule(operation, 'GONE');
      // ME-CONSENTS-REVOKE-GONE names only the /me list; the client-token deletes are gone everywhere.
      const everywhere = operation !== ME_REVOKE;
      // Every path is read before the removal too, as a client reads what it then removes: a cache those reads
      // fill and the removal does not evict (by id, or per list query) shows only this way.
      expectOnEveryPath(c, await readPaths(c, s, consent, everywhere), consent.consent_id, names);
      expectRemoved(c, operation, await operation.remove(s, { clientId: consent.client_id, userId: consent.user_id }));
      const { mine, client } = await readPaths(c, s, consent, everywhere);
      expectGone(c, mine, [consent.consent_id], names, gone);
      if (client !== undefined) expectGoneFromAppPaths(c, client, consent.consent_id, names, gone);
    },
  );
}

// The /me revoke's effect on the app's own read paths: the docs describe it only for the caller, so this is the
// inferred rule, judged apart from ME-CONSENTS-REVOKE-GONE (a soft revoke kept for the app is a defensible side).
check(
  {
    requirement: 'ME-CONSENTS-REVOKE-GONE-ALL-LISTS',
    title: "a revoked consent read on the app's paths before the revoke is gone from each after it",
    needsStateHook: true,
  },
  async (c) => {
    const { s, consent } = await sessionWithConsent(c);
    const names = new Map([[consent.consent_id, 'the revoked consent']]);
    const gone = 'ME-CONSENTS-REVOKE-GONE-ALL-LISTS';
    expectOnEveryPath(c, await readPaths(c, s, consent, true), consent.consent_id, names);
    expectRemoved(c, ME_REVOKE, await ME_REVOKE.remove(s, { clientId: consent.client_id, userId: consent.user_id }));
    const { client } = await readPaths(c, s, consent, true);
    if (client !== undefined) expectGoneFromAppPaths(c, client, consent.consent_id, names, gone);
  },
);

for (const operation of [USER_DELETE, MANAGE_DELETE]) {
  check(
    {
      requirement: rule(operation, 'CONSENT-ID-MISMATCH'),
      title: 'a consent_id outside the addressed client and user removes nothing (404)',
      needsStateHook: true,
    },
    async (c) => {
      const s = await consentsSession(c);
      const grid = await consentGrid(c, s.app);
      // Client A / user A addressed with the id of user A's consent for client B, then of user B's for client A.
      for (const other of [grid.ba, grid.ab]) {
        const res = await operation.remove(s, {
          clientId: grid.clientA,
          userId: grid.userA,
          consentId: other.consent_id,
        });
        c.expect.that(res.status === 404, {
          expected: `status 404 for consent_id of ${grid.names.get(other.consent_id) ?? other.consent_id} on client A / user A`,
          observed: `status ${res.status}`,
        });
      }
      expectKept(
        c,
        await listedIds(c, s),
        grid.all.map((x) => x.consent_id),
        grid.names,
        rule(operation, 'CONSENT-ID-MISMATCH'),
      );
    },
  );
}

/**
 * The pair rules of the user and manage deletes, each judged on what removing the pair client A / user A without
 * consent_id left. A delete "by user ID" that takes another user's consents, or one "by client ID" that takes
 * another client's, removes more than it names (documented rules).
 */
const PAIR_RULES = [
  {
    operation: USER_DELETE,
    requirement: 'CONSENTS-DELETE-USER-ALL-OF-USER',
    title: "without consent_id all of the user's consents for the client go",
    outcome: { gone: ['aa', 'aa2'], kept: ['ab', 'bb'] },
  },
  {
    operation: USER_DELETE,
    requirement: 'CONSENTS-DELETE-USER-CLIENT-SCOPED',
    title: "without consent_id the user's consents for other clients stay",
    outcome: { kept: ['ba'] },
  },
  {
    operation: MANAGE_DELETE,
    requirement: 'MANAGE-CONSENTS-DELETE-ALL-OF-CLIENT',
    title: "without consent_id all of the client's consents for the user go",
    outcome: { gone: ['aa', 'aa2'], kept: ['ba', 'bb'] },
  },
  {
    operation: MANAGE_DELETE,
    requirement: 'MANAGE-CONSENTS-DELETE-USER-SCOPED',
    title: "without consent_id other users' consents for the client stay",
    outcome: { kept: ['ab'] },
  },
] as const;

for (const { operation, requirement, title, outcome } of PAIR_RULES) {
  check({ requirement, title, needsStateHook: true }, async (c) => {
    expectLeft(c, await removePair(c, operation), requirement, outcome);
  });
}
