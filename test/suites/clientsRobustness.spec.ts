/**
 * The Clients robustness suites (suites/robustness/clients*.suite.ts): clean on the embedded reference with every
 * Clients robustness requirement reached; and, since no seeded fault yields a 5xx, against a stub target on
 * 127.0.0.1 that answers 500 to everything but a create — the never-5xx checks fail and name the inputs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { runConformance, type RunConfig } from '../../src/engine/index.js';
import { findPackageRoot } from '../../src/engine/packageRoot.js';
import type { CheckRecord, RunResults } from '../../src/model/checkRecord.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

const CLIENTS = /^CLIENTS-(CREATE|LIST|DELETE-ALL|GET|UPDATE|DELETE|RESOURCES)-/;
const sockets = new Set<Socket>();
let stub: Server | undefined;

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => (stub ? stub.close(resolve) : resolve(undefined)));
});

async function run(target: RunConfig['target']): Promise<RunResults> {
  const { results } = await runConformance(
    { target, suites: ['robustness'], seed: 13, runs: 3, strict: false, reportDir: '/unused', requestTimeoutMs: 5000 },
    { maxWorkers: 1 },
  );
  return results;
}

/** Creates answer 201 with a client id (so set-ups work); the probe 401; everything else 500. No state hook. */
async function startCrashingTarget(): Promise<string> {
  stub = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method === 'POST' && path === '/v1/clients') json(201, { result: { client_id: 'stub-client' } });
      else if (!req.headers.authorization) json(401, { message: 'no token', error_code: 401 });
      else json(500, { message: 'crashed', error_code: 500 });
    });
  });
  stub.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => stub?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
}

const clientsChecks = (results: RunResults): CheckRecord[] => results.checks.filter((c) => CLIENTS.test(c.requirement));

describe('Clients robustness suites', () => {
  it('pass on the reference and reach every Clients robustness requirement', async () => {
    const results = await run({ kind: 'embedded' });
    const mine = clientsChecks(results);
    expect(results.runErrors).toEqual([]);
    expect(
      mine
        .filter((c) => c.verdict !== 'passed' && c.verdict !== 'observed')
        .map((c) => `${c.requirement}: ${c.message}`),
    ).toEqual([]);
    const wanted = loadCatalog(findPackageRoot())
      .requirements.filter((r) => r.family === 'robustness' && CLIENTS.test(r.id))
      .map((r) => r.id);
    const reached = new Set(mine.map((c) => c.requirement));
    expect(wanted.filter((id) => !reached.has(id))).toEqual([]);
    expect(mine.filter((c) => c.requirement === 'CLIENTS-GET-ODD-ID-404').map((c) => c.cell)).toEqual([
      'encoded slash',
      'dot segments',
      'unicode',
      'very long',
    ]);
  }, 60_000);

  it('fail the never-5xx checks of a target that crashes, naming the inputs; odd ids get warnings', async () => {
    const results = await run({ kind: 'url', url: await startCrashingTarget() });
    const byRequirement = (id: string) => clientsChecks(results).filter((c) => c.requirement === id);
    for (const key of ['LIST', 'DELETE-ALL', 'GET', 'UPDATE', 'DELETE', 'RESOURCES']) {
      const [noServerError] = byRequirement(`CLIENTS-${key}-NO-5XX`);
      expect(noServerError?.verdict, key).toBe('failed');
      expect(noServerError?.message).toMatch(/observed \d+ 5xx: query %00=%00 → 500; /);
    }
    expect(byRequirement('CLIENTS-GET-NO-5XX')[0]?.message).toContain('id: NUL byte → 500');
    // The stub answers every create with 201, whatever the body: no 5xx there, but no 413/415/400 either.
    expect(byRequirement('CLIENTS-CREATE-NO-5XX')[0]?.verdict).toBe('passed');
    expect(byRequirement('CLIENTS-CREATE-415')[0]).toMatchObject({
      verdict: 'warning',
      message: expect.stringContaining('observed status 201'),
    });
    expect(byRequirement('CLIENTS-DELETE-ODD-ID-404').map((c) => c.verdict)).toEqual([
      'warning',
      'warning',
      'warning',
      'warning',
    ]);
  }, 60_000);
});
