/**
 * An interrupted run finished by `cleanup`: clients created through the live send end up in the ledger; the run is
 * "killed" (its clean-up never runs); `cleanup --ledger` deletes exactly those (404 = already gone), marks them
 * done, and a second `cleanup` has nothing to do and sends nothing. A live `run` refuses to start next to a ledger
 * that still lists resources.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError, type CliIO } from '../../src/cli/command.js';
import { describeLedger, resolveCleanupOptions, runCleanup } from '../../src/cli/commands/cleanup.js';
import { createHttpClient } from '../../src/http/index.js';
import { runCommand } from '../../src/cli/commands/run.js';
import { appendLedgerEvent, ledgerFileOf, readLedger, startLedger } from '../../src/live/ledger.js';
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
async function interruptedRun(runId = 'r1', fresh = true): Promise<string> {
  const ledgerFile = ledgerFileOf(join(dir, 'run'), runId);
  if (fresh) rmSync(join(dir, 'run'), { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'run'), { recursive: true });
  const header = { baseUrl: BASE, tenant: SANDBOX_APP.tenantId, app: SANDBOX_APP.appId, runId, at: 'then' };
  // A second run started together with the first (before it had created anything) writes its header directly.
  if (fresh) startLedger(ledgerFile, header);
  else appendLedgerEvent(ledgerFile, { event: 'run', ...header });
  const http = createHttpClient({ timeoutMs: 2000, dispatcher: 'global' });
  const send = withLiveSafety(http.send, {
    baseUrl: BASE,
    runId,
    checkId: 'contract/CLIENTS-CREATE-201/c',
    ledgerFile,
    allowDestructive: false,
    appId: async () => SANDBOX_APP.appId,
    refuse: (reason) => new Error(reason),
  }).send;
  for (const id of ids(runId)) {
    replay('client-created', {
      body: { result: { client_id: id, name: `n-${runId}-${id}`, client_secret: `secret-of-${id}-xyz` } },
    });
    await send({
      method: 'POST',
      url: `${BASE}/v1/clients`,
      headers: { authorization: `Bearer ${CLIENT_TOKEN}` },
      body: JSON.stringify({ name: `n-${runId}-${id}` }),
    });
  }
  return ledgerFile;
}

const ids = (runId: string) => (runId === 'r1' ? ['sbxA1', 'sbxB2', 'sbxC3'] : [`sbx${runId}`]);
/** The app's clients as the sweep lists them: each created one under the name the run gave it. */
const listed = (...runIds: string[]) =>
  replay('client-list', {
    body: { result: runIds.flatMap((runId) => ids(runId).map((id) => ({ client_id: id, name: `n-${runId}-${id}` }))) },
  });

describe('cleanup options', () => {
  it('resolves the ledger, the host and a budget-free transport', () => {
    const config = resolveCleanupOptions(
      ['--ledger', 'r/ledger-ab12.jsonl', '--production', '--region', 'ca', '--rate', '2'],
      '/here',
      ENV,
    );
    expect(config).toEqual({
      ledgerFile: '/here/r/ledger-ab12.jsonl',
      host: { environment: 'production', region: 'ca' },
      transport: { ratePerSecond: 2, retries: 3, dispatcher: 'global' },
      timeoutMs: 10_000,
    });
  });

  it.each([
    [[], '--ledger', /--ledger FILE\|DIR is required/],
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
    listed('r1');
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
    listed('r1');
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

describe('ledgers per run in one report folder', () => {
  it('cleanup --ledger DIR finishes every ledger there; cleanup of one file leaves the other run alone', async () => {
    await interruptedRun('r1');
    const other = await interruptedRun('r2', false);
    const folder = join(dir, 'run');
    // One run's ledger: the other's entries stay pending (no request for sbxr2 is replayed).
    replay('token-client');
    listed('r1', 'r2');
    for (const id of ['sbxA1', 'sbxB2', 'sbxC3']) replay('client-deleted', { path: `/cis/v1/clients/${id}` });
    const one = io();
    expect(await runCleanup(resolveCleanupOptions(['--ledger', ledgerFileOf(folder, 'r1')], '/', ENV), one, ENV)).toBe(
      0,
    );
    expect(nock.isDone()).toBe(true);
    expect(readLedger(other).entries).toEqual([expect.objectContaining({ id: 'sbxr2', done: false })]);
    // The folder: r1 has nothing left, r2 is finished.
    replay('token-client');
    listed('r2');
    replay('client-deleted', { path: '/cis/v1/clients/sbxr2' });
    const all = io();
    expect(await runCleanup(resolveCleanupOptions(['--ledger', folder], '/', ENV), all, ENV)).toBe(0);
    expect(nock.isDone()).toBe(true);
    expect(all.out).toEqual([
      `Nothing to clean up: ${ledgerFileOf(folder, 'r1')} lists no resource left.`,
      '  client sbxr2 created by contract/CLIENTS-CREATE-201/c: deleted',
      `Cleaned up ${other}: 1 deleted, 0 already gone, 0 left.`,
    ]);
    const empty = io();
    expect(await runCleanup(resolveCleanupOptions(['--ledger', dir], '/', ENV), empty, ENV)).toBe(0);
    expect(empty.out).toEqual([`Nothing to clean up: ${dir} holds no ledger (ledger-*.jsonl).`]);
  });

  it('a live run refuses to start (exit 2, one line naming the cleanup) while a ledger there lists resources', async () => {
    const ledgerFile = await interruptedRun('r3');
    for (const [name, value] of Object.entries(ENV)) vi.stubEnv(name, value);
    try {
      const run = io();
      // No interceptor is replayed: a token request or any other would fail the run differently.
      const code = await runCommand.run(['--target', 'sandbox', '--report-dir', join(dir, 'run'), '--seed', '1'], run);
      expect(code).toBe(2);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toBe(
        `cis-conformance run: ${ledgerFile} lists 1 resource(s) an earlier run created and did not delete; finish it ` +
          `first with \`npx cis-conformance cleanup --ledger ${ledgerFile}\` (same target flags as that run), or choose another --report-dir`,
      );
      expect(run.out).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the line a live run prints about its ledger', () => {
  it('counts what was created: refused creates are not, abandoned ones are named apart', () => {
    const file = ledgerFileOf(mkdtempSync(join(dir, 'describe-')), 'd1');
    startLedger(file, { baseUrl: BASE, tenant: 't', app: 'a', runId: 'd1', at: 'then' });
    const client = { kind: 'client', app: 'a', runId: 'd1', createdBy: 'k', at: 'then' } as const;
    for (const ref of ['1', '2', '3', '4'])
      appendLedgerEvent(file, { event: 'pending', ...client, ref, name: `n-d1-${ref}` });
    appendLedgerEvent(file, { event: 'created', ...client, ref: '1', id: 'c1', name: 'n-d1-1', checked: true });
    appendLedgerEvent(file, { event: 'done', kind: 'client', id: 'c1', outcome: 'deleted', by: 'run', at: 'then' });
    appendLedgerEvent(file, { event: 'not-created', ref: '2', reason: 'answered 400', at: 'then' });
    appendLedgerEvent(file, { event: 'created', ...client, ref: '3', id: 'c3', name: 'n-d1-3' });
    appendLedgerEvent(file, { event: 'done', kind: 'client', id: 'c3', outcome: 'abandoned', by: 'run', at: 'then' });
    expect(describeLedger(file)).toBe(
      `Ledger ${file}: 3 resource(s) created, 1 deleted, 1 not deleted (not provably the run's: check by hand), ` +
        `1 left; finish with \`npx cis-conformance cleanup --ledger ${file}\``,
    );
  });
});
