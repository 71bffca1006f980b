/**
 * Pact provider verification end to end: the committed contracts against the reference, started in-process and
 * reached through a recording proxy that serves it under `/cis` (as the sandbox's base URL has a path).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/server.js';
import { createMinter, type Minter } from '../../src/issuer/minter.js';
import { verifyContracts, type VerifyContractsOptions } from '../../src/pact/verify.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const contractsDir = `${packageRoot}contracts`;

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: string;
}

interface PrefixProxy {
  readonly url: string;
  readonly seen: Seen[];
  /** Answer state-hook calls with this status instead of forwarding them. */
  refuseStates: number | null;
  close(): Promise<void>;
}

const PREFIX = '/cis';

/** Serves `upstream` under `/cis` on 127.0.0.1 and records every request it forwards. */
async function startPrefixProxy(upstream: string): Promise<PrefixProxy> {
  const target = new URL(upstream);
  const proxy: PrefixProxy = { url: '', seen: [], refuseStates: null, close: async () => undefined };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = req.url ?? '/';
      proxy.seen.push({
        method: req.method ?? '',
        path,
        authorization: req.headers.authorization,
        body: body.toString(),
      });
      if (!path.startsWith(`${PREFIX}/`)) return void res.writeHead(404).end('{"message":"outside /cis"}');
      if (proxy.refuseStates !== null && path.includes('/__conformance/state')) {
        return void res
          .writeHead(proxy.refuseStates, { 'content-type': 'application/json' })
          .end('{"message":"refused"}');
      }
      const forward = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: path.slice(PREFIX.length),
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

let clean: RunningReference;
let faulty: RunningReference;
let proxy: PrefixProxy;
let minter: Minter;

beforeAll(async () => {
  [clean, faulty, minter] = await Promise.all([
    startReference(),
    startReference({ fault: 'create-status-200' }),
    createMinter({ packageRoot }),
  ]);
  proxy = await startPrefixProxy(clean.url);
});

afterAll(async () => {
  await proxy?.close();
  await Promise.all([clean?.close(), faulty?.close()]);
});

function against(reference: RunningReference, extra: Partial<VerifyContractsOptions> = {}): VerifyContractsOptions {
  return { baseUrl: reference.url, stateUrl: reference.stateUrl, minter, contractsDir, logLevel: 'error', ...extra };
}

describe('verifyContracts', () => {
  it('verifies all 29 interactions of the three consumers against the reference behind /cis, with run-unique ids and real tokens', async () => {
    proxy.seen.length = 0;
    const result = await verifyContracts({
      ...against(clean),
      baseUrl: proxy.url,
      stateUrl: `${proxy.url}/__conformance/state`,
      runTag: 'tagA',
    });
    expect(result.interactions.filter((i) => !i.passed)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.interactions).toHaveLength(29);
    expect(result.runs.map((r) => [r.consumer, r.passed])).toEqual([
      ['cis-account-page', true],
      ['cis-admin-console', true],
      ['cis-consent-manager', true],
    ]);
    // Every request kept the /cis prefix of the base URL.
    expect(proxy.seen.filter((s) => !s.path.startsWith(`${PREFIX}/`))).toEqual([]);
    const hookCalls = proxy.seen.filter((s) => s.path.endsWith('/__conformance/state'));
    const api = proxy.seen.filter((s) => s.path.startsWith(`${PREFIX}/v1/`));
    expect(api.length).toBeGreaterThanOrEqual(29);
    for (const call of hookCalls) {
      const { params } = JSON.parse(call.body) as { params: Record<string, string> };
      for (const id of ['tenant_id', 'app_id', 'client_id'] as const) expect(params[id]).toMatch(/-tagA\d-\d+$/);
    }
    for (const request of api) {
      expect(request.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      const claims = decodeJwt((request.authorization as string).slice('Bearer '.length));
      if (request.path.startsWith(`${PREFIX}/v1/consents/me`)) {
        expect(claims.sub).not.toBe(claims['client_id']);
        expect(claims.sub).toMatch(/^pact-account-page-user-tagA\d-\d+$/);
      } else if (request.path.startsWith(`${PREFIX}/v1/clients`)) {
        // The admin console's token; the verifier's own read of the default client's name asks only to read.
        const granted = claims['ts_permissions'] as string[];
        const app = String(claims['app_id']);
        expect(granted).toEqual(
          granted.length === 1 ? [`${app}:read`] : ['read', 'create', 'edit', 'delete'].map((a) => `${app}:${a}`),
        );
      } else {
        expect(claims['ts_permissions']).toEqual(['consents:read', 'consents:delete']);
      }
    }
  });

  it('fails the create interaction, and only it, against the create-status-200 fault', async () => {
    const result = await verifyContracts(against(faulty, { consumers: ['cis-admin-console'] }));
    expect(result.passed).toBe(false);
    expect(result.interactions).toHaveLength(15);
    expect(result.interactions.filter((i) => !i.passed)).toEqual([
      {
        consumer: 'cis-admin-console',
        description: 'a request to create an OIDC client',
        passed: false,
        mismatch: 'status: expected 201 but was 200',
      },
    ]);
  });

  it('fails every interaction when the target rejects the tokens (another issuer)', async () => {
    const foreign = await createMinter({ packageRoot, iss: 'https://issuer.example.test' });
    const result = await verifyContracts(against(clean, { minter: foreign, consumers: ['cis-account-page'] }));
    expect(result.interactions).toHaveLength(4);
    for (const verdict of result.interactions) {
      expect(verdict).toMatchObject({ passed: false });
      expect(verdict.notVerified).toBeUndefined();
      expect(verdict.mismatch).toMatch(/^status: .*\b401\b/);
    }
  });

  it('fails every interaction as not verified when the state hook refuses the states', async () => {
    proxy.refuseStates = 500;
    try {
      const result = await verifyContracts({
        ...against(clean, { consumers: ['cis-account-page'] }),
        baseUrl: proxy.url,
        stateUrl: `${proxy.url}/__conformance/state`,
      });
      expect(result.passed).toBe(false);
      for (const verdict of result.interactions) {
        expect(verdict).toMatchObject({ passed: false, notVerified: true });
        expect(verdict.mismatch).toMatch(
          /^provider state 'an app exists' could not be set up: state hook setup .* answered 500/,
        );
      }
    } finally {
      proxy.refuseStates = null;
    }
  });

  it('names a consumer that has no contract', async () => {
    await expect(verifyContracts(against(clean, { consumers: ['cis-nobody'] }))).rejects.toThrow(
      /no contract for consumer cis-nobody \(contracts hold: cis-account-page, cis-admin-console, cis-consent-manager\)/,
    );
  });
});
