import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { runConformance, type RunConfig } from '../../src/engine/index.js';
import type { RunEvent } from '../../src/model/events.js';

const TIMEOUT_MS = 500;
const SMOKE_CHECKS = 3;

function config(target: RunConfig['target']): RunConfig {
  return {
    target,
    suites: ['smoke'],
    seed: 7,
    runs: 5,
    strict: false,
    reportDir: '/unused',
    requestTimeoutMs: TIMEOUT_MS,
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];
const sockets = new Set<Socket>();

/** A misbehaving target on 127.0.0.1; it answers the pre-flight probe (GET /v1/clients) like a real API. */
async function startTarget(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/clients') {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"no token","error_code":401}');
    } else handler(req, res);
  });
  server.on('connection', (socket) => sockets.add(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function run(target: RunConfig['target']) {
  const events: RunEvent[] = [];
  const started = Date.now();
  const outcome = await runConformance(config(target), { onEvent: (e) => events.push(e), maxWorkers: 1 });
  return { ...outcome, events, elapsedMs: Date.now() - started };
}

describe('runConformance', () => {
  it('runs the smoke suite against the embedded reference: all passed, exit 0, events in order', async () => {
    const { results, exitCode, events } = await run({ kind: 'embedded' });
    expect(results.summary).toEqual({
      passed: SMOKE_CHECKS,
      observed: 0,
      failed: 0,
      warnings: 0,
      skipped: 0,
      errors: 0,
    });
    expect(exitCode).toBe(0);
    expect(events[0]?.type).toBe('run-started');
    expect(events.at(-1)?.type).toBe('run-finished');
    expect(events.filter((e) => e.type === 'check-finished')).toHaveLength(SMOKE_CHECKS);
    const plans = events.filter((e) => e.type === 'checks-planned');
    expect(plans.at(-1)).toEqual({ type: 'checks-planned', planned: SMOKE_CHECKS, complete: true });
    expect(results.run).toMatchObject({ seed: 7, target: 'embedded', suites: ['smoke'] });
    const create = results.checks.find((c) => c.requirement === 'CLIENTS-CREATE-201');
    expect(create?.reproduction.command).toBe(
      'npx cis-conformance run --check CLIENTS-CREATE-201 --seed 7 --target embedded',
    );
    expect(create?.reproduction.curl).toMatch(
      /^curl -sS -X POST 'http:\/\/127\.0\.0\.1:\d+\/v1\/clients' .*Bearer \[REDACTED\]/,
    );
    expect(results.uncovered.find((u) => u.requirement === 'CLIENTS-LIST-200')?.reason).toBe(
      'not selected in this run (--suite smoke)',
    );
  });

  it('fails the run (exit 1) when the embedded reference carries a seeded defect', async () => {
    const { results, exitCode } = await run({ kind: 'embedded', fault: 'create-status-200' });
    expect(exitCode).toBe(1);
    const create = results.checks.find((c) => c.requirement === 'CLIENTS-CREATE-201');
    expect(create).toMatchObject({
      verdict: 'failed',
      message: 'CLIENTS-CREATE-201: observed status 200, expected status 201',
    });
    expect(create?.reproduction.command).toContain('--fault create-status-200');
  });

  it('gives every check an error and exit 2 when the port is closed', async () => {
    const closed = await startTarget(() => undefined);
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const { results, exitCode, elapsedMs } = await run({ kind: 'url', url: closed });
    expect(exitCode).toBe(2);
    expect(results.checks).toHaveLength(SMOKE_CHECKS);
    for (const check of results.checks) {
      expect(check.verdict).toBe('error');
      expect(check.message).toMatch(/unreachable \(refused/);
    }
    expect(results.runErrors[0]).toMatch(/unreachable/);
    expect(elapsedMs).toBeLessThan(20_000);
  });

  it('gives error verdicts within the time-out when the target accepts connections but never answers', async () => {
    const silent = await startTarget(() => undefined);
    const { results, exitCode, elapsedMs } = await run({ kind: 'url', url: silent });
    expect(exitCode).toBe(2);
    expect(results.checks.map((c) => c.verdict)).toEqual(['error', 'error', 'error']);
    // Each check ends at its first unanswered request; after 2 × --timeout without any answer the run gives up
    // on the target and the rest end at once.
    // (The checks run at once: which of them meets its time-out first is not fixed.)
    expect(results.checks.some((c) => /target error \(timeout\).*within 500 ms/.test(c.message))).toBe(true);
    for (const check of results.checks) {
      expect(check.message).toMatch(/target error \(timeout\).*within 500 ms|the target stopped answering/);
    }
    expect(elapsedMs).toBeLessThan(20_000);
  });

  it('gives error verdicts, never a pass, when the target answers HTML or resets the connection', async () => {
    // The smoke suite POSTs in two checks (answered 201 with HTML) and GETs in one (connection reset).
    const broken = await startTarget((req, res) => {
      if (req.method === 'GET') req.socket.destroy();
      else res.writeHead(201, { 'content-type': 'text/html' }).end('<html>oops</html>');
    });
    const { results, exitCode } = await run({ kind: 'url', url: broken });
    expect(exitCode).toBe(2);
    expect(results.checks.map((c) => c.verdict)).toEqual(['error', 'error', 'error']);
    const messages = Object.fromEntries(results.checks.map((c) => [c.requirement, c.message]));
    expect(messages['CLIENTS-CREATE-201']).toMatch(/answered 201 with a body is not JSON \(content-type text\/html/);
    expect(messages['CLIENTS-CREATE-201-SECRET']).toMatch(/not JSON/);
    expect(messages['CLIENTS-GET-404']).toMatch(/target error \(reset\)/);
  });
});

describe('runConformance when stopped', () => {
  it('cancels the checks not yet run, reports the interruption and never exits 0', async () => {
    // Against a silent target each check waits out its time-out, so a stop sent when the suite starts
    // reaches vitest before the later checks begin.
    const silent = await startTarget(() => undefined);
    let stop: () => void = () => undefined;
    const stopSignal = new Promise<void>((resolve) => (stop = resolve));
    const outcome = await runConformance(
      { ...config({ kind: 'url', url: silent }), requestTimeoutMs: 1000 },
      { maxWorkers: 1, stopSignal, onEvent: (e) => e.type === 'suite-started' && stop() },
    );
    expect(outcome.exitCode).toBe(2);
    expect(outcome.results.runErrors).toContain(
      'the run was interrupted: the checks it did not finish are errors "interrupted"',
    );
    // Every planned check is accounted for, the ones not run as errors with the reason.
    expect(outcome.results.checks).toHaveLength(SMOKE_CHECKS);
    expect(outcome.results.checks.map((c) => c.message)).toContain('not run: interrupted');
    expect(outcome.results.checks.every((c) => c.verdict === 'error')).toBe(true);
  });

  it('ends the checks not started by the deadline as errors "deadline", with the ids of a full run', async () => {
    const full = await run({ kind: 'embedded' });
    // The deadline passes while the suite files are collected: the plan is still complete, no check runs.
    const outcome = await runConformance({ ...config({ kind: 'embedded' }), deadlineMs: 1 }, { maxWorkers: 1 });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.results.runErrors.join('\n')).toMatch(/deadline/);
    expect(outcome.results.checks.map((c) => c.id).sort()).toEqual(full.results.checks.map((c) => c.id).sort());
    for (const check of outcome.results.checks) {
      expect(check).toMatchObject({ verdict: 'error', message: expect.stringMatching(/^not run: deadline/) });
    }
  });

  it('runs nothing when stopped before it starts, and still accounts for every planned check', async () => {
    const outcome = await runConformance(config({ kind: 'embedded' }), { stopSignal: Promise.resolve() });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.results.checks).toHaveLength(SMOKE_CHECKS);
    for (const check of outcome.results.checks) {
      expect(check).toMatchObject({ verdict: 'error', message: 'not run: interrupted' });
    }
  });
});
