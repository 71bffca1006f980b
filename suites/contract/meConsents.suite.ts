/**
 * Contract of GET /v1/consents/me (docs/facts.md §3.6): 200 for a UserAccessToken, the list envelope without client_name,
 * and the auth error bodies. The /me revoke's contract is in consentsDelete.suite.ts with the other removals.
 */
import { check } from '../../src/suite/index.js';
import { consentItemsIn } from '../support/consentsLists.js';
import { expectJsonEnvelope, expectNoClientName, observeAuthErrorBodies } from '../support/consentsResponses.js';
import { consentsSession, sessionWithConsent } from '../support/consents.js';

check({ requirement: 'ME-CONSENTS-LIST-200', title: "listing the caller's consents answers 200" }, async (c) => {
  const s = await consentsSession(c);
  const res = await s.cis.listMyConsents(await s.user(c.fixtures.id('user')));
  c.expect.status(res.response, 200);
  // A 200 proves nothing with a body that is not a list: the envelope (empty or not) is judged before it passes.
  c.expect.schema(res.response, 'consent-list.envelope.schema.json', { requirement: 'ME-CONSENTS-LIST-200-BODY' });
});

check(
  {
    requirement: 'ME-CONSENTS-LIST-200-BODY',
    title: 'the /me list body is {"result": consent[]} as JSON',
    needsStateHook: true,
  },
  async (c) => {
    const { s, consent } = await sessionWithConsent(c);
    const res = (await s.cis.listMyConsents(await s.user(consent.user_id))).response;
    expectJsonEnvelope(
      c,
      res,
      'ME-CONSENTS-LIST-200',
      'consent-list.envelope.schema.json',
      'ME-CONSENTS-LIST-200-BODY',
    );
  },
);

check(
  {
    requirement: 'ME-CONSENTS-LIST-NO-CLIENT-NAME',
    title: '/me list items carry no client_name',
    needsStateHook: true,
  },
  async (c) => {
    const { s, consent } = await sessionWithConsent(c);
    const res = (await s.cis.listMyConsents(await s.user(consent.user_id))).response;
    c.expect.status(res, 200, { requirement: 'ME-CONSENTS-LIST-200' });
    const items = consentItemsIn(res);
    c.expect.that(items.length > 0, {
      expected: "the caller's consent in the list",
      observed: 'an empty list',
      requirement: 'ME-CONSENTS-LIST-ALL-OWN',
    });
    expectNoClientName(c, items, 'GET /v1/consents/me items');
  },
);

check({ requirement: 'ME-CONSENTS-LIST-AUTH-ERROR-BODY', title: 'the 401/403 bodies of the /me list' }, async (c) => {
  const s = await consentsSession(c);
  await observeAuthErrorBodies(
    c,
    'ME-CONSENTS-LIST-AUTH-ERROR-BODY',
    async (token) => (await s.cis.listMyConsents(token)).response,
    {
      label: 'a client token of the app',
      token: s.read,
    },
  );
});
