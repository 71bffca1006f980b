import { describe, expect, it } from 'vitest';
import { createCisClient, type Send } from '../../src/client/index.js';
import type { SendRequest, TargetResponse } from '../../src/model/targetExchange.js';

function jsonResponse(status: number, json: unknown): TargetResponse {
  const text = json === undefined ? '' : JSON.stringify(json);
  return { status, headers: { 'content-type': 'application/json' }, text, json };
}

/** A stub transport that records each request and answers with the next canned response. */
function recordingSend(...answers: TargetResponse[]): { send: Send; requests: SendRequest[] } {
  const requests: SendRequest[] = [];
  const send: Send = async (request) => {
    requests.push(request);
    const answer = answers.shift();
    if (!answer) throw new Error(`stub has no answer left for ${request.method} ${request.path}`);
    return answer;
  };
  return { send, requests };
}

const ok = (json?: unknown) => jsonResponse(200, json);

describe('createCisClient: requests', () => {
  it('builds the method, path, token and body of each clients operation', async () => {
    const { send, requests } = recordingSend(...Array.from({ length: 7 }, () => ok({})));
    const client = createCisClient(send);
    await client.createClient('t1', { name: 'n', redirect_uris: ['https://a.example/cb'] });
    await client.listClients('t1');
    await client.deleteAllClients('t1');
    await client.getClient('t1', 'c1');
    await client.updateClient('t1', 'c1', { description: 'd' });
    await client.deleteClient('t1', 'c1');
    await client.updateClientResources('t1', 'c1', ['r1', 'r2']);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/clients',
      'GET /v1/clients',
      'DELETE /v1/clients',
      'GET /v1/clients/c1',
      'PUT /v1/clients/c1',
      'DELETE /v1/clients/c1',
      'PUT /v1/clients/c1/resources',
    ]);
    expect(requests.every((r) => r.token === 't1')).toBe(true);
    expect(requests[0]?.body).toEqual({ name: 'n', redirect_uris: ['https://a.example/cb'] });
    expect(requests[4]?.body).toEqual({ description: 'd' });
    expect(requests[6]?.body).toEqual({ resource_ids: ['r1', 'r2'] });
    expect(requests[1]).not.toHaveProperty('body');
    expect(requests[1]).not.toHaveProperty('query');
  });

  it('URI-encodes every path id so that odd ids stay one segment', async () => {
    const { send, requests } = recordingSend(ok(), ok(), ok(), ok());
    const client = createCisClient(send);
    await client.getClient('t', 'a/b c?d#e');
    await client.getConsent('t', '../x');
    await client.deleteUserConsents('t', 'c/1', 'u%2');
    await client.revokeMyConsent('u-token', 'ç 1');
    expect(requests.map((r) => r.path)).toEqual([
      '/v1/clients/a%2Fb%20c%3Fd%23e',
      '/v1/consents/..%2Fx',
      '/v1/consents/clients/c%2F1/users/u%252',
      '/v1/consents/me/clients/%C3%A7%201',
    ]);
  });

  it('puts filters and options in the query and leaves out the ones not given', async () => {
    const { send, requests } = recordingSend(...Array.from({ length: 7 }, () => ok()));
    const client = createCisClient(send);
    await client.listConsents('t');
    await client.listConsents('t', { userId: 'u1' });
    await client.listAppConsents('t', { appId: 'app 1', clientId: 'c1', userId: 'u1' });
    await client.deleteUserConsents('t', 'c1', 'u1', { consentId: 'k1' });
    await client.deleteClientConsents('t', 'c1', 'u1', { appId: 'a1' });
    await client.revokeMyConsent('t', 'c1', { consentId: 'k2' });
    await client.listMyConsents('t');
    expect(requests.map((r) => r.query)).toEqual([
      undefined,
      { user_id: 'u1' },
      { app_id: 'app 1', client_id: 'c1', user_id: 'u1' },
      { consent_id: 'k1' },
      { app_id: 'a1' },
      { consent_id: 'k2' },
      undefined,
    ]);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/consents',
      'GET /v1/consents',
      'GET /v1/manage/consents',
      'DELETE /v1/consents/clients/c1/users/u1',
      'DELETE /v1/manage/consents/clients/c1/users/u1',
      'DELETE /v1/consents/me/clients/c1',
      'GET /v1/consents/me',
    ]);
  });

  it('passes a null token through so the transport sends no Authorization header', async () => {
    const { send, requests } = recordingSend(ok());
    await createCisClient(send).listClients(null);
    expect(requests[0]?.token).toBeNull();
  });
});

describe('createCisClient: responses', () => {
  const client = { client_id: 'c1', name: 'n' };

  it('unwraps an enveloped body and says so', async () => {
    const { send } = recordingSend(jsonResponse(201, { result: client }));
    const res = await createCisClient(send).createClient('t', { name: 'n', redirect_uris: [] });
    expect(res).toMatchObject({ ok: true, status: 201, body: client, enveloped: true });
  });

  it('accepts a bare body as it is', async () => {
    const { send } = recordingSend(jsonResponse(200, [client]));
    const res = await createCisClient(send).listClients('t');
    expect(res).toMatchObject({ ok: true, status: 200, body: [client], enveloped: false });
  });

  it('unwraps an enveloped list and keeps the raw response', async () => {
    const raw = jsonResponse(200, { result: [{ consent_id: 'k1' }] });
    const { send } = recordingSend(raw);
    const res = await createCisClient(send).listMyConsents('u');
    expect(res.body).toEqual([{ consent_id: 'k1' }]);
    expect(res.response).toBe(raw);
  });

  it('gives an empty 204 body as undefined', async () => {
    const { send } = recordingSend(jsonResponse(204, undefined));
    const res = await createCisClient(send).deleteClient('t', 'c1');
    expect(res).toMatchObject({ ok: true, status: 204, body: undefined, enveloped: false });
  });

  it('returns an error body as sent, never unwrapped', async () => {
    const error = { message: ['name must be a string'], error_code: 400, result: 'not an envelope' };
    const { send } = recordingSend(jsonResponse(400, error));
    const res = await createCisClient(send).createClient('t', { name: 'n', redirect_uris: [] });
    expect(res).toMatchObject({ ok: false, status: 400, body: error, enveloped: false });
  });
});
