/**
 * The broker side of `pact verify` and the broker commands: credentials from the environment only, the broker
 * URL, the selectors and the provider version, branch and clean-tree rules. The user's view:
 * docs/guides/pact.md "5. Verify the pacts a broker holds".
 */
import { execFileSync } from 'node:child_process';
import {
  brokerAuthFromEnv,
  secretFlagIn,
  secretFlagMessage,
  urlCredentialsProblem,
  type BrokerAuth,
} from '../../pact/brokerCredentials.js';
import { DEFAULT_SELECTORS, type BrokerSource, type ConsumerVersionSelector } from '../../pact/verifyBroker.js';
import { UsageError } from '../command.js';

/** Refuses `--broker-token` and its kin (as flags the commands declare only to refuse them). */
export function refuseSecretFlags(args: readonly string[]): void {
  const flag = secretFlagIn(args);
  if (flag !== undefined) throw new UsageError(secretFlagMessage(flag), flag.replace(/=.*$/, ''));
}

export function brokerAuth(env: NodeJS.ProcessEnv = process.env): BrokerAuth {
  try {
    return brokerAuthFromEnv(env);
  } catch (error) {
    throw new UsageError(`Pact Broker credentials: ${(error as Error).message}`);
  }
}

/** `--broker-url`, else `PACT_BROKER_BASE_URL`; an http(s) URL without credentials in it. */
export function brokerUrl(flag: string | undefined, required: boolean): string | undefined {
  const value = flag ?? (required ? process.env['PACT_BROKER_BASE_URL'] : undefined);
  if (value === undefined || value === '') {
    if (required) throw new UsageError('--broker-url is required (or set PACT_BROKER_BASE_URL)', '--broker-url');
    return undefined;
  }
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(
      `--broker-url must be an http(s) URL, got '${value.replace(/\/\/[^@/]*@/, '//***@')}'`,
      '--broker-url',
    );
  }
  const problem = urlCredentialsProblem(value);
  if (problem) throw new UsageError(`--broker-url: ${problem}`, '--broker-url');
  return value.replace(/\/+$/, '');
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/** `git rev-parse HEAD` in `cwd`, or undefined (no git, no repository). */
export function gitHead(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', 'HEAD']);
  } catch {
    return undefined;
  }
}

/** The current branch, or undefined (detached HEAD, no repository). */
export function gitBranchOf(cwd: string): string | undefined {
  try {
    const branch = git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']);
    return branch === 'HEAD' ? undefined : branch;
  } catch {
    return undefined;
  }
}

/** Tracked files with uncommitted changes in the repository around `cwd`; throws when git cannot tell. */
export function dirtyFiles(cwd: string): string[] {
  return git(cwd, ['status', '--porcelain', '--untracked-files=no'])
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** `--consumer-version-selectors JSON`: a non-empty array of objects (Pact's selector objects). */
export function parseSelectors(value: string | undefined): ConsumerVersionSelector[] {
  if (value === undefined) return DEFAULT_SELECTORS.map((s) => ({ ...s }));
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new UsageError(
      `--consumer-version-selectors is not JSON: ${firstLine(error)}`,
      '--consumer-version-selectors',
    );
  }
  const ok =
    Array.isArray(parsed) &&
    parsed.length > 0 &&
    parsed.every(
      (s) =>
        typeof s === 'object' &&
        s !== null &&
        !Array.isArray(s) &&
        Object.keys(s).length > 0 &&
        Object.values(s).every((v) => typeof v === 'string' || typeof v === 'boolean'),
    );
  if (!ok) {
    throw new UsageError(
      `--consumer-version-selectors must be a non-empty JSON array of selector objects, e.g. '[{"mainBranch":true},{"deployedOrReleased":true}]'`,
      '--consumer-version-selectors',
    );
  }
  return parsed as ConsumerVersionSelector[];
}

export interface BrokerVerifyFlags {
  readonly 'broker-url'?: string | undefined;
  readonly provider?: string | undefined;
  readonly 'provider-version'?: string | undefined;
  readonly 'provider-branch'?: string | undefined;
  readonly 'consumer-version-selectors'?: string | undefined;
  readonly 'enable-pending'?: boolean | undefined;
  readonly 'include-wip-pacts-since'?: string | undefined;
  readonly 'publish-verification-results'?: boolean | undefined;
  readonly 'allow-dirty'?: boolean | undefined;
}

const BROKER_ONLY = [
  'provider',
  'provider-version',
  'provider-branch',
  'consumer-version-selectors',
  'include-wip-pacts-since',
] as const;
const BROKER_ONLY_SWITCHES = ['enable-pending', 'publish-verification-results', 'allow-dirty'] as const;

/**
 * The broker source of `pact verify --broker-url`, or undefined in local-file mode (then no broker flag may be
 * given). `cwd` is where git is asked for the provider version, branch and clean tree.
 */
export function brokerSourceOf(
  values: BrokerVerifyFlags,
  defaults: { readonly provider: string; readonly cwd: string },
  warn: (line: string) => void,
): BrokerSource | undefined {
  const url = brokerUrl(values['broker-url'], false);
  if (url === undefined) {
    const stray = [
      ...BROKER_ONLY.filter((f) => values[f] !== undefined),
      ...BROKER_ONLY_SWITCHES.filter((f) => values[f] === true),
    ];
    if (stray.length > 0) {
      throw new UsageError(`--${stray[0]} applies to broker mode only (add --broker-url URL)`, `--${stray[0]}`);
    }
    return undefined;
  }
  const publish = values['publish-verification-results'] === true;
  const explicitVersion = values['provider-version'];
  if (publish && explicitVersion === undefined) {
    throw new UsageError(
      '--publish-verification-results needs an explicit --provider-version (the version the results are recorded for, e.g. "$(git rev-parse HEAD)")',
      '--provider-version',
    );
  }
  const wip = values['include-wip-pacts-since'];
  if (wip !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(wip) || Number.isNaN(Date.parse(wip))) {
      throw new UsageError(
        `--include-wip-pacts-since must be a date YYYY-MM-DD, got '${wip}'`,
        '--include-wip-pacts-since',
      );
    }
    if (values['enable-pending'] !== true) {
      throw new UsageError(
        '--include-wip-pacts-since needs --enable-pending (work-in-progress pacts are verified as pending)',
        '--include-wip-pacts-since',
      );
    }
  }
  if (publish && values['allow-dirty'] !== true) {
    let dirty: string[];
    try {
      dirty = dirtyFiles(defaults.cwd);
    } catch (error) {
      throw new UsageError(
        `--publish-verification-results: cannot tell whether ${defaults.cwd} is a clean git tree (${firstLine(error)}); pass --allow-dirty if version ${explicitVersion} describes what runs`,
        '--allow-dirty',
      );
    }
    if (dirty.length > 0) {
      const shown = dirty
        .slice(0, 5)
        .map((l) => l.trim())
        .join(', ');
      throw new UsageError(
        `--publish-verification-results refused: the git tree has uncommitted changes (${shown}${dirty.length > 5 ? ', …' : ''}), so version ${explicitVersion} does not describe what runs. Commit them, or pass --allow-dirty`,
        '--allow-dirty',
      );
    }
  }
  const providerVersion = explicitVersion ?? gitHead(defaults.cwd) ?? 'unknown';
  const providerBranch = values['provider-branch'] ?? gitBranchOf(defaults.cwd);
  if (providerBranch === undefined) {
    warn(
      'warning: no provider branch (git names none here; pass --provider-branch): the broker cannot tell which pacts are pending for it',
    );
  }
  return {
    brokerUrl: url,
    auth: brokerAuth(),
    provider: values.provider ?? defaults.provider,
    consumerVersionSelectors: parseSelectors(values['consumer-version-selectors']),
    enablePending: values['enable-pending'] === true,
    ...(wip !== undefined ? { includeWipPactsSince: wip } : {}),
    providerVersion,
    ...(providerBranch !== undefined ? { providerBranch } : {}),
    publish,
  };
}
