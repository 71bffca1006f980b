import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/engine/packageRoot.js';
import { createMinter } from '../../src/issuer/minter.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { loadSchemaRegistry } from '../../src/catalog/schemas.js';
import { bearerOf } from '../../src/model/checkCredential.js';
import { runCheck, type CheckServices } from '../../src/suite/runCheck.js';
import type { CheckBody, SuiteRunConfig } from '../../src/suite/types.js';

const packageRoot = findPackageRoot();
const SECRET = 'sekret-from-target-123';
let server: Server;
const sockets = new Set<Socket>();
let services: CheckServices;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/v1/clients' && req.method === 'POST') {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ result: { client_secret: SECRET, echoed: req.headers.authorization } }));
    } else if (req.url === '/html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
    } else if (req.url !== '/hang') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"no such thing","error_code":404}');
    }
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const config: SuiteRunConfig = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stateUrl: null,
    stateUnavailableReason: 'there is no state hook here',
    tokens: { kind: 'local', iss: 'https://userid.security' },
    runId: 'r1',
    seed: 5,
    runs: 3,
    strict: false,
    requestTimeoutMs: 300,
    targetLabel: 'http://t',
    packageRoot,
  };
  services = {
    config,
    catalog: loadCatalog(packageRoot),
    schemas: loadSchemaRegistry(packageRoot),
    minter: await createMinter({ packageRoot }),
  };
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const run = (
  body: CheckBody,
  requirement = 'CLIENTS-GET-404',
  extra: Partial<SuiteRunConfig> = {},
  needsStateHook = false,
) =>
  runCheck({ requirement, title: 't', needsStateHook }, body, {
    ...services,
    config: { ...services.config, ...extra },
  });

describe('runCheck', () => {
  it('passes a met documented expectation and fills the record from the catalog', async () => {
    const { record } = await run(async (c) =>
      c.expect.status(await c.send({ method: 'GET', path: '/v1/clients/x' }), 404),
    );
    expect(record).toMatchObject({
      verdict: 'passed',
      operation: 'GET /v1/clients/{clientId}',
      family: 'contract',
      evidence: 'documented',
      message: '',
    });
    expect(record.reproduction).toEqual({
      seed: 5,
      command: 'npx cis-conformance run --check CLIENTS-GET-404 --seed 5 --target http://t',
      curl: expect.stringMatching(/^curl -sS -X GET 'http:\/\/127\.0\.0\.1:\d+\/v1\/clients\/x'/),
    });
    expect(record.exchanges).toHaveLength(1);
  });

  it('fails on a documented rule with the target message, and warns on an inferred one', async () => {
    const failed = await run(async (c) => c.expect.status(await c.send({ method: 'GET', path: '/v1/clients/x' }), 200));
    expect(failed.record).toMatchObject({
      verdict: 'failed',
      message: 'CLIENTS-GET-404: observed status 404 ("no such thing"), expected status 200',
    });
    const warned = await run(async (c) => {
      c.expect.that(false, { requirement: 'CLIENTS-GET-ODD-ID-404', expected: '404', observed: '400' });
      c.expect.that(true, { expected: 'x', observed: 'x' });
    });
    expect(warned.record).toMatchObject({
      verdict: 'warning',
      message: 'CLIENTS-GET-ODD-ID-404 (inferred): observed 400, expected 404',
    });
  });

  it('records an observation for an observation rule', async () => {
    const { record, observations } = await run(async (c) =>
      c.observe({ requirement: 'CLIENTS-CREATE-UNKNOWN-FIELDS', question: 'kept?', observed: 'dropped' }),
    );
    // It judged nothing but an observation rule: observed, not passed (docs/decisions.md #44).
    expect([record.verdict, record.message]).toEqual(['observed', 'CLIENTS-CREATE-UNKNOWN-FIELDS: dropped']);
    expect(observations).toEqual([
      {
        requirement: 'CLIENTS-CREATE-UNKNOWN-FIELDS',
        operation: 'POST /v1/clients',
        question: 'kept?',
        observed: 'dropped',
        checkId: record.id,
      },
    ]);
  });

  it('is an error, not a finding, when a body expected to be JSON is not', async () => {
    const { record } = await run(async (c) =>
      c.expect.schema(await c.send({ method: 'GET', path: '/html' }), 'error-404.schema.json'),
    );
    expect(record.verdict).toBe('error');
    expect(record.message).toMatch(/^the target answered 200 with a body is not JSON \(content-type text\/html/);
  });

  it('is an error with the reason when the target does not answer in time', async () => {
    const { record } = await run(async (c) => c.expect.status(await c.send({ method: 'GET', path: '/hang' }), 200));
    expect(record.verdict).toBe('error');
    expect(record.message).toMatch(/^target error \(timeout\): GET http:.*\/hang: no complete response within 300 ms/);
    expect(record.exchanges[0]?.error).toMatch(/timeout|no complete response/);
  });

  it('is an error "check crashed" for any other exception, and for a check that expects nothing', async () => {
    const crashed = await run(async () => {
      throw new TypeError('x is not a function');
    });
    expect(crashed.record).toMatchObject({
      verdict: 'error',
      message: 'check crashed: TypeError: x is not a function',
    });
    const vacuous = await run(async () => undefined);
    expect(vacuous.record.verdict).toBe('error');
    expect(vacuous.record.message).toMatch(/made no expectation/);
  });

  it('keeps a failed verdict when fast-check wraps the stop signal', async () => {
    const { record } = await run(async (c) => {
      await fc.assert(
        fc.asyncProperty(fc.integer(), async (n) =>
          c.expect.that(false, { expected: 'nothing', observed: `n=${n > 5 ? 'big' : 'small'}` }),
        ),
        { numRuns: 3, seed: c.seed },
      );
    });
    expect(record.verdict).toBe('failed');
    expect(record.message).toMatch(/^CLIENTS-GET-404: observed n=/);
  });

  it('skips with the reason: c.skip, a missing state hook, consents without a hook, sandbox tokens', async () => {
    expect((await run(async (c) => c.skip('not today'))).record).toMatchObject({
      verdict: 'skipped',
      message: 'not today',
    });
    const noHook = await run(async () => undefined, 'CLIENTS-GET-404', {}, true);
    expect(noHook.record).toMatchObject({
      verdict: 'skipped',
      message: 'needs the state hook, and there is no state hook here',
    });
    const consent = await run(
      async (c) => void (await c.fixtures.consent({ app: await c.fixtures.app(), userId: 'u' })),
    );
    expect(consent.record.message).toMatch(/^needs a consent through the state hook, and there is no state hook here/);
    const sandbox = await run(
      async (c) => void (await c.tokens.client({ app: await c.fixtures.app() })),
      'CLIENTS-GET-404',
      {
        tokens: { kind: 'sandbox', tokenUrl: 'https://x/oidc/token' },
      },
    );
    // Live tokens need credentials from the environment; without them the check could not run (test/live covers the rest).
    expect(sandbox.record).toMatchObject({ verdict: 'error' });
    expect(sandbox.record.message).toMatch(/set CIS_CLIENT_ID and CIS_CLIENT_SECRET/);
  });

  it('errors at once, sending nothing, when the target was found unreachable', async () => {
    const { record } = await run(
      async (c) => c.expect.status(await c.send({ method: 'GET', path: '/v1/clients/x' }), 404),
      'CLIENTS-GET-404',
      {
        unreachableReason: 'target http://t is unreachable (refused)',
      },
    );
    expect(record).toMatchObject({
      verdict: 'error',
      message: 'target http://t is unreachable (refused)',
      exchanges: [],
    });
  });

  it('errors on a requirement id that is not in the catalog', async () => {
    const { record } = await run(async (c) => c.expect.that(true, { expected: 'a', observed: 'a' }), 'NO-SUCH-REQ');
    expect(record).toMatchObject({
      verdict: 'error',
      message: "requirement 'NO-SUCH-REQ' is not in the catalog (schemas/requirements.json)",
    });
  });

  it('keeps tokens and client secrets out of the record, also where a message quotes them', async () => {
    let token = '';
    const { record } = await run(async (c) => {
      const app = await c.fixtures.app();
      token = bearerOf(await c.tokens.client({ app, permissions: ['apps:create'] })) ?? '';
      const res = await c.send({ method: 'POST', path: '/v1/clients', token, body: { name: 'n' } });
      c.expect.that(false, { expected: 'nothing echoed', observed: JSON.stringify(res.json) });
    });
    const text = JSON.stringify(record);
    expect(token.length).toBeGreaterThan(20);
    expect(text).not.toContain(token);
    expect(text).not.toContain(SECRET);
    expect(record.message).toContain('[REDACTED]');
  });
});
