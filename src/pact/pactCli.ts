/**
 * Running the Pact CLI of `@pact-foundation/pact-cli` (the Rust `pact` binary, TOOLCHAIN.md §5) as a child:
 * credentials travel in its environment (brokerCredentials.ts), never on its command line, and every secret is
 * blanked out of what it prints, line by line (so a secret split across two chunks is still masked).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cliEnvironment, maskSecrets, secretsOf, type BrokerAuth } from './brokerCredentials.js';

export interface PactCliRun {
  /** The arguments after `pact`, without any secret. */
  readonly args: readonly string[];
  readonly auth: BrokerAuth;
  /** The parent environment for the child; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Each chunk of whole lines the CLI prints, secrets blanked out. */
  readonly onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
}

export interface PactCliResult {
  /** The CLI's own exit code (passed on by the wrapping commands). */
  readonly exitCode: number;
  /** Everything it printed, secrets blanked out. */
  readonly output: string;
}

/** The `pact` bin of @pact-foundation/pact-cli (a Node script that runs the Rust binary for this platform). */
export function resolvePactCli(): string {
  const manifest = createRequire(import.meta.url).resolve('@pact-foundation/pact-cli/package.json');
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: Record<string, string> }).bin?.['pact'];
  if (!bin) throw new Error(`${manifest} declares no 'pact' bin`);
  return join(dirname(manifest), bin);
}

export async function runPactCli(run: PactCliRun): Promise<PactCliResult> {
  const secrets = secretsOf(run.auth);
  const child = spawn(process.execPath, [resolvePactCli(), ...run.args], {
    env: cliEnvironment(run.auth, run.env ?? process.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const pending = { stdout: '', stderr: '' };
  const emit = (stream: 'stdout' | 'stderr', text: string) => {
    const masked = maskSecrets(text, secrets);
    output += masked;
    run.onOutput?.(stream, masked);
  };
  const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const text = pending[stream] + chunk.toString('utf8');
    const end = text.lastIndexOf('\n') + 1;
    pending[stream] = text.slice(end);
    if (end > 0) emit(stream, text.slice(0, end));
  };
  child.stdout.on('data', collect('stdout'));
  child.stderr.on('data', collect('stderr'));
  const exitCode = await new Promise<number>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
  for (const stream of ['stdout', 'stderr'] as const) if (pending[stream]) emit(stream, pending[stream]);
  return { exitCode, output };
}
