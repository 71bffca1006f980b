import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { resolveLiveHost, resolveTransport } from '../../src/cli/liveOptions.js';
import { resolveRunOptions, type RunOptionsContext } from '../../src/cli/options.js';
import { hostOfLabel, liveFlags, liveLabel } from '../../src/live/hosts.js';

const ENV = { CIS_CLIENT_ID: 'id', CIS_CLIENT_SECRET: 'secret-value-1' };
const context: RunOptionsContext = {
  cwd: '/work/here',
  knownSuites: ['smoke'],
  knownFaults: ['create-status-200'],
  isRequirement: () => true,
  randomSeed: () => 1,
  env: ENV,
};

function usageError(args: string[], ctx: RunOptionsContext = context): UsageError {
  try {
    resolveRunOptions(args, ctx);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`no usage error for ${args.join(' ')}`);
}

describe('run --target sandbox', () => {
  it('targets the sandbox host with live defaults and a ledger in the report folder', () => {
    expect(resolveRunOptions(['--target', 'sandbox', '--report-dir', 'out'], context).target).toEqual({
      kind: 'sandbox',
      host: { environment: 'sandbox' },
      transport: { ratePerSecond: 5, maxRequests: 2000, retries: 3 },
      ledgerDir: '/work/here/out',
    });
  });

  it('reaches production only with --production, and takes the pace, budget and destructive flags', () => {
    const target = resolveRunOptions(
      [
        '--target',
        'sandbox',
        '--production',
        '--region',
        'au',
        '--rate',
        '0.5',
        '--max-requests',
        '10',
        '--retries',
        '0',
        '--allow-destructive',
        '--disposable-app',
        'app9',
      ],
      context,
    ).target;
    expect(target).toMatchObject({
      host: { environment: 'production', region: 'au' },
      transport: { ratePerSecond: 0.5, maxRequests: 10, retries: 0 },
      disposableApp: 'app9',
    });
    expect(resolveLiveHost({ production: true })).toEqual({ environment: 'production', region: 'us' });
  });

  it.each([
    [['--target', 'sandbox', '--region', 'eu'], '--region', /needs --production/],
    [['--target', 'sandbox', '--production', '--region', 'jp'], '--region', /one of us, eu, ca, au/],
    [['--target', 'sandbox', '--allow-destructive'], '--allow-destructive', /needs --disposable-app/],
    [
      ['--target', 'sandbox', '--disposable-app', 'a'],
      '--disposable-app',
      /only read together with --allow-destructive/,
    ],
    [['--target', 'sandbox', '--fault', 'create-status-200'], '--fault', /only to the embedded target/],
    [['--production'], '--production', /applies only to --target sandbox/],
    [['--target', 'http://h', '--region', 'eu'], '--region', /applies only to --target sandbox/],
    [['--target', 'sandbox', '--rate', '0'], '--rate', /number from 0.1 to 1000/],
    [['--max-requests', '0'], '--max-requests', /whole number from 1/],
    [['--retries', '11'], '--retries', /from 0 to 10/],
  ] as const)('rejects %j naming %s', (args, flag, message) => {
    const error = usageError([...args]);
    expect(error.flag).toBe(flag);
    expect(error.message).toMatch(message);
  });

  it('is a usage error naming the variables when the credentials are missing', () => {
    const error = usageError(['--target', 'sandbox'], { ...context, env: { CIS_CLIENT_ID: 'x' } });
    expect(error.flag).toBe('--target');
    expect(error.message).toMatch(/set CIS_CLIENT_SECRET \(the client of the app/);
  });
});

describe('transport options on any target', () => {
  it('are absent unless given, so local runs stay unlimited', () => {
    expect(resolveRunOptions([], context).target).toEqual({ kind: 'embedded' });
    expect(resolveTransport({}, false)).toBeUndefined();
    expect(
      resolveRunOptions(['--target', 'http://h', '--rate', '20', '--max-requests', '500'], context).target,
    ).toEqual({
      kind: 'url',
      url: 'http://h',
      transport: { ratePerSecond: 20, maxRequests: 500 },
    });
  });
});

describe('--live-origin (a loopback sandbox stand-in)', () => {
  it('aims live mode at a loopback origin, for run and its reports, and for cleanup', () => {
    for (const [given, origin] of [
      ['http://127.0.0.1:8181', 'http://127.0.0.1:8181'],
      ['http://[::1]:8181/', 'http://[::1]:8181'],
      ['http://LOCALHOST:9', 'http://localhost:9'],
    ] as const) {
      expect(resolveLiveHost({ 'live-origin': given })).toEqual({ environment: 'standin', origin });
    }
    const target = resolveRunOptions(['--target', 'sandbox', '--live-origin', 'http://127.0.0.1:8181'], context).target;
    expect(target).toMatchObject({
      kind: 'sandbox',
      host: { environment: 'standin', origin: 'http://127.0.0.1:8181' },
    });
    expect(liveLabel({ environment: 'standin', origin: 'http://127.0.0.1:8181' })).toBe(
      'sandbox-standin http://127.0.0.1:8181',
    );
    expect(hostOfLabel('sandbox-standin http://127.0.0.1:8181')).toEqual({
      environment: 'standin',
      origin: 'http://127.0.0.1:8181',
    });
    expect(liveFlags({ environment: 'standin', origin: 'http://127.0.0.1:8181' })).toBe(
      '--target sandbox --live-origin http://127.0.0.1:8181',
    );
  });

  it('refuses any origin that is not loopback, or not an origin, with a usage error naming the flag', () => {
    for (const given of [
      'https://api.sbx.transmitsecurity.io',
      'http://10.0.0.5:8181',
      'http://127.0.0.2:8181',
      'http://localhost.example.com',
      'http://127.0.0.1:8181/cis',
      'http://user:pw@127.0.0.1:8181',
      'ftp://127.0.0.1',
      'not a url',
    ]) {
      const error = usageError(['--target', 'sandbox', '--live-origin', given]);
      expect(error.flag, given).toBe('--live-origin');
      expect(error.message, given).toMatch(/^--live-origin: not /);
    }
    expect(usageError(['--target', 'sandbox', '--live-origin', 'http://127.0.0.1:1', '--production']).message).toMatch(
      /cannot be combined with --production/,
    );
    expect(usageError(['--live-origin', 'http://127.0.0.1:1']).message).toBe(
      '--live-origin applies only to --target sandbox',
    );
    // A label that names a non-loopback origin is no live host's.
    expect(hostOfLabel('sandbox-standin https://api.sbx.transmitsecurity.io')).toBeUndefined();
  });
});
