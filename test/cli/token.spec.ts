import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { UsageError, type CliIO } from '../../src/cli/command.js';
import { tokenCommand } from '../../src/cli/commands/token.js';
import { recogniseTokenType } from '../../src/issuer/minter.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${packageRoot}bin/cis-conformance.js`;
const trusted = createLocalJWKSet(JSON.parse(readFileSync(`${packageRoot}fixtures/keys/jwks.json`, 'utf8')));

/** Runs the command in-process and returns what it printed. */
async function runToken(args: string[]): Promise<{ code: number; stdout: string[] }> {
  const stdout: string[] = [];
  const io: CliIO = {
    stdout: (line) => stdout.push(line),
    stderr: () => undefined,
    stopSignal: new Promise(() => undefined),
  };
  const code = await tokenCommand.run(args, io);
  return { code, stdout };
}

describe('cis-conformance token (spawned)', () => {
  it('prints only a verifiable client token with the requested claims on stdout', async () => {
    const { stdout } = await promisify(execFile)(
      'node',
      [bin, 'token', '--tenant', 't9', '--app', 'app9', '--perm', '[appId]:read', '--perm', 'apps:edit'],
      { timeout: 30_000 },
    );
    const token = stdout.trim();
    expect(stdout).toBe(`${token}\n`);
    const { payload } = await jwtVerify(token, trusted, { issuer: 'https://userid.security', audience: 'userid-api' });
    expect(payload).toMatchObject({
      tid: 't9',
      app_id: 'app9',
      client_id: 'client-demo',
      sub: 'client-demo',
      ts_permissions: ['app9:read', 'apps:edit'],
    });
  });

  it('exits 2 and names an unknown flag', async () => {
    const failure = await promisify(execFile)('node', [bin, 'token', '--tenat', 'x'], { timeout: 30_000 }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stdout: string; stderr: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('unknown flag --tenat (did you mean --tenant?)');
    expect(failure?.stdout).toBe('');
  });
});

describe('tokenCommand', () => {
  it('uses the documented defaults', async () => {
    const claims = decodeJwt((await runToken([])).stdout[0]!);
    expect(claims).toMatchObject({
      tid: 'tenant-demo',
      app_id: 'app-demo',
      app_name: 'Demo App',
      client_id: 'client-demo',
      ts_permissions: [],
    });
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('mints admin and user tokens', async () => {
    const admin = decodeJwt((await runToken(['--type', 'admin', '--app', 'mgmt'])).stdout[0]!);
    expect(recogniseTokenType(admin)).toBe('admin');
    const user = decodeJwt((await runToken(['--type', 'user'])).stdout[0]!);
    expect(user).toMatchObject({ sub: 'user-demo', client_id: 'client-demo' });
    expect(decodeJwt((await runToken(['--type', 'user', '--user', 'u7'])).stdout[0]!).sub).toBe('u7');
  });

  it('honours --iss, --app-name, --client and --expires-in', async () => {
    const { code, stdout } = await runToken([
      '--iss',
      'https://i.test',
      '--app-name',
      'Shop',
      '--client',
      'c5',
      '--expires-in',
      '60',
    ]);
    expect(code).toBe(0);
    const claims = decodeJwt(stdout[0]!);
    expect(claims).toMatchObject({ iss: 'https://i.test', app_name: 'Shop', client_id: 'c5', sub: 'c5' });
    expect(claims.exp! - claims.iat!).toBe(60);
  });

  it.each([
    [['--type', 'robot'], '--type'],
    [['--user', 'u1'], '--user'],
    [['--type', 'admin', '--perm', 'apps:read'], '--perm'],
    [['--type', 'user', '--user', 'client-demo'], '--user'],
    [['--expires-in', '-5'], '--expires-in'],
    [['--expires-in', 'soon'], '--expires-in'],
    [['--tenant', ''], '--tenant'],
    [['--tenant'], '--tenant'],
    [['--bogus'], '--bogus'],
  ])('rejects %j with a usage error naming %s', async (args, flag) => {
    const error = await runToken(args).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).flag).toBe(flag);
    expect((error as UsageError).message).toContain(flag);
  });
});
