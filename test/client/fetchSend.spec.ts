import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createCisClient, fetchSend, requestUrl } from '../../src/client/index.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Echo server: records each request and answers with the status and text named in the `x-answer-*` headers. */
let server: Server;
let baseUrl: string;
const seen: Seen[] = [];

// nock 15.0.0 patches global fetch on import, and its fetch interceptor breaks requests with a body that it lets
// through to a real server ("TypeError: unusable", Node 20). Keep it off except in the one test that uses it.
nock.restore();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      res.writeHead(Number(req.headers['x-answer-status'] ?? 200), {
        'content-type': 'application/json',
        'x-trace': 'abc',
      });
      res.end(String(req.headers['x-answer-text'] ?? ''));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cis/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('requestUrl', () => {
  it('keeps the base prefix and appends only defined query values', () => {
    expect(
      requestUrl('https://h.example/cis/', { path: '/v1/consents', query: { app_id: 'a 1', user_id: undefined } }),
    ).toBe('https://h.example/cis/v1/consents?app_id=a+1');
  });
});

describe('fetchSend', () => {
  it('sends the bearer token, JSON body and query, and parses the JSON answer', async () => {
    const send = fetchSend(baseUrl, { headers: { 'x-answer-status': '201', 'x-answer-text': '{"result":{"a":1}}' } });
    const res = await send({
      method: 'POST',
      path: '/v1/clients',
      token: 'tok',
      body: { name: 'n' },
      query: { q: 'v' },
    });
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/cis/v1/clients?q=v', body: '{"name":"n"}' });
    expect(request?.headers).toMatchObject({ authorization: 'Bearer tok', 'content-type': 'application/json' });
    expect(res).toMatchObject({ status: 201, text: '{"result":{"a":1}}', json: { result: { a: 1 } } });
    expect(res.headers['x-trace']).toBe('abc');
  });

  it('sends no Authorization header for a null token and a raw body as given', async () => {
    const send = fetchSend(baseUrl);
    await send({
      method: 'PUT',
      path: '/v1/x',
      token: null,
      rawBody: 'a=1',
      headers: { 'content-type': 'text/plain' },
    });
    const request = seen.at(-1);
    expect(request?.headers.authorization).toBeUndefined();
    expect(request).toMatchObject({ body: 'a=1', headers: { 'content-type': 'text/plain' } });
  });

  it('reports an empty body as undefined json and a non-JSON body with jsonError', async () => {
    const empty = await fetchSend(baseUrl, { headers: { 'x-answer-status': '204' } })({
      method: 'DELETE',
      path: '/v1/clients',
    });
    expect(empty).toMatchObject({ status: 204, text: '', json: undefined });
    expect(empty.jsonError).toBeUndefined();
    const garbage = await fetchSend(baseUrl, { headers: { 'x-answer-text': '<html>' } })({
      method: 'GET',
      path: '/v1/clients',
    });
    expect(garbage.json).toBeUndefined();
    expect(garbage.jsonError).toMatch(/JSON/);
  });

  it('is intercepted by nock, since it calls global fetch at request time', async () => {
    nock.activate();
    onTestFinished(() => {
      nock.cleanAll();
      nock.restore();
    });
    const scope = nock('http://cis.nock.test')
      .get('/v1/clients/a%2Fb')
      .matchHeader('authorization', 'Bearer t')
      .reply(200, { client_id: 'a/b' });
    const res = await createCisClient(fetchSend('http://cis.nock.test')).getClient('t', 'a/b');
    expect(res).toMatchObject({ ok: true, body: { client_id: 'a/b' }, enveloped: false });
    scope.done();
  });
});
