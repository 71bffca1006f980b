/**
 * The broker side of the pact command without a network: the rules of `pact verify --broker-url` (credentials
 * from the environment only, an explicit version and a clean tree to publish), and the thin wrappers over the Pact
 * CLI (`can-i-deploy`, `record-deployment`, `publish-provider-contract`) against the broker stand-in.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../../src/cli/command.js';
import { pactCommand } from '../../src/cli/commands/pact.js';
import { brokerSourceOf } from '../../src/cli/commands/pactBrokerFlags.js';
import { startBrokerStandIn, type BrokerStandIn } from './support/brokerStandIn.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const contractsDir = `${packageRoot}contracts`;
const TOKEN = 'broker-token-0b5f7e2c61';
const USER = 'pact-user';
const PASSWORD = 'pw-3d9a4c17e8';

let broker: BrokerStandIn;
let refusing: BrokerStandIn;
let basic: BrokerStandIn;
let work: string;

beforeAll(async () => {
  broker = await startBrokerStandIn({ contractsDir, authorization: `Bearer ${TOKEN}` });
  refusing = await startBrokerStandIn({ contractsDir, deployable: false });
  basic = await startBrokerStandIn({
    contractsDir,
    authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
  });
  work = mkdtempSync(join(tmpdir(), 'cis-broker-'));
});

afterAll(async () => {
  await Promise.all([broker?.close(), refusing?.close(), basic?.close()]);
  rmSync(work, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

function capture(): { io: CliIO; text: () => string } {
  const lines: string[] = [];
  const io: CliIO = {
    stdout: (l) => lines.push(l),
    stderr: (l) => lines.push(l),
    stopSignal: new Promise(() => undefined),
  };
  return { io, text: () => lines.join('\n') };
}

const run = async (args: string[]) => {
  const { io, text } = capture();
  const code = await pactCommand.run(args, io);
  return { code, text: text() };
};

describe('pact verify --broker-url: the rules before anything runs', () => {
  const flags = (extra: Record<string, unknown>) => ({ 'broker-url': 'http://127.0.0.1:9', ...extra });
  const warnings: string[] = [];
  const source = (values: Record<string, unknown>, cwd = packageRoot) =>
    brokerSourceOf(values, { provider: 'cis-api', cwd }, (l) => warnings.push(l));

  it('refuses a token, user name or password given as a flag, saying to use the environment, without echoing it', async () => {
    for (const [flag, env] of [
      ['--broker-token', 'PACT_BROKER_TOKEN'],
      ['--broker-password', 'PACT_BROKER_PASSWORD'],
    ] as const) {
      const attempt = pactCommand.run(['verify', '--broker-url', broker.url, flag, TOKEN], capture().io);
      await expect(attempt).rejects.toThrow(`${flag} is not accepted`);
      await expect(attempt).rejects.toThrow(`Set ${env} in the environment instead`);
      await attempt.catch((error: Error) => expect(error.message).not.toContain(TOKEN));
    }
    await expect(pactCommand.run(['can-i-deploy', `--broker-token=${TOKEN}`], capture().io)).rejects.toThrow(
      /--broker-token is not accepted/,
    );
  });

  it('publishes only with an explicit provider version, and refuses a dirty git tree unless --allow-dirty', () => {
    expect(() => source(flags({ 'publish-verification-results': true, 'allow-dirty': true }))).toThrow(
      /--publish-verification-results needs an explicit --provider-version/,
    );
    const repo = join(work, 'repo');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    writeFileSync(join(repo, 'app.txt'), 'v1\n');
    git('add', 'app.txt');
    git('-c', 'user.email=t@example.test', '-c', 'user.name=t', 'commit', '-qm', 'v1');
    const publish = flags({ 'publish-verification-results': true, 'provider-version': 'v1' });
    expect(source(publish, repo)).toMatchObject({ providerVersion: 'v1', providerBranch: 'main', publish: true });
    writeFileSync(join(repo, 'app.txt'), 'v2\n');
    expect(() => source(publish, repo)).toThrow(
      /--publish-verification-results refused: the git tree has uncommitted changes \(M app\.txt\), so version v1 does not describe what runs/,
    );
    expect(source({ ...publish, 'allow-dirty': true }, repo)).toMatchObject({ publish: true });
    expect(source(flags({}), repo)).toMatchObject({
      publish: false,
      providerVersion: git('rev-parse', 'HEAD').toString().trim(),
    });
  });

  it('checks the selectors, the WIP date and flags that need a broker, and reads credentials from the environment', () => {
    expect(() => source(flags({ 'consumer-version-selectors': '{"mainBranch":true}' }))).toThrow(
      /must be a non-empty JSON array of selector objects/,
    );
    expect(() => source(flags({ 'include-wip-pacts-since': '2026-01-01' }))).toThrow(/needs --enable-pending/);
    expect(() => source(flags({ 'include-wip-pacts-since': 'yesterday', 'enable-pending': true }))).toThrow(
      /must be a date YYYY-MM-DD/,
    );
    expect(() => source({ 'enable-pending': true })).toThrow(/--enable-pending applies to broker mode only/);
    expect(() => source(flags({ 'broker-url': `http://u:${PASSWORD}@127.0.0.1:9` }))).toThrow(
      /must not carry credentials/,
    );
    vi.stubEnv('PACT_BROKER_USERNAME', USER);
    vi.stubEnv('PACT_BROKER_PASSWORD', '');
    vi.stubEnv('PACT_BROKER_TOKEN', '');
    expect(() => source(flags({}))).toThrow(/basic auth needs both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD/);
    vi.stubEnv('PACT_BROKER_PASSWORD', PASSWORD);
    expect(source(flags({}))?.auth).toEqual({ kind: 'basic', username: USER, password: PASSWORD });
  });
});

describe('pact can-i-deploy and record-deployment (the Pact CLI, exit codes passed on)', () => {
  it('passes on yes (0) and no (1), with the bearer token from PACT_BROKER_TOKEN only in the header', async () => {
    vi.stubEnv('PACT_BROKER_TOKEN', TOKEN);
    broker.clear();
    const args = ['--pacticipant', 'cis-admin-console', '--version', 'abc', '--to-environment', 'production'];
    const yes = await run(['can-i-deploy', '--broker-url', broker.url, ...args]);
    expect(yes.code).toBe(0);
    expect(yes.text).toMatch(/Computer says yes/);
    const matrix = broker.received.filter((r) => r.path.startsWith('/matrix') || r.path.startsWith('/can-i-deploy'));
    expect(matrix.length).toBeGreaterThan(0);
    expect(decodeURIComponent(matrix[0]?.path ?? '')).toContain('q[][pacticipant]=cis-admin-console&q[][version]=abc');
    expect(broker.received.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(yes.text).not.toContain(TOKEN);
    vi.stubEnv('PACT_BROKER_TOKEN', '');
    const no = await run(['can-i-deploy', '--broker-url', refusing.url, ...args]);
    expect(no.code).toBe(1);
    expect(no.text).toMatch(/Computer says no/);
  });

  it('records a deployment with basic auth from the environment, never printing the password', async () => {
    vi.stubEnv('PACT_BROKER_TOKEN', '');
    vi.stubEnv('PACT_BROKER_USERNAME', USER);
    vi.stubEnv('PACT_BROKER_PASSWORD', PASSWORD);
    basic.clear();
    const out = await run([
      'record-deployment',
      '--broker-url',
      basic.url,
      '--pacticipant',
      'cis-api',
      '--version',
      'v7',
      '--environment',
      'production',
    ]);
    expect(out.code).toBe(0);
    expect(basic.deployments.map((d) => [d.pacticipant, d.version, d.environment])).toEqual([
      ['cis-api', 'v7', 'production'],
    ]);
    expect(out.text).not.toContain(PASSWORD);
  });
});

describe('pact publish-provider-contract', () => {
  const report = (verdicts: string[]) => {
    const dir = mkdtempSync(join(work, 'report-'));
    const checks = verdicts.map((verdict, i) => ({ id: `c${i}`, requirement: 'R', operation: 'op', verdict }));
    const run = { id: 'r1', seed: 1, target: 'embedded', startedAt: '2026-01-01T00:00:00Z', durationMs: 1 };
    writeFileSync(join(dir, 'results.json'), JSON.stringify({ run, checks, observations: [], uncovered: [] }));
    writeFileSync(join(dir, 'summary.md'), `## CIS conformance: ${verdicts.join(', ')}\n`);
    return dir;
  };
  interface Published {
    readonly pacticipantVersionNumber: string;
    readonly branch: string;
    readonly contract: {
      readonly content: string;
      readonly selfVerificationResults: { readonly content: string; readonly success: boolean };
    };
  }
  const decoded = (text: unknown) => Buffer.from(String(text), 'base64').toString('utf8');

  it("sends the OpenAPI document and the run's summary.md as evidence: success when no check failed, failure otherwise", async () => {
    vi.stubEnv('PACT_BROKER_TOKEN', TOKEN);
    broker.clear();
    for (const verdicts of [
      ['passed', 'warning'],
      ['passed', 'failed'],
    ]) {
      const dir = report(verdicts);
      const out = await run([
        'publish-provider-contract',
        '--broker-url',
        broker.url,
        '--provider-version',
        '2.0.0',
        '--branch',
        'main',
        '--results',
        join(dir, 'results.json'),
      ]);
      expect(out.code).toBe(0);
      expect(out.text).not.toContain(TOKEN);
    }
    expect(broker.providerContracts.map((c) => c.provider)).toEqual(['cis-api', 'cis-api']);
    const [passing, failing] = broker.providerContracts.map((c) => c.body as unknown as Published);
    expect(passing).toMatchObject({ pacticipantVersionNumber: '2.0.0', branch: 'main' });
    expect(passing?.contract).toMatchObject({ specification: 'oas', contentType: 'application/yaml' });
    expect(decoded(passing?.contract.content)).toBe(readFileSync(`${packageRoot}schemas/openapi.yaml`, 'utf8'));
    expect(passing?.contract.selfVerificationResults).toMatchObject({
      success: true,
      format: 'text',
      verifier: 'cis-conformance',
    });
    expect(decoded(passing?.contract.selfVerificationResults.content)).toBe('## CIS conformance: passed, warning\n');
    expect(failing?.contract.selfVerificationResults.success).toBe(false);
    expect(decoded(failing?.contract.selfVerificationResults.content)).toBe('## CIS conformance: passed, failed\n');
  });

  it('names a missing results file instead of publishing', async () => {
    await expect(
      run([
        'publish-provider-contract',
        '--broker-url',
        broker.url,
        '--provider-version',
        '1',
        '--results',
        join(work, 'none.json'),
      ]),
    ).rejects.toThrow(/--results: .*none\.json: not found/);
  });
});
