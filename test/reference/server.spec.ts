import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/server.js';
import { PACKAGE_ROOT } from './support/packageRoot.js';
import { mintToken } from './support/tokens.js';

const reader = { perms: ['apps:read'] };
const jwks = readFileSync(join(PACKAGE_ROOT, 'fixtures', 'keys', 'jwks.json'), 'utf8');

describe('startReference', () => {
  let reference: RunningReference;
  beforeAll(async () => {
    reference = await startReference({ fault: 'create-status-200' });
  });
  afterAll(() => reference.close());

  it('listens on 127.0.0.1 and reports its URL, state hook, trusted JWKS and fault', () => {
    expect(reference.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(reference.stateUrl).toBe(`${reference.url}/__conformance/state`);
    expect(reference.jwksSource).toBe(`file ${join(PACKAGE_ROOT, 'fixtures', 'keys', 'jwks.json')}`);
    expect(reference.fault).toBe('create-status-200');
  });

  it('serves the operations and the state hook over a real socket', async () => {
    const token = await mintToken(reader);
    const list = await request(reference.url).get('/v1/clients').set('authorization', `Bearer ${token}`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ result: [] });
    const state = await request(reference.url)
      .post('/__conformance/state')
      .send({
        state: 'an app exists',
        action: 'setup',
        params: { tenant_id: 't', app_id: 'a', app_name: 'A', client_id: 'c' },
      });
    expect(state.status).toBe(200);
  });

  it('rejects an unknown fault, listing the known ones', async () => {
    await expect(startReference({ fault: 'typo' })).rejects.toThrow(
      /unknown fault 'typo'; known faults: .*create-status-200.*deleted-client-readable/,
    );
  });

  it('rejects a JWKS file and a JWKS URL given together', async () => {
    await expect(startReference({ jwksFile: 'a.json', jwksUrl: 'http://127.0.0.1:1/jwks' })).rejects.toThrow(
      /not both/,
    );
  });
});

describe('trusted keys', () => {
  let jwksServer: Server;
  let jwksUrl: string;
  beforeAll(async () => {
    jwksServer = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/oidc/jwks`;
  });
  afterAll(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));

  it('fetches keys from a JWKS URL', async () => {
    const reference = await startReference({ jwksUrl, packageRoot: PACKAGE_ROOT });
    try {
      expect(reference.jwksSource).toBe(`url ${jwksUrl}`);
      const reply = await request(reference.url)
        .get('/v1/clients')
        .set('authorization', `Bearer ${await mintToken(reader)}`);
      expect(reply.status).toBe(200);
    } finally {
      await reference.close();
    }
  });

  it('answers 503 (not 401) when the JWKS URL cannot be reached', async () => {
    const reference = await startReference({ jwksUrl: 'http://127.0.0.1:9/jwks' });
    try {
      const reply = await request(reference.url)
        .get('/v1/clients')
        .set('authorization', `Bearer ${await mintToken(reader)}`);
      expect(reply.status).toBe(503);
      expect(reply.body.message).toMatch(/cannot fetch the trusted keys/);
    } finally {
      await reference.close();
    }
  });

  it('trusts exactly the keys of a configured JWKS file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cis-jwks-'));
    const forgery = JSON.parse(
      readFileSync(join(PACKAGE_ROOT, 'fixtures', 'keys', 'untrusted-forgery-key.private.jwk.json'), 'utf8'),
    );
    const { kty, n, e, kid } = forgery as Record<string, string>;
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ kty, n, e, kid, alg: 'RS256', use: 'sig' }] }));
    const reference = await startReference({ jwksFile: join(dir, 'jwks.json') });
    try {
      const usual = await request(reference.url)
        .get('/v1/clients')
        .set('authorization', `Bearer ${await mintToken(reader)}`);
      expect(usual.status).toBe(401);
      const other = await request(reference.url)
        .get('/v1/clients')
        .set('authorization', `Bearer ${await mintToken({ ...reader, forged: true })}`);
      expect(other.status).toBe(200);
    } finally {
      await reference.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a JWKS file that is missing or has no keys, naming it', async () => {
    await expect(startReference({ jwksFile: '/nonexistent/jwks.json' })).rejects.toThrow(
      /cannot read the JWKS file \/nonexistent/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'cis-jwks-'));
    writeFileSync(join(dir, 'empty.json'), '{"keys": []}');
    await expect(startReference({ jwksFile: join(dir, 'empty.json') })).rejects.toThrow(/no "keys" array/);
    rmSync(dir, { recursive: true, force: true });
  });
});
