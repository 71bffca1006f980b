/**
 * The token-type suite bites on targets with broken auth: a reference that trusts a wrong audience, and a proxy in
 * front of the reference that admits requests without a token or answers 400 where the reference answers 401.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPackageRoot, type RunConfig } from '../../src/engine/index.js';
import { WRONG_AUDIENCE } from '../../src/issuer/brokenTokens.js';
import { createMinter } from '../../src/issuer/minter.js';
import { runSuites, suiteRunConfig } from './support/suiteRun.js';
import { startReference, type RunningReference } from '../../reference/server.js';

const root = findPackageRoot();

const config = (target: RunConfig['target'], extra: Partial<RunConfig> = {}): RunConfig =>
  suiteRunConfig(['token-types'], { seed: 11, runs: 5, target, ...extra });
const run = runSuites;

describe('token-types suite on broken auth', () => {
  let reference: RunningReference;
  let lenient: RunningReference;
  const servers: Server[] = [];
  const sockets = new Set<Socket>();

  /** A proxy in front of the reference that changes one thing about auth. */
  async function proxy(options: { admitWithoutToken?: string; unauthorizedAs?: number }): Promise<string> {
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !['host', 'connection', 'content-length', 'keep-alive'].includes(name))
          headers[name] = value;
      }
      if (options.admitWithoutToken && !headers['authorization'])
        headers['authorization'] = `Bearer ${options.admitWithoutToken}`;
      const upstream = await fetch(reference.url + (req.url ?? '/'), {
        method: req.method,
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      const status = upstream.status === 401 && options.unauthorizedAs ? options.unauthorizedAs : upstream.status;
      res.writeHead(status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    server.on('connection', (socket) => sockets.add(socket));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    reference = await startReference({ packageRoot: root });
    lenient = await startReference({ packageRoot: root, audiences: ['userid-api', WRONG_AUDIENCE] });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await reference?.close();
    await lenient?.close();
  });

  it('warns on the wrong-audience cell, and only there, when the target trusts any audience (decisions.md #28)', async () => {
    const selection = {
      stateUrl: lenient.stateUrl,
      check: 'CLIENTS-LIST-TOKEN-WRONG-AUDIENCE-REJECTED',
      checks: ['CLIENTS-LIST-TOKEN-INVALID-REJECTED'],
    };
    const { results } = await run(config({ kind: 'url', url: lenient.url }, selection));
    const flagged = results.checks.filter((c) => c.verdict !== 'passed');
    expect(flagged.map((c) => [c.cell, c.verdict])).toEqual([['wrong-audience', 'warning']]);
    expect(flagged[0]?.message).toBe(
      'CLIENTS-LIST-TOKEN-WRONG-AUDIENCE-REJECTED (inferred): observed status 200, expected status 4xx',
    );
    expect(results.summary).toMatchObject({ passed: 5, failed: 0, warnings: 1 });
    const strict = await run(config({ kind: 'url', url: lenient.url }, { ...selection, strict: true }));
    expect(strict.results.checks.filter((c) => c.verdict === 'failed').map((c) => c.cell)).toEqual(['wrong-audience']);
  });

  it('fails the no-token cell, and only it, when a request without a token is admitted', async () => {
    const minter = await createMinter({ packageRoot: root });
    const admitted = await minter.client({
      tenantId: 'proxy-tenant',
      appId: 'proxy-app',
      appName: 'proxy',
      clientId: 'proxy-client',
      permissions: ['apps:create', 'apps:read'],
    });
    const url = await proxy({ admitWithoutToken: admitted });
    const { results } = await run(
      config({ kind: 'url', url }, { stateUrl: reference.stateUrl, check: 'CLIENTS-CREATE-TOKEN-INVALID-REJECTED' }),
    );
    const noToken = results.checks.find((c) => c.cell === 'no token');
    expect(noToken).toMatchObject({
      verdict: 'failed',
      message: 'CLIENTS-CREATE-TOKEN-INVALID-REJECTED: observed status 201, expected status 4xx',
    });
    expect(results.checks.filter((c) => c.verdict !== 'passed')).toHaveLength(1);
  });

  it('warns under the inferred 401 rule, without failing, when invalid tokens get another 4xx', async () => {
    const url = await proxy({ unauthorizedAs: 400 });
    const { results } = await run(
      config(
        { kind: 'url', url },
        {
          stateUrl: reference.stateUrl,
          check: 'CLIENTS-UPDATE-TOKEN-INVALID-REJECTED',
          checks: ['NOT-YET-VALID', 'WRONG-ISSUER', 'WRONG-AUDIENCE'].map((d) => `CLIENTS-UPDATE-TOKEN-${d}-REJECTED`),
        },
      ),
    );
    expect(results.summary).toMatchObject({ failed: 0, warnings: 8 });
    for (const check of results.checks) {
      expect(check.message).toMatch(
        /^CLIENTS-UPDATE-TOKEN-INVALID-401 \(inferred\): observed status 400 \(".*"\), expected status 401$/,
      );
    }
  });
});
