import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, TargetError, type Send } from '../../src/http/index.js';
import { cleanupLedger } from '../../src/live/cleanup.js';
import { appendLedgerEvent, ledgerFileOf, readLedger, startLedger } from '../../src/live/ledger.js';
import { withLiveSafety } from '../../src/live/liveSend.js';
import { CLIENT_TOKEN, replay, SANDBOX, SANDBOX_APP } from './support/sandboxReplay.js';

const BASE = `${SANDBOX}/cis`;
const dir = mkdtempSync(join(tmpdir(), 'cis-cleanup-'));
const http = createHttpClient({ timeoutMs: 2000, dispatcher: 'global' });
let n = 0;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
  rmSync(dir, { recursive: true, force: true });
});

function freshLedger(runId = 'r7k2m9q1', folder = mkdtempSync(join(dir, `l${++n}-`))): string {
  const file = ledgerFileOf(folder, runId);
  startLedger(file, { baseUrl: BASE, tenant: SANDBOX_APP.tenantId, app: SANDBOX_APP.appId, runId, at: 'now' });
  return file;
}

/** A check's live send writing to `ledgerFile`, as the run would. */
function checkSend(ledgerFile: string, send: Send = http.send, runId = 'r7k2m9q1') {
  return withLiveSafety(send, {
    baseUrl: BASE,
    runId,
    checkId: 'semantics/CLIENTS-CREATE-201/x',
    ledgerFile,
    allowDestructive: false,
    appId: async () => SANDBOX_APP.appId,
    refuse: (reason) => new Error(reason),
  }).send;
}
const create = (send: Send, name: string, method: 'POST' | 'post' = 'POST') =>
  send({
    method: method as 'POST',
    url: `${BASE}/v1/clients`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, redirect_uris: ['https://app.example.test/cb'] }),
  });
const createdEvent = (id: string, name: string, runId: string) =>
  ({ event: 'created', kind: 'client', id, name, app: SANDBOX_APP.appId, runId, createdBy: 'k', at: 'now' }) as const;
const sweep = (ledgerFile: string, appId: string = SANDBOX_APP.appId) =>
  cleanupLedger({ ledgerFile, baseUrl: BASE, send: http.send, token: async () => CLIENT_TOKEN, appId, by: 'cleanup' });

describe('the ledger of a check and the clean-up', () => {
  it('records a create that got no answer by name, and the clean-up finds it by name and deletes it', async () => {
    const ledgerFile = freshLedger();
    const timingOut: Send = async () => {
      throw new TargetError('timeout', 'POST: no complete response within 2000 ms');
    };
    await expect(create(checkSend(ledgerFile, timingOut), 'lost-r7k2m9q1-1')).rejects.toThrow(/no complete response/);
    expect(readLedger(ledgerFile).entries).toEqual([expect.objectContaining({ name: 'lost-r7k2m9q1-1', done: false })]);
    replay('client-list', {
      body: { result: [{ client_id: 'sbxLost4', name: 'lost-r7k2m9q1-1', client_secret: 'x-secret-123456' }] },
    });
    replay('client-deleted', { path: '/cis/v1/clients/sbxLost4' });
    expect(await sweep(ledgerFile)).toMatchObject({ deleted: ['sbxLost4'], left: [] });
    expect(readLedger(ledgerFile).entries[0]).toMatchObject({ done: true, outcome: 'deleted' });
  });

  it('writes the pending line before the create is sent: a create that never answers is already in the ledger', async () => {
    const ledgerFile = freshLedger();
    let sent!: () => void;
    const reached = new Promise<void>((resolve) => (sent = resolve));
    const neverAnswers: Send = () => {
      sent();
      return new Promise(() => undefined); // Ctrl-C, a hang: the answer never comes
    };
    void create(checkSend(ledgerFile, neverAnswers), 'hung-r7k2m9q1-3', 'post');
    await reached;
    const lines = readFileSync(ledgerFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as object);
    expect(lines).toEqual([
      expect.objectContaining({ event: 'run', runId: 'r7k2m9q1' }),
      expect.objectContaining({ event: 'pending', name: 'hung-r7k2m9q1-3', runId: 'r7k2m9q1' }),
    ]);
    expect(readLedger(ledgerFile).entries.map((e) => [e.name, e.id, e.done])).toEqual([
      ['hung-r7k2m9q1-3', undefined, false],
    ]);
  });

  it('settles the pending line: the answered id, or closed when the answer created nothing', async () => {
    const ledgerFile = freshLedger();
    replay('client-created', { body: { result: { client_id: 'sbxMine1', name: 'ok-r7k2m9q1-4' } } });
    await create(checkSend(ledgerFile), 'ok-r7k2m9q1-4');
    const refusing: Send = async () => ({ status: 400, headers: {}, text: '{}', json: {} });
    await create(checkSend(ledgerFile, refusing), 'bad-r7k2m9q1-5');
    expect(readLedger(ledgerFile).entries.map((e) => [e.name, e.id, e.done, e.outcome])).toEqual([
      ['ok-r7k2m9q1-4', 'sbxMine1', false, undefined],
      ['bad-r7k2m9q1-5', undefined, true, 'not-created'],
    ]);
  });

  it("does not delete an answered id whose client's name lacks the run's prefix (another client's id)", async () => {
    const ledgerFile = freshLedger();
    // The server answers the create with an id but no name: the id is recorded, not yet trusted.
    replay('client-created', { body: { result: { client_id: 'sbxClient8Rw3' } } });
    await create(checkSend(ledgerFile), 'mine-r7k2m9q1-6');
    // Nor may a check change it by that id: the guard trusts only ids whose answer named the client as asked.
    await expect(
      checkSend(ledgerFile)({ method: 'DELETE', url: `${BASE}/v1/clients/sbxClient8Rw3`, headers: {} }),
    ).rejects.toThrow(/would change data this run did not create/);
    replay('client-list', {
      body: { result: [{ client_id: 'sbxClient8Rw3', name: 'Default client' }] },
    });
    // No DELETE is replayed: one would fail the sweep with "no match for request".
    const report = await sweep(ledgerFile);
    expect(report.deleted).toEqual([]);
    expect(report.left).toEqual([
      expect.objectContaining({
        what: expect.stringMatching(/client sbxClient8Rw3/),
        reason: expect.stringMatching(
          /names client sbxClient8Rw3 "Default client", without the run's prefix \(-r7k2m9q1-\): not deleted/,
        ),
      }),
    ]);
    // Marked abandoned, so it blocks no later run; a second sweep has nothing to do.
    expect(readLedger(ledgerFile).entries[0]).toMatchObject({ done: true, outcome: 'abandoned' });
    expect(await sweep(ledgerFile)).toMatchObject({ deleted: [], left: [] });
  });

  it('does not trust a create answer that names another client: it stays pending and is found by its own name', async () => {
    const ledgerFile = freshLedger();
    replay('client-created', { body: { result: { client_id: 'sbxClient8Rw3', name: 'Default client' } } });
    await create(checkSend(ledgerFile), 'asked-r7k2m9q1-7');
    expect(readLedger(ledgerFile).entries.map((e) => [e.name, e.id, e.reason])).toEqual([
      [
        'asked-r7k2m9q1-7',
        undefined,
        expect.stringMatching(/client sbxClient8Rw3 named "Default client", not the name sent/),
      ],
    ]);
    replay('client-list', { body: { result: [{ client_id: 'sbxClient8Rw3', name: 'Default client' }] } });
    expect(await sweep(ledgerFile)).toMatchObject({ deleted: [], left: [] });
    expect(readLedger(ledgerFile).entries[0]).toMatchObject({ done: true, outcome: 'never-created' });
  });

  it("keeps two runs' ledgers in one folder apart: cleaning one leaves the other's entries and clients", async () => {
    const folder = mkdtempSync(join(dir, 'shared-'));
    const a = freshLedger('runaaaa1', folder);
    appendLedgerEvent(a, createdEvent('sbxA1', 'a-runaaaa1-1', 'runaaaa1'));
    // The second run starts before the first has created anything, as two runs launched together would.
    const b = ledgerFileOf(folder, 'runbbbb2');
    appendLedgerEvent(b, {
      event: 'run',
      baseUrl: BASE,
      tenant: 't',
      app: SANDBOX_APP.appId,
      runId: 'runbbbb2',
      at: 'now',
    });
    appendLedgerEvent(b, createdEvent('sbxB1', 'b-runbbbb2-1', 'runbbbb2'));
    replay('client-list', {
      body: {
        result: [
          { client_id: 'sbxA1', name: 'a-runaaaa1-1' },
          { client_id: 'sbxB1', name: 'b-runbbbb2-1' },
        ],
      },
    });
    replay('client-deleted', { path: '/cis/v1/clients/sbxA1' });
    expect(await sweep(a)).toMatchObject({ deleted: ['sbxA1'], left: [] });
    expect(readLedger(b).entries).toEqual([expect.objectContaining({ id: 'sbxB1', done: false })]);
    expect(readLedger(a).entries).toEqual([expect.objectContaining({ id: 'sbxA1', done: true })]);
    expect(nock.isDone()).toBe(true);
  });

  it('marks an unconfirmed create that never happened, and leaves entries of another app or a name without the run id', async () => {
    const ledgerFile = freshLedger();
    const failing: Send = async () => ({ status: 502, headers: {}, text: '', json: undefined });
    await create(checkSend(ledgerFile, failing), 'never-r7k2m9q1-2');
    await create(checkSend(ledgerFile, failing), 'Plain name');
    const otherApp = await sweep(ledgerFile, 'anotherApp');
    expect(otherApp.left[0]?.reason).toMatch(/created in app sbxApp4Kp9Zt; the credentials are of app anotherApp/);
    replay('client-list');
    const report = await sweep(ledgerFile);
    expect(report.left).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/name does not carry the run id r7k2m9q1/) }),
    ]);
    expect(readLedger(ledgerFile).entries.find((e) => e.name === 'never-r7k2m9q1-2')).toMatchObject({
      done: true,
      outcome: 'never-created',
    });
    expect(readLedger(ledgerFile).entries.find((e) => e.name === 'Plain name')).toMatchObject({
      done: true,
      outcome: 'abandoned',
    });
  });

  it('refuses a ledger written against another host', async () => {
    const ledgerFile = join(mkdtempSync(join(dir, 'eu-')), 'ledger-eu.jsonl');
    startLedger(ledgerFile, { baseUrl: 'https://api.eu.transmitsecurity.io/cis', tenant: 't', app: 'a', at: 'now' });
    await expect(sweep(ledgerFile)).rejects.toThrow(/was written against https:\/\/api\.eu\.transmitsecurity\.io\/cis/);
  });
});
