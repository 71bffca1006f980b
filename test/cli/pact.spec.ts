import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, type CliIO } from '../../src/cli/command.js';
import { pactCommand } from '../../src/cli/commands/pact.js';
import { COMMANDS } from '../../src/cli/registry.js';
import { findPackageRoot } from '../../src/engine/index.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

/** Runs the command in-process and returns what it printed. */
async function runPact(args: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIO = {
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
    stopSignal: new Promise(() => undefined),
  };
  const code = await pactCommand.run(args, io);
  return { code, stdout, stderr };
}

async function usageError(args: string[]): Promise<UsageError> {
  const error = await runPact(args).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

/**
 * A contracts folder with the consent manager's "get a consent" as committed and a copy that expects a field no
 * target sends, naming besides its own requirement one of `evidence` (of the same operation, from the catalog).
 */
function contractsWithBrokenCopy(evidence: 'documented' | 'inferred'): string {
  const root = findPackageRoot();
  const catalog = loadCatalog(root);
  const weak = catalog.requirements.find(
    (r) => r.operation === 'GET /v1/consents/{consentId}' && r.evidence === evidence,
  )?.id;
  const file = 'cis-consent-manager-cis-api.json';
  interface Interaction {
    description: string;
    comments: Record<string, string>;
    response: {
      body: { content: { result: Record<string, unknown> } };
      matchingRules: { body: Record<string, unknown> };
    };
  }
  const pact = JSON.parse(readFileSync(join(root, 'contracts', file), 'utf8')) as { interactions: Interaction[] };
  const original = pact.interactions.find((i) => i.description === 'a request to get a consent');
  if (!original || !weak) throw new Error('no "a request to get a consent" or no requirement to name');
  const copy = structuredClone(original);
  copy.description = 'a request to get a consent (broken)';
  copy.comments = { requirements: `${original.comments['requirements'] ?? ''} ${weak}` };
  copy.response.body.content.result['not_in_the_docs'] = 'x';
  copy.response.matchingRules.body['$.result.not_in_the_docs'] = { combine: 'AND', matchers: [{ match: 'type' }] };
  const dir = mkdtempSync(join(tmpdir(), 'cis-pact-cli-'));
  writeFileSync(join(dir, file), JSON.stringify({ ...pact, interactions: [original, copy] }));
  return dir;
}

/** An API with no state hook: 401 for everything, as a real service answers an unauthenticated request. */
let noHook: Server;
let noHookUrl = '';
beforeAll(async () => {
  noHook = createServer((_req, res) =>
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"no token"}'),
  );
  await new Promise<void>((resolve) => noHook.listen(0, '127.0.0.1', resolve));
  noHookUrl = `http://127.0.0.1:${(noHook.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => noHook.close(() => resolve())));

describe('cis-conformance pact', () => {
  it('is registered', () => {
    expect(COMMANDS).toContain(pactCommand);
  });

  it.each([
    [
      ['verify', '--consumer', 'cis-nobody'],
      '--consumer',
      /no contract for it \(known: cis-account-page, cis-admin-console/,
    ],
    [['verify', '--fault', 'no-such-fault'], '--fault', /no such fault/],
    [['verify', '--target', 'http://127.0.0.1:9', '--fault', 'create-status-200'], '--fault', /only to the embedded/],
    [['verify', '--target', 'ftp://example.test'], '--target', /must be an http\(s\) URL/],
    [['verify', '--state-url', 'not a url'], '--state-url', /must be an http\(s\) URL/],
    [['verify', '--timeout', '5'], '--timeout', /whole number from 100/],
    [['verify', '--contracts', '/no/such/dir'], '--contracts', /cannot read the contracts folder/],
    [['verify', '--bogus'], '--bogus', /^unknown flag --bogus$/],
    [['verify', '--target', 'http://127.0.0.1:9', '--choices', 'alternate'], '--choices', /only to the embedded/],
    [['verify', '--choice', 'no-such-choice'], '--choice', /no such choice/],
    [['publish'], '--broker-url', /--broker-url is required/],
    [['publish', '--broker-url', 'broker.example.test'], '--broker-url', /must be an http\(s\) URL/],
    [['publish', '--broker-url', 'http://127.0.0.1:9', '--branch', ''], '--branch', /must not be empty/],
  ])('%j is a usage error naming %s', async (args, flag, message) => {
    const error = await usageError(args);
    expect(error.flag).toBe(flag);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(flag);
  });

  it('asks for a sub-command', async () => {
    expect((await usageError([])).message).toMatch(
      /say what to do: pact verify, publish, can-i-deploy, record-deployment or publish-provider-contract/,
    );
    expect((await usageError(['verfiy'])).message).toMatch(/unknown pact command 'verfiy'/);
  });

  it('verifies a consumer against the embedded reference: one line per interaction, exit 0', async () => {
    const { code, stdout } = await runPact(['verify', '--consumer', 'cis-account-page']);
    expect(code).toBe(0);
    expect(stdout[0]).toBe('verifying 1 interactions of cis-account-page against embedded');
    expect(stdout.filter((l) => l.startsWith('✓ cis-account-page  '))).toHaveLength(1);
    expect(stdout.at(-1)).toMatch(/^1 interactions: 1 passed, 0 failed, 0 warnings \(cis-account-page \d+\.\d s\)$/);
  });

  it('exits 1 and names the failing interaction and its mismatch against a seeded fault', async () => {
    const { code, stdout } = await runPact([
      'verify',
      '--fault',
      'create-status-200',
      '--consumer',
      'cis-admin-console',
    ]);
    expect(code).toBe(1);
    const failed = stdout.findIndex((l) => l.startsWith('✗'));
    expect(stdout[failed]).toBe('✗ cis-admin-console  a request to create an OIDC client');
    expect(stdout[failed + 1]).toBe('    failed (documented CLIENTS-CREATE-201): status: expected 201 but was 200');
    expect(stdout.at(-1)).toMatch(/^7 interactions: 6 passed, 1 failed, 0 warnings/);
  });

  it('exits 0 on a verification whose only broken interaction rests on an inferred rule, printing it as a warning', async () => {
    const dir = contractsWithBrokenCopy('inferred');
    try {
      const { code, stdout } = await runPact(['verify', '--contracts', dir]);
      expect(code).toBe(0);
      const warned = stdout.findIndex((l) => l.startsWith('!'));
      expect(stdout[warned]).toBe('! cis-consent-manager  a request to get a consent (broken)');
      expect(stdout[warned + 1]).toMatch(/^ {4}warning \(inferred [A-Z-]+\): body \$\.result.*not_in_the_docs/);
      expect(stdout.at(-1)).toMatch(/^2 interactions: 1 passed, 0 failed, 1 warnings/);
      const strict = await runPact(['verify', '--contracts', dir, '--strict']);
      expect(strict.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 0 against the reference with every alternate choice on: the contracts hold only documented behaviour', async () => {
    const { code, stdout } = await runPact(['verify', '--choices', 'alternate']);
    expect(stdout[0]).toMatch(/against embedded \(choices [a-z0-9-]+(, [a-z0-9-]+)+\)$/);
    expect(stdout.filter((l) => /^[✗?] /.test(l))).toEqual([]);
    expect(code).toBe(0);
  });

  it('exits 2 when the target has no state hook, saying so', async () => {
    const { code, stderr } = await runPact(['verify', '--target', noHookUrl, '--timeout', '2000']);
    expect(code).toBe(2);
    expect(stderr.join('\n')).toMatch(
      /needs the target's state hook: there is no state hook at .*__conformance\/state/,
    );
  });

  it('exits 2 when the target is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { code, stderr } = await runPact(['verify', '--target', url, '--timeout', '2000']);
    expect(code).toBe(2);
    expect(stderr.join('\n')).toMatch(/unreachable/);
  });
});
