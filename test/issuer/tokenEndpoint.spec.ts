import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { parseClients } from '../../src/issuer/clients.js';
import { createMinter, recogniseTokenType, type Minter } from '../../src/issuer/minter.js';
import { handleTokenRequest } from '../../src/issuer/tokenEndpoint.js';
import { loadSchemaRegistry } from '../../src/catalog/schemas.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const FORM = 'application/x-www-form-urlencoded';
const base = { tenant_id: 't1', app_id: 'app-1', app_name: 'App 1' };
const clients = parseClients(
  {
    clients: [
      { ...base, client_id: 'c1', client_secret: 's1', permissions: ['[appId]:read', 'apps:edit'], roles: ['r1'] },
      { ...base, client_id: 'adm', client_secret: 's2', type: 'admin', app_id: 'mgmt' },
      {
        ...base,
        client_id: 'ul',
        client_secret: 's3',
        type: 'user',
        user_id: 'u1',
        roles: ['ur'],
        scope: 'openid profile',
      },
    ],
  },
  'inline',
);

let minter: Minter;
beforeAll(async () => {
  minter = await createMinter({ packageRoot });
});

const post = (fields: Record<string, string>, extra: { contentType?: string; authorization?: string } = {}) =>
  handleTokenRequest(
    {
      contentType: 'contentType' in extra ? extra.contentType : FORM,
      authorization: extra.authorization,
      body: new URLSearchParams(fields).toString(),
    },
    clients,
    minter,
  );
const credentials = { grant_type: 'client_credentials', client_id: 'c1', client_secret: 's1' };

describe('handleTokenRequest', () => {
  it('answers a client_credentials grant with a Bearer token of the client', async () => {
    const response = await post(credentials);
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({ 'cache-control': 'no-store' });
    expect(response.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid offline_access' });
    expect(loadSchemaRegistry(packageRoot).validate('token.response.schema.json', response.body)).toEqual({
      valid: true,
      errors: [],
    });
    const claims = decodeJwt(response.body['access_token'] as string);
    expect(claims).toMatchObject({
      sub: 'c1',
      app_id: 'app-1',
      tid: 't1',
      aud: 'userid-api',
      ts_permissions: ['app-1:read', 'apps:edit'],
      ts_roles: ['r1'],
    });
    expect(recogniseTokenType(claims)).toBe('client');
  });

  it('puts the requested resource into aud and a requested sub-scope into scope', async () => {
    const response = await post({ ...credentials, resource: 'https://api.example/cis', scope: 'openid' });
    expect(response.body['scope']).toBe('openid');
    expect(decodeJwt(response.body['access_token'] as string)).toMatchObject({
      aud: 'https://api.example/cis',
      scope: 'openid',
    });
  });

  it('mints admin and user tokens for admin and user clients', async () => {
    const admin = decodeJwt(
      (await post({ grant_type: 'client_credentials', client_id: 'adm', client_secret: 's2' })).body[
        'access_token'
      ] as string,
    );
    expect(recogniseTokenType(admin)).toBe('admin');
    const user = decodeJwt(
      (await post({ grant_type: 'client_credentials', client_id: 'ul', client_secret: 's3' })).body[
        'access_token'
      ] as string,
    );
    expect(user).toMatchObject({ sub: 'u1', client_id: 'ul', roles: ['ur'], scope: 'openid profile' });
    expect(recogniseTokenType(user)).toBe('user');
  });

  it('accepts client_secret_basic', async () => {
    const authorization = 'Basic ' + Buffer.from('c1:s1').toString('base64');
    expect((await post({ grant_type: 'client_credentials' }, { authorization })).status).toBe(200);
  });

  it.each([
    ['no grant_type', { client_id: 'c1', client_secret: 's1' }, {}, 400, 'invalid_request'],
    ['another grant', { ...credentials, grant_type: 'password' }, {}, 400, 'unsupported_grant_type'],
    ['a JSON body', credentials, { contentType: 'application/json' }, 400, 'invalid_request'],
    ['no content-type', credentials, { contentType: undefined }, 400, 'invalid_request'],
    ['no secret', { grant_type: 'client_credentials', client_id: 'c1' }, {}, 401, 'invalid_client'],
    ['a wrong secret', { ...credentials, client_secret: 'nope' }, {}, 401, 'invalid_client'],
    ['an unknown client', { ...credentials, client_id: 'ghost' }, {}, 401, 'invalid_client'],
    ['a relative resource', { ...credentials, resource: 'not a uri' }, {}, 400, 'invalid_target'],
    ['a scope beyond the client', { ...credentials, scope: 'openid admin' }, {}, 400, 'invalid_scope'],
    [
      'basic and body secrets',
      credentials,
      { authorization: 'Basic ' + Buffer.from('c1:s1').toString('base64') },
      400,
      'invalid_request',
    ],
    [
      'a garbled Basic header',
      { grant_type: 'client_credentials' },
      { authorization: 'Basic !!!' },
      401,
      'invalid_client',
    ],
  ] as const)('rejects %s', async (_name, fields, extra, status, error) => {
    const response = await post(fields as Record<string, string>, extra);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error, error_description: expect.any(String) });
    expect(response.body).not.toHaveProperty('access_token');
  });

  it('rejects a repeated parameter', async () => {
    const response = await handleTokenRequest(
      {
        contentType: FORM,
        authorization: undefined,
        body: 'grant_type=client_credentials&client_id=c1&client_secret=s1&client_id=c1',
      },
      clients,
      minter,
    );
    expect(response.body).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('client_id'),
    });
  });

  it('challenges with WWW-Authenticate when Basic auth failed', async () => {
    const response = await post(
      { grant_type: 'client_credentials' },
      { authorization: 'Basic ' + Buffer.from('c1:bad').toString('base64') },
    );
    expect(response.status).toBe(401);
    expect(response.headers?.['www-authenticate']).toMatch(/^Basic /);
  });
});
