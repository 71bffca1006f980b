/**
 * Publishing through the real Pact CLI to a fake Pact Broker on 127.0.0.1 that records what it receives: the
 * HAL index (`GET /`), then one `POST /contracts/publish` per pact file.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.js';
import { pactCommand } from '../../src/cli/commands/pact.js';
import { normalizePact } from '../../src/pact/contractFiles.js';
import { publishArguments, publishContracts, resolvePactCli } from '../../src/pact/publish.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const contractsDir = `${packageRoot}contracts`;
const bin = `${packageRoot}bin/cis-conformance.js`;
const CONSUMERS = ['cis-account-page', 'cis-admin-console', 'cis-consent-manager'];
const TOKEN = 'broker-token-5f2c9a71e3';

interface Received {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: string;
}

interface Publication {
  pacticipantName: string;
  pacticipantVersionNumber: string;
  branch?: string;
  contracts: {
    consumerName: string;
    providerName: string;
    specification: string;
    contentType: string;
    content: string;
  }[];
}

let server: Server;
let brokerUrl = '';
const received: Received[] = [];

/** Just enough of the Pact Broker's publish API for `pact broker publish` to succeed without warnings. */
function answer(path: string, body: string, base: string): object | null {
  if (path === '/')
    return { _links: { 'pb:publish-contracts': { href: `${base}/contracts/publish`, title: 'Publish' } } };
  if (path !== '/contracts/publish') return null;
  const sent = JSON.parse(body) as Publication;
  const link = (href: string, name: string) => ({ href: `${base}${href}`, name, title: name });
  return {
    logs: [{ level: 'info', message: `Created pact for ${sent.pacticipantName}`, deprecationWarning: '' }],
    notices: [{ type: 'success', text: `Recorded ${sent.contracts.length} pact for ${sent.pacticipantName}` }],
    _embedded: {
      pacticipant: { name: sent.pacticipantName, _links: { self: link('/p', sent.pacticipantName) } },
      version: { number: sent.pacticipantVersionNumber, _links: { self: link('/v', sent.pacticipantVersionNumber) } },
    },
    _links: {
      self: link('/contracts/publish', 'publish'),
      'pb:pacticipant': link('/p', sent.pacticipantName),
      'pb:pacticipant-version': link('/v', sent.pacticipantVersionNumber),
      'pb:pacticipant-version-tags': [],
      'pb:contracts': [link('/pact', 'pact')],
    },
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const path = req.url ?? '/';
      received.push({ method: req.method ?? '', path, authorization: req.headers.authorization, body });
      const json = answer(path, body, `http://${req.headers.host}`);
      res.writeHead(json ? 200 : 404, { 'content-type': 'application/hal+json' }).end(JSON.stringify(json ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  brokerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function publications(): Publication[] {
  return received.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as Publication);
}

function committed(consumer: string): unknown {
  return JSON.parse(readFileSync(`${contractsDir}/${consumer}-cis-api.json`, 'utf8'));
}

describe('publishContracts', () => {
  it('resolves the pact bin of @pact-foundation/pact-cli and keeps the token off its arguments', () => {
    expect(resolvePactCli()).toMatch(/@pact-foundation\/pact-cli\/bin\/pact\.js$/);
    const auth = { kind: 'token', token: TOKEN } as const;
    const args = publishArguments({ brokerUrl, auth, consumerVersion: 'v1', branch: 'b', contractsDir });
    expect(args).toEqual([
      'broker',
      'publish',
      contractsDir,
      '--consumer-app-version',
      'v1',
      '--branch',
      'b',
      '--broker-base-url',
      brokerUrl,
    ]);
    expect(args.join(' ')).not.toContain(TOKEN);
  });

  it('sends each committed pact with its consumer, the version, the branch and a bearer token', async () => {
    received.length = 0;
    const result = await publishContracts({
      brokerUrl,
      auth: { kind: 'token', token: TOKEN },
      consumerVersion: '1.2.3',
      branch: 'feat-x',
      contractsDir,
    });
    expect(result.exitCode).toBe(0);
    expect(result.consumers).toEqual(CONSUMERS);
    expect(result.output).not.toContain(TOKEN);
    expect(received[0]).toMatchObject({ method: 'GET', path: '/' });
    expect(new Set(received.map((r) => r.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
    const sent = publications().sort((a, b) => a.pacticipantName.localeCompare(b.pacticipantName));
    expect(sent.map((p) => [p.pacticipantName, p.pacticipantVersionNumber, p.branch])).toEqual(
      CONSUMERS.map((c) => [c, '1.2.3', 'feat-x']),
    );
    for (const publication of sent) {
      expect(publication.contracts).toHaveLength(1);
      const [contract] = publication.contracts;
      expect(contract).toMatchObject({
        consumerName: publication.pacticipantName,
        providerName: 'cis-api',
        specification: 'pact',
        contentType: 'application/json',
      });
      // The CLI re-serialises the pact and stamps its own pact-models version: equal but for that metadata.
      const content = JSON.parse(Buffer.from(contract?.content ?? '', 'base64').toString('utf8')) as unknown;
      expect(normalizePact(content)).toEqual(normalizePact(committed(publication.pacticipantName)));
    }
  });

  it('reports a broker that refuses with a non-zero exit code', async () => {
    const result = await publishContracts({
      brokerUrl: `${brokerUrl}/nothing-here`,
      consumerVersion: '1',
      branch: 'b',
      contractsDir,
      env: { ...process.env, PACT_BROKER_TOKEN: '' },
    });
    expect(result.exitCode).not.toBe(0);
  });
});

describe('cis-conformance pact publish', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    promisify(execFile)('node', [bin, 'pact', 'publish', ...args], { timeout: 60_000, cwd: packageRoot, env }).then(
      (out) => ({ code: 0, ...out }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('refuses --broker-token with a message that says to use PACT_BROKER_TOKEN, and never echoes the token', async () => {
    received.length = 0;
    const io: CliIO = { stdout: () => undefined, stderr: () => undefined, stopSignal: new Promise(() => undefined) };
    const attempt = pactCommand.run(['publish', '--broker-url', brokerUrl, '--broker-token', TOKEN], io);
    await expect(attempt).rejects.toThrow(
      /--broker-token is not accepted: .* Set PACT_BROKER_TOKEN in the environment instead/,
    );
    await attempt.catch((error: Error) => expect(error.message).not.toContain(TOKEN));
    expect(received).toEqual([]);
  });

  it('publishes (spawned) with the token from PACT_BROKER_TOKEN as a bearer token, and never prints it', async () => {
    received.length = 0;
    const out = await run(['--broker-url', brokerUrl, '--branch', 'feat-y', '--consumer-version', '9.9.9'], {
      ...process.env,
      PACT_BROKER_TOKEN: TOKEN,
    });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      'publishing 3 pacts (cis-account-page, cis-admin-console, cis-consent-manager) as version 9.9.9 on branch feat-y',
    );
    expect(`${out.stdout}${out.stderr}`).not.toContain(TOKEN);
    expect(received.filter((r) => r.authorization !== `Bearer ${TOKEN}`)).toEqual([]);
    expect(publications().map((p) => [p.pacticipantVersionNumber, p.branch])).toEqual(
      Array(3).fill(['9.9.9', 'feat-y']),
    );
  });

  it('takes the version and the branch from git by default', async (ctx) => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: packageRoot, encoding: 'utf8' }).trim();
    const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
    if (branch === 'HEAD') ctx.skip('the checkout is on a detached HEAD, so git names no branch to default to');
    received.length = 0;
    const lines: string[] = [];
    const io: CliIO = {
      stdout: (l) => lines.push(l),
      stderr: (l) => lines.push(l),
      stopSignal: new Promise(() => undefined),
    };
    expect(await pactCommand.run(['publish', '--broker-url', brokerUrl], io)).toBe(0);
    expect(lines[0]).toContain(`as version ${git('rev-parse', 'HEAD')} on branch ${branch}`);
    expect(publications().map((p) => [p.pacticipantVersionNumber, p.branch])).toEqual(
      Array(3).fill([git('rev-parse', 'HEAD'), branch]),
    );
  });
});
