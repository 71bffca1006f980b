import { describe, expect, it } from 'vitest';
import { toHttpRequest, type HttpRequest, type Send } from '../../src/http/index.js';
import { operationOf, withLiveAuth } from '../../src/live/liveAuth.js';
import type { CheckCredential, LiveClientCredential } from '../../src/model/checkCredential.js';
import type { SendRequest } from '../../src/model/targetExchange.js';
import { CLIENT_TOKEN, SANDBOX } from './support/sandboxReplay.js';

const BASE = `${SANDBOX}/cis`;
const HELD = ['apps:read', 'apps:create', 'apps:edit', 'apps:delete', 'consents:read', 'consents:delete'];
const credential = (permissions: readonly string[], token = CLIENT_TOKEN): LiveClientCredential => ({
  kind: 'live-client',
  appId: 'sbxApp4Kp9Zt',
  permissions,
  held: HELD,
  token,
});

function transport() {
  const sent: HttpRequest[] = [];
  const send: Send = async (request) => {
    sent.push(request);
    return { status: 200, headers: {}, text: '', json: undefined };
  };
  const guarded = withLiveAuth(send, { baseUrl: BASE, refuse: (reason) => new Error(`skipped: ${reason}`) });
  const call = (method: SendRequest['method'], path: string, token: CheckCredential, operation?: string) =>
    guarded(toHttpRequest(BASE, { method, path, token, ...(operation !== undefined ? { operation } : {}) }));
  return { sent, call };
}

describe('the live auth wrapper', () => {
  it('finds the documented operation of a request: by its key, or by method and path', () => {
    const at = (method: HttpRequest['method'], path: string) => ({ method, url: `${BASE}${path}` });
    expect(operationOf(at('GET', '/v1/clients/abc'), BASE)?.operation).toBe('GET /v1/clients/{clientId}');
    expect(operationOf(at('DELETE', '/v1/consents/me/clients/c1'), BASE)?.operation).toBe(
      'DELETE /v1/consents/me/clients/{clientId}',
    );
    expect(operationOf(at('GET', '/v1/nothing'), BASE)).toBeUndefined();
    expect(operationOf({ ...at('GET', '/v1/consents/me'), operation: 'ME-CONSENTS-LIST' }, BASE)?.operation).toBe(
      'GET /v1/consents/me',
    );
  });

  it('sends a live credential where the operation treats both alike, and skips the check where it does not', async () => {
    const { sent, call } = transport();
    const readOnly = credential(['[appId]:read'.replace('[appId]', 'sbxApp4Kp9Zt')]);
    await call('GET', '/v1/clients/abc', readOnly);
    expect(sent.map((r) => r.headers['authorization'])).toEqual([`Bearer ${CLIENT_TOKEN}`]);
    await expect(call('POST', '/v1/clients', readOnly)).rejects.toThrow(
      /skipped: the check sent POST \/cis\/v1\/clients with a client token of permissions \[sbxApp4Kp9Zt:read\].*POST \/v1\/clients treats differently/,
    );
    await expect(call('POST', '/v1/clients', readOnly, 'CLIENTS-CREATE')).rejects.toThrow(
      /POST \/v1\/clients treats differently/,
    );
    await expect(call('GET', '/v1/odd/path', readOnly)).rejects.toThrow(/is not a documented operation/);
    const unsigned = credential(['sbxApp4Kp9Zt:read'], 'eyJhbGciOiJub25lIn0.e30.');
    await call('GET', '/v1/clients', unsigned);
    expect(sent[1]?.headers['authorization']).toBe(`Bearer ${unsigned.token}`);
    await expect(call('DELETE', '/v1/clients/x', unsigned)).rejects.toThrow(/treats differently/);
    await call('GET', '/v1/clients', 'an-ordinary-token');
    expect(sent).toHaveLength(3);
    expect(sent[2]?.headers['authorization']).toBe('Bearer an-ordinary-token');
  });

  it('decides by the operation the typed client names, where the path alone would match another template', async () => {
    const { sent, call } = transport();
    // GET /v1/consents/me also matches GET /v1/consents/{consentId}; the typed client says which it calls.
    await call('GET', '/v1/consents/me', credential([]), 'ME-CONSENTS-LIST');
    expect(sent).toHaveLength(1);
    await expect(call('GET', '/v1/consents/me', credential([]))).rejects.toThrow(
      /GET \/v1\/consents\/\{consentId\} treats differently/,
    );
  });
});
