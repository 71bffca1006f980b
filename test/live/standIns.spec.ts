import { describe, expect, it } from 'vitest';
import type { HttpRequest, Send } from '../../src/http/index.js';
import { operationPermissions } from '../../src/live/grants.js';
import { decodeJwtClaims } from '../../src/live/jwt.js';
import { operationOf, registerConditional, standInOf, standInToken, withStandIns } from '../../src/live/standIns.js';
import { CLIENT_TOKEN, packageRoot, SANDBOX } from './support/sandboxReplay.js';

const BASE = `${SANDBOX}/cis`;
const operations = operationPermissions(packageRoot);
const HELD = ['apps:read', 'apps:create', 'apps:edit', 'apps:delete', 'consents:read', 'consents:delete'];
const claims = decodeJwtClaims(CLIENT_TOKEN) ?? {};

function transport() {
  const sent: HttpRequest[] = [];
  const send: Send = async (request) => {
    sent.push(request);
    return { status: 200, headers: {}, text: '', json: undefined };
  };
  const guarded = withStandIns(send, {
    baseUrl: BASE,
    operations,
    live: async () => ({ token: CLIENT_TOKEN, appId: 'sbxApp4Kp9Zt', permissions: HELD }),
    refuse: (reason) => new Error(`skipped: ${reason}`),
  });
  const call = (method: HttpRequest['method'], path: string, token: string) =>
    guarded({ method, url: `${BASE}${path}`, headers: { authorization: `Bearer ${token}` } });
  return { sent, call };
}

describe('stand-in tokens', () => {
  it('carry the live claims with the asked permissions, and are recognised; altered ones too', () => {
    const token = standInToken(claims, ['apps:read']);
    expect(decodeJwtClaims(token)).toMatchObject({ app_id: 'sbxApp4Kp9Zt', ts_permissions: ['apps:read'] });
    expect(standInOf(token)).toEqual({ permissions: ['apps:read'], send: 'live' });
    expect(standInOf(`${token}x`)).toBe('altered');
    expect(standInOf(CLIENT_TOKEN)).toBeUndefined();
  });

  it('find the documented operation of a request', () => {
    expect(operationOf({ method: 'GET', url: `${BASE}/v1/clients/abc` }, BASE, operations)?.operation).toBe(
      'GET /v1/clients/{clientId}',
    );
    expect(
      operationOf({ method: 'DELETE', url: `${BASE}/v1/consents/me/clients/c1` }, BASE, operations)?.operation,
    ).toBe('DELETE /v1/consents/me/clients/{clientId}');
    expect(operationOf({ method: 'GET', url: `${BASE}/v1/nothing` }, BASE, operations)).toBeUndefined();
  });

  it('go out as the live token where the operation treats both alike, and skip the check where it does not', async () => {
    const { sent, call } = transport();
    const readOnly = standInToken(claims, ['[appId]:read'.replace('[appId]', 'sbxApp4Kp9Zt')]);
    await call('GET', '/v1/clients/abc', readOnly);
    expect(sent.map((r) => r.headers['authorization'])).toEqual([`Bearer ${CLIENT_TOKEN}`]);
    await expect(call('POST', '/v1/clients', readOnly)).rejects.toThrow(
      /skipped: the check sent POST \/cis\/v1\/clients with a client token of permissions \[sbxApp4Kp9Zt:read\].*POST \/v1\/clients treats differently/,
    );
    await expect(call('GET', '/v1/odd/path', readOnly)).rejects.toThrow(/is not a documented operation/);
    await expect(call('GET', '/v1/clients', `${readOnly}x`)).rejects.toThrow(/altered a stand-in/);
    const unsigned = registerConditional('eyJhbGciOiJub25lIn0.e30.', ['sbxApp4Kp9Zt:read']);
    await call('GET', '/v1/clients', unsigned);
    expect(sent[1]?.headers['authorization']).toBe(`Bearer ${unsigned}`);
    await expect(call('DELETE', '/v1/clients/x', unsigned)).rejects.toThrow(/treats differently/);
    await call('GET', '/v1/clients', 'an-ordinary-token');
    expect(sent).toHaveLength(3);
    expect(sent[2]?.headers['authorization']).toBe('Bearer an-ordinary-token');
  });
});
