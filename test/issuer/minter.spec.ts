import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { createMinter, recogniseTokenType, type Minter } from '../../src/issuer/minter.js';
import { loadSchemaRegistry } from '../../src/catalog/schemas.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const committedJwks = JSON.parse(readFileSync(`${packageRoot}fixtures/keys/jwks.json`, 'utf8')) as JSONWebKeySet;
const trusted = createLocalJWKSet(committedJwks);
const verifyDefaults = { issuer: 'https://userid.security', audience: 'userid-api', algorithms: ['RS256'] };

const app = { tenantId: 'tenant-1', appId: 'app-1', appName: 'App One', clientId: 'client-1' };

let minter: Minter;
beforeAll(async () => {
  minter = await createMinter({ packageRoot });
});

describe('createMinter', () => {
  it('signs RS256 with the committed kid and typ JWT, verifiable against fixtures/keys/jwks.json', async () => {
    const token = await minter.client({ ...app, permissions: ['app-1:read'] });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: committedJwks.keys[0]!.kid, typ: 'JWT' });
    const { payload } = await jwtVerify(token, trusted, verifyDefaults);
    expect(payload.sub).toBe('client-1');
  });

  it('mints a ClientAccessToken with exactly the documented claims', async () => {
    const claims = decodeJwt(await minter.client({ ...app, permissions: ['app-1:read'], roles: ['role-a'] }));
    expect(Object.keys(claims).sort()).toEqual(
      [
        'aud',
        'app_id',
        'app_name',
        'client_id',
        'exp',
        'iat',
        'iss',
        'jti',
        'roles',
        'scope',
        'sub',
        'tid',
        'ts_permissions',
        'ts_roles',
      ].sort(),
    );
    expect(claims).toMatchObject({
      sub: 'client-1',
      client_id: 'client-1',
      app_id: 'app-1',
      app_name: 'App One',
      tid: 'tenant-1',
      aud: 'userid-api',
      iss: 'https://userid.security',
      roles: [],
      ts_roles: ['role-a'],
      ts_permissions: ['app-1:read'],
    });
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(recogniseTokenType(claims)).toBe('client');
  });

  it('mints an AdminAccessToken with Admin in both roles and role, and no permissions', async () => {
    const claims = decodeJwt(await minter.admin(app));
    expect(claims).toMatchObject({
      sub: 'client-1',
      client_id: 'client-1',
      roles: ['Admin'],
      role: ['Admin'],
      ts_permissions: [],
    });
    expect(recogniseTokenType(claims)).toBe('admin');
  });

  it('mints a UserAccessToken whose sub is the user id', async () => {
    const claims = decodeJwt(await minter.user({ ...app, userId: 'user-9', roles: ['r1'] }));
    expect(Object.keys(claims).sort()).toEqual(
      ['aud', 'app_id', 'app_name', 'client_id', 'exp', 'iat', 'iss', 'roles', 'scope', 'sub', 'tid'].sort(),
    );
    expect(claims).toMatchObject({ sub: 'user-9', client_id: 'client-1', roles: ['r1'], aud: 'userid-api' });
    expect(recogniseTokenType(claims)).toBe('user');
  });

  it('mints claims that validate against the claims schemas of their type', async () => {
    const schemas = loadSchemaRegistry(packageRoot);
    const minted = {
      'claims-client-token.schema.json': await minter.client({ ...app, permissions: ['app-1:read'], roles: ['r'] }),
      'claims-admin-token.schema.json': await minter.admin(app),
      'claims-user-token.schema.json': await minter.user({ ...app, userId: 'user-9', roles: ['r1'] }, { notBefore: 1 }),
    };
    for (const [schema, token] of Object.entries(minted)) {
      expect(schemas.validate(schema, decodeJwt(token)), schema).toEqual({ valid: true, errors: [] });
    }
    // The admin schema is what marks a token as admin: a plain client token must not pass it.
    expect(schemas.validate('claims-admin-token.schema.json', decodeJwt(await minter.client(app))).valid).toBe(false);
  });

  it('refuses a user token whose user id equals its client id', async () => {
    await expect(minter.user({ ...app, userId: 'client-1' })).rejects.toThrow(/different from its clientId/);
  });

  it('sets nbf only when asked, and honours iss, aud, lifetime and issuedAt', async () => {
    expect(decodeJwt(await minter.client(app)).nbf).toBeUndefined();
    const claims = decodeJwt(
      await minter.client(
        { ...app, aud: 'https://resource.example' },
        { iss: 'https://other.example', expiresInSeconds: 60, issuedAt: 1_000, notBefore: 1_000 },
      ),
    );
    expect(claims).toMatchObject({
      iss: 'https://other.example',
      aud: 'https://resource.example',
      iat: 1_000,
      nbf: 1_000,
      exp: 1_060,
    });
    expect(decodeJwt(await minter.client({ ...app, aud: 'https://a.example' }, { aud: 'https://b.example' })).aud).toBe(
      'https://b.example',
    );
  });

  it('uses the iss it was created with', async () => {
    const custom = await createMinter({ packageRoot, iss: 'https://issuer.test' });
    expect(custom.iss).toBe('https://issuer.test');
    await jwtVerify(await custom.user({ ...app, userId: 'u' }), trusted, {
      ...verifyDefaults,
      issuer: 'https://issuer.test',
    });
  });

  it('serves the public half of the committed key, and a copy each time', () => {
    const jwks = minter.jwks();
    expect(jwks).toEqual(committedJwks);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    (jwks.keys[0] as Record<string, unknown>)['kid'] = 'changed';
    expect(minter.jwks()).toEqual(committedJwks);
  });

  it('names the missing directory when the keys cannot be read', async () => {
    await expect(createMinter({ packageRoot: '/nonexistent-root' })).rejects.toThrow(
      /nonexistent-root\/fixtures\/keys/,
    );
  });
});
