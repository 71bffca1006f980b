/**
 * Pact provider verification end to end: the committed contracts against the reference, started in-process and
 * reached through a recording proxy that serves it under `/cis` (as the sandbox's base URL has a path).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/server.js';
import { createMinter, type Minter } from '../../src/issuer/minter.js';
import { PACT_CONSUMERS } from '../../src/pact/consumers.js';
import { verifyContracts, type VerifyContractsOptions } from '../../src/pact/verify.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const contractsDir = `${packageRoot}contracts`;
const catalog = loadCatalog(packageRoot);

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

/**
 * A contracts folder holding the consent manager's "get a consent" interaction as committed, and three copies
 * that expect a field no target sends, each naming a requirement of another evidence level.
 */
function brokenContracts(
  levels: readonly ('documented' | 'inferred' | 'observation')[] = ['documented', 'inferred', 'observation'],
): string {
  const dir = mkdtempSync(join(tmpdir(), 'cis-pact-evidence-'));
  const file = 'cis-consent-manager-cis-api.json';
  interface Interaction {
    description: string;
    comments?: Record<string, string>;
    response: {
      body: { content: { result: Record<string, unknown> } };
      matchingRules: { body: Record<string, unknown> };
    };
  }
  const pact = JSON.parse(readFileSync(join(contractsDir, file), 'utf8')) as { interactions: Interaction[] };
  const original = pact.interactions.find((i) => i.description === 'a request to get a consent');
  if (!original) throw new Error('the consent manager contract has no "a request to get a consent"');
  const of = (evidence: string) =>
    catalog.requirements.find((r) => r.operation === 'GET /v1/consents/{consentId}' && r.evidence === evidence)?.id;
  const broken = levels.map((evidence) => {
    const copy = structuredClone(original);
    copy.description = `a request to get a consent (${evidence}, broken)`;
    copy.comments = { requirements: ['CONSENTS-GET-200', of(evidence)].join(' ') };
    copy.response.body.content.result['not_in_the_docs'] = 'x';
    copy.response.matchingRules.body['$.result.not_in_the_docs'] = {
      combine: 'AND',
      matchers: [{ match: 'type' }],
    };
    return copy;
  });
  writeFileSync(join(dir, file), JSON.stringify({ ...pact, interactions: [original, ...broken] }));
  return dir;
}

function against(reference: RunningReference, extra: Partial<VerifyContractsOptions> = {}): VerifyContractsOptions {
  return {
    baseUrl: reference.url,
    stateUrl: reference.stateUrl,
    minter,
    catalog,
    contractsDir,
    logLevel: 'error',
    ...extra,
  };
}

describe('verifyContracts', () => {
  it('verifies all 15 interactions of the three consumers against the reference behind /cis, with run-unique ids and real tokens', async () => {
    proxy.seen.length = 0;
    const result = await verifyContracts({
      ...against(clean),
      baseUrl: proxy.url,
      stateUrl: `${proxy.url}/__conformance/state`,
      runTag: 'tagA',
    });
    expect(result.interactions.filter((i) => !i.passed)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.interactions).toHaveLength(15);
    expect(result.interactions.map((i) => i.verdict)).toEqual(Array(15).fill('passed'));
    expect(result.runs.map((r) => [r.consumer, r.passed])).toEqual([
      ['cis-account-page', true],
      ['cis-admin-console', true],
      ['cis-consent-manager', true],
    ]);
    // Every request kept the /cis prefix of the base URL.
    expect(proxy.seen.filter((s) => !s.path.startsWith(`${PREFIX}/`))).toEqual([]);
    const hookCalls = proxy.seen.filter((s) => s.path.endsWith('/__conformance/state'));
    const api = proxy.seen.filter((s) => s.path.startsWith(`${PREFIX}/v1/`));
    expect(api.length).toBeGreaterThanOrEqual(15);
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
        // The admin console's token: every permission listed for its operations, `[appId]` filled in.
        const app = String(claims['app_id']);
        const expected = PACT_CONSUMERS.adminConsole.token.permissions.map((p) => p.replace('[appId]', app));
        expect(claims['ts_permissions']).toEqual(expected);
      } else {
        const app = String(claims['app_id']);
        const expected = PACT_CONSUMERS.consentManager.token.permissions.map((p) => p.replace('[appId]', app));
        expect(claims['ts_permissions']).toEqual(expected);
      }
    }
  });

  it('fails the create interaction, and only it, against the create-status-200 fault', async () => {
    const result = await verifyContracts(against(faulty, { consumers: ['cis-admin-console'] }));
    expect(result.passed).toBe(false);
    expect(result.interactions).toHaveLength(7);
    expect(result.interactions.filter((i) => !i.passed)).toEqual([
      {
        consumer: 'cis-admin-console',
        description: 'a request to create an OIDC client',
        passed: false,
        mismatch: 'status: expected 201 but was 200',
        requirements: ['CLIENTS-CREATE-201'],
        judgedBy: { id: 'CLIENTS-CREATE-201', evidence: 'documented' },
        verdict: 'failed',
      },
    ]);
  });

  it('fails every interaction when the target rejects the tokens (another issuer)', async () => {
    const foreign = await createMinter({ packageRoot, iss: 'https://issuer.example.test' });
    const result = await verifyContracts(against(clean, { minter: foreign, consumers: ['cis-account-page'] }));
    expect(result.interactions).toHaveLength(1);
    for (const verdict of result.interactions) {
      expect(verdict).toMatchObject({ passed: false, verdict: 'failed' });
      expect(verdict.notVerified).toBeUndefined();
      expect(verdict.mismatch).toMatch(/^status: .*\b401\b/);
    }
  });

  it('fails every interaction as not verified when the state hook refuses the states', async () => {
    proxy.refuseStates = 500;
    proxy.seen.length = 0;
    try {
      const result = await verifyContracts({
        ...against(clean, { consumers: ['cis-account-page'] }),
        baseUrl: proxy.url,
        stateUrl: `${proxy.url}/__conformance/state`,
      });
      expect(result.passed).toBe(false);
      for (const verdict of result.interactions) {
        expect(verdict).toMatchObject({ passed: false, notVerified: true, verdict: 'error' });
        expect(verdict.mismatch).toMatch(
          /^provider state 'an app exists' could not be set up: state hook setup .* answered 500/,
        );
      }
      // An interaction that could not be set up is not sent: Pact's own verdict fails it too.
      expect(proxy.seen.filter((s) => s.path.startsWith(`${PREFIX}/v1/`))).toEqual([]);
    } finally {
      proxy.refuseStates = null;
    }
  });

  it('judges a broken interaction by the evidence of what it names: documented fails, inferred warns, observation is observed', async () => {
    const dir = brokenContracts();
    try {
      const result = await verifyContracts(against(clean, { contractsDir: dir }));
      expect(result.interactions.map((i) => [i.description, i.passed, i.verdict])).toEqual([
        ['a request to get a consent', true, 'passed'],
        ['a request to get a consent (documented, broken)', false, 'failed'],
        ['a request to get a consent (inferred, broken)', false, 'warning'],
        ['a request to get a consent (observation, broken)', false, 'observed'],
      ]);
      expect(result.interactions[2]?.mismatch).toMatch(/not_in_the_docs/);
      expect(result.passed).toBe(false);
      // Pact's own verdict on the file is that it failed: what a published verification result would say.
      expect(result.runs.map((r) => r.passed)).toEqual([false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a consumer that has no contract', async () => {
    await expect(verifyContracts(against(clean, { consumers: ['cis-nobody'] }))).rejects.toThrow(
      /no contract for consumer cis-nobody \(contracts hold: cis-account-page, cis-admin-console, cis-consent-manager\)/,
    );
  });
});
