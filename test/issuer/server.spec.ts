import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startIssuer, type RunningIssuer } from '../../src/issuer/server.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const committedJwks = JSON.parse(readFileSync(`${packageRoot}fixtures/keys/jwks.json`, 'utf8'));

let issuer: RunningIssuer;
beforeAll(async () => {
  issuer = await startIssuer({ packageRoot, host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await issuer?.close();
});

const tokenRequest = (fields: Record<string, string>) =>
  fetch(issuer.tokenUrl, { method: 'POST', body: new URLSearchParams(fields) });

describe('startIssuer', () => {
  it('listens on a free port of 127.0.0.1 and lists the registered client ids', () => {
    expect(issuer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(issuer.tokenUrl).toBe(`${issuer.url}/oidc/token`);
    expect(issuer.clientIds).toContain('client-demo');
  });

  it('serves the committed public key at /oidc/jwks', async () => {
    const response = await fetch(issuer.jwksUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(committedJwks);
  });

  it('serves a discovery document naming the endpoints and the tokens issuer', async () => {
    const response = await fetch(issuer.discoveryUrl);
    expect(await response.json()).toMatchObject({
      issuer: 'https://userid.security',
      token_endpoint: issuer.tokenUrl,
      jwks_uri: issuer.jwksUrl,
      grant_types_supported: ['client_credentials'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  it('issues a token over the wire that verifies against its own JWKS URL', async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'client-demo',
      client_secret: 'test-only-secret-client-demo',
      resource: 'https://cis.test',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: expect.any(String) });
    const { payload } = await jwtVerify(body['access_token'] as string, createRemoteJWKSet(new URL(issuer.jwksUrl)), {
      issuer: 'https://userid.security',
      audience: 'https://cis.test',
    });
    expect(payload).toMatchObject({
      sub: 'client-demo',
      tid: 'tenant-demo',
      app_id: 'app-demo',
      ts_permissions: ['app-demo:read', 'app-demo:create', 'app-demo:edit', 'app-demo:delete'],
    });
  });

  it('answers OAuth2 error JSON over the wire', async () => {
    const wrong = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'client-demo',
      client_secret: 'wrong',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const grant = await tokenRequest({ grant_type: 'authorization_code' });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('answers 404 for unknown paths, 405 for a wrong method and 413 for a huge body', async () => {
    expect((await fetch(`${issuer.url}/nowhere`)).status).toBe(404);
    const get = await fetch(issuer.tokenUrl);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const huge = await fetch(issuer.tokenUrl, {
      method: 'POST',
      body: 'a='.padEnd(70_000, 'x'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(huge.status).toBe(413);
  });

  it('signs with the iss it was started with', async () => {
    const custom = await startIssuer({ packageRoot, iss: 'https://issuer.test' });
    try {
      expect(await (await fetch(custom.discoveryUrl)).json()).toMatchObject({ issuer: 'https://issuer.test' });
    } finally {
      await custom.close();
    }
  });

  it('refuses to start with an unreadable clients file', async () => {
    await expect(startIssuer({ packageRoot, clientsFile: 'fixtures/absent.json' })).rejects.toThrow(/absent\.json/);
  });
});
