import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendLedgerEvent, ledgerFileOf, readLedger } from '../../src/live/ledger.js';
import { openTarget, targetLabelOf, type SandboxTargetSpec } from '../../src/targets/index.js';
import { CLIENT_TOKEN, ENV, packageRoot, replay, SANDBOX_APP } from '../live/support/sandboxReplay.js';

const dir = mkdtempSync(join(tmpdir(), 'cis-sandbox-target-'));
let n = 0;
const spec = (extra: Partial<SandboxTargetSpec> = {}): SandboxTargetSpec => ({
  kind: 'sandbox',
  host: { environment: 'sandbox' },
  transport: { ratePerSecond: 100, maxRequests: 10, retries: 0 },
  ledgerDir: join(dir, `run${++n}`),
  ...extra,
});
const open = (s: SandboxTargetSpec, env: Record<string, string> = ENV, runId = `r${n}run`) =>
  openTarget({ spec: s, timeoutMs: 2000, packageRoot, env, runId });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
  rmSync(dir, { recursive: true, force: true });
});

describe('the sandbox target', () => {
  it('learns the app from a real token, starts the ledger and configures live tokens, pacing and safety', async () => {
    replay('token-client');
    const s = spec();
    const target = await open(s, ENV, 'ab12cd34');
    const ledgerFile = ledgerFileOf(s.ledgerDir, 'ab12cd34');
    expect(ledgerFile).toMatch(/run\d+\/ledger-ab12cd34\.jsonl$/);
    expect(target).toMatchObject({
      label: 'sandbox',
      baseUrl: 'https://api.sbx.transmitsecurity.io/cis',
      stateUrl: null,
      stateUnavailableReason: 'the live service has no state hook; consents come from the consent flow',
      problems: [],
      suiteConfig: {
        tokens: { kind: 'sandbox', tokenUrl: 'https://api.sbx.transmitsecurity.io/oidc/token' },
        transport: { ratePerSecond: 100, maxRequests: 10, retries: 0, dispatcher: 'global' },
        live: { ledgerFile, allowDestructive: false },
      },
    });
    expect(target.suiteConfig?.transport?.gateFile).toMatch(/cis-conformance-gate-/);
    expect(readLedger(ledgerFile).run).toMatchObject({
      app: SANDBOX_APP.appId,
      tenant: SANDBOX_APP.tenantId,
      runId: 'ab12cd34',
    });
    await target.close();
    expect(nock.isDone()).toBe(true);
  });

  it('names production targets by region and asks their own token endpoint', async () => {
    expect(targetLabelOf(spec({ host: { environment: 'production', region: 'eu' } }))).toBe('production-eu');
    nock('https://api.eu.transmitsecurity.io')
      .post('/oidc/token')
      .reply(200, { access_token: CLIENT_TOKEN, token_type: 'Bearer', expires_in: 3600 });
    const target = await open(spec({ host: { environment: 'production', region: 'eu' } }));
    expect(target.baseUrl).toBe('https://api.eu.transmitsecurity.io/cis');
    await target.close();
  });

  it("allows delete-all only when --disposable-app is the token's own app; otherwise a run problem", async () => {
    replay('token-client', { times: 2 });
    const own = await open(spec({ disposableApp: SANDBOX_APP.appId }));
    expect(own.suiteConfig?.live?.allowDestructive).toBe(true);
    await own.close();
    const other = await open(spec({ disposableApp: 'someoneElsesApp' }));
    expect(other.suiteConfig?.live?.allowDestructive).toBe(false);
    expect(other.problems).toEqual([
      expect.stringMatching(/--disposable-app someoneElsesApp is not the token's own app \(sbxApp4Kp9Zt\)/),
    ]);
    await other.close();
  });

  it('fails to open on refused credentials, naming the answer and never the secret', async () => {
    replay('token-invalid-client');
    const failure = (await open(spec()).catch((error: unknown) => error)) as Error;
    expect(failure.message).toMatch(/answered 401 for client sbxClient8Rw3 \(invalid_client/);
    expect(failure.message).not.toContain(ENV.CIS_CLIENT_SECRET);
    await expect(open(spec(), {})).rejects.toThrow(/set CIS_CLIENT_ID and CIS_CLIENT_SECRET/);
  });

  it('refuses to start next to an unfinished ledger (before any request), and its close names what it could not delete', async () => {
    replay('token-client');
    const s = spec();
    const target = await open(s, ENV, 'stuck001');
    appendLedgerEvent(ledgerFileOf(s.ledgerDir, 'stuck001'), {
      event: 'created',
      kind: 'client',
      id: 'sbxStuck1',
      name: 'stuck-stuck001-1',
      app: SANDBOX_APP.appId,
      runId: 'stuck001',
      createdBy: 'contract/X/y',
      at: new Date().toISOString(),
    });
    // Another run in the same report folder: refused before its token request (none is replayed).
    await expect(open({ ...spec(), ledgerDir: s.ledgerDir }, ENV, 'second01')).rejects.toThrow(
      /ledger-stuck001\.jsonl lists 1 resource\(s\) an earlier run created.*cleanup --ledger/,
    );
    replay('client-list', { body: { result: [{ client_id: 'sbxStuck1', name: 'stuck-stuck001-1' }] } });
    replay('service-unavailable', { method: 'DELETE', path: '/cis/v1/clients/sbxStuck1' });
    await expect(target.close()).rejects.toThrow(
      /clean-up left 1 resource\(s\) \(client sbxStuck1 .*answered 503\); finish it with `npx cis-conformance cleanup --ledger .* --target sandbox`/,
    );
  });
});
