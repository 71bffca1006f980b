/**
 * cis-admin-console: an admin console managing its app's clients (all seven Clients operations).
 * "A client exists" is `an app exists`: the app's default client (param `client_id`) is the one read, changed
 * or deleted; its id reaches the paths through provider-state injection so a verifier may use run-unique ids.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect } from 'vitest';
import { createCisClient, fetchSend, type CisClient } from '../../src/client/index.js';
import { PACT_CONSUMERS, PROVIDER_STATES } from '../../src/pact/consumers.js';
import {
  authorization,
  consumerContract,
  errorBody,
  requestBody,
  responseBody,
  TEST_TOKEN,
} from './support/consumerContract.js';

const APP = {
  tenant_id: 'pact-tenant',
  app_id: 'pact-admin-console-app',
  app_name: 'Pact admin console app',
  client_id: 'pact-admin-console-client',
};
const UNKNOWN_CLIENT = 'no-such-client';
const NEW_CLIENT = { name: 'Partner portal', redirect_uris: ['https://partner.example.com/callback'] };

const { fromProviderState } = MatchersV3;
const clientPath = (suffix = '') =>
  fromProviderState(`/v1/clients/\${client_id}${suffix}`, `/v1/clients/${APP.client_id}${suffix}`);
const clientOf = (url: string): CisClient => createCisClient(fetchSend(url));

const contract = consumerContract(PACT_CONSUMERS.adminConsole);
const given = () => contract.pact.addInteraction().given(PROVIDER_STATES.appExists, APP);

describe('cis-admin-console → cis-api', () => {
  contract.interaction('creates a client and shows its secret once', 'createClient', () =>
    given()
      .uponReceiving('a request to create an OIDC client')
      .withRequest('POST', '/v1/clients', (b) =>
        b.headers(authorization).jsonBody(requestBody('client-create.request.schema.json', NEW_CLIENT)),
      )
      .willRespondWith(201, (b) =>
        b.jsonBody(
          responseBody('client-single.envelope.schema.json', {
            overrides: { 'result.name': MatchersV3.equal(NEW_CLIENT.name) },
          }),
        ),
      )
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).createClient(TEST_TOKEN, NEW_CLIENT);
        expect(res.ok && res.body.name).toBe(NEW_CLIENT.name);
        expect(res.ok && res.body.client_secret).toEqual(expect.any(String));
      }),
  );

  contract.interaction('shows the 400 message when a create body is invalid', 'createClient', () =>
    given()
      .uponReceiving('a request to create a client without a name')
      .withRequest('POST', '/v1/clients', (b) =>
        b.headers(authorization).jsonBody({ redirect_uris: NEW_CLIENT.redirect_uris }),
      )
      .willRespondWith(400, (b) => b.jsonBody(errorBody(400)))
      .executeTest(async (mock) => {
        // The console sends what the user typed; an empty name field is left out.
        const res = await clientOf(mock.url).createClient(TEST_TOKEN, {
          redirect_uris: NEW_CLIENT.redirect_uris,
        } as never);
        expect(res).toMatchObject({ ok: false, status: 400, body: { error_code: 400 } });
      }),
  );

  contract.interaction('reports a name that is already taken', 'createClient', () =>
    given()
      .uponReceiving("a request to create a client named like the app's default client")
      .withRequest('POST', '/v1/clients', (b) =>
        b.headers(authorization).jsonBody(
          requestBody(
            'client-create.request.schema.json',
            { ...NEW_CLIENT, name: 'Default client' },
            {
              name: fromProviderState('${client_name}', 'Default client'),
            },
          ),
        ),
      )
      .willRespondWith(409, (b) => b.jsonBody(errorBody(409)))
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).createClient(TEST_TOKEN, { ...NEW_CLIENT, name: 'Default client' });
        expect(res).toMatchObject({
          ok: false,
          status: 409,
          body: { error_code: 409, ts_error_code: expect.any(String) },
        });
      }),
  );

  contract.interaction('lists the clients of the app', 'listClients', () =>
    given()
      .uponReceiving('a request to list the clients')
      .withRequest('GET', '/v1/clients', (b) => b.headers(authorization))
      .willRespondWith(200, (b) => b.jsonBody(responseBody('client-list.envelope.schema.json')))
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).listClients(TEST_TOKEN);
        expect(res.ok && res.body.map((c) => c.client_id)).toEqual([expect.any(String)]);
      }),
  );

  contract.interaction('opens a client', 'getClient', () =>
    given()
      .uponReceiving('a request to get the default client')
      .withRequest('GET', clientPath(), (b) => b.headers(authorization))
      .willRespondWith(200, (b) => b.jsonBody(responseBody('client-single.envelope.schema.json')))
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).getClient(TEST_TOKEN, APP.client_id);
        expect(res).toMatchObject({ ok: true, status: 200, enveloped: true });
      }),
  );

  contract.interaction('shows "not found" for an unknown client', 'getClient', () =>
    given()
      .uponReceiving('a request to get an unknown client')
      .withRequest('GET', `/v1/clients/${UNKNOWN_CLIENT}`, (b) => b.headers(authorization))
      .willRespondWith(404, (b) => b.jsonBody(errorBody(404)))
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).getClient(TEST_TOKEN, UNKNOWN_CLIENT);
        expect(res).toMatchObject({ ok: false, status: 404, body: { error_code: 404 } });
      }),
  );

  const update = { description: 'Updated from the console', redirect_uris: ['https://app.example.com/cb'] };

  contract.interaction('saves an edited client', 'updateClient', () =>
    given()
      .uponReceiving('a request to update the default client')
      .withRequest('PUT', clientPath(), (b) =>
        b.headers(authorization).jsonBody(requestBody('client-update.request.schema.json', update)),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody(
          responseBody('client-single.envelope.schema.json', {
            overrides: { 'result.description': MatchersV3.equal(update.description) },
          }),
        ),
      )
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).updateClient(TEST_TOKEN, APP.client_id, update);
        expect(res.ok && res.body.description).toBe(update.description);
      }),
  );

  contract.interaction('shows the 400 message when an edit is invalid', 'updateClient', () =>
    given()
      .uponReceiving('a request to update the default client with a non-string name')
      .withRequest('PUT', clientPath(), (b) => b.headers(authorization).jsonBody({ name: 42 }))
      .willRespondWith(400, (b) => b.jsonBody(errorBody(400)))
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).updateClient(TEST_TOKEN, APP.client_id, { name: 42 } as never);
        expect(res).toMatchObject({ ok: false, status: 400, body: { error_code: 400 } });
      }),
  );

  contract.interaction('shows "not found" when editing an unknown client', 'updateClient', () =>
    given()
      .uponReceiving('a request to update an unknown client')
      .withRequest('PUT', `/v1/clients/${UNKNOWN_CLIENT}`, (b) =>
        b.headers(authorization).jsonBody(requestBody('client-update.request.schema.json', update)),
      )
      .willRespondWith(404, (b) => b.jsonBody(errorBody(404)))
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).updateClient(TEST_TOKEN, UNKNOWN_CLIENT, update);
        expect(res).toMatchObject({ ok: false, status: 404 });
      }),
  );

  const resources = { resource_ids: ['https://api.example.com/orders'] };

  contract.interaction("replaces a client's resources", 'updateClientResources', () =>
    given()
      .uponReceiving('a request to set the resources of the default client')
      .withRequest('PUT', clientPath('/resources'), (b) =>
        b.headers(authorization).jsonBody(requestBody('client-resources.request.schema.json', resources)),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody(
          responseBody('client-single.envelope.schema.json', {
            overrides: { 'result.resources': MatchersV3.equal(resources.resource_ids) },
          }),
        ),
      )
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).updateClientResources(TEST_TOKEN, APP.client_id, resources.resource_ids);
        expect(res.ok && res.body.resources).toEqual(resources.resource_ids);
      }),
  );

  contract.interaction('shows the 400 message when the resource list is missing', 'updateClientResources', () =>
    given()
      .uponReceiving('a request to set the resources of the default client without resource_ids')
      .withRequest('PUT', clientPath('/resources'), (b) => b.headers(authorization).jsonBody({}))
      .willRespondWith(400, (b) => b.jsonBody(errorBody(400)))
      .executeTest(async (mock) => {
        const res = await fetchSend(mock.url)({
          method: 'PUT',
          path: `/v1/clients/${APP.client_id}/resources`,
          token: TEST_TOKEN,
          body: {},
        });
        expect(res.status).toBe(400);
      }),
  );

  contract.interaction('shows "not found" when setting resources of an unknown client', 'updateClientResources', () =>
    given()
      .uponReceiving('a request to set the resources of an unknown client')
      .withRequest('PUT', `/v1/clients/${UNKNOWN_CLIENT}/resources`, (b) =>
        b.headers(authorization).jsonBody(requestBody('client-resources.request.schema.json', resources)),
      )
      .willRespondWith(404, (b) => b.jsonBody(errorBody(404)))
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).updateClientResources(TEST_TOKEN, UNKNOWN_CLIENT, resources.resource_ids);
        expect(res).toMatchObject({ ok: false, status: 404 });
      }),
  );

  contract.interaction('deletes a client', 'deleteClient', () =>
    given()
      .uponReceiving('a request to delete the default client')
      .withRequest('DELETE', clientPath(), (b) => b.headers(authorization))
      .willRespondWith(204)
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).deleteClient(TEST_TOKEN, APP.client_id);
        expect(res).toMatchObject({ ok: true, status: 204, body: undefined });
      }),
  );

  contract.interaction('shows "not found" when deleting an unknown client', 'deleteClient', () =>
    given()
      .uponReceiving('a request to delete an unknown client')
      .withRequest('DELETE', `/v1/clients/${UNKNOWN_CLIENT}`, (b) => b.headers(authorization))
      .willRespondWith(404, (b) => b.jsonBody(errorBody(404)))
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).deleteClient(TEST_TOKEN, UNKNOWN_CLIENT);
        expect(res).toMatchObject({ ok: false, status: 404, body: { error_code: 404 } });
      }),
  );

  // The 404 of DELETE /v1/clients on an app without clients is left out: neither state of the hook yields an app
  // with no clients (`an app exists` always creates the default client).
  contract.interaction('deletes every client of the app', 'deleteAllClients', () =>
    given()
      .uponReceiving('a request to delete all clients')
      .withRequest('DELETE', '/v1/clients', (b) => b.headers(authorization))
      .willRespondWith(204)
      .executeTest(async (mock) => {
        const res = await clientOf(mock.url).deleteAllClients(TEST_TOKEN);
        expect(res).toMatchObject({ ok: true, status: 204 });
      }),
  );

  contract.closingChecks();
});
