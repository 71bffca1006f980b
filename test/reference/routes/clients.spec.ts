import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMS, caller, referenceApp, type Call } from '../support/harness.js';
import { expectMatchesSchema } from '../support/schemas.js';
import type { TestTokenOptions } from '../support/tokens.js';

const token: TestTokenOptions = { tenant: 'tenant-c', app: 'app-c', perms: ALL_PERMS };
const otherApp: TestTokenOptions = { ...token, app: 'app-other' };
const oidcBody = { name: 'Web', redirect_uris: ['https://example.com/cb'] };

let app: FastifyInstance;
let call: Call;
beforeAll(async () => {
  app = await referenceApp();
  call = caller(app);
});
afterAll(() => app.close());

async function createClient(body: object, as: TestTokenOptions = token): Promise<Record<string, unknown>> {
  const reply = await call('POST', '/v1/clients', { token: as, body });
  expect(reply.status).toBe(201);
  return reply.body.result;
}

describe('POST /v1/clients', () => {
  it('creates an OIDC client with a generated secret and the documented defaults (201, enveloped)', async () => {
    const reply = await call('POST', '/v1/clients', { token, body: { ...oidcBody, name: 'Defaults', junk: 1 } });
    expect(reply.status).toBe(201);
    expectMatchesSchema('client-single.envelope.schema.json', reply.body);
    const client = reply.body.result;
    expect(client).toMatchObject({
      tenant_id: 'tenant-c',
      app_id: 'app-c',
      authentication_protocol: 'oidc',
      client_type: 'web',
      response_types: ['code', 'id_token'],
      sync_id_token_claims_to_userinfo: false,
      short_cookies_samesite_type: 'lax',
    });
    expect(client.client_secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(client).not.toHaveProperty('junk');
  });

  it('creates a SAML client when authentication_protocol is saml', async () => {
    const reply = await call('POST', '/v1/clients', {
      token,
      body: { name: 'Saml', authentication_protocol: 'saml', sp_entity_id: 'urn:sp' },
    });
    expect(reply.status).toBe(201);
    expectMatchesSchema('client-single.envelope.schema.json', reply.body);
    expectMatchesSchema('client-saml.schema.json', reply.body.result);
    expect(reply.body.result.sp_entity_id).toBe('urn:sp');
  });

  it('answers 400 with messages that name each offending field', async () => {
    const reply = await call('POST', '/v1/clients', { token, body: { name: 7 } });
    expect(reply.status).toBe(400);
    expectMatchesSchema('error-400.schema.json', reply.body);
    expect(reply.body.message).toEqual(expect.arrayContaining(['name must be string', 'redirect_uris is required']));
  });

  it('answers 400 for a SAML body without sp_entity_id', async () => {
    const reply = await call('POST', '/v1/clients', { token, body: { name: 'S', authentication_protocol: 'saml' } });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain('sp_entity_id is required');
  });

  it('answers 400 for default_user_info_claims sent with sync_id_token_claims_to_userinfo: true', async () => {
    const body = {
      ...oidcBody,
      name: 'Sync',
      default_user_info_claims: ['email'],
      sync_id_token_claims_to_userinfo: true,
    };
    const reply = await call('POST', '/v1/clients', { token, body });
    expect(reply.status).toBe(400);
    expect(reply.body.message.join(' ')).toContain('sync_id_token_claims_to_userinfo');
  });

  it('answers 409 IDENTIFIER_IS_TAKEN for a second client of the same name in the app, not in another app', async () => {
    await createClient({ ...oidcBody, name: 'Twice' });
    const reply = await call('POST', '/v1/clients', { token, body: { ...oidcBody, name: 'Twice' } });
    expect(reply.status).toBe(409);
    expectMatchesSchema('error-409.schema.json', reply.body);
    expect(reply.body.ts_error_code).toBe('IDENTIFIER_IS_TAKEN');
    await createClient({ ...oidcBody, name: 'Twice' }, otherApp);
  });
});

describe('GET /v1/clients and GET /v1/clients/{clientId}', () => {
  it("lists only the token app's clients, and reads one by id", async () => {
    const mine = await createClient({ ...oidcBody, name: 'Listed' });
    const theirs = await createClient({ ...oidcBody, name: 'Elsewhere' }, otherApp);
    const list = await call('GET', '/v1/clients', { token });
    expect(list.status).toBe(200);
    expectMatchesSchema('client-list.envelope.schema.json', list.body);
    const ids = list.body.result.map((c: { client_id: string }) => c.client_id);
    expect(ids).toContain(mine.client_id);
    expect(ids).not.toContain(theirs.client_id);

    const one = await call('GET', `/v1/clients/${mine.client_id}`, { token });
    expect(one.status).toBe(200);
    expectMatchesSchema('client-single.envelope.schema.json', one.body);
    expect(one.body.result).toEqual(mine);
  });

  it('answers 404 for an unknown id, an id with odd characters and another app’s client', async () => {
    const theirs = await createClient({ ...oidcBody, name: 'Hidden' }, otherApp);
    for (const id of ['nope', '%00', '..%2F..%2Fetc', encodeURIComponent('ü"<x>'), '%zz', String(theirs.client_id)]) {
      const reply = await call('GET', `/v1/clients/${id}`, { token });
      expect(reply.status, id).toBe(404);
      expectMatchesSchema('error-404.schema.json', reply.body);
    }
  });
});

describe('PUT /v1/clients/{clientId}', () => {
  it('replaces object-valued fields whole, keeps fields left out and ignores authentication_protocol', async () => {
    const created = await createClient({
      ...oidcBody,
      name: 'Put',
      description: 'kept',
      ciba_authorization: { enabled: true, login_uri: 'https://example.com/ciba' },
    });
    const reply = await call('PUT', `/v1/clients/${created.client_id}`, {
      token,
      body: {
        ciba_authorization: { enabled: false },
        authentication_protocol: 'saml',
        redirect_uris: ['https://x.test'],
      },
    });
    expect(reply.status).toBe(200);
    expectMatchesSchema('client-single.envelope.schema.json', reply.body);
    const updated = reply.body.result;
    expect(updated.ciba_authorization).toEqual({ enabled: false });
    expect(updated.description).toBe('kept');
    expect(updated.redirect_uris).toEqual(['https://x.test']);
    expect(updated.authentication_protocol).toBe('oidc');
    expect(updated.client_secret).toBe(created.client_secret);
    expect((await call('GET', `/v1/clients/${created.client_id}`, { token })).body.result).toEqual(updated);
  });

  it('answers 400 for an invalid body and 404 for an unknown client', async () => {
    const created = await createClient({ ...oidcBody, name: 'PutBad' });
    const bad = await call('PUT', `/v1/clients/${created.client_id}`, { token, body: { client_type: 'robot' } });
    expect(bad.status).toBe(400);
    expectMatchesSchema('error-400.schema.json', bad.body);
    expect(bad.body.message[0]).toMatch(/^client_type /);
    const missing = await call('PUT', '/v1/clients/unknown', { token, body: { name: 'x' } });
    expect(missing.status).toBe(404);
  });
});

describe('PUT /v1/clients/{clientId}/resources', () => {
  it('replaces the resource list (200), 400 without resource_ids, 404 for an unknown client', async () => {
    const created = await createClient({ ...oidcBody, name: 'Res', resources: ['r1', 'r2'] });
    const reply = await call('PUT', `/v1/clients/${created.client_id}/resources`, {
      token,
      body: { resource_ids: ['r3'] },
    });
    expect(reply.status).toBe(200);
    expectMatchesSchema('client-single.envelope.schema.json', reply.body);
    expect(reply.body.result.resources).toEqual(['r3']);
    const bad = await call('PUT', `/v1/clients/${created.client_id}/resources`, { token, body: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['resource_ids is required']);
    expect((await call('PUT', '/v1/clients/nope/resources', { token, body: { resource_ids: [] } })).status).toBe(404);
  });
});

describe('DELETE /v1/clients/{clientId} and DELETE /v1/clients', () => {
  it('deletes one client (204, no body); it is gone after; an unknown id is 404', async () => {
    const created = await createClient({ ...oidcBody, name: 'Gone' });
    const reply = await call('DELETE', `/v1/clients/${created.client_id}`, { token });
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
    expect((await call('GET', `/v1/clients/${created.client_id}`, { token })).status).toBe(404);
    expect((await call('DELETE', `/v1/clients/${created.client_id}`, { token })).status).toBe(404);
  });

  it('deletes every client of the app (204), leaving other apps alone; an app with none answers 404', async () => {
    const emptyApp: TestTokenOptions = { ...token, app: 'app-delete-all' };
    await createClient({ ...oidcBody, name: 'One' }, emptyApp);
    await createClient({ ...oidcBody, name: 'Two' }, emptyApp);
    const reply = await call('DELETE', '/v1/clients', { token: emptyApp });
    expect(reply.status).toBe(204);
    expect((await call('GET', '/v1/clients', { token: emptyApp })).body.result).toEqual([]);
    expect((await call('GET', '/v1/clients', { token })).body.result.length).toBeGreaterThan(0);
    const again = await call('DELETE', '/v1/clients', { token: emptyApp });
    expect(again.status).toBe(404);
    expectMatchesSchema('error-404.schema.json', again.body);
  });
});
