/**
 * The options `run` and `cleanup` share for the live service: which host (`--production`, `--region`), how requests
 * are paced and bounded (`--rate`, `--max-requests`, `--retries`), and the credentials every live command needs.
 */
import { CREDENTIAL_VARIABLES, MissingCredentialsError, readLiveCredentials } from '../live/credentials.js';
import { isLiveRegion, LIVE_REGIONS, loopbackOrigin, type LiveHost } from '../live/hosts.js';
import type { TransportOptions } from '../targets/index.js';
import { UsageError } from './command.js';
import { integerFlag } from './flags.js';

/**
 * Live mode defaults (docs/design.md §5): a polite pace and a ceiling on what one run may send. The ceiling is about
 * 1.75 times the 1 143 requests a run of every suite sent to the sandbox stand-in (docs/guides/nightly-sandbox.md "The
 * request budget", decisions #73), so the full live suite finishes with room for retries.
 */
export const LIVE_DEFAULTS = { ratePerSecond: 5, maxRequests: 2000, retries: 3 } as const;

export const HOST_FLAGS = {
  production: { type: 'boolean' },
  region: { type: 'string' },
  'live-origin': { type: 'string' },
} as const;

export const TRANSPORT_FLAGS = {
  rate: { type: 'string' },
  'max-requests': { type: 'string' },
  retries: { type: 'string' },
} as const;

export const HOST_USAGE = `  --production            a production host instead of the sandbox (the run creates and deletes clients there)
  --region us|eu|ca|au    the production region (default us; needs --production: the sandbox has one host)
  --live-origin URL       a loopback stand-in of the sandbox instead (cis-conformance sandbox-standin), e.g.
                          http://127.0.0.1:8080; any other host is refused. Reports name it sandbox-standin URL`;

export const TRANSPORT_USAGE = `  --rate N                requests per second over the whole run (live default ${LIVE_DEFAULTS.ratePerSecond}; otherwise unlimited)
  --max-requests N        request budget; once spent, the remaining checks end as errors (live default ${LIVE_DEFAULTS.maxRequests})
  --retries N             retries of 429s, and of 502/503/504 and broken connections on GET/PUT/DELETE (live default ${LIVE_DEFAULTS.retries})`;

export const CREDENTIALS_USAGE = `Credentials (live mode), from the environment only:
  ${CREDENTIAL_VARIABLES.clientId}, ${CREDENTIAL_VARIABLES.clientSecret}    required: a client of the app the run works in
  ${CREDENTIAL_VARIABLES.adminClientId}, ${CREDENTIAL_VARIABLES.adminClientSecret}   optional: a management app, for admin tokens
  ${CREDENTIAL_VARIABLES.userToken}          optional: a user access token of the app`;

export function resolveLiveHost(values: { production?: boolean; region?: string; 'live-origin'?: string }): LiveHost {
  const standin = values['live-origin'];
  if (standin !== undefined) {
    if (values.production || values.region !== undefined) {
      throw new UsageError(
        '--live-origin aims live mode at a loopback stand-in; it cannot be combined with --production or --region',
        '--live-origin',
      );
    }
    const parsed = loopbackOrigin(standin);
    if ('refused' in parsed) throw new UsageError(`--live-origin: ${parsed.refused}`, '--live-origin');
    return { environment: 'standin', origin: parsed.origin };
  }
  if (values.region !== undefined && !isLiveRegion(values.region)) {
    throw new UsageError(`--region must be one of ${LIVE_REGIONS.join(', ')}, got '${values.region}'`, '--region');
  }
  if (!values.production) {
    if (values.region !== undefined) {
      throw new UsageError(
        '--region selects a production host and needs --production (the sandbox has one host)',
        '--region',
      );
    }
    return { environment: 'sandbox' };
  }
  return { environment: 'production', region: values.region ?? 'us' };
}

/** The transport options; live mode fills in its defaults, elsewhere only what was given (undefined if nothing). */
export function resolveTransport(
  values: { rate?: string; 'max-requests'?: string; retries?: string },
  live: boolean,
): TransportOptions | undefined {
  const rate = values.rate !== undefined ? decimal('--rate', values.rate, 0.1, 1000) : undefined;
  const max =
    values['max-requests'] !== undefined
      ? integerFlag('--max-requests', values['max-requests'], 1, 10_000_000)
      : undefined;
  const retries = values.retries !== undefined ? integerFlag('--retries', values.retries, 0, 10) : undefined;
  if (live) {
    return {
      ratePerSecond: rate ?? LIVE_DEFAULTS.ratePerSecond,
      maxRequests: max ?? LIVE_DEFAULTS.maxRequests,
      retries: retries ?? LIVE_DEFAULTS.retries,
    };
  }
  if (rate === undefined && max === undefined && retries === undefined) return undefined;
  return {
    ...(rate !== undefined ? { ratePerSecond: rate } : {}),
    ...(max !== undefined ? { maxRequests: max } : {}),
    ...(retries !== undefined ? { retries } : {}),
  };
}

/** Live commands need the credentials: a usage error naming the missing variables, before anything is sent. */
export function requireLiveCredentials(env: Readonly<Record<string, string | undefined>>, flag: string): void {
  try {
    readLiveCredentials(env);
  } catch (error) {
    if (error instanceof MissingCredentialsError) throw new UsageError(error.message, flag);
    throw error;
  }
}

function decimal(flag: string, value: string, min: number, max: number): number {
  const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number) || number < min || number > max) {
    throw new UsageError(`${flag} must be a number from ${min} to ${max}, got '${value}'`, flag);
  }
  return number;
}
