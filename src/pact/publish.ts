/**
 * Publishing `contracts/` to a Pact Broker through the Pact CLI of `@pact-foundation/pact-cli` (the Rust `pact`
 * binary, TOOLCHAIN.md §5): `pact broker publish <dir> --consumer-app-version V --branch B --broker-base-url URL`.
 * The token travels in the child's environment (`PACT_BROKER_TOKEN`), never on its command line, and is
 * blanked out of everything the child prints.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { listPactFiles } from './pactFiles.js';

export interface PublishContractsOptions {
  readonly brokerUrl: string;
  /** Sent as `Authorization: Bearer` by the Pact CLI (from `PACT_BROKER_TOKEN`). */
  readonly brokerToken?: string;
  readonly consumerVersion: string;
  readonly branch: string;
  /** Folder of the pact files; passed to the CLI as a directory (a quoted glob fails, TOOLCHAIN.md §5). */
  readonly contractsDir: string;
  /** Environment for the child; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Each chunk the CLI prints, with the token blanked out. */
  readonly onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
}

export interface PublishResult {
  readonly exitCode: number;
  /** The pacticipants published, from the pact files. */
  readonly consumers: readonly string[];
  readonly output: string;
}

/** What the token is replaced with in anything printed. */
export const TOKEN_MASK = '***';

/** The `pact` bin of @pact-foundation/pact-cli (a Node script that runs the Rust binary for this platform). */
export function resolvePactCli(): string {
  const manifest = createRequire(import.meta.url).resolve('@pact-foundation/pact-cli/package.json');
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: Record<string, string> }).bin?.['pact'];
  if (!bin) throw new Error(`${manifest} declares no 'pact' bin`);
  return join(dirname(manifest), bin);
}

/** The arguments after `pact`, without any secret. */
export function publishArguments(options: PublishContractsOptions): string[] {
  return [
    'broker',
    'publish',
    resolve(options.contractsDir),
    '--consumer-app-version',
    options.consumerVersion,
    '--branch',
    options.branch,
    '--broker-base-url',
    options.brokerUrl,
  ];
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The consumer version: the commit the contracts were authored at (`git rev-parse HEAD`). */
export function gitCommit(cwd: string): string {
  return git(cwd, ['rev-parse', 'HEAD']);
}

/** The branch (`git rev-parse --abbrev-ref HEAD`); throws on a detached HEAD, which names no branch. */
export function gitBranch(cwd: string): string {
  const branch = git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']);
  if (branch === 'HEAD') throw new Error('HEAD is detached, so git names no branch');
  return branch;
}

/** Uncommitted changes under `dir`: then the commit does not describe the contracts being published. */
export function gitChanges(cwd: string, dir: string): string[] {
  return git(cwd, ['status', '--porcelain', '--', resolve(dir)])
    .split('\n')
    .filter((line) => line.trim() !== '');
}

export async function publishContracts(options: PublishContractsOptions): Promise<PublishResult> {
  const consumers = listPactFiles(options.contractsDir).map((pact) => pact.consumer);
  const token = options.brokerToken;
  const mask = (text: string) => (token ? text.split(token).join(TOKEN_MASK) : text);
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), PACT_DO_NOT_TRACK: 'true' };
  if (token !== undefined) env['PACT_BROKER_TOKEN'] = token;
  const child = spawn(process.execPath, [resolvePactCli(), ...publishArguments(options)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Whole lines only, so a token split across two chunks is still masked.
  const pending = { stdout: '', stderr: '' };
  const emit = (stream: 'stdout' | 'stderr', text: string) => {
    const masked = mask(text);
    output += masked;
    options.onOutput?.(stream, masked);
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
  return { exitCode, consumers, output };
}
