/**
 * Isolation of the `/me` operations: a UserAccessToken is limited to its user and its app (docs/facts.md §1.3, decisions.md
 * #25). Another user never sees or revokes the owner's consents; the same user id in another app or tenant neither.
 */
import { check, type AppFixture, type CheckContext } from '../../../src/suite/index.js';
import { cisOf } from '../../support/cis.js';
import { OP, OPERATION_RECIPES, type PreparedOperation } from '../../support/operationRecipes.js';
import { castFor, expectNotListed, expectUnchanged, type Intruder } from './cast.js';

const LIST = OPERATION_RECIPES[OP.ME_CONSENTS_LIST];
const REVOKE = OPERATION_RECIPES[OP.ME_CONSENTS_REVOKE];

/** The same user id, logged in through another app: one in the tenant, one elsewhere, one naming the owner's app id elsewhere. */
async function sameUserElsewhere(c: CheckContext): Promise<{ owner: AppFixture; elsewhere: readonly Intruder[] }> {
  const cast = await castFor(c);
  return { owner: cast.owner, elsewhere: [cast.otherApp, ...cast.otherTenants] };
}

async function revokeAttempts(c: CheckContext, op: PreparedOperation, token: string, who: string): Promise<void> {
  for (const consentId of [undefined, op.consentId]) {
    const before = await op.snapshot();
    await cisOf(c).revokeMyConsent(token, op.clientId ?? '', { consentId });
    expectUnchanged(c, before, await op.snapshot(), who);
  }
}

export function registerMeIsolation(): void {
  check(
    {
      requirement: 'ME-CONSENTS-LIST-ISOLATION-USER',
      title: "another user's consents are never listed",
      cell: 'another user',
      needsStateHook: true,
    },
    async (c) => {
      const op = await LIST.prepare(c, await c.fixtures.app());
      const otherUser = c.fixtures.id('user');
      await c.fixtures.consent({ app: op.app, userId: otherUser });
      const token = await c.tokens.user({ app: op.app, userId: otherUser });
      // A user_id query is not part of /me (hence raw); a target that honoured it would hand out anyone's consents.
      for (const query of [{}, { user_id: op.userId }]) {
        const res = await c.send({ method: 'GET', path: LIST.path, query, token });
        expectNotListed(c, res, 'consent_id', [op.consentId ?? ''], `another user (query ${JSON.stringify(query)})`);
      }
    },
  );
  check(
    {
      requirement: 'ME-CONSENTS-LIST-ISOLATION-APP',
      title: 'consents of the same user id in another app or tenant are never listed',
      cell: 'another app or tenant',
      needsStateHook: true,
    },
    async (c) => {
      const { owner, elsewhere } = await sameUserElsewhere(c);
      const op = await LIST.prepare(c, owner);
      const foreign: string[] = [];
      for (const intruder of elsewhere)
        foreign.push((await c.fixtures.consent({ app: intruder.app, userId: op.userId })).consent_id);
      const { response: res } = await cisOf(c).listMyConsents(await c.tokens.user({ app: owner, userId: op.userId }));
      expectNotListed(c, res, 'consent_id', foreign, "the user's token of the owner's app");
    },
  );
  check(
    {
      requirement: 'ME-CONSENTS-REVOKE-ISOLATION-USER',
      title: "another user never revokes the owner's consent, even naming its consent_id",
      cell: 'another user',
      needsStateHook: true,
    },
    async (c) => {
      const op = await REVOKE.prepare(c, await c.fixtures.app());
      const otherUser = c.fixtures.id('user');
      await revokeAttempts(c, op, await c.tokens.user({ app: op.app, userId: otherUser }), 'another user of the app');
    },
  );
  check(
    {
      requirement: 'ME-CONSENTS-REVOKE-ISOLATION-APP',
      title: 'the same user id in another app or tenant never revokes the consent',
      cell: 'another app or tenant',
      needsStateHook: true,
    },
    async (c) => {
      const { owner, elsewhere } = await sameUserElsewhere(c);
      const op = await REVOKE.prepare(c, owner);
      for (const intruder of elsewhere) {
        const token = await c.tokens.user({ app: intruder.app, userId: op.userId });
        await revokeAttempts(c, op, token, `the same user id through ${intruder.label}`);
      }
    },
  );
}
