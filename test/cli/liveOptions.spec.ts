import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { resolveLiveHost, resolveTransport } from '../../src/cli/liveOptions.js';
import { resolveRunOptions, type RunOptionsContext } from '../../src/cli/options.js';

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
