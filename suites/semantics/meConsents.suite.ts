/**
 * Semantics of the /me operations (decisions #25): GET /v1/consents/me lists exactly the caller's consents of the
 * token's app, and DELETE /v1/consents/me/clients/{clientId} revokes only the caller's consents for that client.
 * The rules /me revoke shares with the other removals (404, consent_id, gone) are in consentsDelete.suite.ts.
 */
import { check } from '../../src/suite/index.js';
import { expectLeft, ME_REVOKE, removePair } from '../support/consentsDeletes.js';
import { membership, myListedIds, named } from '../support/consentsLists.js';
import { consentGrid, consentsSession } from '../support/consents.js';

check(
  {
    requirement: 'ME-CONSENTS-LIST-ALL-OWN',
    title: "the /me list holds exactly the caller's consents",
    needsStateHook: true,
  },
  async (c) => {
    const s = await consentsSession(c);
    const grid = await consentGrid(c, s.app);
    const own = [grid.aa, grid.aa2, grid.ba].map((x) => x.consent_id);
    const { missing, unexpected } = membership(await myListedIds(c, s, grid.userA), own);
    c.expect.that(missing.length === 0, {
      expected: `every consent of user A: ${named(own, grid.names)}`,
      observed: `missing: ${named(missing, grid.names)}`,
    });
    // "Limited to that user" (decisions #12, #25): a listed consent of user B is a leak, a documented isolation rule.
    c.expect.that(unexpected.length === 0, {
      expected: 'no consent of another user',
      observed: `also listed: ${named(unexpected, grid.names)}`,
      requirement: 'ME-CONSENTS-LIST-ISOLATION-USER',
    });
  },
);

check(
  {
    requirement: 'ME-CONSENTS-REVOKE-ALL-FOR-CLIENT',
    title: "without consent_id the caller's consents for the client are all revoked",
    needsStateHook: true,
  },
  async (c) => {
    const removal = await removePair(c, ME_REVOKE);
    expectLeft(c, removal, 'ME-CONSENTS-REVOKE-ALL-FOR-CLIENT', { gone: ['aa', 'aa2'], kept: ['ba'] });
    // User B's consents, for the same client and another: revoking them is a documented isolation breach.
    expectLeft(c, removal, 'ME-CONSENTS-REVOKE-ISOLATION-USER', { kept: ['ab', 'bb'] });
  },
);
