import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMS, caller, consentExists, referenceApp, type Call } from '../support/harness.js';
import { expectMatchesSchema } from '../support/schemas.js';
import type { TestTokenOptions } from '../support/tokens.js';

const T = 'tenant-k';
const A = 'app-k';
const token: TestTokenOptions = { tenant: T, app: A, perms: ALL_PERMS };
const userToken = (user: string): TestTokenOptions => ({ type: 'user', tenant: T, app: A, user });

let app: FastifyInstance;
let call: Call;
beforeAll(async () => {
  app = await referenceApp();
  call = caller(app);
});
afterAll(() => app.close());

/** A fresh app per test keeps the tests independent inside one server. */
let appCounter = 0;
function freshApp(): { appId: string; as: TestTokenOptions } {
  const appId = `${A}-${++appCounter}`;
  return { appId, as: { ...token, app: appId } };
}

const consent = (appId: string, client: string, user: string, extra: object = {}) =>
  consentExists(call, { tenant_id: T, app_id: appId, client_id: client, user_id: user, ...extra });
const ids = (body: { result: Array<{ consent_id: string }> }): string[] => body.result.map((c) => c.consent_id).sort();

describe('GET /v1/consents and GET /v1/consents/{consentId}', () => {
  it('lists the app’s consents, filtered by client_id and user_id alone and together', async () => {
    const { appId, as } = freshApp();
    const a = await consent(appId, 'c1', 'u1');
    const b = await consent(appId, 'c1', 'u2');
    const c = await consent(appId, 'c2', 'u1');
    await consent(`${appId}-elsewhere`, 'c1', 'u1');
    const all = await call('GET', '/v1/consents', { token: as });
    expect(all.status).toBe(200);
    expectMatchesSchema('consent-list.envelope.schema.json', all.body);
    expect(ids(all.body)).toEqual([a, b, c].map((x) => x['consent_id']).sort());
    expect(all.body.result[0]).not.toHaveProperty('client_name');
    expect(ids((await call('GET', '/v1/consents?client_id=c1', { token: as })).body)).toEqual(
      [a, b].map((x) => x['consent_id']).sort(),
    );
    expect(ids((await call('GET', '/v1/consents?user_id=u1', { token: as })).body)).toEqual(
      [a, c].map((x) => x['consent_id']).sort(),
    );
    expect(ids((await call('GET', '/v1/consents?client_id=c1&user_id=u1', { token: as })).body)).toEqual([
      a['consent_id'],
    ]);
  });

  it('reads one consent (epoch-millisecond timestamps); unknown or foreign ids answer 404', async () => {
    const { appId, as } = freshApp();
    const created = await consent(appId, 'c1', 'u1');
    const reply = await call('GET', `/v1/consents/${created['consent_id']}`, { token: as });
    expect(reply.status).toBe(200);
    expectMatchesSchema('consent-single.envelope.schema.json', reply.body);
    expect(reply.body.result).toEqual(created);
    expect(reply.body.result.created_at).toBeGreaterThan(1e12);
    expect((await call('GET', '/v1/consents/nope', { token: as })).status).toBe(404);
    const foreign = await call('GET', `/v1/consents/${created['consent_id']}`, { token: { ...as, app: 'another' } });
    expect(foreign.status).toBe(404);
    expectMatchesSchema('error-404.schema.json', foreign.body);
  });
});

describe('DELETE /v1/consents/clients/{clientId}/users/{userId}', () => {
  it('deletes all of the user’s consents for the client, or only the named consent_id', async () => {
    const { appId, as } = freshApp();
    const first = await consent(appId, 'c1', 'u1', { scope: 'a' });
    await consent(appId, 'c1', 'u1', { scope: 'b' });
    const kept = await consent(appId, 'c2', 'u1');
    const one = await call('DELETE', `/v1/consents/clients/c1/users/u1?consent_id=${first['consent_id']}`, {
      token: as,
    });
    expect(one.status).toBe(200);
    expect(one.body).toBe('');
    expect((await call('GET', '/v1/consents?client_id=c1', { token: as })).body.result).toHaveLength(1);
    expect((await call('DELETE', '/v1/consents/clients/c1/users/u1', { token: as })).status).toBe(200);
    expect(ids((await call('GET', '/v1/consents', { token: as })).body)).toEqual([kept['consent_id']]);
    expect((await call('DELETE', '/v1/consents/clients/c1/users/u1', { token: as })).status).toBe(404);
  });
});

describe('GET /v1/manage/consents and DELETE /v1/manage/consents/clients/{c}/users/{u}', () => {
  it('requires app_id (400), lists with client_name, and refuses another app to a client token (403)', async () => {
    const { appId, as } = freshApp();
    const created = await call('POST', '/v1/clients', { token: as, body: { name: 'Named', redirect_uris: [] } });
    const clientId = created.body.result.client_id as string;
    await consent(appId, clientId, 'u1');
    await consent(appId, 'no-such-client', 'u1');
    const missing = await call('GET', '/v1/manage/consents', { token: as });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toEqual(['app_id is required']);
    const list = await call('GET', `/v1/manage/consents?app_id=${appId}&client_id=${clientId}`, { token: as });
    expect(list.status).toBe(200);
    expectMatchesSchema('consent-manage-list.envelope.schema.json', list.body);
    expect(list.body.result).toHaveLength(1);
    expect(list.body.result[0].client_name).toBe('Named');
    const foreign = await call('GET', '/v1/manage/consents?app_id=other-app', { token: as });
    expect(foreign.status).toBe(403);
    expectMatchesSchema('error-auth.schema.json', foreign.body);
  });

  it('lets an admin token of the tenant manage any of its apps', async () => {
    const { appId } = freshApp();
    await consent(appId, 'c1', 'u1');
    const admin: TestTokenOptions = { type: 'admin', tenant: T, app: 'management-app' };
    const list = await call('GET', `/v1/manage/consents?app_id=${appId}`, { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.result).toHaveLength(1);
    const del = await call('DELETE', `/v1/manage/consents/clients/c1/users/u1?app_id=${appId}`, { token: admin });
    expect(del.status).toBe(200);
    expect((await call('GET', `/v1/manage/consents?app_id=${appId}`, { token: admin })).body.result).toEqual([]);
  });

  it('deletes within the named app; nothing matched is 404', async () => {
    const { appId, as } = freshApp();
    await consent(appId, 'c1', 'u1');
    const del = await call('DELETE', `/v1/manage/consents/clients/c1/users/u1?app_id=${appId}`, { token: as });
    expect(del.status).toBe(200);
    const again = await call('DELETE', `/v1/manage/consents/clients/c1/users/u1?app_id=${appId}`, { token: as });
    expect(again.status).toBe(404);
    expect((await call('DELETE', '/v1/manage/consents/clients/c1/users/u1', { token: as })).status).toBe(400);
  });
});

describe('/v1/consents/me', () => {
  it('lists and revokes only the calling user’s consents', async () => {
    const { appId } = freshApp();
    const mine = await consent(appId, 'c1', 'alice');
    const theirs = await consent(appId, 'c1', 'bob');
    const alice: TestTokenOptions = { ...userToken('alice'), app: appId };
    const list = await call('GET', '/v1/consents/me', { token: alice });
    expect(list.status).toBe(200);
    expectMatchesSchema('consent-list.envelope.schema.json', list.body);
    expect(ids(list.body)).toEqual([mine['consent_id']]);
    const foreign = await call('DELETE', `/v1/consents/me/clients/c1?consent_id=${theirs['consent_id']}`, {
      token: alice,
    });
    expect(foreign.status).toBe(404);
    expectMatchesSchema('error-404.schema.json', foreign.body);
    expect((await call('DELETE', '/v1/consents/me/clients/c1', { token: alice })).status).toBe(200);
    expect((await call('GET', '/v1/consents/me', { token: alice })).body.result).toEqual([]);
    const bob = await call('GET', '/v1/consents/me', { token: { ...userToken('bob'), app: appId } });
    expect(ids(bob.body)).toEqual([theirs['consent_id']]);
  });
});
