import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeReachable, probeStateHook } from '../../src/targets/index.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hook')
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"unknown state"}');
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('nope');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function closedPortUrl(): Promise<string> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
  return url;
}

describe('probeReachable', () => {
  it('accepts any HTTP answer, even a 404', async () => {
    expect(await probeReachable(base, 1000)).toBeNull();
  });

  it('names the reason when nothing listens', async () => {
    const url = await closedPortUrl();
    expect(await probeReachable(url, 1000)).toMatch(new RegExp(`^target ${url} is unreachable \\(refused: `));
  });
});

describe('probeStateHook', () => {
  it('recognises a hook by its JSON answer to an unknown state', async () => {
    expect(await probeStateHook(`${base}/hook`, 1000)).toBeNull();
  });

  it('reports no hook, with the status, where the path is not one', async () => {
    expect(await probeStateHook(`${base}/__conformance/state`, 1000)).toBe(
      `there is no state hook at ${base}/__conformance/state (it answered 404, not JSON)`,
    );
  });
});
