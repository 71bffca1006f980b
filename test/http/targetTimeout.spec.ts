import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/client.js';
import { isTargetError } from '../../src/http/errors.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/never') return; // holds the request open
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Holds this process's event loop, as a check compiling a schema or generating cases does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

describe('the request time-out charges the target, not this process', () => {
  it('still times out a target that never answers', async () => {
    const client = createHttpClient({ timeoutMs: 300 });
    const error = await client.send({ method: 'GET', url: `${base}/never`, headers: {} }).catch((e: unknown) => e);
    await client.close();
    expect(isTargetError(error) && error.kind).toBe('timeout');
  });

  it('reads an answer that arrived while this process was busy past the time-out', async () => {
    const client = createHttpClient({ timeoutMs: 300 });
    const pending = client.send({ method: 'GET', url: `${base}/soon`, headers: {} });
    // The answer comes after about 20 ms; this process is busy for 600 ms, twice the time-out, meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 5));
    busy(600);
    const response = await pending;
    await client.close();
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ok: true });
  });
});
