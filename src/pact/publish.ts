/**
 * Publishing `contracts/` to a Pact Broker through the Pact CLI of `@pact-foundation/pact-cli` (the Rust `pact`
 * binary, TOOLCHAIN.md §5): `pact broker publish <dir> --consumer-app-version V --branch B --broker-base-url URL`.
 * The credentials travel in the child's environment (pactCli.ts), never on its command line, and are blanked out
 * of everything the child prints.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { BrokerAuth } from './brokerCredentials.js';
import { listPactFiles } from './pactFiles.js';
import { runPactCli } from './pactCli.js';

export { resolvePactCli } from './pactCli.js';

export interface PublishContractsOptions {
  readonly brokerUrl: string;
  /** From the environment (brokerCredentials.ts); default none. */
  readonly auth?: BrokerAuth;
  readonly consumerVersion: string;
  readonly branch: string;
  /** Folder of the pact files; passed to the CLI as a directory (a quoted glob fails, TOOLCHAIN.md §5). */
  readonly contractsDir: string;
  /** Environment for the child; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Each chunk the CLI prints, with the secrets blanked out. */
  readonly onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
}

export interface PublishResult {
  readonly exitCode: number;
  /** The pacticipants published, from the pact files. */
  readonly consumers: readonly string[];
  readonly output: string;
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
  const result = await runPactCli({
    args: publishArguments(options),
    auth: options.auth ?? { kind: 'none' },
    ...(options.env ? { env: options.env } : {}),
    ...(options.onOutput ? { onOutput: options.onOutput } : {}),
  });
  return { ...result, consumers };
}
