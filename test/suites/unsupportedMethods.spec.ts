/**
 * suites/robustness/unsupportedMethods.suite.ts against a stub on 127.0.0.1: the checks warn (the rule is inferred)
 * for each way of getting it wrong — 404, a 405 without Allow, an Allow that leaves out the path's method and names
 * the one sent. That they pass on the reference is in clientsRobustness.spec.ts and consents.spec.ts (every
 * robustness requirement reached and passed).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/engine/packageRoot.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { runSuites, suiteRunConfig, verdictLines } from './support/suiteRun.js';

const sockets = new Set<Socket>();
let stub: Server | undefined;
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => (stub ? stub.close(resolve) : resolve(undefined)));
});

const CLIENT_PATHS = loadCatalog(findPackageRoot())
  .requirements.map((r) => r.id)
  .filter((id) => id.startsWith('CLIENTS-') && id.endsWith('-UNSUPPORTED-METHOD-405'));

/**
 * Creates answer 201; on /v1/clients other methods get 404, on /v1/clients/{id} a 405 without Allow, on
 * /resources a 405 whose Allow is wrong. No state hook, so the Consents paths are skipped.
 */
async function startStub(): Promise<string> {
  stub = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      if (req.method === 'POST' && path === '/v1/clients') json(201, { result: { client_id: 'stub-client' } });
      else if (path === '/v1/clients') json(404, { message: 'no route', error_code: 404 });
      else if (path.endsWith('/resources')) json(405, { message: 'no', error_code: 405 }, { allow: 'GET, PATCH' });
      else json(405, { message: 'no', error_code: 405 });
    });
  });
  stub.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => stub?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
}

describe('unsupported methods suite', () => {
  it('warns on a 404, on a 405 without Allow and on a wrong Allow', async () => {
    const url = await startStub();
    const { results } = await runSuites(
      suiteRunConfig(['robustness'], { target: { kind: 'url', url }, checks: CLIENT_PATHS }),
    );
    expect(CLIENT_PATHS).toHaveLength(3);
    const lines = verdictLines(results.checks.filter((c) => CLIENT_PATHS.includes(c.requirement)));
    expect(lines).toHaveLength(6);
    expect(lines.filter((l) => l.startsWith('CLIENTS-CREATE-'))).toEqual([
      expect.stringMatching(/ warning: .*405.*404/),
      expect.stringMatching(/ warning: .*405.*404/),
    ]);
    for (const line of lines.filter((l) => l.startsWith('CLIENTS-GET-')))
      expect(line).toMatch(/ warning: .*no Allow header/);
    for (const line of lines.filter((l) => l.startsWith('CLIENTS-RESOURCES-')))
      expect(line).toMatch(/ warning: .*Allow: GET, PATCH/);
  }, 60_000);
});
