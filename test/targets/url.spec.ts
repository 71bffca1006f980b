import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget } from '../../src/targets/index.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/custom/state') res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const open = (stateUrl?: string) =>
  openTarget({
    spec: { kind: 'url', url: `${base}/` },
    timeoutMs: 1000,
    packageRoot: '/unused',
    ...(stateUrl ? { stateUrl } : {}),
  });

describe('the url target', () => {
  it('without a hook at the conventional path: no state URL, the reason, and no run problem', async () => {
    const target = await open();
    expect(target).toMatchObject({ label: `${base}/`, baseUrl: base, stateUrl: null, problems: [] });
    expect(target.stateUnavailableReason).toBe(
      `there is no state hook at ${base}/__conformance/state (it answered 404)`,
    );
  });

  it('uses a working --state-url', async () => {
    expect((await open(`${base}/custom/state`)).stateUrl).toBe(`${base}/custom/state`);
  });

  it('reports a --state-url that does not work as a run problem', async () => {
    const target = await open(`${base}/wrong`);
    expect(target.stateUrl).toBeNull();
    expect(target.problems).toEqual([
      `--state-url ${base}/wrong is not usable: there is no state hook at ${base}/wrong (it answered 404)`,
    ]);
  });
});
