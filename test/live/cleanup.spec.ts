import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, TargetError, type Send } from '../../src/http/index.js';
import { cleanupLedger } from '../../src/live/cleanup.js';
import { readLedger, startLedger } from '../../src/live/ledger.js';
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

function freshLedger(): string {
  const file = join(dir, `l${++n}.json`);
  startLedger(file, { baseUrl: BASE, tenant: SANDBOX_APP.tenantId, app: SANDBOX_APP.appId, at: 'now' });
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
const create = (send: Send, name: string) =>
  send({
    method: 'POST',
    url: `${BASE}/v1/clients`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, redirect_uris: ['https://app.example.test/cb'] }),
  });
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

  it('marks an unconfirmed create that never happened, and leaves entries of another app or a name without the run id', async () => {
    const ledgerFile = freshLedger();
    const failing: Send = async () => ({ status: 502, headers: {}, text: '', json: undefined });
    await create(checkSend(ledgerFile, failing), 'never-r7k2m9q1-2');
    await create(checkSend(ledgerFile, failing), 'Plain name');
    replay('client-list');
    const report = await sweep(ledgerFile);
    expect(report.left).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/name does not carry the run id r7k2m9q1/) }),
    ]);
    expect(readLedger(ledgerFile).entries.find((e) => e.name === 'never-r7k2m9q1-2')).toMatchObject({
      done: true,
      outcome: 'never-created',
    });
    const otherApp = await sweep(ledgerFile, 'anotherApp');
    expect(otherApp.left[0]?.reason).toMatch(/created in app sbxApp4Kp9Zt; the credentials are of app anotherApp/);
  });

  it('refuses a ledger written against another host', async () => {
    const ledgerFile = join(dir, 'eu.json');
    startLedger(ledgerFile, { baseUrl: 'https://api.eu.transmitsecurity.io/cis', tenant: 't', app: 'a', at: 'now' });
    await expect(sweep(ledgerFile)).rejects.toThrow(/was written against https:\/\/api\.eu\.transmitsecurity\.io\/cis/);
  });
});
