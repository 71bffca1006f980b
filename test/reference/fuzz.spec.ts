import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../reference/operations.js';
import { ALL_PERMS, caller, consentExists, referenceApp } from './support/harness.js';
import { mintToken, unsignedToken } from './support/tokens.js';

/**
 * Hostile input never gets a 5xx (catalog: `*-NO-5XX`): thousands of generated methods, paths, query strings,
 * headers and bodies go through `inject()`, over a store seeded with real clients and consents so that valid ids
 * are hit as well as odd ones.
 */
const RUNS = 2000;
const TENANT = 'tenant-z';
const APP = 'app-z';

let app: FastifyInstance;
let tokens: string[];
let ids: string[];
beforeAll(async () => {
  app = await referenceApp();
  const call = caller(app);
  const perms = (...p: string[]) => ({ tenant: TENANT, app: APP, perms: p });
  tokens = await Promise.all([
    mintToken(perms(...ALL_PERMS)),
    mintToken(perms('apps:read')),
    mintToken(perms(`${APP}:create`, `${APP}:delete`)),
    mintToken({ ...perms(...ALL_PERMS), app: 'app-other' }),
    mintToken({ ...perms(...ALL_PERMS), tenant: 'tenant-other' }),
    mintToken({ type: 'user', tenant: TENANT, app: APP, user: 'u1' }),
    mintToken({ type: 'admin', tenant: TENANT, app: 'mgmt' }),
    mintToken({ ...perms(...ALL_PERMS), expiresIn: -10 }),
    mintToken({ ...perms(...ALL_PERMS), forged: true }),
    mintToken({ ...perms(...ALL_PERMS), claims: { tid: 42, roles: 'Admin', ts_permissions: 'apps:read' } }),
    Promise.resolve(unsignedToken()),
  ]);
  const created = await call('POST', '/v1/clients', { token: tokens[0], body: { name: 'Seed', redirect_uris: [] } });
  const consent = await consentExists(call, { tenant_id: TENANT, app_id: APP, client_id: 'c1', user_id: 'u1' });
  ids = [created.body.result.client_id, consent['consent_id'] as string, 'c1', 'u1'];
});
afterAll(() => app.close());

const oddSegment = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom('%zz', '%', '%00', '..', '.', '%2F', '%2e%2e', ';', '~', '%E0%A4%A', '*', "'", '$', ''),
  fc.string({ minLength: 100, maxLength: 400 }).map(encodeURIComponent),
);
const segment = fc.oneof(
  oddSegment,
  fc.constant(null).map(() => ids[0]!),
  fc.constantFrom('c1', 'u1', 'me', APP),
);

/** Mostly real routes with the right method (so requests reach the handlers), sometimes anything at all. */
const route = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(...OPERATIONS).chain((policy) =>
      fc.tuple(segment, segment).map(([a, b]) => ({
        method: policy.method as string,
        path: policy.url.replace(/:\w+/, a).replace(/:\w+/, b),
      })),
    ),
  },
  { weight: 1, arbitrary: fc.constant({ method: 'POST', path: '/__conformance/state' }) },
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
      path: fc.array(oddSegment, { maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
    }),
  },
);
const queryKey = fc.constantFrom('client_id', 'user_id', 'app_id', 'consent_id', 'x', '__proto__', 'a[b]');
const query = fc
  .array(fc.tuple(queryKey, fc.oneof(oddSegment, fc.constantFrom(APP, 'c1', 'u1'))), { maxLength: 4 })
  .map((pairs) => (pairs.length === 0 ? '' : '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')));

const clientLike = fc.record(
  {
    name: fc.oneof(fc.string(), fc.jsonValue()),
    redirect_uris: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.jsonValue()),
    authentication_protocol: fc.oneof(fc.constantFrom('oidc', 'saml'), fc.jsonValue()),
    sp_entity_id: fc.string(),
    device_authorization: fc.oneof(fc.record({ enabled: fc.boolean(), approval_uri: fc.string() }), fc.jsonValue()),
    token_expiration: fc.jsonValue({ maxDepth: 6 }),
    default_user_info_claims: fc.constantFrom(['email'], [], 'email'),
    sync_id_token_claims_to_userinfo: fc.boolean(),
    resource_ids: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.jsonValue()),
    state: fc.constantFrom('an app exists', 'a consent exists', 'x'),
    action: fc.constantFrom('setup', 'teardown', 7),
    params: fc.oneof(
      fc.record({
        tenant_id: fc.string(),
        app_id: fc.string(),
        client_id: fc.string(),
        user_id: fc.string(),
        scope: fc.string(),
      }),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.constant(undefined),
  { weight: 3, arbitrary: clientLike.map((v) => JSON.stringify(v)) },
  {
    weight: 3,
    arbitrary: fc
      .record({
        name: fc.string({ maxLength: 8 }),
        redirect_uris: fc.array(fc.webUrl(), { maxLength: 2 }),
        resource_ids: fc.array(fc.string(), { maxLength: 2 }),
        extra: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      })
      .map(({ extra, ...valid }) => JSON.stringify({ ...extra, ...valid })),
  },
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.nat({ max: 3000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json',
  undefined,
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/jsonx',
  '',
);
const authorization = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(0, 0, 0, 5, 6).map((i) => `Bearer ${tokens[i]}`) },
  fc.constant(undefined),
  fc.constantFrom(...Array.from({ length: 11 }, (_, i) => i)).map((i) => `Bearer ${tokens[i]}`),
  fc.string({ unit: fc.constantFrom(...'abcXYZ012.-_ =/+'.split('')), maxLength: 80 }).map((s) => `Bearer ${s}`),
  fc.constantFrom('Basic eDp5', 'Bearer', 'bearer  ', 'Bearer a.b.c', 'Bearer ...'),
);

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const extraHeaders = fc.dictionary(
  fc.constantFrom(
    'accept',
    'accept-encoding',
    'x-request-id',
    'origin',
    'transfer-encoding-x',
    'x-forwarded-for',
    'cookie',
  ),
  printable,
  { maxKeys: 3 },
);

describe('hostile input', () => {
  it(`never gets a 5xx and always answers JSON or nothing (${RUNS} generated requests)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        route,
        query,
        body,
        contentType,
        authorization,
        extraHeaders,
        async ({ method, path: urlPath }, search, payload, type, auth, extra) => {
          const headers: Record<string, string> = { ...extra };
          if (auth !== undefined) headers['authorization'] = auth;
          if (type !== undefined) headers['content-type'] = type;
          const response = await app.inject({ method: method as 'GET', url: urlPath + search, headers, payload });
          expect(response.statusCode, `${method} ${urlPath}${search}`).toBeLessThan(500);
          if (response.body !== '') expect(response.headers['content-type']).toMatch(/^application\/json/);
        },
      ),
      { numRuns: RUNS, seed: 20250101 },
    );
  });
});
