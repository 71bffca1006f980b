/**
 * cis-consent-manager: a back office that reviews and removes the consents of its app's users (the five
 * non-/me Consents operations). Ids come from the provider states (`an app exists`, then `a consent exists` for
 * the app's default client), injected into paths and queries so a verifier may use run-unique ids.
 */
import { HTTPResponseStatusClass, MatchersV3 } from '@pact-foundation/pact';
import { describe, expect } from 'vitest';
import { createCisClient, fetchSend, type CisClient } from '../../src/client/index.js';
import { PACT_CONSUMERS, PROVIDER_STATES } from '../../src/pact/consumers.js';
import { authorization, consumerContract, TEST_TOKEN, type StartInteraction } from './support/consumerContract.js';

const APP = {
  tenant_id: 'pact-tenant',
  app_id: 'pact-consent-manager-app',
  app_name: 'Pact consent manager app',
  client_id: 'pact-consent-manager-client',
};
const CONSENT = {
  tenant_id: APP.tenant_id,
  app_id: APP.app_id,
  client_id: APP.client_id,
  user_id: 'pact-consent-manager-user',
  scope: 'openid profile',
  consent_id: 'pact-consent-manager-consent',
  expires_at: 1893456000000,
};
const UNKNOWN = 'no-such-id';

const { fromProviderState } = MatchersV3;
const injected = (name: keyof typeof CONSENT) => fromProviderState(`\${${name}}`, String(CONSENT[name]));
/** Any 2xx: which one a consent delete answers is an observation (decisions.md #23). */
const anySuccess = MatchersV3.matchStatus(200, HTTPResponseStatusClass.Success);
const userConsentsPath = (prefix: string) =>
  fromProviderState(
    `${prefix}/clients/\${client_id}/users/\${user_id}`,
    `${prefix}/clients/${CONSENT.client_id}/users/${CONSENT.user_id}`,
  );
const clientOf = (url: string): CisClient => createCisClient(fetchSend(url));
/** What the back office shows of a consent (and the id it removes it by). */
const SHOWN = { consent_id: expect.any(String), scope: expect.any(String), expires_at: expect.any(Number) };
const reads = (at: string) => Object.keys(SHOWN).map((name) => `${at}.${name}`);

const contract = consumerContract(PACT_CONSUMERS.consentManager);
const givenConsent = (start: StartInteraction) =>
  start().given(PROVIDER_STATES.appExists, APP).given(PROVIDER_STATES.consentExists, CONSENT);

describe('cis-consent-manager → cis-api', () => {
  contract.interaction(
    "lists one user's consents to one client",
    'listConsents',
    { status: ['CONSENTS-LIST-200'], body: ['CONSENTS-LIST-200-BODY', 'CONSENTS-LIST-FILTER-BOTH'] },
    (start, bodies) =>
      givenConsent(start)
        .uponReceiving('a request to list the consents of a user for a client')
        .withRequest('GET', '/v1/consents', (b) =>
          b.headers(authorization).query({ client_id: injected('client_id'), user_id: injected('user_id') }),
        )
        .willRespondWith(
          200,
          bodies.json(() =>
            bodies.body('consent-list.envelope.schema.json', { atLeastOne: ['result'], reads: reads('result[]') }),
          ),
        )
        .executeTest(async (mock) => {
          const res = await clientOf(mock.url).listConsents(TEST_TOKEN, {
            clientId: CONSENT.client_id,
            userId: CONSENT.user_id,
          });
          expect(res).toMatchObject({ ok: true, status: 200 });
          if (bodies.included) expect(res.ok && res.body).toEqual([expect.objectContaining(SHOWN)]);
        }),
  );

  contract.interaction(
    'opens a consent',
    'getConsent',
    { status: ['CONSENTS-GET-200'], body: ['CONSENTS-GET-200-BODY'] },
    (start, bodies) =>
      givenConsent(start)
        .uponReceiving('a request to get a consent')
        .withRequest(
          'GET',
          fromProviderState('/v1/consents/${consent_id}', `/v1/consents/${CONSENT.consent_id}`),
          (b) => b.headers(authorization),
        )
        .willRespondWith(
          200,
          bodies.json(() => bodies.body('consent-single.envelope.schema.json', { reads: reads('result') })),
        )
        .executeTest(async (mock) => {
          const res = await clientOf(mock.url).getConsent(TEST_TOKEN, CONSENT.consent_id);
          expect(res).toMatchObject({
            ok: true,
            status: 200,
            ...(bodies.included ? { enveloped: true, body: SHOWN } : {}),
          });
        }),
  );

  contract.interaction(
    'shows "not found" for an unknown consent',
    'getConsent',
    { status: ['CONSENTS-GET-404'], body: ['CONSENTS-GET-404-BODY'] },
    (start, bodies) =>
      givenConsent(start)
        .uponReceiving('a request to get an unknown consent')
        .withRequest('GET', `/v1/consents/${UNKNOWN}`, (b) => b.headers(authorization))
        .willRespondWith(
          404,
          bodies.json(() => bodies.error(404)),
        )
        .executeTest(async (mock) => {
          const res = await clientOf(mock.url).getConsent(TEST_TOKEN, UNKNOWN);
          expect(res).toMatchObject({
            ok: false,
            status: 404,
            ...(bodies.included ? { body: { error_code: expect.any(Number) } } : {}),
          });
        }),
  );

  contract.interaction(
    "removes all of a user's consents to a client",
    'deleteUserConsents',
    ['CONSENTS-DELETE-USER-2XX'],
    (start) =>
      givenConsent(start)
        .uponReceiving('a request to delete the consents of a user for a client')
        .withRequest('DELETE', userConsentsPath('/v1/consents'), (b) => b.headers(authorization))
        .willRespondWith(anySuccess)
        .executeTest(async (mock) => {
          const res = await clientOf(mock.url).deleteUserConsents(TEST_TOKEN, CONSENT.client_id, CONSENT.user_id);
          expect(res.ok).toBe(true);
        }),
  );

  contract.interaction('removes one consent of a user', 'deleteUserConsents', ['CONSENTS-DELETE-USER-2XX'], (start) =>
    givenConsent(start)
      .uponReceiving('a request to delete one consent of a user for a client')
      .withRequest('DELETE', userConsentsPath('/v1/consents'), (b) =>
        b.headers(authorization).query({ consent_id: injected('consent_id') }),
      )
      .willRespondWith(anySuccess)
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).deleteUserConsents(TEST_TOKEN, CONSENT.client_id, CONSENT.user_id, {
          consentId: CONSENT.consent_id,
        });
        expect(res.ok).toBe(true);
      }),
  );

  contract.interaction(
    'shows "not found" when a user has no consents to remove',
    'deleteUserConsents',
    { status: ['CONSENTS-DELETE-USER-404-NO-MATCH'], body: ['CONSENTS-DELETE-USER-404-BODY'] },
    (start, bodies) =>
      givenConsent(start)
        .uponReceiving('a request to delete the consents of a user who has none')
        .withRequest(
          'DELETE',
          fromProviderState(
            `/v1/consents/clients/\${client_id}/users/${UNKNOWN}`,
            `/v1/consents/clients/${CONSENT.client_id}/users/${UNKNOWN}`,
          ),
          (b) => b.headers(authorization),
        )
        .willRespondWith(
          404,
          bodies.json(() => bodies.error(404)),
        )
        .executeTest(async (mock) => {
          const res = await clientOf(mock.url).deleteUserConsents(TEST_TOKEN, CONSENT.client_id, UNKNOWN);
          expect(res).toMatchObject({
            ok: false,
            status: 404,
            ...(bodies.included ? { body: { error_code: expect.any(Number) } } : {}),
          });
        }),
  );

  contract.interaction(
    "lists the app's consents with client names",
    'listAppConsents',
    {
      status: ['MANAGE-CONSENTS-LIST-200'],
      body: [
        'MANAGE-CONSENTS-LIST-200-BODY',
        'MANAGE-CONSENTS-LIST-200-CLIENT-NAME',
        'MANAGE-CONSENTS-LIST-NO-FILTER-ALL',
      ],
    },
    (start, bodies) =>
      givenConsent(start)
        .uponReceiving('a request to list the consents of an app')
        .withRequest('GET', '/v1/manage/consents', (b) =>
          b.headers(authorization).query({ app_id: injected('app_id') }),
        )
        .willRespondWith(
          200,
          bodies.json(() =>
            bodies.body('consent-manage-list.envelope.schema.json', {
              atLeastOne: ['result'],
              reads: [...reads('result[]'), 'result[].user_id', 'result[].client_name'],
            }),
          ),
        )
        .executeTest(async (mock) => {
          const res = await clientOf(mock.url).listAppConsents(TEST_TOKEN, { appId: CONSENT.app_id });
          expect(res).toMatchObject({ ok: true, status: 200 });
          if (bodies.included) {
            expect(res.ok && res.body).toEqual([
              expect.objectContaining({ ...SHOWN, user_id: expect.any(String), client_name: expect.any(String) }),
            ]);
          }
        }),
  );

  contract.interaction(
    'shows the 400 message when the app is not named',
    'listAppConsents',
    { status: ['MANAGE-CONSENTS-LIST-400'], body: ['MANAGE-CONSENTS-LIST-400-BODY'] },
    (start, bodies) =>
      givenConsent(start)
        .uponReceiving('a request to list the consents of an app without app_id')
        .withRequest('GET', '/v1/manage/consents', (b) => b.headers(authorization))
        .willRespondWith(
          400,
          bodies.json(() => bodies.error(400)),
        )
        .executeTest(async (mock) => {
          // A console whose app selector is still empty sends no app_id.
          const res = await clientOf(mock.url).listAppConsents(TEST_TOKEN, { appId: undefined as unknown as string });
          expect(res).toMatchObject({
            ok: false,
            status: 400,
            ...(bodies.included ? { body: { error_code: expect.any(Number) } } : {}),
          });
        }),
  );

  contract.interaction(
    "removes a client's consents for a user in an app",
    'deleteClientConsents',
    ['MANAGE-CONSENTS-DELETE-2XX'],
    (start) =>
      givenConsent(start)
        .uponReceiving('a request to delete the consents of a client for a user in an app')
        .withRequest('DELETE', userConsentsPath('/v1/manage/consents'), (b) =>
          b.headers(authorization).query({ app_id: injected('app_id') }),
        )
        .willRespondWith(anySuccess)
        .executeTest(async (mock) => {
          const res = await clientOf(mock.url).deleteClientConsents(TEST_TOKEN, CONSENT.client_id, CONSENT.user_id, {
            appId: CONSENT.app_id,
          });
          expect(res.ok).toBe(true);
        }),
  );

  contract.interaction(
    'shows "not found" when an app has no such consents to remove',
    'deleteClientConsents',
    { status: ['MANAGE-CONSENTS-DELETE-404-NO-MATCH'], body: ['MANAGE-CONSENTS-DELETE-404-BODY'] },
    (start, bodies) =>
      givenConsent(start)
        .uponReceiving('a request to delete the consents of a client for a user who has none in an app')
        .withRequest(
          'DELETE',
          fromProviderState(
            `/v1/manage/consents/clients/\${client_id}/users/${UNKNOWN}`,
            `/v1/manage/consents/clients/${CONSENT.client_id}/users/${UNKNOWN}`,
          ),
          (b) => b.headers(authorization).query({ app_id: injected('app_id') }),
        )
        .willRespondWith(
          404,
          bodies.json(() => bodies.error(404)),
        )
        .executeTest(async (mock) => {
          const res = await clientOf(mock.url).deleteClientConsents(TEST_TOKEN, CONSENT.client_id, UNKNOWN, {
            appId: CONSENT.app_id,
          });
          expect(res).toMatchObject({ ok: false, status: 404 });
        }),
  );

  contract.closingChecks();
});
