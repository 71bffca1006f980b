import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, referenceApp, type Call } from '../support/harness.js';
import { expectMatchesSchema } from '../support/schemas.js';
import { mintToken, unsignedToken, type TestTokenOptions } from '../support/tokens.js';

const reader: TestTokenOptions = { perms: ['apps:read'] };

let app: FastifyInstance;
let call: Call;
beforeAll(async () => {
  app = await referenceApp();
  call = caller(app);
});
afterAll(() => app.close());

async function expect401(authorization: string | undefined, reason: RegExp): Promise<void> {
  const reply = await call('GET', '/v1/clients', authorization === undefined ? {} : { headers: { authorization } });
  expect(reply.status).toBe(401);
  expectMatchesSchema('error-auth.schema.json', reply.body);
  expect(reply.body.error_code).toBe(401);
  expect(reply.body.message).toMatch(reason);
  expect(reply.headers['www-authenticate']).toMatch(/^Bearer/);
}

describe('rejected tokens answer 401 naming the reason', () => {
  it('no token', () => expect401(undefined, /no bearer token/));
  it('not a Bearer header', () => expect401('Basic dXNlcjpwYXNz', /not of the form/));
  it('malformed JWT', () => expect401('Bearer not-a-jwt', /malformed/));
  it('expired', async () => expect401(`Bearer ${await mintToken({ ...reader, expiresIn: -60 })}`, /expired/));
  it('not yet valid (nbf)', async () =>
    expect401(`Bearer ${await mintToken({ ...reader, notBeforeIn: 600 })}`, /'nbf'/));
  it('wrong issuer', async () => expect401(`Bearer ${await mintToken({ ...reader, iss: 'https://evil' })}`, /'iss'/));
  it('wrong audience', async () => expect401(`Bearer ${await mintToken({ ...reader, aud: 'other-api' })}`, /'aud'/));
  it('forged signature (untrusted key, same kid)', async () =>
    expect401(`Bearer ${await mintToken({ ...reader, forged: true })}`, /signature/));
  it('alg none', () => expect401(`Bearer ${unsignedToken()}`, /RS256/));
  it('HS256', async () => {
    const hs = await new SignJWT({ sub: 'c', client_id: 'c', app_id: 'a', tid: 't' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://userid.security')
      .setAudience('userid-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-shared-secret-of-enough-length!!'));
    await expect401(`Bearer ${hs}`, /RS256/);
  });
  it('no exp claim', async () =>
    expect401(`Bearer ${await mintToken({ ...reader, claims: { exp: undefined } })}`, /'exp'/));
  it('no tid claim', async () =>
    expect401(`Bearer ${await mintToken({ ...reader, claims: { tid: undefined } })}`, /'tid'/));
});

describe('configured issuer and audiences', () => {
  it('accepts the configured iss and any configured aud, and rejects the defaults then', async () => {
    const custom = await referenceApp({ issuer: 'https://issuer.test', audiences: ['api-1', 'api-2'] });
    const customCall = caller(custom);
    try {
      const ok = await customCall('GET', '/v1/clients', {
        token: { ...reader, iss: 'https://issuer.test', aud: 'api-2' },
      });
      expect(ok.status).toBe(200);
      const wrongIss = await customCall('GET', '/v1/clients', { token: { ...reader, aud: 'api-1' } });
      expect(wrongIss.status).toBe(401);
      const wrongAud = await customCall('GET', '/v1/clients', { token: { ...reader, iss: 'https://issuer.test' } });
      expect(wrongAud.status).toBe(401);
    } finally {
      await custom.close();
    }
  });
});
