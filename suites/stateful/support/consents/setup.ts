import type { CheckContext, CheckExpect } from '../../../../src/suite/index.js';
import { consentsSession } from '../../../support/consents.js';
import type { ConsentsModel, ConsentsReal, UserKey } from './model.js';

/**
 * Each sequence starts from a fresh app (its own tenant). Client B exists only in its consents: the state hook
 * does not require a stored client (docs/design.md §2.3), so the consents model does not depend on the Clients API.
 */
export async function consentsSetup(
  c: CheckContext,
  expect: CheckExpect,
): Promise<{ model: ConsentsModel; real: ConsentsReal }> {
  const session = await consentsSession(c);
  const clients = { A: session.app.clientId, B: c.fixtures.id('client-b') };
  const users = { U1: c.fixtures.id('user-1'), U2: c.fixtures.id('user-2') };
  const userTokens = new Map<UserKey, Promise<string>>();
  return {
    model: { consents: [] },
    real: {
      expect,
      cis: session.cis,
      appId: session.app.appId,
      clients,
      users,
      read: session.read,
      remove: session.remove,
      userToken: (user) => {
        if (!userTokens.has(user)) userTokens.set(user, session.user(users[user]));
        return userTokens.get(user) as Promise<string>;
      },
      newConsent: async (client, user, scope) =>
        (await c.fixtures.consent({ app: session.app, clientId: clients[client], userId: users[user], scope }))
          .consent_id,
    },
  };
}
