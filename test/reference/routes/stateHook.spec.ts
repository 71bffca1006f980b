import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMS, caller, referenceApp, type Call } from '../support/harness.js';
import { expectMatchesSchema } from '../support/schemas.js';

const STATE = '/__conformance/state';
const appParams = { tenant_id: 'tenant-s', app_id: 'app-s', app_name: 'State app', client_id: 'default-client-s' };
const token = { tenant: 'tenant-s', app: 'app-s', perms: ALL_PERMS };

let app: FastifyInstance;
let call: Call;
beforeAll(async () => {
  app = await referenceApp();
  call = caller(app);
});
afterAll(() => app.close());

describe('POST /__conformance/state', () => {
  it('"an app exists" creates the app and its default client, idempotently; teardown removes it all', async () => {
    const setup = { state: 'an app exists', action: 'setup', params: appParams };
    const first = await call('POST', STATE, { body: setup });
    expect(first.status).toBe(200);
    expect(first.body).toEqual(appParams);
    expect((await call('POST', STATE, { body: setup })).body).toEqual(appParams);

    const clients = await call('GET', '/v1/clients', { token });
    expect(clients.body.result.map((c: { client_id: string }) => c.client_id)).toEqual(['default-client-s']);
    expectMatchesSchema('client-list.envelope.schema.json', clients.body);

    const consentParams = {
      tenant_id: 'tenant-s',
      app_id: 'app-s',
      client_id: 'default-client-s',
      user_id: 'u',
      scope: 'openid',
    };
    await call('POST', STATE, { body: { state: 'a consent exists', action: 'setup', params: consentParams } });

    const teardown = await call('POST', STATE, { body: { ...setup, action: 'teardown' } });
    expect(teardown.status).toBe(200);
    expect((await call('GET', '/v1/clients', { token })).body.result).toEqual([]);
    expect((await call('GET', '/v1/consents', { token })).body.result).toEqual([]);
  });

  it('"a consent exists" answers the consent (with the given consent_id and expires_at); teardown deletes it', async () => {
    const params = {
      tenant_id: 'tenant-s',
      app_id: 'app-s2',
      client_id: 'c',
      user_id: 'u',
      scope: 'openid email',
      consent_id: 'consent-fixed',
      expires_at: 4102444800000,
    };
    const setup = await call('POST', STATE, { body: { state: 'a consent exists', action: 'setup', params } });
    expect(setup.status).toBe(200);
    expectMatchesSchema('consent.schema.json', setup.body);
    expect(setup.body).toMatchObject(params);
    const as = { ...token, app: 'app-s2' };
    expect((await call('GET', '/v1/consents/consent-fixed', { token: as })).body.result).toEqual(setup.body);
    const teardown = await call('POST', STATE, { body: { state: 'a consent exists', action: 'teardown', params } });
    expect(teardown.status).toBe(200);
    expect((await call('GET', '/v1/consents/consent-fixed', { token: as })).status).toBe(404);
  });

  it('answers 400 with a message for an unknown state, missing params or a malformed request', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ state: 'the moon is full', action: 'setup', params: {} }, /state must be one of/],
      [{ state: 'an app exists', action: 'setup', params: { tenant_id: 't' } }, /params\.app_id is required/],
      [{ state: 'an app exists', action: 'dance', params: appParams }, /action must be one of/],
      [{ state: 'a consent exists', action: 'setup', params: { tenant_id: 't', app_id: 'a' } }, /params\.client_id/],
      [[1, 2], /state must be one of/],
    ];
    for (const [body, message] of cases) {
      const reply = await call('POST', STATE, { body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expectMatchesSchema('error-400.schema.json', reply.body);
      expect(reply.body.message.join(' ')).toMatch(message);
    }
  });

  it('refuses a client_id that already belongs to another app', async () => {
    const params = { ...appParams, app_id: 'app-s3', client_id: 'default-client-s3' };
    await call('POST', STATE, { body: { state: 'an app exists', action: 'setup', params } });
    const clash = await call('POST', STATE, {
      body: { state: 'an app exists', action: 'setup', params: { ...params, app_id: 'app-s4' } },
    });
    expect(clash.status).toBe(400);
    expect(clash.body.message[0]).toMatch(/already belongs to another app/);
  });
});
