import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../reference/bodyParsing.js';
import { ALL_PERMS, caller, referenceApp, type Call } from './support/harness.js';
import { expectMatchesSchema } from './support/schemas.js';
import { mintToken, type TestTokenOptions } from './support/tokens.js';

const token: TestTokenOptions = { tenant: 'tenant-r', app: 'app-r', perms: ALL_PERMS };

let app: FastifyInstance;
let call: Call;
let bearer: string;
beforeAll(async () => {
  app = await referenceApp();
  call = caller(app);
  bearer = await mintToken(token);
});
afterAll(() => app.close());

describe('bodies the reference refuses (decisions #7)', () => {
  it('malformed JSON → 400', async () => {
    const reply = await call('POST', '/v1/clients', { token: bearer, body: '{"name": ' });
    expect(reply.status).toBe(400);
    expectMatchesSchema('error-400.schema.json', reply.body);
    expect(reply.body.message).toEqual(['body is not valid JSON']);
  });

  it('a content type other than application/json → 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'multipart/form-data; boundary=x',
    ]) {
      const reply = await call('POST', '/v1/clients', {
        token: bearer,
        body: 'name=x',
        headers: { 'content-type': type },
      });
      expect(reply.status, type).toBe(415);
      expect(reply.body).toMatchObject({ error_code: 415 });
    }
  });

  it('application/json with a charset parameter is accepted', async () => {
    const reply = await call('POST', '/v1/clients', {
      token: bearer,
      body: { name: 'Charset', redirect_uris: [] },
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(reply.status).toBe(201);
  });

  it('a body over 100 KiB → 413', async () => {
    const body = { name: 'Big', redirect_uris: [], description: 'x'.repeat(101 * 1024) };
    const reply = await call('POST', '/v1/clients', { token: bearer, body });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ error_code: 413 });
  });

  it('deep nesting → 400, even thousands of levels deep', async () => {
    const objects = (depth: number, key: string): string => `{"${key}":`.repeat(depth) + '1' + '}'.repeat(depth);
    const cases = [
      objects(MAX_JSON_DEPTH + 1, 'a'),
      '['.repeat(40_000) + ']'.repeat(40_000),
      objects(6_000, 'constructor'),
    ];
    for (const nested of cases) {
      const depth = nested.length;
      const reply = await call('POST', '/v1/clients', {
        token: bearer,
        body: `{"name":"n","redirect_uris":[],"x":${nested}}`,
      });
      expect(reply.status, `${depth} characters`).toBe(400);
      expect(reply.body.message[0]).toMatch(/levels deep/);
    }
  });

  it('an empty body or a non-object body → 400 naming the body', async () => {
    for (const body of ['', 'null', '[]', '"text"', '42']) {
      const reply = await call('POST', '/v1/clients', {
        token: bearer,
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(reply.status, body).toBe(400);
      expect(reply.body.message[0]).toMatch(/^body /);
    }
  });

  it('__proto__ in a body reaches no prototype and is not stored', async () => {
    const body =
      '{"name":"Proto","redirect_uris":[],"__proto__":{"polluted":true},"token_expiration":{"__proto__":{"x":1}}}';
    const reply = await call('POST', '/v1/clients', { token: bearer, body });
    expect(reply.status).toBe(201);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(reply.body.result.token_expiration).toEqual({});
  });
});

describe('paths and query strings', () => {
  it('ids with odd characters answer 404 on get, update and delete (decisions #20)', async () => {
    const odd = ['%00', '%2F', '%25', 'a%20b', '%F0%9F%98%80', '%zz', '%', 'x'.repeat(3000), '..', '%2e%2e', "'%3B--"];
    for (const id of odd) {
      expect((await call('GET', `/v1/clients/${id}`, { token: bearer })).status, id).toBe(404);
      expect((await call('PUT', `/v1/clients/${id}`, { token: bearer, body: { name: 'x' } })).status, id).toBe(404);
      expect((await call('DELETE', `/v1/clients/${id}`, { token: bearer })).status, id).toBe(404);
      expect((await call('GET', `/v1/consents/${id}`, { token: bearer })).status, id).toBe(404);
    }
  });

  it('a repeated query parameter → 400 naming it', async () => {
    const reply = await call('GET', '/v1/consents?user_id=a&user_id=b', { token: bearer });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toEqual(['user_id must be a single string query parameter']);
  });

  it('unknown routes → JSON 404 (an unsupported method on a known path is 405: methodNotAllowed.spec.ts)', async () => {
    for (const [method, url] of [
      ['GET', '/'],
      ['PATCH', '/v2/clients'],
      ['GET', '/v2/clients'],
    ] as const) {
      const reply = await call(method, url, { token: bearer });
      expect(reply.status, `${method} ${url}`).toBe(404);
      expectMatchesSchema('error-404.schema.json', reply.body);
    }
  });
});

describe('concurrent writes keep the store consistent', () => {
  it('of 50 simultaneous creates with one name exactly one wins; the others get 409', async () => {
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        call('POST', '/v1/clients', { token: bearer, body: { name: 'Race', redirect_uris: [] } }),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(49);
  });

  it('interleaved creates, updates and deletes leave exactly the surviving clients listed', async () => {
    const own: TestTokenOptions = { ...token, app: 'app-r-concurrent' };
    const ownBearer = await mintToken(own);
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call('POST', '/v1/clients', { token: ownBearer, body: { name: `C${i}`, redirect_uris: [] } }),
      ),
    );
    const ids = created.map((r) => r.body.result.client_id as string);
    const doomed = new Set(ids.filter((_, i) => i % 2 === 0));
    const results = await Promise.all(
      ids.map((id) =>
        doomed.has(id)
          ? call('DELETE', `/v1/clients/${id}`, { token: ownBearer })
          : call('PUT', `/v1/clients/${id}`, { token: ownBearer, body: { description: 'updated' } }),
      ),
    );
    expect(results.every((r) => r.status === 204 || r.status === 200)).toBe(true);
    const list = (await call('GET', '/v1/clients', { token: ownBearer })).body.result as Array<Record<string, string>>;
    expect(list.map((c) => c.client_id).sort()).toEqual(ids.filter((id) => !doomed.has(id)).sort());
    expect(list.every((c) => c.description === 'updated')).toBe(true);
  });
});
