/**
 * `pact verify --broker-url` end to end against the broker stand-in on 127.0.0.1 (no network): Pact's own
 * Verifier fetches the pacts by selector, verifies them against the embedded reference and publishes one result
 * per pact when asked. The first two tests are the done-when runs of issue 16 (the fault run is spawned for one
 * consumer, so that its whole output, Pact's native report included, is searched for the token).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../../src/cli/command.js';
import { pactCommand } from '../../src/cli/commands/pact.js';
import { startBrokerStandIn, type BrokerStandIn, type ReceivedRequest } from './support/brokerStandIn.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const contractsDir = `${packageRoot}contracts`;
const bin = `${packageRoot}bin/cis-conformance.js`;
const TOKEN = 'broker-token-7c1e0d93aa';
const CONSUMERS = ['cis-admin-console', 'cis-consent-manager', 'cis-account-page'];

interface Fixture {
  readonly requests: readonly { method: string; path: string; authorization?: string; body?: unknown }[];
}
const fixture = JSON.parse(
  readFileSync(`${packageRoot}test/pact/fixtures/broker-verifier-requests.json`, 'utf8'),
) as Fixture;

let broker: BrokerStandIn;
let pendingBroker: BrokerStandIn;

beforeAll(async () => {
  broker = await startBrokerStandIn({ contractsDir, authorization: `Bearer ${TOKEN}` });
  pendingBroker = await startBrokerStandIn({
    contractsDir,
    authorization: `Bearer ${TOKEN}`,
    pending: ['cis-admin-console'],
  });
});

afterAll(async () => {
  await broker?.close();
  await pendingBroker?.close();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const spawnVerify = (args: string[]) =>
  promisify(execFile)('node', [bin, 'pact', 'verify', ...args], {
    cwd: packageRoot,
    env: { ...process.env, PACT_BROKER_TOKEN: TOKEN, PACT_DO_NOT_TRACK: 'true' },
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    (out) => ({ code: 0, ...out }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

function capture(): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (l) => out.push(l), stderr: (l) => err.push(l), stopSignal: new Promise(() => undefined) },
    out,
    err,
  };
}

/** `METHOD /path` with each pact version replaced, as in the fixture. */
const shape = (r: { method: string; path: string }) =>
  `${r.method} ${r.path.replace(/\/pact-version\/\w+/, '/pact-version/{pactVersion}')}`;

const keysOf = (body: unknown) => Object.keys(body as object).sort();

function resultsOf(received: readonly ReceivedRequest[]): ReceivedRequest[] {
  return received.filter((r) => r.path.endsWith('/verification-results'));
}

describe('pact verify --broker-url (as in the done-when of issue 16)', () => {
  it('fetches the pacts by selector, verifies them against the reference and publishes one passing result per pact with version and branch', async () => {
    vi.stubEnv('PACT_BROKER_TOKEN', TOKEN);
    broker.clear();
    const selectors = '[{"mainBranch":true},{"deployedOrReleased":true},{"branch":"feat-x"}]';
    const { io, out: lines, err } = capture();
    const code = await pactCommand.run(
      [
        'verify',
        '--broker-url',
        broker.url,
        '--provider-version',
        'X',
        '--provider-branch',
        'main',
        '--consumer-version-selectors',
        selectors,
        '--enable-pending',
        '--include-wip-pacts-since',
        '2026-01-01',
        '--publish-verification-results',
        '--allow-dirty',
      ],
      io,
    );
    const out = { code, stdout: lines.join('\n'), stderr: err.join('\n') };
    expect(out.stderr).not.toMatch(/cis-conformance pact verify:/);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('15 interactions: 15 passed, 0 failed, 0 warnings');
    // One pacts-for-verification request per consumer run, each carrying the selectors and flags.
    expect(broker.forVerification).toEqual(
      CONSUMERS.map(() => ({
        consumerVersionSelectors: JSON.parse(selectors) as unknown,
        includePendingStatus: true,
        includeWipPactsSince: '2026-01-01',
        providerVersionBranch: 'main',
      })),
    );
    expect(broker.results.map((r) => [r.consumer, r.providerApplicationVersion, r.branch, r.success])).toEqual(
      CONSUMERS.map((c) => [c, 'X', 'main', true]),
    );
    for (const consumer of CONSUMERS) expect(out.stdout).toContain(`published: ${consumer} success true`);
    // The token went only into the Authorization header, never into any output.
    expect(broker.received.filter((r) => r.authorization !== `Bearer ${TOKEN}`)).toEqual([]);
    expect(`${out.stdout}${out.stderr}`).not.toContain(TOKEN);
  });

  it('records success: false for the broken pact and exits 1 against the create-status-200 fault (spawned: no output holds the token)', async () => {
    broker.clear();
    const out = await spawnVerify([
      '--consumer',
      'cis-admin-console',
      '--broker-url',
      broker.url,
      '--provider-version',
      'X',
      '--publish-verification-results',
      '--allow-dirty',
      '--fault',
      'create-status-200',
    ]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('✗ cis-admin-console  a request to create an OIDC client');
    expect(broker.results.map((r) => [r.consumer, r.providerApplicationVersion, r.success])).toEqual([
      ['cis-admin-console', 'X', false],
    ]);
    const failed = (broker.results[0]?.testResults as { interactionDescription: string; success: boolean }[]).filter(
      (t) => !t.success,
    );
    expect(failed.map((t) => t.interactionDescription)).toEqual(['a request to create an OIDC client']);
    expect(out.stdout).toContain('published: cis-admin-console success false');
    expect(`${out.stdout}${out.stderr}`).not.toContain(TOKEN);
  });
});

describe('pact verify --broker-url (in-process)', () => {
  it("a pending pact's failure exits 0 with a warning, is published as success: false, and the requests match the recorded Verifier run", async () => {
    vi.stubEnv('PACT_BROKER_TOKEN', TOKEN);
    pendingBroker.clear();
    const { io, out, err } = capture();
    const code = await pactCommand.run(
      [
        'verify',
        '--broker-url',
        pendingBroker.url,
        '--provider-version',
        '1.0.0',
        '--provider-branch',
        'main',
        '--consumer-version-selectors',
        '[{"mainBranch":true},{"deployedOrReleased":true}]',
        '--enable-pending',
        '--include-wip-pacts-since',
        '2026-01-01',
        '--publish-verification-results',
        '--allow-dirty',
        '--fault',
        'create-status-200',
        '--consumer',
        'cis-admin-console',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(out).toContain('! cis-admin-console  a request to create an OIDC client  [pending]');
    expect(out).toContain('published: cis-admin-console success false (pending: does not fail the run)');
    expect(err.join('\n')).toMatch(
      /warning: 1 interactions of pending pacts failed; a pending pact never fails the run/,
    );
    expect(pendingBroker.results.map((r) => [r.consumer, r.success])).toEqual([['cis-admin-console', false]]);
    // The same command as the fixture's: the same requests, in the same order, with bodies of the same shape.
    expect(pendingBroker.received.map(shape)).toEqual(fixture.requests.map(shape));
    const recorded = fixture.requests.find((r) => r.path.endsWith('/for-verification') && r.method === 'POST');
    expect(pendingBroker.forVerification).toEqual([recorded?.body]);
    const result = JSON.parse(resultsOf(pendingBroker.received)[0]?.body ?? '{}') as unknown;
    expect(keysOf(result)).toEqual(keysOf(fixture.requests.at(-1)?.body));
    expect([...out, ...err].join('\n')).not.toContain(TOKEN);
  });

  it('publishes nothing unless asked, and sends the default selectors without the pending status', async () => {
    vi.stubEnv('PACT_BROKER_TOKEN', TOKEN);
    broker.clear();
    const { io, out } = capture();
    const code = await pactCommand.run(['verify', '--broker-url', broker.url, '--consumer', 'cis-account-page'], io);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('verification results are not published');
    expect(broker.forVerification).toHaveLength(1);
    expect(broker.forVerification[0]).toMatchObject({
      consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
      includePendingStatus: false,
    });
    expect(broker.received.filter((r) => r.method !== 'GET')).toHaveLength(1);
    expect(broker.results).toEqual([]);
    expect(broker.branches).toEqual([]);
  });

  it('with results published, an interaction whose inferred expectation broke fails as Pact publishes it; without, it warns', async () => {
    // The consent manager's "get a consent", and a copy that expects a field no target sends and names an inferred
    // requirement (as test/pact/verify.spec.ts builds it): a pact from elsewhere, not one of the committed ones.
    const dir = mkdtempSync(join(tmpdir(), 'cis-broker-inferred-'));
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
    const original = pact.interactions.find((i) => i.description === 'a request to get a consent') as Interaction;
    const broken = structuredClone(original);
    broken.description = 'a request to get a consent (inferred, broken)';
    broken.comments = { requirements: 'CONSENTS-GET-200 CONSENTS-GET-404-BODY' };
    broken.response.body.content.result['not_in_the_docs'] = 'x';
    broken.response.matchingRules.body['$.result.not_in_the_docs'] = { combine: 'AND', matchers: [{ match: 'type' }] };
    writeFileSync(join(dir, file), JSON.stringify({ ...pact, interactions: [original, broken] }));
    const own = await startBrokerStandIn({ contractsDir: dir });
    try {
      const args = ['verify', '--broker-url', own.url, '--contracts', dir, '--consumer', 'cis-consent-manager'];
      const quiet = capture();
      expect(await pactCommand.run(args, quiet.io)).toBe(0);
      expect(quiet.out).toContain('! cis-consent-manager  a request to get a consent (inferred, broken)');
      const loud = capture();
      const publish = ['--provider-version', 'Y', '--publish-verification-results', '--allow-dirty'];
      expect(await pactCommand.run([...args, ...publish], loud.io)).toBe(1);
      expect(loud.out).toContain('✗ cis-consent-manager  a request to get a consent (inferred, broken)');
      expect(loud.out.join('\n')).toMatch(
        /published as a failure: Pact counts every mismatch, its evidence alone would make it a warning \(inferred CONSENTS-GET-404-BODY\)/,
      );
      expect(loud.out).toContain('published: cis-consent-manager success false');
      expect(loud.err.join('\n')).not.toMatch(/differs from the harness's verdict/);
      expect(own.results.map((r) => [r.consumer, r.success])).toEqual([['cis-consent-manager', false]]);
    } finally {
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
