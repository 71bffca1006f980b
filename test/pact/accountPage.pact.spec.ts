/**
 * cis-account-page: an end user's account page listing and revoking the user's own consents (`/v1/consents/me`).
 * Its requests carry a UserAccessToken for the `user_id` of `a consent exists`; the consent is to the app's
 * default client.
 */
import { HTTPResponseStatusClass, MatchersV3 } from '@pact-foundation/pact';
import { describe, expect } from 'vitest';
import { createCisClient, fetchSend, type CisClient } from '../../src/client/index.js';
import { PACT_CONSUMERS, PROVIDER_STATES } from '../../src/pact/consumers.js';
import { authorization, consumerContract, TEST_TOKEN, type StartInteraction } from './support/consumerContract.js';

const APP = {
  tenant_id: 'pact-tenant',
  app_id: 'pact-account-page-app',
  app_name: 'Pact account page app',
  client_id: 'pact-account-page-client',
};
const CONSENT = {
  tenant_id: APP.tenant_id,
  app_id: APP.app_id,
  client_id: APP.client_id,
  user_id: 'pact-account-page-user',
  scope: 'openid profile',
  consent_id: 'pact-account-page-consent',
  expires_at: 1893456000000,
};
const OTHER_CLIENT = 'no-such-client';

const { fromProviderState } = MatchersV3;
/** Any 2xx: the success status of a revoke is an observation (decisions.md #25). */
const anySuccess = MatchersV3.matchStatus(200, HTTPResponseStatusClass.Success);
const revokePath = fromProviderState(
  '/v1/consents/me/clients/${client_id}',
  `/v1/consents/me/clients/${CONSENT.client_id}`,
);
const clientOf = (url: string): CisClient => createCisClient(fetchSend(url));
/** What the page shows of each consent: which client, for which scope, and the id it revokes it by. */
const MY_CONSENT_READS = ['result[].consent_id', 'result[].client_id', 'result[].scope'];

const contract = consumerContract(PACT_CONSUMERS.accountPage);
const givenConsent = (start: StartInteraction) =>
  start().given(PROVIDER_STATES.appExists, APP).given(PROVIDER_STATES.consentExists, CONSENT);

describe('cis-account-page → cis-api', () => {
  contract.interaction(
    "lists the signed-in user's consents",
    'listMyConsents',
    { status: ['ME-CONSENTS-LIST-200'], body: ['ME-CONSENTS-LIST-200-BODY', 'ME-CONSENTS-LIST-ALL-OWN'] },
    (start, bodies) =>
      givenConsent(start)
        .uponReceiving('a request from a user to list their consents')
        .withRequest('GET', '/v1/consents/me', (b) => b.headers(authorization))
        .willRespondWith(
          200,
          bodies.json(() =>
            bodies.body('consent-list.envelope.schema.json', { atLeastOne: ['result'], reads: MY_CONSENT_READS }),
          ),
        )
        .executeTest(async (mock) => {
          const res = await clientOf(mock.url).listMyConsents(TEST_TOKEN);
          expect(res).toMatchObject({ ok: true, status: 200 });
          if (!bodies.included) return;
          expect(res.ok && res.body).toEqual([
            expect.objectContaining({
              consent_id: expect.any(String),
              client_id: expect.any(String),
              scope: expect.any(String),
            }),
          ]);
        }),
  );

  contract.interaction(
    'revokes every consent the user gave a client',
    'revokeMyConsent',
    ['ME-CONSENTS-REVOKE-2XX'],
    (start) =>
      givenConsent(start)
        .uponReceiving('a request from a user to revoke their consents to a client')
        .withRequest('DELETE', revokePath, (b) => b.headers(authorization))
        .willRespondWith(anySuccess)
        .executeTest(async (mock) => {
          const res = await clientOf(mock.url).revokeMyConsent(TEST_TOKEN, CONSENT.client_id);
          expect(res.ok).toBe(true);
        }),
  );

  contract.interaction('revokes one consent', 'revokeMyConsent', ['ME-CONSENTS-REVOKE-2XX'], (start) =>
    givenConsent(start)
      .uponReceiving('a request from a user to revoke one consent to a client')
      .withRequest('DELETE', revokePath, (b) =>
        b.headers(authorization).query({ consent_id: fromProviderState('${consent_id}', CONSENT.consent_id) }),
      )
      .willRespondWith(anySuccess)
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).revokeMyConsent(TEST_TOKEN, CONSENT.client_id, {
          consentId: CONSENT.consent_id,
        });
        expect(res.ok).toBe(true);
      }),
  );

  contract.interaction(
    'shows "not found" when the user gave that client no consent',
    'revokeMyConsent',
    { status: ['ME-CONSENTS-REVOKE-404-NO-MATCH'], body: ['ME-CONSENTS-REVOKE-404-BODY'] },
    (start, bodies) =>
      givenConsent(start)
        .uponReceiving('a request from a user to revoke consents to a client they never consented to')
        .withRequest('DELETE', `/v1/consents/me/clients/${OTHER_CLIENT}`, (b) => b.headers(authorization))
        .willRespondWith(
          404,
          bodies.json(() => bodies.error(404)),
        )
        .executeTest(async (mock) => {
          const res = await clientOf(mock.url).revokeMyConsent(TEST_TOKEN, OTHER_CLIENT);
          expect(res).toMatchObject({
            ok: false,
            status: 404,
            ...(bodies.included ? { body: { error_code: expect.any(Number) } } : {}),
          });
        }),
  );

  contract.closingChecks();
});
