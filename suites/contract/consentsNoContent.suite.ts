/**
 * The two consent deletes the current docs answer with "No content" (SEED-K; docs/decisions.md #30): whatever 2xx a
 * matching delete gives, its body is empty. Which 2xx stays an observation (…-SUCCESS-STATUS).
 */
import { check } from '../../src/suite/index.js';
import { sessionWithConsent } from '../support/consents.js';
import { OP } from '../support/operationAuth.js';

const DELETES = {
  [OP.CONSENTS_DELETE_USER]: 'DELETE /v1/consents/clients/{clientId}/users/{userId}',
  [OP.MANAGE_CONSENTS_DELETE]: 'DELETE /v1/manage/consents/clients/{clientId}/users/{userId}',
} as const;

for (const [key, label] of Object.entries(DELETES) as Array<[keyof typeof DELETES, string]>) {
  check(
    { requirement: `${key}-NO-CONTENT`, title: `a matching ${label} answers with no content`, needsStateHook: true },
    async (c) => {
      const { s, consent } = await sessionWithConsent(c);
      const done =
        key === OP.CONSENTS_DELETE_USER
          ? await s.cis.deleteUserConsents(s.remove, consent.client_id, consent.user_id)
          : await s.cis.deleteClientConsents(s.remove, consent.client_id, consent.user_id, { appId: s.app.appId });
      c.expect.status(done.response, '2xx', { requirement: `${key}-2XX` });
      const text = done.response.text;
      c.expect.that(text === '', {
        expected: 'an empty body ("No content")',
        observed: `status ${done.status} with a body of ${Buffer.byteLength(text)} bytes: ${text.slice(0, 120)}`,
      });
    },
  );
}
