/**
 * An interrupted run finished by `cleanup`: clients created through the live send end up in the ledger; the run is
 * "killed" (its clean-up never runs); `cleanup --ledger` deletes exactly those (404 = already gone), marks them
 * done, and a second `cleanup` has nothing to do and sends nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, type CliIO } from '../../src/cli/command.js';
import { resolveCleanupOptions, runCleanup } from '../../src/cli/commands/cleanup.js';
import { createHttpClient } from '../../src/http/index.js';
import { readLedger, startLedger } from '../../src/live/ledger.js';
import { withLiveSafety } from '../../src/live/liveSend.js';
import { CLIENT_TOKEN, ENV, replay, SANDBOX, SANDBOX_APP } from '../live/support/sandboxReplay.js';

const dir = mkdtempSync(join(tmpdir(), 'cis-cleanup-cli-'));
const BASE = `${SANDBOX}/cis`;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
  rmSync(dir, { recursive: true, force: true });
});

function io(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l), stopSignal: new Promise(() => undefined) };
}

function usageError(args: string[], env: Record<string, string> = ENV): UsageError {
  try {
    resolveCleanupOptions(args, '/here', env);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`no usage error for ${args.join(' ')}`);
}

/** A run that created three clients and was killed before its clean-up. */
async function interruptedRun(): Promise<string> {
  const ledgerFile = join(dir, 'run', 'ledger.json');
  rmSync(join(dir, 'run'), { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'run'));
  startLedger(ledgerFile, { baseUrl: BASE, tenant: SANDBOX_APP.tenantId, app: SANDBOX_APP.appId, at: 'then' });
  const http = createHttpClient({ timeoutMs: 2000, dispatcher: 'global' });
  const send = withLiveSafety(http.send, {
    baseUrl: BASE,
    runId: 'r1',
    checkId: 'contract/CLIENTS-CREATE-201/c',
    ledgerFile,
    allowDestructive: false,
    appId: async () => SANDBOX_APP.appId,
    refuse: (reason) => new Error(reason),
  }).send;
  for (const id of ['sbxA1', 'sbxB2', 'sbxC3']) {
    replay('client-created', {
      body: { result: { client_id: id, name: `n-${id}`, client_secret: `secret-of-${id}-xyz` } },
    });
    await send({
      method: 'POST',
      url: `${BASE}/v1/clients`,
      headers: { authorization: `Bearer ${CLIENT_TOKEN}` },
      body: '{}',
    });
  }
  return ledgerFile;
}

describe('cleanup options', () => {
  it('resolves the ledger, the host and a budget-free transport', () => {
    const config = resolveCleanupOptions(
      ['--ledger', 'r/ledger.json', '--production', '--region', 'ca', '--rate', '2'],
      '/here',
      ENV,
    );
    expect(config).toEqual({
      ledgerFile: '/here/r/ledger.json',
      host: { environment: 'production', region: 'ca' },
      transport: { ratePerSecond: 2, retries: 3, dispatcher: 'global' },
      timeoutMs: 10_000,
    });
  });

  it.each([
    [[], '--ledger', /--ledger FILE is required/],
    [['--ledger', 'l', '--target', 'http://x'], '--target', /must be sandbox/],
    [['--ledger', 'l', '--region', 'eu'], '--region', /needs --production/],
    [['--ledger', 'l', '--production', '--region', 'jp'], '--region', /one of us, eu, ca, au/],
    [['--ledger', 'l', '--max-requests', '3'], '--max-requests', /^unknown flag --max-requests/],
  ] as const)('rejects %j naming %s', (args, flag, message) => {
    const error = usageError([...args]);
    expect(error.flag).toBe(flag);
    expect(error.message).toMatch(message);
  });

  it('names the missing credential variables', () => {
    expect(usageError(['--ledger', 'l'], {}).message).toMatch(/set CIS_CLIENT_ID and CIS_CLIENT_SECRET/);
  });
});

describe('cleanup of an interrupted run', () => {
  it('deletes what the ledger lists and nothing else, marks it done, and a second pass does nothing', async () => {
    const ledgerFile = await interruptedRun();
    replay('token-client');
    replay('client-deleted', { path: '/cis/v1/clients/sbxA1' });
    replay('client-not-found', { method: 'DELETE', path: '/cis/v1/clients/sbxB2' });
    replay('client-deleted', { path: '/cis/v1/clients/sbxC3' });
    const first = io();
    const config = resolveCleanupOptions(['--ledger', ledgerFile, '--rate', '100'], '/', ENV);
    expect(await runCleanup(config, first, ENV)).toBe(0);
    expect(nock.isDone()).toBe(true);
    expect(first.out.at(-1)).toBe(`Cleaned up ${ledgerFile}: 2 deleted, 1 already gone, 0 left.`);
    expect(first.out.filter((l) => /client sbx\w+ created by/.test(l))).toHaveLength(3);
    expect(readLedger(ledgerFile).entries.map((e) => [e.id, e.done, e.outcome])).toEqual([
      ['sbxA1', true, 'deleted'],
      ['sbxB2', true, 'gone'],
      ['sbxC3', true, 'deleted'],
    ]);
    const second = io();
    expect(await runCleanup(config, second, ENV)).toBe(0); // no interceptor is left: any request would fail
    expect(second.out).toEqual([`Nothing to clean up: ${ledgerFile} lists no resource left.`]);
    for (const text of [...first.out, ...first.err, readFileSync(ledgerFile, 'utf8')]) {
      expect(text).not.toContain(ENV.CIS_CLIENT_SECRET);
      expect(text).not.toContain(CLIENT_TOKEN);
      expect(text).not.toContain('secret-of-sbxA1');
    }
  });

  it('exits 1 naming what is left, and 2 for a refused token or a ledger of another host', async () => {
    const ledgerFile = await interruptedRun();
    const config = resolveCleanupOptions(['--ledger', ledgerFile, '--rate', '100', '--retries', '0'], '/', ENV);
    replay('token-client');
    replay('client-deleted', { path: '/cis/v1/clients/sbxA1' });
    replay('service-unavailable', { method: 'DELETE', path: '/cis/v1/clients/sbxB2' });
    replay('client-deleted', { path: '/cis/v1/clients/sbxC3' });
    const partial = io();
    expect(await runCleanup(config, partial, ENV)).toBe(1);
    expect(partial.out).toContain(
      '  left: client sbxB2 created by contract/CLIENTS-CREATE-201/c: DELETE /v1/clients/sbxB2 answered 503',
    );

    replay('token-invalid-client');
    const refused = io();
    expect(await runCleanup(config, refused, ENV)).toBe(2);
    expect(refused.err[0]).toMatch(/answered 401 for client sbxClient8Rw3 \(invalid_client/);

    const eu = resolveCleanupOptions(['--ledger', ledgerFile, '--production', '--region', 'eu'], '/', ENV);
    nock('https://api.eu.transmitsecurity.io')
      .post('/oidc/token')
      .reply(200, { access_token: CLIENT_TOKEN, expires_in: 3600 });
    const wrongHost = io();
    expect(await runCleanup(eu, wrongHost, ENV)).toBe(2);
    expect(wrongHost.err[0]).toMatch(
      /was written against https:\/\/api\.sbx\.transmitsecurity\.io\/cis, not https:\/\/api\.eu/,
    );
  });
});
