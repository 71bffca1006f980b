import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError, type CliIO } from '../../src/cli/command.js';
import { issuerCommand } from '../../src/cli/commands/issuer.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const committedJwks = JSON.parse(readFileSync(`${packageRoot}fixtures/keys/jwks.json`, 'utf8'));

/** Starts the command in-process; `stop()` plays the part of Ctrl-C. */
function startCommand(args: string[]) {
  const lines: string[] = [];
  let stop: () => void = () => undefined;
  const io: CliIO = {
    stdout: (line) => lines.push(line),
    stderr: (line) => lines.push(line),
    stopSignal: new Promise((r) => (stop = r)),
  };
  const exit = issuerCommand.run(args, io);
  return { lines, exit, stop: () => stop() };
}

/** Polls what the issuer printed until its URL line appears (bounded: 10 s). */
async function waitForUrl(read: () => string): Promise<string> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const url = /listening on (http:\/\/\S+)/.exec(read())?.[1];
    if (url) return url;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the issuer printed no URL: ${read()}`);
}

describe('issuerCommand', () => {
  it('serves until stopped, printing its URL, endpoints and client ids', async () => {
    const running = startCommand(['--port', '0', '--iss', 'https://iss.test']);
    try {
      const url = await waitForUrl(() => running.lines.join('\n'));
      const output = running.lines.join('\n');
      expect(output).toContain(`${url}/oidc/token`);
      expect(output).toContain(`${url}/oidc/jwks`);
      expect(output).toContain('client-demo');
      expect(output).not.toContain('test-only-secret');
      expect(await (await fetch(`${url}/oidc/jwks`)).json()).toEqual(committedJwks);
      expect(await (await fetch(`${url}/.well-known/openid-configuration`)).json()).toMatchObject({
        issuer: 'https://iss.test',
      });
    } finally {
      running.stop();
    }
    expect(await running.exit).toBe(0);
  });

  it('reads --clients relative to the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'issuer-clients-'));
    const file = join(dir, 'clients.json');
    writeFileSync(
      file,
      JSON.stringify({
        clients: [{ client_id: 'only-one', client_secret: 's', tenant_id: 't', app_id: 'a', app_name: 'A' }],
      }),
    );
    const running = startCommand(['--clients', relative(process.cwd(), file)]);
    try {
      await waitForUrl(() => running.lines.join('\n'));
      expect(running.lines.join('\n')).toMatch(/clients:\s+only-one$/m);
    } finally {
      running.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await running.exit).toBe(0);
  });

  it.each([
    [['--port', '70000'], '--port'],
    [['--port', 'http'], '--port'],
    [['--portt', '1'], '--portt'],
  ])('rejects %j with a usage error naming %s', async (args, flag) => {
    const error = await startCommand(args).exit.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).flag).toBe(flag);
  });
});

describe('cis-conformance issuer (spawned)', () => {
  it('starts, answers a token request and stops on SIGTERM with exit 0', async () => {
    const child = spawn('node', [`${packageRoot}bin/cis-conformance.js`, 'issuer', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    try {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const url = await waitForUrl(() => output);
      const response = await fetch(`${url}/oidc/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'admin-demo',
          client_secret: 'test-only-secret-admin-demo',
        }),
      });
      expect(response.status).toBe(200);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    } finally {
      clearTimeout(killer);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
