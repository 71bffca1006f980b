/**
 * The sandbox stand-in (src/standin/): one loopback origin with the API under /cis and POST /oidc/token against the
 * tenant's credentials, a pre-seeded tenant, no state hook, a rate limit answered 429 + Retry-After, seeded 503s on
 * GET/PUT/DELETE only, and a store reachable only through the handle.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { sandboxStandinCommand } from '../../src/cli/commands/sandboxStandin.js';
import { findPackageRoot } from '../../src/engine/index.js';
import { createDisturbances } from '../../src/standin/conditions.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';

const packageRoot = findPackageRoot();
const CLIENT = { id: 'standin-client', secret: 'standin-only-secret-7b1e0c' };
const QUIET = { rateLimitPerSecond: 0, unavailableRate: 0, latencyMs: 0 };
const started: RunningStandin[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function standin(conditions: Record<string, number> = QUIET): Promise<RunningStandin> {
  const running = await startStandin({ packageRoot, conditions });
  started.push(running);
  return running;
}

function tokenRequest(s: RunningStandin, secret: string): Promise<Response> {
  return fetch(s.tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${CLIENT.id}:${secret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
}

describe('sandbox stand-in', () => {
  it('mints a client token for the registered secret, 401 for a wrong one; the token works under /cis', async () => {
    const s = await standin();
    expect(s.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await tokenRequest(s, 'wrong-secret')).status).toBe(401);
    const ok = await tokenRequest(s, CLIENT.secret);
    expect(ok.status).toBe(200);
    const { access_token } = (await ok.json()) as { access_token: string };
    const list = await fetch(`${s.apiUrl}/v1/clients`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { result: Array<{ client_id: string }> };
    // The tenant's own data, which no run created, is there from the start.
    expect(body.result.map((c) => c.client_id).sort()).toEqual([
      'preexisting-mobile',
      'preexisting-portal',
      'standin-client',
    ]);
    expect((await fetch(`${s.apiUrl}/v1/clients`)).status).toBe(401);
  });

  it('has no state hook and serves nothing outside /cis and /oidc/token', async () => {
    const s = await standin();
    const state = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"state":"an app exists"}',
    };
    expect((await fetch(`${s.apiUrl}/__conformance/state`, state)).status).toBe(404);
    expect((await fetch(`${s.origin}/__conformance/state`, state)).status).toBe(404);
    expect((await fetch(`${s.origin}/v1/clients`)).status).toBe(404);
  });

  it('dumps the seeded tenant: apps, clients and a consent, sorted by id', async () => {
    const s = await standin();
    const dump = s.dump();
    expect(dump.apps.map((a) => a.app_id)).toEqual(['app-standin', 'app-standin-other']);
    expect(dump.clients.map((c) => c.client_id)).toEqual([
      'preexisting-mobile',
      'preexisting-other-app',
      'preexisting-portal',
      'standin-client',
    ]);
    expect(dump.consents.map((c) => c.consent_id)).toEqual(['preexisting-consent']);
  });

  it('answers 429 with Retry-After once the rate limit is spent, and counts it', async () => {
    const s = await standin({ ...QUIET, rateLimitPerSecond: 2 });
    // Twelve requests at once: whatever the machine's load, far more than two arrive in one second.
    const answers = await Promise.all(Array.from({ length: 12 }, () => fetch(`${s.apiUrl}/v1/clients`)));
    const statuses = answers.map((res) => res.status);
    for (const res of answers.filter((r) => r.status === 429)) expect(res.headers.get('retry-after')).toBe('1');
    expect(statuses.filter((st) => st === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((st) => st !== 429 && st !== 401)).toEqual([]);
    expect(s.stats()).toMatchObject({ requests: 12, tooManyRequests: statuses.filter((st) => st === 429).length });
  });
});

describe('the stand-in conditions', () => {
  it('503s only GET/PUT/DELETE, the same ones for the same seed, none when off', () => {
    const draw = (seed: number, rate: number, method: string) => {
      const decide = createDisturbances({ rateLimitPerSecond: 0, unavailableRate: rate, seed, latencyMs: 0 });
      return Array.from({ length: 200 }, () => decide(method)?.status ?? 200);
    };
    const get = draw(7, 0.2, 'GET');
    expect(get.filter((st) => st === 503).length).toBeGreaterThan(10);
    expect(draw(7, 0.2, 'GET')).toEqual(get);
    expect(draw(8, 0.2, 'GET')).not.toEqual(get);
    expect(draw(7, 0.2, 'delete').filter((st) => st === 503).length).toBeGreaterThan(10);
    expect(draw(7, 1, 'POST')).toEqual(Array(200).fill(200));
    expect(draw(7, 0, 'GET')).toEqual(Array(200).fill(200));
  });

  it('limits requests per one-second window', () => {
    let now = 0;
    const decide = createDisturbances({ rateLimitPerSecond: 2, unavailableRate: 0, seed: 1, latencyMs: 0 }, () => now);
    expect([decide('POST'), decide('POST'), decide('POST')].map((d) => d?.status ?? 200)).toEqual([200, 200, 429]);
    now = 1000;
    expect(decide('POST')).toBeUndefined();
  });
});

describe('cis-conformance sandbox-standin (flags)', () => {
  const io = { stdout: () => undefined, stderr: () => undefined, stopSignal: Promise.resolve() };
  const refusal = async (args: string[]): Promise<UsageError> => {
    const error = await sandboxStandinCommand.run(args, io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  };

  it('refuses a non-loopback interface and out-of-range conditions, naming the flag', async () => {
    expect((await refusal(['--host', '0.0.0.0'])).flag).toBe('--host');
    expect((await refusal(['--unavailable', '150'])).flag).toBe('--unavailable');
    expect((await refusal(['--rate-limit', '-1'])).flag).toBe('--rate-limit');
    expect((await refusal(['--choice', 'no-such-choice'])).message).toMatch(/no-such-choice/);
  });

  it('starts, says where and how to aim a run at it, and reports its traffic when stopped', async () => {
    const lines: string[] = [];
    const code = await sandboxStandinCommand.run(['--unavailable', '0', '--latency', '0'], {
      ...io,
      stdout: (line) => lines.push(line),
    });
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^sandbox stand-in listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines.join('\n')).toMatch(/run --target sandbox --live-origin http:\/\/127\.0\.0\.1:\d+/);
    expect(lines.join('\n')).not.toMatch(/standin-only-secret/);
    expect(lines.at(-1)).toMatch(/^sandbox stand-in served 0 request\(s\)/);
  });
});
