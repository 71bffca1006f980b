import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationPolicy } from '../../../reference/operations.js';
import { caller, referenceApp, type Call } from '../support/harness.js';
import { expectMatchesSchema } from '../support/schemas.js';
import type { TestTokenOptions } from '../support/tokens.js';

let app: FastifyInstance;
let call: Call;
beforeAll(async () => {
  app = await referenceApp();
  call = caller(app);
});
afterAll(() => app.close());

/** A concrete request for an operation; ids are unknown, so an authorized call answers 2xx, 400 or 404. */
function requestFor(policy: OperationPolicy, appId: string): { url: string; body?: unknown } {
  const url = policy.url.replace(/:(\w+)/g, 'x-$1') + (policy.key.startsWith('MANAGE-') ? `?app_id=${appId}` : '');
  return policy.method === 'POST' || policy.method === 'PUT' ? { url, body: {} } : { url };
}

async function statusOf(policy: OperationPolicy, token: TestTokenOptions): Promise<number> {
  const { url, body } = requestFor(policy, token.app ?? 'app-a');
  const reply = await call(policy.method, url, { token, body });
  if (reply.status === 403) expectMatchesSchema('error-auth.schema.json', reply.body);
  return reply.status;
}

const forbidden = (status: number): boolean => status === 401 || status === 403;

describe('permission lists are any-of; [appId] means the token’s own app', () => {
  for (const policy of OPERATIONS.filter((p) => p.permissions.length > 0)) {
    it(`${policy.key}: each listed permission alone passes, nothing else does`, async () => {
      for (const permission of policy.permissions) {
        const perms = [permission.replace('[appId]', 'app-a')];
        expect(forbidden(await statusOf(policy, { perms })), `${permission} alone`).toBe(false);
      }
      const outside = ['apps:unrelated', 'other:read'];
      expect(await statusOf(policy, { perms: outside }), 'permissions outside the list').toBe(403);
      const otherApp = policy.permissions
        .filter((p) => p.startsWith('[appId]'))
        .map((p) => p.replace('[appId]', 'app-b'));
      expect(await statusOf(policy, { perms: otherApp }), '[appId] of another app').toBe(403);
      expect(await statusOf(policy, { claims: { ts_permissions: undefined } }), 'no ts_permissions claim').toBe(403);
    });
  }
});

describe('token types (decisions #9)', () => {
  const byKey = (key: string): OperationPolicy => OPERATIONS.find((p) => p.key === key)!;
  const allPerms = { perms: ['apps:read', 'apps:create', 'apps:delete', 'consents:read', 'consents:delete'] };

  it('rejects a user token on the Clients and Consents operations with 403', async () => {
    for (const policy of OPERATIONS.filter((p) => !p.key.startsWith('ME-'))) {
      expect(await statusOf(policy, { ...allPerms, type: 'user' }), policy.key).toBe(403);
    }
  });

  it('rejects client and admin tokens on the /me operations with 403', async () => {
    for (const policy of OPERATIONS.filter((p) => p.key.startsWith('ME-'))) {
      expect(await statusOf(policy, { ...allPerms }), `client on ${policy.key}`).toBe(403);
      expect(await statusOf(policy, { type: 'admin' }), `admin on ${policy.key}`).toBe(403);
      expect(forbidden(await statusOf(policy, { type: 'user' })), `user on ${policy.key}`).toBe(false);
    }
  });

  it('rejects an admin token on /v1/clients and /v1/consents, accepts it on /v1/manage/consents', async () => {
    expect(await statusOf(byKey('CLIENTS-LIST'), { type: 'admin' })).toBe(403);
    expect(await statusOf(byKey('CONSENTS-LIST'), { type: 'admin' })).toBe(403);
    expect(await statusOf(byKey('MANAGE-CONSENTS-LIST'), { type: 'admin', app: 'any-app' })).toBe(200);
  });

  it('recognizes an admin by Admin in the role claim as well as in roles', async () => {
    const admin: TestTokenOptions = { claims: { roles: [], role: ['Admin'] } };
    expect(await statusOf(byKey('MANAGE-CONSENTS-LIST'), { ...admin, app: 'app-a' })).toBe(200);
    expect(await statusOf(byKey('CLIENTS-LIST'), admin)).toBe(403);
  });
});

describe('isolation (decisions #12)', () => {
  it('another tenant or another app gets 404 for a client by id and cannot change or delete it', async () => {
    const owner: TestTokenOptions = {
      tenant: 'tenant-1',
      app: 'app-1',
      perms: ['apps:create', 'apps:read', 'apps:delete'],
    };
    const created = await call('POST', '/v1/clients', { token: owner, body: { name: 'Iso', redirect_uris: [] } });
    const id = created.body.result.client_id as string;
    for (const intruder of [
      { ...owner, tenant: 'tenant-2' },
      { ...owner, app: 'app-2' },
    ]) {
      expect((await call('GET', `/v1/clients/${id}`, { token: intruder })).status).toBe(404);
      expect((await call('PUT', `/v1/clients/${id}`, { token: intruder, body: { name: 'x' } })).status).toBe(404);
      expect((await call('DELETE', `/v1/clients/${id}`, { token: intruder })).status).toBe(404);
      expect((await call('GET', '/v1/clients', { token: intruder })).body.result).toEqual([]);
    }
    expect((await call('GET', `/v1/clients/${id}`, { token: owner })).body.result.name).toBe('Iso');
  });
});
