import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/server.js';
import { UsageError, type CliIO } from '../../src/cli/command.js';
import { runCommand } from '../../src/cli/commands/run.js';
import { defaultReportDir, resolveRunOptions, type RunOptionsContext } from '../../src/cli/options.js';

const context: RunOptionsContext = {
  cwd: '/work/here',
  knownSuites: ['smoke', 'contract'],
  knownFaults: ['create-status-200'],
  knownChoices: ['clients-bare', 'consent-delete-204'],
  isRequirement: (id) => id === 'CLIENTS-GET-404',
  randomSeed: () => 1234,
};

function usageError(args: string[]): UsageError {
  try {
    resolveRunOptions(args, context);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`no usage error for ${args.join(' ')}`);
}

describe('resolveRunOptions: --choices and --choice', () => {
  it('hands the set or the names to the embedded target', () => {
    expect(resolveRunOptions(['--choices', 'alternate'], context).target).toEqual({
      kind: 'embedded',
      choices: 'alternate',
    });
    expect(
      resolveRunOptions(['--choice', 'clients-bare', '--choice', 'consent-delete-204,clients-bare'], context).target,
    ).toEqual({ kind: 'embedded', choices: ['clients-bare', 'consent-delete-204'] });
  });

  it('refuses an unknown name, listing the known ones, and any target but the embedded one', () => {
    expect(usageError(['--choice', 'nope']).message).toBe(
      '--choice nope: no such choice (known: clients-bare, consent-delete-204)',
    );
    expect(usageError(['--choices', 'alternate', '--target', 'http://h:1']).message).toMatch(
      /--choices applies only to the embedded target/,
    );
  });
});

describe('resolveRunOptions', () => {
  it('defaults to the embedded target, a random seed and reports/latest, frozen', () => {
    const config = resolveRunOptions([], context);
    expect(config).toEqual({
      target: { kind: 'embedded' },
      suites: [],
      seed: 1234,
      runs: 50,
      strict: false,
      reportDir: '/work/here/reports/latest',
      requestTimeoutMs: 10_000,
      deadlineMs: 20 * 60_000,
      concurrency: 8,
    });
    expect(Object.isFrozen(config) && Object.isFrozen(config.target) && Object.isFrozen(config.suites)).toBe(true);
  });

  it('reads every flag; suites come repeated, comma-separated or as names after --suite', () => {
    const config = resolveRunOptions(
      [
        '--target',
        'http://h:1/cis/',
        '--issuer',
        'http://i:2',
        '--state-url',
        'http://h:1/s',
        '--suite',
        'smoke',
        'contract',
        '--seed',
        '9',
        '--runs',
        '3',
        '--strict',
        '--check',
        'CLIENTS-GET-404',
        '--report-dir',
        '/r',
        '--shard',
        '2/3',
        '--timeout',
        '500',
        '--deadline',
        '1h30m',
        '--concurrency',
        '3',
        '--workers',
        '2',
      ],
      context,
    );
    expect(config).toEqual({
      target: { kind: 'url', url: 'http://h:1/cis' },
      issuerUrl: 'http://i:2',
      stateUrl: 'http://h:1/s',
      suites: ['smoke', 'contract'],
      seed: 9,
      runs: 3,
      strict: true,
      check: 'CLIENTS-GET-404',
      reportDir: '/r',
      shard: { index: 2, count: 3 },
      requestTimeoutMs: 500,
      deadlineMs: 90 * 60_000,
      concurrency: 3,
      workers: 2,
    });
    expect(resolveRunOptions(['--suite', 'smoke,contract'], context).suites).toEqual(['smoke', 'contract']);
    expect(resolveRunOptions(['--fault', 'create-status-200'], context).target).toEqual({
      kind: 'embedded',
      fault: 'create-status-200',
    });
  });

  it('sends a replay (--check) to reports/replay-<id> unless --report-dir is given', () => {
    expect(resolveRunOptions(['--check', 'CLIENTS-GET-404'], context).reportDir).toBe(
      '/work/here/reports/replay-CLIENTS-GET-404',
    );
    expect(resolveRunOptions(['--check', 'CLIENTS-GET-404', '--report-dir', 'r'], context).reportDir).toBe(
      '/work/here/r',
    );
    expect(defaultReportDir(undefined)).toBe('reports/latest');
    expect(defaultReportDir('../a/b c')).toBe('reports/replay-__a_b_c'); // never leaves reports/
  });

  it('takes the case count from --profile, and an explicit --runs wins over it', () => {
    expect(resolveRunOptions([], context).runs).toBe(50);
    expect(resolveRunOptions(['--profile', 'nightly'], context).runs).toBe(500);
    expect(resolveRunOptions(['--profile', 'nightly', '--runs', '7'], context).runs).toBe(7);
  });

  it('reads --deadline as a duration with units; a live run defaults to 60 minutes', () => {
    const deadline = (value: string): number | undefined =>
      resolveRunOptions(['--deadline', value], context).deadlineMs;
    expect(deadline('90s')).toBe(90_000);
    expect(deadline('20m')).toBe(20 * 60_000);
    expect(deadline('1500ms')).toBe(1_500);
    expect(deadline('2h')).toBe(2 * 3_600_000);
    const env = { CIS_CLIENT_ID: 'id', CIS_CLIENT_SECRET: 'secret' };
    expect(resolveRunOptions(['--target', 'sandbox'], { ...context, env }).deadlineMs).toBe(60 * 60_000);
  });

  it('runs 8 checks at once per worker by default; live mode one, and refuses more', () => {
    const env = { CIS_CLIENT_ID: 'id', CIS_CLIENT_SECRET: 'secret' };
    expect(resolveRunOptions([], context).concurrency).toBe(8);
    expect(resolveRunOptions(['--concurrency', '1'], context).concurrency).toBe(1);
    expect(resolveRunOptions(['--target', 'sandbox'], { ...context, env }).concurrency).toBe(1);
    expect(() => resolveRunOptions(['--target', 'sandbox', '--concurrency', '4'], { ...context, env })).toThrow(
      /live mode runs one check at a time per worker/,
    );
    expect(usageError(['--concurrency', '0']).message).toMatch(/--concurrency .*from 1/);
    expect(usageError(['--workers', '100']).message).toMatch(/--workers .*to 32/);
  });

  it('passes --replay-path through with the check it replays', () => {
    const config = resolveRunOptions(
      ['--check', 'CLIENTS-GET-404', '--seed', '3', '--replay-path', '9:2@DAc:F'],
      context,
    );
    expect(config).toMatchObject({ check: 'CLIENTS-GET-404', seed: 3, replayPath: '9:2@DAc:F' });
  });

  it.each([
    [['--profile', 'weekly'], '--profile', /no such profile \(known: default, nightly\)/],
    [['--replay-path', '1:2'], '--replay-path', /with --check/],
    [['--target', 'sandbox'], '--target', /set CIS_CLIENT_ID and CIS_CLIENT_SECRET/],
    [['--target', 'ftp://x'], '--target', /http\(s\) URL/],
    [['--state-url', 'nope'], '--state-url', /http\(s\) URL/],
    [['--suite', 'nope'], '--suite', /no such suite \(known: smoke, contract\)/],
    [['--check', 'NOPE-1'], '--check', /no such requirement/],
    [['--seed', 'x'], '--seed', /whole number/],
    [['--runs', '0'], '--runs', /from 1/],
    [['--shard', '4/3'], '--shard', /I\/N/],
    [['--fault', 'nope'], '--fault', /no such fault/],
    [['--target', 'http://h', '--fault', 'create-status-200'], '--fault', /only to the embedded target/],
    [['--timeout', '5'], '--timeout', /from 100/],
    [['--bogus'], '--bogus', /^unknown flag --bogus$/],
    [['--seed', '-1'], '--seed', /^--seed must be a whole number from 0 to 2147483647, got '-1'$/],
    [['--report-dir', ''], '--report-dir', /must name a folder/],
    [['--report-dir', '  '], '--report-dir', /must name a folder/],
    [['--deadline', '20'], '--deadline', /a duration with a unit, like 90s, 20m or 1h30m; got '20'/],
    [['--deadline', '5 min'], '--deadline', /a duration with a unit/],
    [['--deadline=-5s'], '--deadline', /a duration with a unit/],
    [['--deadline', '500ms'], '--deadline', /from 1s to 24h/],
    [['--deadline', '25h'], '--deadline', /from 1s to 24h/],
  ])('rejects %j naming %s', (args, flag, message) => {
    const error = usageError(args);
    expect(error.flag).toBe(flag);
    expect(error.message).toMatch(message);
  });
});

/** Forwards to the reference and remembers every bearer token sent and every client_secret answered. */
function recordingProxy(upstream: string, seen: Set<string>): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const auth = req.headers.authorization;
      if (auth?.startsWith('Bearer ')) seen.add(auth.slice(7));
      const headers = { ...req.headers };
      delete headers.host;
      const answer = await request(upstream + req.url, {
        method: req.method as 'GET',
        headers,
        body: chunks.length ? Buffer.concat(chunks) : null,
      });
      const text = await answer.body.text();
      for (const match of text.matchAll(/"client_secret"\s*:\s*"([^"]+)"/g)) seen.add(match[1] as string);
      res
        .writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? 'application/json') })
        .end(text);
    });
  });
}

describe('cis-conformance run', () => {
  let reference: RunningReference;
  let proxy: Server;
  let proxyUrl: string;
  let reportDir: string;
  const secrets = new Set<string>();

  beforeAll(async () => {
    reference = await startReference();
    proxy = recordingProxy(reference.url, secrets);
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    reportDir = await mkdtemp(join(tmpdir(), 'cis-run-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await reference.close();
    await rm(reportDir, { recursive: true, force: true });
  });

  function io(lines: string[]): CliIO {
    return { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l), stopSignal: new Promise(() => undefined) };
  }

  it('writes the four reports, prints the table, and leaks no token or client secret anywhere', async () => {
    const lines: string[] = [];
    const exitCode = await runCommand.run(
      ['--target', proxyUrl, '--suite', 'smoke', '--report-dir', reportDir, '--seed', '3'],
      io(lines),
    );
    expect(exitCode).toBe(0);
    const files = (await readdir(reportDir)).sort();
    expect(files).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
    const results = JSON.parse(await readFile(join(reportDir, 'results.json'), 'utf8')) as {
      summary: { passed: number };
    };
    expect(results.summary.passed).toBe(3);
    expect(lines.join('\n')).toMatch(/seed 3/);

    const tokens = [...secrets].filter((s) => s.startsWith('eyJ'));
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    expect(secrets.size).toBeGreaterThan(tokens.length); // client secrets were seen too
    const outputs = [...(await Promise.all(files.map((f) => readFile(join(reportDir, f), 'utf8')))), lines.join('\n')];
    for (const secret of secrets) {
      for (const output of outputs)
        expect(output.includes(secret), `a secret leaked: ${secret.slice(0, 12)}…`).toBe(false);
    }
  });

  it('runs only the checks of one requirement with --check', async () => {
    const dir = join(reportDir, 'one');
    const exitCode = await runCommand.run(
      ['--suite', 'smoke', '--check', 'CLIENTS-GET-404', '--report-dir', dir],
      io([]),
    );
    expect(exitCode).toBe(0);
    const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as {
      checks: Array<{ requirement: string }>;
    };
    expect(results.checks.map((c) => c.requirement)).toEqual(['CLIENTS-GET-404']);
  });
});
