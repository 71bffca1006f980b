/**
 * Without a state hook no consent can be set up (docs/design.md §2.3): the Consents checks that need one are
 * skipped with that reason, and the others (unknown ids, empty lists, missing app_id, hostile input) still run.
 * The target is the reference behind a proxy that answers 404 on the hook path, like a target that has none.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/server.js';
import { runConformance } from '../../src/engine/index.js';
import { findPackageRoot } from '../../src/engine/packageRoot.js';

const CONSENTS = /^(CONSENTS|MANAGE-CONSENTS|ME-CONSENTS)-/;
let reference: RunningReference;
let proxy: Server;
let proxyUrl: string;

beforeAll(async () => {
  reference = await startReference({ packageRoot: findPackageRoot() });
  proxy = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/__conformance/state')) {
      res.writeHead(404).end();
      return;
    }
    const out = httpRequest(`${reference.url}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.writeHead(599).end());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await reference.close();
});

it('skips the Consents checks that need consents, saying why, and passes the rest', async () => {
  const { results } = await runConformance(
    {
      target: { kind: 'url', url: proxyUrl },
      suites: ['contract', 'robustness'],
      seed: 3,
      runs: 3,
      strict: false,
      reportDir: '/unused',
      requestTimeoutMs: 10_000,
    },
    { maxWorkers: 1 },
  );
  const mine = results.checks.filter((c) => CONSENTS.test(c.requirement));
  const skipped = mine.filter((c) => c.verdict === 'skipped');
  expect(skipped.length).toBeGreaterThanOrEqual(15);
  for (const record of skipped) expect(record.message).toMatch(/state hook/);
  expect(
    mine
      .filter((c) => c.verdict !== 'skipped' && c.verdict !== 'passed' && c.verdict !== 'observed')
      .map((c) => `${c.id}: ${c.message}`),
  ).toEqual([]);
  // Checks that make their own inputs run without a hook; the robustness ones then probe made-up ids.
  const verdict = (requirement: string) => mine.find((c) => c.requirement === requirement)?.verdict;
  for (const requirement of [
    'CONSENTS-GET-404',
    'MANAGE-CONSENTS-LIST-400',
    'ME-CONSENTS-LIST-200',
    'CONSENTS-DELETE-USER-404',
    'CONSENTS-GET-NO-5XX',
  ]) {
    expect({ requirement, verdict: verdict(requirement) }).toEqual({ requirement, verdict: 'passed' });
  }
});
