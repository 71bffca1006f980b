import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, TargetError } from '../../src/http/index.js';

type Handler = (url: string, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/json': (_u, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}'),
  '/html': (_u, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>oops</html>'),
  '/empty': (_u, res) => res.writeHead(204).end(),
  '/big': (_u, res) => res.writeHead(200).end('x'.repeat(2048)),
  '/hang': () => undefined,
  '/reset': (_u, res) => res.socket?.destroy(),
};

let server: Server;
let base: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (route) route(req.url ?? '', res);
    else res.writeHead(404).end();
  });
  server.on('connection', (s) => sockets.add(s).size);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<TargetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TargetError);
  return error as TargetError;
}

describe('createHttpClient', () => {
  const client = createHttpClient({ timeoutMs: 400, maxResponseBytes: 1024 });
  afterAll(() => client.close());
  const get = (path: string, url = base + path) => client.send({ method: 'GET', url, headers: {} });

  it('parses a JSON body and lower-cases header names', async () => {
    const res = await get('/json');
    expect(res).toMatchObject({ status: 200, json: { a: 1 }, text: '{"a":1}' });
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.jsonError).toBeUndefined();
  });

  it('answers a non-JSON body with jsonError instead of throwing', async () => {
    const res = await get('/html');
    expect(res.json).toBeUndefined();
    expect(res.jsonError).toMatch(/not JSON \(content-type text\/html/);
  });

  it('treats an empty body as no JSON and no error', async () => {
    const res = await get('/empty');
    expect(res).toMatchObject({ status: 204, text: '', json: undefined });
    expect(res.jsonError).toBeUndefined();
  });

  it('rejects a body over the cap as too-large', async () => {
    expect((await failure(get('/big'))).kind).toBe('too-large');
  });

  it('gives up on a server that never answers within the time-out', async () => {
    const started = Date.now();
    const error = await failure(get('/hang'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('GET ');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a reset connection as reset', async () => {
    expect((await failure(get('/reset'))).kind).toBe('reset');
  });

  it('reports a closed port as refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect((await failure(get('', `http://127.0.0.1:${port}/x`))).kind).toBe('refused');
  });

  it('reports an unknown host as dns', async () => {
    expect((await failure(get('', 'http://no-such-host.invalid/x'))).kind).toBe('dns');
  });
});
