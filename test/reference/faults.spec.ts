import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FAULTS, faultSwitch } from '../../reference/faults.js';
import { ALL_PERMS, caller, consentExists, referenceApp, type Call } from './support/harness.js';
import { PACKAGE_ROOT } from './support/packageRoot.js';
import { embeddedJwkToken, publicKeyHmacToken, unsignedToken, type TestTokenOptions } from './support/tokens.js';

const token: TestTokenOptions = { tenant: 'tenant-f', app: 'app-f', perms: ALL_PERMS };
const body = { name: 'Faulty', redirect_uris: [], ciba_authorization: { enabled: true, login_uri: 'https://l' } };
const consentOf = (user: string, client = 'client-f') =>
  ({ tenant_id: 'tenant-f', app_id: 'app-f', client_id: client, user_id: user }) as const;
const userToken = (user: string): TestTokenOptions => ({ ...token, type: 'user', user, perms: [] });

async function created(call: Call, extra: Record<string, unknown> = {}): Promise<string> {
  const reply = await call('POST', '/v1/clients', { token, body: { ...body, ...extra } });
  return reply.body.result.client_id as string;
}
const status = async (call: Call, method: string, url: string, options: Parameters<Call>[2] = { token }) =>
  (await call(method, url, options)).status;

/**
 * One probe per fault: a short request sequence whose observable outcome differs between the clean reference and
 * the reference with that fault on. Adding a fault without a probe fails the "every fault" test below.
 */
const PROBES: Record<string, (call: Call) => Promise<unknown>> = {
  // status codes
  'create-status-200': async (call) => (await call('POST', '/v1/clients', { token, body })).status,
  'delete-status-200': async (call) => status(call, 'DELETE', `/v1/clients/${await created(call)}`),
  'client-not-found-400': (call) => status(call, 'GET', '/v1/clients/no-such-client'),
  'delete-all-empty-204': (call) => status(call, 'DELETE', '/v1/clients'),
  'consent-no-match-200': (call) => status(call, 'DELETE', '/v1/consents/clients/client-f/users/nobody'),
  'invalid-token-403': (call) => status(call, 'GET', '/v1/clients', { token: { ...token, expiresIn: -60 } }),
  // response shape
  'envelope-missing': async (call) =>
    Object.keys((await call('GET', `/v1/clients/${await created(call)}`, { token })).body),
  'client-secret-missing': async (call) =>
    typeof (await call('POST', '/v1/clients', { token, body })).body.result.client_secret,
  'not-found-body-wrong': async (call) => (await call('GET', '/v1/clients/no-such-client', { token })).body,
  'conflict-body-bare': async (call) => {
    await created(call);
    return (await call('POST', '/v1/clients', { token, body })).body;
  },
  'manage-list-no-client-name': async (call) => {
    await consentExists(call, consentOf('user-1'));
    return Object.keys((await call('GET', '/v1/manage/consents?app_id=app-f', { token })).body.result[0]);
  },
  'consents-list-client-name': async (call) => {
    await consentExists(call, consentOf('user-1'));
    return Object.keys((await call('GET', '/v1/consents', { token })).body.result[0]);
  },
  // input validation
  'name-not-required': (call) => status(call, 'POST', '/v1/clients', { token, body: { redirect_uris: [] } }),
  'enum-not-enforced': (call) =>
    status(call, 'POST', '/v1/clients', { token, body: { ...body, client_type: 'toaster' } }),
  'userinfo-conflict-accepted': (call) => {
    const conflict = { ...body, default_user_info_claims: ['email'], sync_id_token_claims_to_userinfo: true };
    return status(call, 'POST', '/v1/clients', { token, body: conflict });
  },
  'duplicate-name-accepted': async (call) => {
    await created(call);
    return status(call, 'POST', '/v1/clients', { token, body });
  },
  'manage-app-id-optional': (call) => status(call, 'GET', '/v1/manage/consents'),
  // persistence
  'put-merges-objects': async (call) => {
    const id = await created(call);
    const put = await call('PUT', `/v1/clients/${id}`, { token, body: { ciba_authorization: { enabled: false } } });
    return put.body.result.ciba_authorization;
  },
  'put-resets-omitted': async (call) => {
    const id = await created(call, { description: 'kept' });
    await call('PUT', `/v1/clients/${id}`, { token, body: { name: 'Renamed' } });
    return (await call('GET', `/v1/clients/${id}`, { token })).body.result.description;
  },
  'update-not-persisted': async (call) => {
    const id = await created(call);
    await call('PUT', `/v1/clients/${id}`, { token, body: { description: 'new' } });
    return (await call('GET', `/v1/clients/${id}`, { token })).body.result.description;
  },
  'resources-appended': async (call) => {
    const id = await created(call);
    await call('PUT', `/v1/clients/${id}/resources`, { token, body: { resource_ids: ['r1'] } });
    return (await call('PUT', `/v1/clients/${id}/resources`, { token, body: { resource_ids: ['r2'] } })).body;
  },
  'defaults-not-applied': async (call) => {
    const id = await created(call);
    return (await call('GET', `/v1/clients/${id}`, { token })).body.result.client_type;
  },
  'deleted-client-readable': async (call) => {
    const id = await created(call);
    await call('DELETE', `/v1/clients/${id}`, { token });
    return (await call('GET', `/v1/clients/${id}`, { token })).status;
  },
  'delete-all-no-op': async (call) => {
    await created(call);
    await call('DELETE', '/v1/clients', { token });
    return (await call('GET', '/v1/clients', { token })).body.result.length;
  },
  'consent-delete-no-op': async (call) => {
    const consent = await consentExists(call, consentOf('user-1'));
    await call('DELETE', '/v1/consents/clients/client-f/users/user-1', { token });
    return status(call, 'GET', `/v1/consents/${String(consent['consent_id'])}`);
  },
  // consent semantics
  'consent-filters-ignored': async (call) => {
    await consentExists(call, consentOf('user-1'));
    await consentExists(call, consentOf('user-2'));
    return (await call('GET', '/v1/consents?user_id=user-1', { token })).body.result.length;
  },
  'consent-id-ignored': async (call) => {
    const first = await consentExists(call, consentOf('user-1'));
    const second = await consentExists(call, consentOf('user-1'));
    await call('DELETE', `/v1/consents/clients/client-f/users/user-1?consent_id=${String(first['consent_id'])}`, {
      token,
    });
    return status(call, 'GET', `/v1/consents/${String(second['consent_id'])}`);
  },
  'me-leaks-other-users': async (call) => {
    await consentExists(call, consentOf('user-1'));
    await consentExists(call, consentOf('user-2'));
    return (await call('GET', '/v1/consents/me', { token: userToken('user-1') })).body.result.length;
  },
  'me-revokes-other-users': async (call) => {
    await consentExists(call, consentOf('user-1'));
    const other = await consentExists(call, consentOf('user-2'));
    await call('DELETE', '/v1/consents/me/clients/client-f', { token: userToken('user-1') });
    return status(call, 'GET', `/v1/consents/${String(other['consent_id'])}`);
  },
  // read-your-writes
  'consent-get-cached-after-delete': async (call) => {
    const consent = await consentExists(call, consentOf('user-1'));
    await call('GET', `/v1/consents/${String(consent['consent_id'])}`, { token });
    await call('DELETE', '/v1/consents/clients/client-f/users/user-1', { token });
    return status(call, 'GET', `/v1/consents/${String(consent['consent_id'])}`);
  },
  'manage-list-stale-after-delete': async (call) => {
    await consentExists(call, consentOf('user-1'));
    await call('GET', '/v1/manage/consents?app_id=app-f', { token });
    await call('DELETE', '/v1/consents/clients/client-f/users/user-1', { token });
    return (await call('GET', '/v1/manage/consents?app_id=app-f', { token })).body.result.length;
  },
  // lists at scale
  'clients-list-capped': async (call) => {
    for (let i = 0; i < 21; i += 1) await created(call, { name: `Client ${i}` });
    return (await call('GET', '/v1/clients', { token })).body.result.length;
  },
  'consent-lists-capped': async (call) => {
    for (let i = 0; i < 21; i += 1) await consentExists(call, consentOf('user-1'));
    return (await call('GET', '/v1/consents/me', { token: userToken('user-1') })).body.result.length;
  },
  'user-filter-prefix': async (call) => {
    await consentExists(call, consentOf('u1'));
    await consentExists(call, consentOf('u10'));
    return (await call('GET', '/v1/consents?user_id=u1', { token })).body.result.length;
  },
  'user-filter-case-insensitive': async (call) => {
    await consentExists(call, consentOf('u1'));
    return (await call('GET', '/v1/manage/consents?app_id=app-f&user_id=U1', { token })).body.result.length;
  },
  // auth
  'missing-token-accepted': (call) => status(call, 'GET', '/v1/clients', {}),
  'expired-token-accepted': (call) => status(call, 'GET', '/v1/clients', { token: { ...token, expiresIn: -60 } }),
  'forged-signature-accepted': (call) => status(call, 'GET', '/v1/clients', { token: { ...token, forged: true } }),
  'alg-none-accepted': (call) =>
    status(call, 'GET', '/v1/clients', { token: unsignedToken({ tid: 'tenant-f', app_id: 'app-f' }) }),
  'wrong-audience-accepted': (call) =>
    status(call, 'GET', '/v1/clients', { token: { ...token, aud: 'https://elsewhere.invalid' } }),
  'no-permission-check': async (call) =>
    (await call('POST', '/v1/clients', { token: { ...token, perms: ['apps:read'] }, body })).status,
  'foreign-app-permission-accepted': (call) =>
    status(call, 'GET', '/v1/clients', { token: { ...token, perms: ['app-other:read'] } }),
  'read-permission-writes': (call) =>
    status(call, 'POST', '/v1/clients', { token: { ...token, perms: ['app-f:read'] }, body }),
  'no-tenant-check': async (call) => {
    const id = await created(call);
    return status(call, 'GET', `/v1/clients/${id}`, { token: { ...token, tenant: 'tenant-other' } });
  },
  'no-app-check': async (call) => {
    const id = await created(call);
    return status(call, 'GET', `/v1/clients/${id}`, { token: { ...token, app: 'app-other' } });
  },
  'user-token-on-clients': (call) => status(call, 'GET', '/v1/clients', { token: userToken('user-1') }),
  'client-token-on-me': (call) => status(call, 'GET', '/v1/consents/me'),
  // token attacks
  'hmac-public-key-accepted': async (call) =>
    status(call, 'GET', '/v1/clients', { token: await publicKeyHmacToken({ tenant: 'tenant-f', app: 'app-f' }) }),
  'embedded-jwk-trusted': async (call) =>
    status(call, 'GET', '/v1/clients', { token: await embeddedJwkToken({ tenant: 'tenant-f', app: 'app-f' }) }),
  'exp-leeway-10-minutes': (call) => status(call, 'GET', '/v1/clients', { token: { ...token, expiresIn: -400 } }),
  'no-exp-accepted': (call) => status(call, 'GET', '/v1/clients', { token: { ...token, claims: { exp: undefined } } }),
  'scope-read-as-permissions': (call) =>
    status(call, 'GET', '/v1/clients', { token: { ...token, perms: ['users:read'], claims: { scope: 'apps:read' } } }),
  'admin-role-any-case': (call) =>
    status(call, 'GET', '/v1/manage/consents?app_id=app-f', {
      token: { ...token, perms: ['users:read'], claims: { roles: ['admin'] } },
    }),
  // checks that isolate one cause
  'user-token-judged-by-permissions': (call) =>
    status(call, 'GET', '/v1/clients', { token: { ...userToken('user-1'), perms: ['apps:read'] } }),
  'admin-token-judged-by-permissions': (call) =>
    status(call, 'GET', '/v1/consents', { token: { ...token, type: 'admin', perms: ['apps:read'] } }),
  // mass assignment
  'create-body-app-id-honoured': async (call) =>
    (await call('POST', '/v1/clients', { token, body: { ...body, app_id: 'app-other' } })).body.result.app_id,
  'update-body-server-fields-honoured': async (call) => {
    const id = await created(call);
    await call('PUT', `/v1/clients/${id}`, { token, body: { client_secret: 'chosen' } });
    return (await call('GET', `/v1/clients/${id}`, { token })).body.result.client_secret;
  },
  'clients-list-query-app-id': async (call) => {
    await call('POST', '/v1/clients', { token: { ...token, app: 'app-other' }, body });
    return (await call('GET', '/v1/clients?app_id=app-other', { token })).body.result.length;
  },
  'manage-query-tenant-id': async (call) => {
    await consentExists(call, { ...consentOf('user-1'), tenant_id: 'tenant-other' });
    return (await call('GET', '/v1/manage/consents?app_id=app-f&tenant_id=tenant-other', { token })).body.result;
  },
  // value fidelity
  'update-rotates-secret': async (call) => {
    const first = (await call('POST', '/v1/clients', { token, body })).body.result;
    const put = await call('PUT', `/v1/clients/${String(first.client_id)}`, { token, body: { description: 'x' } });
    return put.body.result.client_secret === first.client_secret;
  },
  'list-masks-secret': async (call) => {
    const first = (await call('POST', '/v1/clients', { token, body })).body.result;
    return (await call('GET', '/v1/clients', { token })).body.result[0].client_secret === first.client_secret;
  },
  'scalar-strings-coerced': (call) =>
    status(call, 'POST', '/v1/clients', { token, body: { ...body, is_third_party: 'true' } }),
  'consent-delete-answers-body': async (call) => {
    await consentExists(call, consentOf('user-1'));
    return (await call('DELETE', '/v1/consents/clients/client-f/users/user-1', { token })).body;
  },
  'client-name-of-default-client': async (call) => {
    await created(call, { name: 'First' });
    const second = await created(call, { name: 'Second' });
    await consentExists(call, consentOf('user-1', second));
    return (await call('GET', '/v1/manage/consents?app_id=app-f', { token })).body.result[0].client_name;
  },
  // 5xx on valid input
  'saml-create-500': (call) =>
    status(call, 'POST', '/v1/clients', {
      token,
      body: { name: 'Saml', authentication_protocol: 'saml', sp_entity_id: 'https://sp.example.test' },
    }),
  'user-filter-500': (call) => status(call, 'GET', '/v1/consents?user_id=user-1'),
};

const apps: FastifyInstance[] = [];
afterAll(() => Promise.all(apps.map((a) => a.close())));

async function probe(name: string, fault?: string): Promise<unknown> {
  const app = await referenceApp(fault === undefined ? {} : { fault });
  apps.push(app);
  return PROBES[name]!(caller(app));
}

describe('faultSwitch', () => {
  it('is off for everything without a name, and on for exactly the named fault', () => {
    expect(FAULTS.some((f) => faultSwitch().isOn(f.name as never))).toBe(false);
    const sw = faultSwitch('put-merges-objects');
    expect(sw.active).toBe('put-merges-objects');
    expect(FAULTS.filter((f) => sw.isOn(f.name as never)).map((f) => f.name)).toEqual(['put-merges-objects']);
  });

  it('rejects an unknown name with the list of known ones', () => {
    expect(() => faultSwitch('no-such-fault')).toThrow(
      /unknown fault 'no-such-fault'; known faults: create-status-200, /,
    );
  });

  it('has unique names, a description and at least one violated requirement each', () => {
    expect(new Set(FAULTS.map((f) => f.name)).size).toBe(FAULTS.length);
    for (const fault of FAULTS) {
      expect(fault.description.length, fault.name).toBeGreaterThan(10);
      expect(fault.violates.length, fault.name).toBeGreaterThan(0);
    }
  });

  const catalogFile = join(PACKAGE_ROOT, 'schemas', 'requirements.json');
  it('names only requirement ids the catalog has', () => {
    const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as { requirements: Array<{ id: string }> };
    const ids = new Set(catalog.requirements.map((r) => r.id));
    for (const fault of FAULTS)
      for (const id of fault.violates) expect(ids.has(id), `${fault.name} → ${id}`).toBe(true);
  });
});

describe('every fault changes observable behaviour', () => {
  it('has a probe for every registered fault', () => {
    expect(Object.keys(PROBES).sort()).toEqual(FAULTS.map((f) => f.name).sort());
  });

  for (const fault of FAULTS) {
    it(`${fault.name}: the probe's outcome differs from the clean reference`, async () => {
      const clean = await probe(fault.name);
      const faulty = await probe(fault.name, fault.name);
      expect(faulty).not.toEqual(clean);
    });
  }

  it('unknown faults are refused when building the app', async () => {
    await expect(referenceApp({ fault: 'bogus' })).rejects.toThrow(/known faults/);
  });
});
