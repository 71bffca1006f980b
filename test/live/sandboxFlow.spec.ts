/**
 * The live code path end to end, offline: the sandbox target fetches a real-shaped token, check bodies run through
 * `runCheck` (the code a vitest worker runs for each check) with the target's run configuration, every request goes
 * to the sandbox host and is answered by nock from fixtures/sandbox/, and the ledger and clean-up do their work.
 * A whole `runConformance` cannot be replayed this way: its checks run in vitest worker processes, where this
 * process's nock interceptors do not exist — so the largest in-process slice is tested: target + runCheck + sweep.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildRunResults } from '../../src/engine/index.js';
import { ledgerFileOf, readLedger } from '../../src/live/ledger.js';
import { createReporters } from '../../src/reporters/index.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { loadSchemaRegistry } from '../../src/catalog/schemas.js';
import { runCheck, type CheckServices } from '../../src/suite/runCheck.js';
import type { CheckBody, CheckContext, CheckCredential, SuiteRunConfig } from '../../src/suite/types.js';
import { openTarget, type Target, type TransportOptions } from '../../src/targets/index.js';
import { CLIENT_TOKEN, ENV, packageRoot, replay, SANDBOX_APP } from './support/sandboxReplay.js';

const catalog = loadCatalog(packageRoot);
const schemas = loadSchemaRegistry(packageRoot);
const HELD = ['apps:read', 'apps:create', 'apps:edit', 'apps:delete', 'consents:read', 'consents:delete'];
const CREATED_SECRET = 'sbx-secret-Zq81mQa7Lr';
const dirs: string[] = [];
let runs = 0;

beforeAll(() => {
  nock.disableNetConnect();
  for (const [name, value] of Object.entries(ENV)) vi.stubEnv(name, value);
});
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
  vi.unstubAllEnvs();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Live {
  readonly target: Target;
  readonly reportDir: string;
  readonly ledgerFile: string;
  run(title: string, body: CheckBody, requirement?: string): ReturnType<typeof runCheck>;
}

/** Opens the sandbox target (one token fetch) and runs check bodies against it as a worker would. */
async function openLive(
  transport: TransportOptions = { ratePerSecond: 200, maxRequests: 100, retries: 2, retryDelayMs: 1 },
): Promise<Live> {
  const reportDir = mkdtempSync(join(tmpdir(), 'cis-live-flow-'));
  dirs.push(reportDir);
  const runId = `flow${++runs}x`;
  const ledgerFile = ledgerFileOf(reportDir, runId);
  replay('token-client');
  const target = await openTarget({
    spec: { kind: 'sandbox', host: { environment: 'sandbox' }, transport, ledgerDir: reportDir },
    timeoutMs: 2000,
    packageRoot,
    env: ENV,
    runId,
  });
  // The worker side has its own token cache (one fetch per process and run).
  replay('token-client');
  const config: SuiteRunConfig = {
    baseUrl: target.baseUrl,
    stateUrl: target.stateUrl,
    ...(target.stateUnavailableReason ? { stateUnavailableReason: target.stateUnavailableReason } : {}),
    tokens: { kind: 'local', iss: 'unused' },
    ...target.suiteConfig,
    runId,
    seed: 1,
    runs: 1,
    strict: false,
    requestTimeoutMs: 2000,
    targetLabel: target.label,
    packageRoot,
  };
  const services: CheckServices = { config, catalog, schemas, minter: null };
  return {
    target,
    reportDir,
    ledgerFile,
    run: (title, body, requirement = 'CLIENTS-CREATE-201') => runCheck({ requirement, title }, body, services),
  };
}

const createClient = async (c: CheckContext, token: CheckCredential) =>
  c.send({
    method: 'POST',
    path: '/v1/clients',
    token,
    body: { name: c.fixtures.id('flow'), redirect_uris: ['https://app.example.test/callback'] },
  });

describe('a sandbox run, replayed', () => {
  it('fetches a token, creates, reads and deletes a client, and writes each step to the ledger', async () => {
    const live = await openLive();
    expect(live.target).toMatchObject({
      label: 'sandbox',
      baseUrl: 'https://api.sbx.transmitsecurity.io/cis',
      stateUrl: null,
    });
    replay('client-created');
    replay('client-get');
    replay('client-deleted');
    const { record } = await live.run('create, read, delete', async (c) => {
      const app = await c.fixtures.app();
      c.expect.that(JSON.stringify(app) === JSON.stringify(SANDBOX_APP), {
        expected: 'the credentials app',
        observed: JSON.stringify(app),
      });
      const token = await c.tokens.client({ app, permissions: HELD });
      c.expect.status(await createClient(c, token), 201);
      c.expect.status(await c.send({ method: 'GET', path: '/v1/clients/sbxNewClient1Ab', token }), 200);
      c.expect.status(await c.send({ method: 'DELETE', path: '/v1/clients/sbxNewClient1Ab', token }), 204);
    });
    expect(record.verdict, record.message).toBe('passed');
    expect(record.exchanges.map((e) => `${e.request.method} ${e.response?.status}`)).toEqual([
      'POST 201',
      'GET 200',
      'DELETE 204',
    ]);
    await live.target.close(); // the sweep finds nothing left: no request (net connect is off)
    const ledger = readLedger(live.ledgerFile);
    expect(ledger.run).toMatchObject({ baseUrl: 'https://api.sbx.transmitsecurity.io/cis', app: SANDBOX_APP.appId });
    expect(ledger.entries).toEqual([
      expect.objectContaining({ id: 'sbxNewClient1Ab', app: SANDBOX_APP.appId, done: true, outcome: 'deleted' }),
    ]);
    expect(ledger.entries[0]?.createdBy).toBe(record.id);
    expect(nock.isDone()).toBe(true);
  });

  it("deletes what a check created and left behind when the check ends, and the run's sweep finds the rest gone", async () => {
    const live = await openLive({ ratePerSecond: 200, maxRequests: 100, retries: 0 });
    replay('client-created');
    replay('client-deleted'); // the check's own clean-up
    const first = await live.run('leaves a client', async (c) => {
      const app = await c.fixtures.app();
      c.expect.status(await createClient(c, await c.tokens.client({ app, permissions: HELD })), 201);
    });
    expect(first.record.verdict).toBe('passed');
    expect(readLedger(live.ledgerFile).entries[0]).toMatchObject({ done: true, outcome: 'deleted' });

    // A second client whose clean-up fails (503, no retries): the run's final sweep finishes it (404 = gone).
    replay('client-created', {
      body: { result: { client_id: 'sbxSecond2Cd', name: 'flow-RUNID-a1', client_secret: 'sbx-secret-second-4Tq' } },
    });
    replay('service-unavailable', { method: 'DELETE', path: '/cis/v1/clients/sbxSecond2Cd' });
    await live.run('leaves another', async (c) => {
      const app = await c.fixtures.app();
      c.expect.status(await createClient(c, await c.tokens.client({ app, permissions: HELD })), 201);
    });
    expect(readLedger(live.ledgerFile).entries.find((e) => e.id === 'sbxSecond2Cd')).toMatchObject({ done: false });
    // The sweep reads the client's name before deleting it: not listed, then 404 by id = already gone.
    replay('client-list', { body: { result: [] } });
    replay('client-not-found', { path: '/cis/v1/clients/sbxSecond2Cd' });
    await live.target.close();
    expect(readLedger(live.ledgerFile).entries.every((e) => e.done)).toBe(true);
    expect(readLedger(live.ledgerFile).entries.find((e) => e.id === 'sbxSecond2Cd')?.outcome).toBe('gone');
    expect(nock.isDone()).toBe(true);
  });

  it('rides out a 429 and a 5xx blip on a GET, and paces requests at the rate', async () => {
    const live = await openLive({ ratePerSecond: 20, maxRequests: 100, retries: 3, retryDelayMs: 1 });
    replay('rate-limited', { path: '/cis/v1/clients/sbxNewClient1Ab', headers: { 'retry-after': '0' } });
    replay('service-unavailable');
    replay('client-get');
    const started = performance.now();
    const { record } = await live.run(
      'read through blips',
      async (c) => {
        const token = await c.tokens.client({ app: await c.fixtures.app(), permissions: HELD });
        c.expect.status(await c.send({ method: 'GET', path: '/v1/clients/sbxNewClient1Ab', token }), 200);
      },
      'CLIENTS-GET-200',
    );
    expect(record.verdict, record.message).toBe('passed');
    // Token + three attempts at 20/s: at least three 50 ms gaps after the first request.
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(nock.isDone()).toBe(true);
    await live.target.close();
  });

  it('ends the checks after the budget with "request budget exhausted", and still cleans up', async () => {
    // Budget 3: the target's token, the check's token, the create. The GET is refused; the clean-up is exempt.
    const live = await openLive({ ratePerSecond: 200, maxRequests: 3, retries: 0 });
    replay('client-created');
    replay('client-deleted');
    const { record } = await live.run('runs out of budget', async (c) => {
      const token = await c.tokens.client({ app: await c.fixtures.app(), permissions: HELD });
      c.expect.status(await createClient(c, token), 201);
      c.expect.status(await c.send({ method: 'GET', path: '/v1/clients/sbxNewClient1Ab', token }), 200);
    });
    expect(record.verdict).toBe('error');
    expect(record.message).toMatch(/request budget exhausted \(--max-requests 3\); the request was not sent/);
    const next = await live.run('after the budget', async (c) => {
      c.expect.status(await c.send({ method: 'GET', path: '/v1/clients' }), 401);
    });
    expect(next.record.message).toMatch(/request budget exhausted/);
    expect(readLedger(live.ledgerFile).entries.every((e) => e.done)).toBe(true);
    expect(nock.isDone()).toBe(true);
    await live.target.close();
  });

  it('sends the live token for a read-only live credential on a read, where it is granted alike', async () => {
    const live = await openLive();
    nock('https://api.sbx.transmitsecurity.io')
      .matchHeader('authorization', `Bearer ${CLIENT_TOKEN}`)
      .get('/cis/v1/clients')
      .reply(200, { result: [] });
    const { record } = await live.run(
      'a read with a read-only token',
      async (c) => {
        const readOnly = await c.tokens.client({ app: await c.fixtures.app(), permissions: ['[appId]:read'] });
        c.expect.status(await c.send({ method: 'GET', path: '/v1/clients', token: readOnly }), 200);
      },
      'CLIENTS-LIST-200',
    );
    expect(record.verdict, record.message).toBe('passed');
    expect(nock.isDone()).toBe(true);
    await live.target.close();
  });

  it('skips, with the reason, what the live tenant cannot give or must not be done', async () => {
    const live = await openLive();
    const reasons = async (body: CheckBody) => (await live.run('skip', body)).record;
    const skipped = await Promise.all([
      reasons(async (c) => {
        const readOnly = await c.tokens.client({ app: await c.fixtures.app(), permissions: ['apps:read'] });
        await createClient(c, readOnly);
      }),
      reasons(async (c) => void (await c.tokens.broken('expired', { app: await c.fixtures.app(), permissions: HELD }))),
      reasons(async (c) => void (await c.tokens.admin({ app: await c.fixtures.app() }))),
      reasons(
        async (c) => void (await c.fixtures.consent({ app: await c.fixtures.app(), userId: c.fixtures.id('user') })),
      ),
      reasons(async (c) => {
        await c.fixtures.app();
        await c.fixtures.app();
      }),
      reasons(async (c) => {
        const token = await c.tokens.client({ app: await c.fixtures.app(), permissions: HELD });
        await c.send({ method: 'DELETE', path: `/v1/clients/${SANDBOX_APP.clientId}`, token });
      }),
      reasons(async (c) => {
        const token = await c.tokens.client({ app: await c.fixtures.app(), permissions: HELD });
        await c.send({ method: 'DELETE', path: '/v1/clients', token });
      }),
    ]);
    expect(skipped.map((r) => r.verdict)).toEqual(Array(7).fill('skipped'));
    const messages = skipped.map((r) => r.message);
    expect(messages[0]).toMatch(
      /the check sent POST \/cis\/v1\/clients with a client token of permissions \[apps:read\].*POST \/v1\/clients treats differently/,
    );
    expect(messages[1]).toMatch(/'expired' token must carry a valid signature of the live issuer/);
    expect(messages[2]).toMatch(/no management-app credentials; set CIS_ADMIN_CLIENT_ID and CIS_ADMIN_CLIENT_SECRET/);
    expect(messages[3]).toBe(
      'needs a consent through the state hook, and the live service has no state hook; consents come from the consent flow',
    );
    expect(messages[4]).toMatch(/needs a second one/);
    expect(messages[5]).toMatch(/would change data this run did not create \("sbxClient8Rw3"/);
    expect(messages[6]).toMatch(/DELETE \/v1\/clients deletes every client of the app/);
    await live.target.close();
  });

  it('keeps every secret out of the records, the reports and the ledger', async () => {
    const live = await openLive();
    replay('client-created');
    replay('client-list', { runId: 'x' });
    replay('client-deleted');
    const run = await live.run('secrets', async (c) => {
      const token = await c.tokens.client({ app: await c.fixtures.app(), permissions: HELD });
      c.expect.status(await createClient(c, token), 201);
      const list = await c.send({ method: 'GET', path: '/v1/clients', token });
      // A message that quotes the list and the token: redaction must still hide both.
      c.expect.that(false, {
        expected: 'nothing',
        observed: `${list.text} with Bearer ${token} and ${process.env.CIS_CLIENT_SECRET}`,
        requirement: 'CLIENTS-LIST-200',
      });
    });
    await live.target.close();
    const results = buildRunResults({
      version: 'test',
      run: {
        id: 'r',
        seed: 1,
        target: 'sandbox',
        strict: false,
        suites: [],
        startedAt: new Date().toISOString(),
        durationMs: 1,
      },
      checks: [run.record],
      observations: [...run.observations],
      runErrors: [],
      catalog,
      selection: { suites: [] },
    });
    const console: string[] = [];
    for (const reporter of createReporters({
      reportDir: live.reportDir,
      console: { write: (l) => console.push(l), isTTY: false },
    })) {
      await reporter.finish(results, live.reportDir);
    }
    const written = [
      JSON.stringify(run),
      console.join('\n'),
      ...readdirSync(live.reportDir).map((file) => readFileSync(join(live.reportDir, file), 'utf8')),
    ];
    expect(readdirSync(live.reportDir)).toEqual(
      expect.arrayContaining([basename(live.ledgerFile), 'results.json', 'junit.xml']),
    );
    for (const text of written) {
      for (const secret of [CLIENT_TOKEN, ENV.CIS_CLIENT_SECRET, CREATED_SECRET, 'sbx-secret-default-9f2K']) {
        expect(text).not.toContain(secret);
      }
    }
    expect(run.record.message).toContain('[REDACTED]');
  });
});
