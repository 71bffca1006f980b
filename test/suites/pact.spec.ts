/**
 * The pact suite end to end: every interaction of the committed contracts is one check, family `pact`, which
 * passes on the clean reference, fails on a seeded fault exactly where Pact's own verifier fails, and is skipped
 * with the reason on a target without a state hook.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/server.js';
import { findPackageRoot, type RunConfig } from '../../src/engine/index.js';
import { createMinter } from '../../src/issuer/minter.js';
import { runSuites, suiteRunConfig } from './helpers/suiteRun.js';
import { verifyContracts } from '../../src/pact/verify.js';

const root = findPackageRoot();
const INTERACTIONS = 29;

const config = (target: RunConfig['target'], extra: Partial<RunConfig> = {}): RunConfig =>
  suiteRunConfig(['pact'], { seed: 3, runs: 5, target, ...extra });
const run = runSuites;

let reference: RunningReference;
let hookless: Server;
let hooklessUrl = '';

beforeAll(async () => {
  reference = await startReference();
  // The reference without its state hook: the hook path answers 404 like any unknown route.
  const upstream = new URL(reference.url);
  hookless = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/__conformance')) return void res.writeHead(404).end();
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => hookless.listen(0, '127.0.0.1', resolve));
  hooklessUrl = `http://127.0.0.1:${(hookless.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => hookless?.close(() => resolve()));
  await reference?.close();
});

describe('pact suite', () => {
  it('passes one check per contract interaction on the clean reference, each under the requirement of its operation and status', async () => {
    const { results } = await run(config({ kind: 'embedded' }));
    expect(results.summary).toEqual({ passed: INTERACTIONS, failed: 0, warnings: 0, skipped: 0, errors: 0 });
    expect(new Set(results.checks.map((c) => c.family))).toEqual(new Set(['pact']));
    const titles = results.checks.map((c) => `${c.requirement} ${c.title}`);
    expect(titles).toEqual(
      expect.arrayContaining([
        "CLIENTS-CREATE-409 cis-admin-console: a request to create a client named like the app's default client",
        'CLIENTS-DELETE-ALL-204 cis-admin-console: a request to delete all clients',
        'CONSENTS-DELETE-USER-2XX cis-consent-manager: a request to delete one consent of a user for a client',
        'MANAGE-CONSENTS-LIST-400 cis-consent-manager: a request to list the consents of an app without app_id',
        'ME-CONSENTS-LIST-200 cis-account-page: a request from a user to list their consents',
        'ME-CONSENTS-REVOKE-2XX cis-account-page: a request from a user to revoke one consent to a client',
      ]),
    );
    // One operation each: all 14 are reached.
    expect(new Set(results.checks.map((c) => c.operation)).size).toBe(14);
  });

  it('fails where Pact verification fails on the create-status-200 fault, naming CLIENTS-CREATE-201', async () => {
    const { results, exitCode } = await run(config({ kind: 'embedded', fault: 'create-status-200' }));
    expect(exitCode).toBe(1);
    const failed = results.checks.filter((c) => c.verdict !== 'passed');
    expect(failed.map((c) => [c.requirement, c.verdict, c.title])).toEqual([
      ['CLIENTS-CREATE-201', 'failed', 'cis-admin-console: a request to create an OIDC client'],
    ]);
    expect(failed[0]?.message).toContain('expected 201 but was 200');

    const faulty = await startReference({ fault: 'create-status-200' });
    try {
      const pact = await verifyContracts({
        baseUrl: faulty.url,
        stateUrl: faulty.stateUrl,
        minter: await createMinter({ packageRoot: root }),
        contractsDir: `${root}/contracts`,
        logLevel: 'error',
      });
      const pactFailed = pact.interactions.filter((i) => !i.passed).map((i) => `${i.consumer}: ${i.description}`);
      expect(pactFailed).toEqual(failed.map((c) => c.title));
    } finally {
      await faulty.close();
    }
  });

  it('skips every check with the reason when the target has no state hook', async () => {
    const { results } = await run(config({ kind: 'url', url: hooklessUrl }));
    expect(results.summary).toMatchObject({ passed: 0, failed: 0, errors: 0, skipped: INTERACTIONS });
    for (const check of results.checks) expect(check.message).toMatch(/state hook/);
  });
});
