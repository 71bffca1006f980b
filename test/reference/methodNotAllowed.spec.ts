/**
 * Unsupported methods on known paths (reference/routes/methodNotAllowed.ts): 405 with an `Allow` header that
 * names the path's methods, as schemas/openapi.yaml lists them (plus HEAD where GET is).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../reference/operations.js';
import { allowedMethodsByUrl } from '../../reference/routes/methodNotAllowed.js';
import { loadOpenApi, operationsOf } from '../../src/catalog/openapi.js';
import { ALL_PERMS, caller, referenceApp, type Call } from './support/harness.js';
import { PACKAGE_ROOT } from './support/packageRoot.js';

let app: FastifyInstance;
let call: Call;
beforeAll(async () => {
  app = await referenceApp();
  call = caller(app);
});
afterAll(() => app.close());

const token = { tenant: 'tenant-m', app: 'app-m', perms: ALL_PERMS };
/** A concrete path for a fastify route URL (`:clientId` → `c-1`). */
const concrete = (url: string): string => url.replace(/:(\w+)/g, (_, name: string) => `${name}-1`);
const allowSet = (header: unknown): string[] =>
  String(header ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean)
    .sort();

describe('405 with Allow on known paths', () => {
  it('answers every method fastify knows but the path does not list with 405, Allow and a JSON error body', async () => {
    const seen: string[] = [];
    for (const [url, allowed] of allowedMethodsByUrl(OPERATIONS)) {
      for (const method of app.supportedMethods.filter((m) => !allowed.includes(m))) {
        const reply = await call(method, concrete(url), { token });
        const what = `${method} ${url}`;
        expect(reply.status, what).toBe(405);
        expect(allowSet(reply.headers['allow']), what).toEqual(allowed);
        if (method !== 'HEAD') {
          expect(reply.body.error_code, what).toBe(405);
          expect(reply.body.message, what).toContain(`${method} is not supported`);
        }
        seen.push(what);
      }
    }
    // 10 paths; PATCH is unsupported on every one of them.
    expect(new Set(seen.map((s) => s.split(' ')[1])).size).toBe(10);
    expect(seen).toContain('PATCH /v1/clients/:clientId');
    expect(seen).toContain('PUT /v1/clients');
  });

  it('lists exactly the methods of the path in schemas/openapi.yaml, and HEAD where there is GET', () => {
    const documented = new Map<string, Set<string>>();
    for (const op of operationsOf(loadOpenApi(PACKAGE_ROOT))) {
      const url = op.path.replace(/\{(\w+)\}/g, ':$1');
      const methods = documented.get(url) ?? new Set<string>();
      methods.add(op.method);
      if (op.method === 'GET') methods.add('HEAD');
      documented.set(url, methods);
    }
    expect(Object.fromEntries([...allowedMethodsByUrl(OPERATIONS)].map(([url, methods]) => [url, methods]))).toEqual(
      Object.fromEntries([...documented].map(([url, methods]) => [url, [...methods].sort()])),
    );
  });

  it('answers before authentication and before the body is read', async () => {
    const noToken = await call('PATCH', '/v1/clients/c-1');
    expect(noToken.status).toBe(405);
    const badType = await call('PATCH', '/v1/clients/c-1', {
      token,
      body: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(badType.status).toBe(405);
    const tooLarge = await call('POST', '/v1/consents', { token, body: { x: 'a'.repeat(200 * 1024) } });
    expect(tooLarge.status).toBe(405);
    expect(allowSet(tooLarge.headers['allow'])).toEqual(['GET', 'HEAD']);
  });

  it('leaves supported methods, HEAD on GET paths and unknown paths as they were', async () => {
    expect((await call('GET', '/v1/clients')).status).toBe(401);
    expect((await call('HEAD', '/v1/clients')).status).toBe(401);
    expect((await call('HEAD', '/v1/clients/c-1/resources', { token })).status).toBe(405);
    const unknown = await call('PATCH', '/v2/clients', { token });
    expect(unknown.status).toBe(404);
    expect(unknown.headers['allow']).toBeUndefined();
  });

  it('a static path wins over a parameter: /v1/consents/me allows GET, /v1/consents/{id} too', async () => {
    const me = await call('DELETE', '/v1/consents/me', { token });
    expect(me.status).toBe(405);
    expect(allowSet(me.headers['allow'])).toEqual(['GET', 'HEAD']);
    const byId = await call('PUT', '/v1/consents/abc', { token });
    expect(allowSet(byId.headers['allow'])).toEqual(['GET', 'HEAD']);
  });
});
