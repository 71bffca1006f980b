import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError, type CliIO } from '../../src/cli/command.js';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { mintToken } from '../reference/support/tokens.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/cis-conformance.js', import.meta.url));

function spawnServe(args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text };
}

/**
 * Polls the printed output until the whole banner is there — the URL line through its last line, `choices:` (a pipe
 * may deliver the lines in separate chunks) — and returns the URL (bounded: 20 s, tsx start-up included).
 */
async function waitForUrl(read: () => string): Promise<string> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const url = /listening on (http:\/\/\S+)/.exec(read())?.[1];
    if (url && /^\s*choices: /m.test(read())) return url;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`serve printed no URL: ${read()}`);
}

describe('cis-conformance serve (the bin)', () => {
  it('prints its URL, state hook and trusted JWKS, answers a request, and exits 0 on SIGTERM', async () => {
    const { child, output } = spawnServe(['--port', '0']);
    try {
      const url = await waitForUrl(output);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(output()).toContain(`state hook:  ${url}/__conformance/state`);
      expect(output()).toMatch(/trusts JWKS: file .*fixtures\/keys\/jwks\.json/);
      expect(output()).toContain('fault:       none');
      const token = await mintToken({ tenant: 'cli-t', app: 'cli-a', perms: ['apps:read'] });
      const reply = await fetch(`${url}/v1/clients`, { headers: { authorization: `Bearer ${token}` } });
      expect(reply.status).toBe(200);
      expect(await reply.json()).toEqual({ result: [] });
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('exits 2 on a bad flag, naming it', async () => {
    const { child, output } = spawnServe(['--prot', '1']);
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(output()).toContain('cis-conformance serve: unknown flag --prot (did you mean --port?)');
    expect(output()).toContain('Run `cis-conformance serve --help` for the options.');
    expect(output()).not.toContain('Usage: cis-conformance serve'); // one line and a pointer, not the whole help
  });
});

describe('serveCommand (in-process)', () => {
  function io(): { io: CliIO; lines: string[]; stop: () => void } {
    const lines: string[] = [];
    let stop: () => void = () => undefined;
    const stopSignal = new Promise<void>((resolve) => (stop = resolve));
    return {
      io: { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l), stopSignal },
      lines,
      stop: () => stop(),
    };
  }

  it('starts with a fault and a custom issuer, prints them, and closes when stopped', async () => {
    const run = io();
    const exit = serveCommand.run(
      ['--fault', 'create-status-200', '--iss', 'https://iss.test', '--aud', 'a1', '--aud', 'a2'],
      run.io,
    );
    try {
      const url = await waitForUrl(() => run.lines.join('\n'));
      const text = run.lines.join('\n');
      expect(text).toContain('fault:       create-status-200 (POST /v1/clients answers 200 instead of 201.)');
      expect(text).toContain('issuer:      https://iss.test');
      expect(text).toContain('audiences:   a1, a2');
      const token = await mintToken({ perms: ['apps:create'], iss: 'https://iss.test', aud: 'a2' });
      const created = await fetch(`${url}/v1/clients`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Via CLI', redirect_uris: [] }),
      });
      expect(created.status).toBe(200);
    } finally {
      run.stop();
    }
    expect(await exit).toBe(0);
  });

  it('lists the faults with --list-faults', async () => {
    const run = io();
    expect(await serveCommand.run(['--list-faults'], run.io)).toBe(0);
    expect(run.lines.map((l) => l.split(' ')[0])).toContain('put-merges-objects');
  });

  it('lists the choices with --list-choices', async () => {
    const run = io();
    expect(await serveCommand.run(['--list-choices'], run.io)).toBe(0);
    expect(run.lines.map((l) => l.split(' ')[0])).toContain('consent-delete-204');
  });

  it.each([
    [['--choice', 'nope'], '--choice', /--choice nope: no such choice \(known: no-issuer-check, /],
    [['--choices', 'all'], '--choices', /--choices must be default or alternate/],
    [['--fault', 'nope'], '--fault', /unknown fault 'nope'; known faults: create-status-200/],
    [['--port', '99999'], '--port', /--port must be a whole number/],
    [['--jwks-file', 'a.json', '--jwks-url', 'http://127.0.0.1:1/j'], '--jwks-url', /cannot be given together/],
    [['--iss', ''], '--iss', /--iss must not be empty/],
    [['--host'], '--host', /--host/],
  ])('%j is a usage error naming %s', async (args, flag, message) => {
    const run = io();
    const error = await serveCommand.run(args, run.io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).flag).toBe(flag);
    expect((error as UsageError).message).toMatch(message);
  });
});
