/**
 * The sandbox stand-in (issue 18): a loopback service that live mode (`run --target sandbox --live-origin URL`) can
 * run against in CI. One origin, like the live host: the reference emulator under `/cis` and the issuer's
 * `POST /oidc/token` (client_credentials against the tenant's registered credentials; a wrong secret is a 401). It
 * holds a tenant with apps, clients and consents no run created, limits the request rate (429 with `Retry-After`),
 * answers some GET/PUT/DELETE with 503, adds latency, and has no state hook. Its store is reachable only through the
 * programmatic handle (`dump()`), never over HTTP, so no check can read or change it by a side door.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChoicesSpec } from '../../reference/choices.js';
import { buildReferenceApp } from '../../reference/server.js';
import { createMemoryStore } from '../../reference/store/memoryStore.js';
import type { AppRecord, ClientRecord, ConsentRecord } from '../../reference/store/types.js';
import { createMinter } from '../issuer/minter.js';
import { handleTokenRequest } from '../issuer/tokenEndpoint.js';
import { BodyTooLarge, readCappedBody } from '../issuer/requestBody.js';
import { createDisturbances, DEFAULT_CONDITIONS, type ServiceConditions } from './conditions.js';
import { loadTenant, seedStore } from './tenant.js';

export const STANDIN_API_PREFIX = '/cis';
export const STANDIN_TOKEN_PATH = '/oidc/token';
// Above every body limit of the reference (which answers 413 itself); only a runaway upload stops here.
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

export interface StandinOptions {
  /** Default 127.0.0.1 (the stand-in is for loopback). */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  readonly packageRoot: string;
  /** The tenant file, absolute or relative to packageRoot; default fixtures/standin/tenant.json. */
  readonly tenantFile?: string;
  /** Reference choices switched on (reference/choices.ts): a changed behaviour for drift rehearsals. */
  readonly choices?: ChoicesSpec;
  readonly conditions?: Partial<ServiceConditions>;
}

export interface StoreDump {
  readonly apps: readonly AppRecord[];
  readonly clients: readonly ClientRecord[];
  readonly consents: readonly ConsentRecord[];
}

export interface StandinStats {
  /** Every request received, the refused and failed ones included. */
  readonly requests: number;
  readonly tokenRequests: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly tooManyRequests: number;
  readonly unavailable: number;
}

export interface RunningStandin {
  /** `http://127.0.0.1:PORT`: what `--live-origin` takes. */
  readonly origin: string;
  readonly apiUrl: string;
  readonly tokenUrl: string;
  /** The registered credential ids (never their secrets). */
  readonly credentialIds: readonly string[];
  readonly conditions: ServiceConditions;
  readonly choices: readonly string[];
  /** The store as it is now, each list sorted by id: for before/after comparisons. */
  dump(): StoreDump;
  stats(): StandinStats;
  close(): Promise<void>;
}

export async function startStandin(options: StandinOptions): Promise<RunningStandin> {
  const conditions: ServiceConditions = { ...DEFAULT_CONDITIONS, ...options.conditions };
  const tenant = loadTenant(options.packageRoot, options.tenantFile);
  const store = createMemoryStore();
  seedStore(store, tenant);
  const reference = await buildReferenceApp({
    packageRoot: options.packageRoot,
    store,
    stateHook: false,
    ...(options.choices !== undefined ? { choices: options.choices } : {}),
  });
  const minter = await createMinter({ packageRoot: options.packageRoot });
  const disturb = createDisturbances(conditions);
  const byStatus: Record<string, number> = {};
  let requests = 0;
  let tokenRequests = 0;

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    requests++;
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const path = url.split('?')[0] as string;
    const body = await readCappedBody(request, MAX_BODY_BYTES);
    if (conditions.latencyMs > 0) await sleep(conditions.latencyMs);
    const disturbance = disturb(method);
    if (disturbance?.status === 429) {
      return send(
        response,
        429,
        { message: 'Too many requests' },
        { 'retry-after': String(disturbance.retryAfterSeconds) },
      );
    }
    if (disturbance?.status === 503) return send(response, 503, { message: 'Service temporarily unavailable' });
    if (path === STANDIN_TOKEN_PATH) {
      tokenRequests++;
      if (method !== 'POST') {
        return send(
          response,
          405,
          { error: 'method_not_allowed', error_description: `${path} takes POST` },
          { allow: 'POST' },
        );
      }
      const result = await handleTokenRequest(
        {
          contentType: request.headers['content-type'],
          authorization: request.headers.authorization,
          body: body.toString('utf8'),
        },
        tenant.credentials,
        minter,
      );
      return send(response, result.status, result.body, result.headers);
    }
    if (path !== STANDIN_API_PREFIX && !path.startsWith(`${STANDIN_API_PREFIX}/`)) {
      return send(response, 404, { message: `no resource at ${path}` });
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    const injected = await reference.inject({
      method: method as 'GET',
      url: url.slice(STANDIN_API_PREFIX.length) || '/',
      headers,
      ...(body.length > 0 ? { payload: body } : {}),
    });
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(injected.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = Array.isArray(value) ? value : String(value);
    }
    count(injected.statusCode);
    response.writeHead(injected.statusCode, out);
    response.end(injected.rawPayload);
  };

  const count = (status: number): void => {
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  };
  const send = (response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void => {
    count(status);
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof BodyTooLarge)
        send(response, 413, { message: `body over ${MAX_BODY_BYTES} bytes` }, { connection: 'close' });
      else send(response, 500, { message: (error as Error).message });
    });
  });
  // Longer than any pause between a run's requests: a kept-alive socket the server closes while the client reuses
  // it would read as a reset (a network fault the stand-in does not mean to simulate).
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const byId =
    <T>(key: keyof T) =>
    (a: T, b: T) =>
      String(a[key]).localeCompare(String(b[key]));

  return {
    origin,
    apiUrl: origin + STANDIN_API_PREFIX,
    tokenUrl: origin + STANDIN_TOKEN_PATH,
    credentialIds: tenant.credentials.map((c) => c.client_id),
    conditions,
    choices:
      options.choices === undefined ? [] : typeof options.choices === 'string' ? [options.choices] : options.choices,
    dump: () => ({
      apps: tenant.apps
        .map((a) => store.getApp(a.tenant_id, a.app_id))
        .filter((a): a is AppRecord => a !== undefined)
        .sort(byId<AppRecord>('app_id')),
      clients: store.findClients(() => true).sort(byId<ClientRecord>('client_id')),
      consents: store.findConsents(() => true).sort(byId<ConsentRecord>('consent_id')),
    }),
    stats: () => ({
      requests,
      tokenRequests,
      byStatus: { ...byStatus },
      tooManyRequests: byStatus['429'] ?? 0,
      unavailable: byStatus['503'] ?? 0,
    }),
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await reference.close();
    },
  };
}
