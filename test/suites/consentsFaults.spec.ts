/**
 * The Consents suites bite: a target with planted Consents defects fails the run naming each broken rule.
 *
 * The reference's fault registry has no Consents defect in these families yet, so the defects are planted by a
 * proxy in front of a real reference (the "broken implementation"); each defect touches one operation only, so
 * one run proves them all. Registry faults that violate a rule of this scope, once added, are run below too.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS } from '../../reference/faults.js';
import { startReference, type RunningReference } from '../../reference/server.js';
import { runConformance, type RunConfig } from '../../src/engine/index.js';
import { findPackageRoot } from '../../src/engine/packageRoot.js';
import { createMinter, type Minter } from '../../src/issuer/minter.js';
import type { CheckRecord } from '../../src/model/checkRecord.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

const FAMILIES = ['contract', 'semantics', 'robustness'];
const CONSENTS = /^(CONSENTS|MANAGE-CONSENTS|ME-CONSENTS)-/;
const packageRoot = findPackageRoot();
const scope = new Set(
  loadCatalog(packageRoot)
    .requirements.filter((r) => CONSENTS.test(r.id) && FAMILIES.includes(r.family))
    .map((r) => r.id),
);

interface Answer {
  readonly status: number;
  readonly type?: string;
  readonly body: string;
}
interface Incoming {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}
type Upstream = (method: string, url: string, headers: Record<string, string>, body?: Buffer) => Promise<Answer>;
/** One planted defect: an answer for the requests it breaks, or undefined to let the request through untouched. */
type Defect = (req: Incoming, upstream: Upstream, minter: Minter) => Promise<Answer | undefined>;

const json = (value: unknown, status = 200): Answer => ({
  status,
  type: 'application/json',
  body: JSON.stringify(value),
});
const pathOf = (url: string): string => url.split('?')[0] ?? url;
const queryOf = (url: string): URLSearchParams => new URLSearchParams(url.split('?')[1] ?? '');
const withQuery = (url: string, query: URLSearchParams): string =>
  query.size > 0 ? `${pathOf(url)}?${query}` : pathOf(url);
const PAIR_DELETE = /^\/v1\/consents\/clients\/[^/]+\/users\/[^/]+$/;
const MANAGE_DELETE = /^\/v1\/manage\/consents\/clients\/[^/]+\/users\/[^/]+$/;
const ME_REVOKE = /^\/v1\/consents\/me\/clients\/([^/]+)$/;

/** A client token of the app that a user token belongs to: what a leaking /me implementation would use. */
async function appToken(req: Incoming, minter: Minter, permission: string): Promise<string> {
  const token = (req.headers['authorization'] ?? '').replace(/^Bearer /, '');
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    string
  >;
  const spec = {
    tenantId: claims['tid'] ?? '',
    appId: claims['app_id'] ?? '',
    appName: 'leak',
    clientId: claims['client_id'] ?? '',
  };
  return minter.client({ ...spec, permissions: [permission] });
}

const DEFECTS: Record<string, Defect> = {
  // GET /v1/consents ignores client_id and user_id (the manage list keeps its filters).
  'list filters ignored': async (req, up) => {
    if (req.method !== 'GET' || pathOf(req.url) !== '/v1/consents') return undefined;
    const query = queryOf(req.url);
    query.delete('client_id');
    query.delete('user_id');
    return up('GET', withQuery(req.url, query), req.headers);
  },
  // The user delete ignores consent_id, and answers 204 where the reference answers 200.
  'user delete ignores consent_id': async (req, up) => {
    if (req.method !== 'DELETE' || !PAIR_DELETE.test(pathOf(req.url))) return undefined;
    const query = queryOf(req.url);
    query.delete('consent_id');
    const answer = await up('DELETE', withQuery(req.url, query), req.headers);
    return answer.status === 200 ? { status: 204, body: '' } : answer;
  },
  'manage delete is a no-op': async (req) =>
    req.method === 'DELETE' && MANAGE_DELETE.test(pathOf(req.url)) ? { status: 200, body: '' } : undefined,
  'manage list without app_id accepted': async (req) =>
    req.method === 'GET' && pathOf(req.url) === '/v1/manage/consents' && !queryOf(req.url).has('app_id')
      ? json({ result: [] })
      : undefined,
  // GET /v1/consents/me answers every consent of the app, whoever the caller.
  '/me list leaks other users': async (req, up, minter) => {
    if (req.method !== 'GET' || pathOf(req.url) !== '/v1/consents/me') return undefined;
    // Only once the caller is authenticated: a leak, not a crash on a missing token.
    const answer = await up('GET', req.url, req.headers);
    if (answer.status !== 200) return answer;
    return up('GET', '/v1/consents', { authorization: `Bearer ${await appToken(req, minter, 'consents:read')}` });
  },
  // DELETE /v1/consents/me/clients/{c} also revokes the other users' consents for client c.
  '/me revoke takes other users': async (req, up, minter) => {
    const match = ME_REVOKE.exec(pathOf(req.url));
    if (req.method !== 'DELETE' || !match) return undefined;
    const answer = await up('DELETE', req.url, req.headers);
    if (answer.status < 200 || answer.status > 299) return answer;
    const read = { authorization: `Bearer ${await appToken(req, minter, 'consents:read')}` };
    const remove = { authorization: `Bearer ${await appToken(req, minter, 'consents:delete')}` };
    const listed = JSON.parse((await up('GET', `/v1/consents?client_id=${match[1]}`, read)).body) as {
      result: Array<{ user_id: string }>;
    };
    for (const userId of new Set(listed.result.map((c) => c.user_id))) {
      await up('DELETE', `/v1/consents/clients/${match[1]}/users/${encodeURIComponent(userId)}`, remove);
    }
    return answer;
  },
  // GET /v1/consents/{id}: a 500 on a prototype key, client_name on the consent, timestamps in seconds.
  'get by id: 500 on __proto__, client_name, seconds': async (req, up) => {
    const path = pathOf(req.url);
    if (req.method !== 'GET' || !path.startsWith('/v1/consents/') || path === '/v1/consents/me') return undefined;
    if (path.includes('__proto__'))
      return json({ message: 'Cannot read properties of undefined', error_code: 500 }, 500);
    const answer = await up('GET', req.url, req.headers);
    if (answer.status !== 200) return answer;
    const body = JSON.parse(answer.body) as { result: Record<string, unknown> };
    for (const field of ['created_at', 'updated_at', 'expires_at'])
      body.result[field] = Math.floor(Number(body.result[field]) / 1000);
    return json({ result: { ...body.result, client_name: 'leaked name' } });
  },
};

/** Forwards to the reference over node:http (which, unlike fetch, sends a body on GET as the suites do). */
function upstreamTo(base: string): Upstream {
  return (method, url, headers, body) =>
    new Promise((resolve, reject) => {
      const hopByHop = ['host', 'connection', 'content-length', 'transfer-encoding'];
      const forwarded: Record<string, string> = Object.fromEntries(
        Object.entries(headers).filter(([name]) => !hopByHop.includes(name)),
      );
      if (body && body.length > 0) forwarded['content-length'] = String(body.length);
      const out = httpRequest(`${base}${url}`, { method, headers: forwarded }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 502,
            type: res.headers['content-type'],
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      out.on('error', reject);
      out.end(body && body.length > 0 ? body : undefined);
    });
}

async function readIncoming(req: IncomingMessage): Promise<Incoming> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
  );
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers, body: Buffer.concat(chunks) };
}

const servers: Server[] = [];
let reference: RunningReference;
let minter: Minter;

/** A proxy on 127.0.0.1 in front of the reference, with `defects` switched on. */
async function brokenTarget(defects: readonly Defect[]): Promise<string> {
  const up = upstreamTo(reference.url);
  const server = createServer((req, res) => {
    void (async () => {
      const incoming = await readIncoming(req);
      let answer: Answer | undefined;
      for (const defect of defects) answer ??= await defect(incoming, up, minter);
      answer ??= await up(incoming.method, incoming.url, incoming.headers, incoming.body);
      res.writeHead(answer.status, answer.type ? { 'content-type': answer.type } : {}).end(answer.body);
    })().catch((error: unknown) => res.writeHead(599).end(String(error)));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function config(target: RunConfig['target']): RunConfig {
  return { target, suites: FAMILIES, seed: 5, runs: 3, strict: false, reportDir: '/unused', requestTimeoutMs: 10_000 };
}

const recordOf = (checks: readonly CheckRecord[], requirement: string): CheckRecord | undefined =>
  checks.find((c) => c.requirement === requirement);

beforeAll(async () => {
  reference = await startReference({ packageRoot });
  minter = await createMinter({ packageRoot });
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await reference?.close();
});

describe('Consents suites against a target with planted defects', () => {
  it('fail or warn on each planted defect, naming the broken rule, and leave unbroken neighbours passing', async () => {
    const { results, exitCode } = await runConformance(
      config({ kind: 'url', url: await brokenTarget(Object.values(DEFECTS)) }),
      { maxWorkers: 1 },
    );
    expect(exitCode).toBe(1);
    const caught: Array<[check: string, verdict: 'failed' | 'warning', named: string]> = [
      ['CONSENTS-LIST-FILTER-CLIENT', 'failed', 'CONSENTS-LIST-FILTER-CLIENT'],
      ['CONSENTS-LIST-FILTER-USER', 'failed', 'CONSENTS-LIST-FILTER-USER'],
      ['CONSENTS-LIST-FILTER-BOTH', 'failed', 'CONSENTS-LIST-FILTER-BOTH'],
      ['CONSENTS-DELETE-USER-CONSENT-ID-ONLY', 'failed', 'CONSENTS-DELETE-USER-CONSENT-ID-ONLY'],
      ['CONSENTS-DELETE-USER-CONSENT-ID-MISMATCH', 'warning', 'CONSENTS-DELETE-USER-CONSENT-ID-MISMATCH (inferred)'],
      ['MANAGE-CONSENTS-DELETE-GONE', 'failed', 'MANAGE-CONSENTS-DELETE-GONE'],
      ['MANAGE-CONSENTS-DELETE-ALL-OF-CLIENT', 'failed', 'MANAGE-CONSENTS-DELETE-ALL-OF-CLIENT'],
      ['MANAGE-CONSENTS-DELETE-404-NO-MATCH', 'warning', 'MANAGE-CONSENTS-DELETE-404-NO-MATCH (inferred)'],
      ['MANAGE-CONSENTS-LIST-400', 'warning', 'MANAGE-CONSENTS-LIST-400 (inferred)'],
      ['ME-CONSENTS-LIST-ALL-OWN', 'failed', 'ME-CONSENTS-LIST-ISOLATION-USER'],
      ['ME-CONSENTS-REVOKE-ALL-FOR-CLIENT', 'failed', 'ME-CONSENTS-REVOKE-ISOLATION-USER'],
      ['ME-CONSENTS-REVOKE-CONSENT-ID-ONLY', 'failed', 'ME-CONSENTS-REVOKE-CONSENT-ID-ONLY'],
      ['CONSENTS-GET-NO-5XX', 'failed', 'status 500 for path consentId "__proto__"'],
      ['CONSENTS-GET-NO-CLIENT-NAME', 'warning', 'client_name "leaked name"'],
    ];
    for (const [requirement, verdict, named] of caught) {
      const record = recordOf(results.checks, requirement);
      expect({ requirement, verdict: record?.verdict }).toEqual({ requirement, verdict });
      expect(record?.message).toContain(named);
    }
    // Each defect is pinned to its operation: the same rules elsewhere still pass.
    const neighbours = [
      'MANAGE-CONSENTS-LIST-FILTER-CLIENT',
      'CONSENTS-DELETE-USER-GONE',
      'CONSENTS-DELETE-USER-2XX',
      'ME-CONSENTS-REVOKE-GONE',
      'CONSENTS-GET-ROUND-TRIP',
      'CONSENTS-LIST-NO-5XX',
    ];
    for (const requirement of neighbours) {
      expect({ requirement, verdict: recordOf(results.checks, requirement)?.verdict }).toEqual({
        requirement,
        verdict: 'passed',
      });
    }
    // Observations follow what the target did: 204 for the user delete, timestamps in seconds.
    const observed = (requirement: string) =>
      results.observations.filter((o) => o.requirement === requirement).map((o) => o.observed);
    expect(observed('CONSENTS-DELETE-USER-SUCCESS-STATUS')).toContain('204, empty body');
    expect(observed('CONSENTS-GET-TIMESTAMP-UNIT')[0]).toMatch(/^seconds: created_at \d{10} \(seconds\)/);
  });
});

// Seeded reference faults (reference/faults.ts) that violate a rule of this scope: each is caught by the checks of
// the rules it names.
const seeded = FAULTS.map((fault) => ({ fault, violated: fault.violates.filter((id) => scope.has(id)) })).filter(
  (f) => f.violated.length > 0,
);
for (const { fault, violated } of seeded) {
  it(`the seeded fault ${fault.name} fails the run naming ${violated.join(', ')}`, async () => {
    // Only the checks of the violated rules run: the whole-suite kill of every fault is test/mutants' job.
    const targeted: RunConfig = { ...config({ kind: 'embedded', fault: fault.name }), checks: violated };
    const { results } = await runConformance(targeted, { maxWorkers: 1 });
    const failing = results.checks
      .filter((c) => c.verdict === 'failed' || c.verdict === 'warning')
      .map((c) => c.message)
      .join('\n');
    for (const id of violated) expect(failing).toContain(id);
  });
}
