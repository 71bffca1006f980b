/**
 * Real tokens from the live token endpoint: `POST {host}/oidc/token`, form-encoded client credentials (docs/facts.md §4.1).
 * Client tokens cannot be refreshed, only fetched again, so each token is cached until 60 s before it expires
 * (`expires_in`) and fetched anew after that; concurrent callers share one fetch.
 */
import { redactText, registerProcessSecret, type Send } from '../http/index.js';
import type { ClientCredentials, LiveCredentials } from './credentials.js';
import { decodeJwtClaims, type TokenClaims } from './jwt.js';

export const REFRESH_MARGIN_MS = 60_000;
/** docs/facts.md §4.1: the documented default lifetime, used when an answer names none. */
const DEFAULT_EXPIRES_IN_S = 3600;

export interface LiveToken {
  readonly accessToken: string;
  readonly claims: TokenClaims;
  readonly expiresAtMs: number;
}

/** The token endpoint refused or answered something unusable. */
export class TokenEndpointError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TokenEndpointError';
  }
}

export async function fetchClientCredentialsToken(
  send: Send,
  tokenUrl: string,
  credentials: ClientCredentials,
  nowMs: number,
): Promise<LiveToken> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  const res = await send({
    method: 'POST',
    url: tokenUrl,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  const body = (typeof res.json === 'object' && res.json !== null ? res.json : {}) as Record<string, unknown>;
  const accessToken = body['access_token'];
  if (res.status < 200 || res.status > 299 || typeof accessToken !== 'string' || accessToken === '') {
    const oauth = [body['error'], body['error_description']].filter((s) => typeof s === 'string').join(': ');
    const detail = oauth || res.text.replace(/\s+/g, ' ').slice(0, 160) || 'no body';
    throw new TokenEndpointError(
      redactText(
        `the token endpoint ${tokenUrl} answered ${res.status} for client ${credentials.clientId}` +
          `${res.status >= 200 && res.status < 300 ? ' without an access_token' : ''} (${detail})`,
      ),
      res.status,
    );
  }
  registerProcessSecret(accessToken);
  const claims = decodeJwtClaims(accessToken) ?? {};
  const expiresIn = body['expires_in'];
  const exp = claims['exp'];
  const expiresAtMs =
    typeof expiresIn === 'number' && expiresIn > 0
      ? nowMs + expiresIn * 1000
      : typeof exp === 'number'
        ? exp * 1000
        : nowMs + DEFAULT_EXPIRES_IN_S * 1000;
  return { accessToken, claims, expiresAtMs };
}

export interface TokenCacheOptions {
  readonly tokenUrl: string;
  readonly credentials: LiveCredentials;
  readonly send: Send;
  readonly now?: () => number;
}

export interface TokenCache {
  /** A ClientAccessToken of the credentials' app. */
  client(): Promise<LiveToken>;
  /** An AdminAccessToken, or undefined when no management-app credentials were given. */
  admin(): Promise<LiveToken | undefined>;
  /** How many times the endpoint was asked (for tests and logs). */
  readonly fetches: number;
}

export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const now = options.now ?? Date.now;
  let fetches = 0;
  const slot = (credentials: ClientCredentials): (() => Promise<LiveToken>) => {
    let current: Promise<LiveToken> | undefined;
    let expiresAtMs = 0;
    return () => {
      if (current && now() < expiresAtMs - REFRESH_MARGIN_MS) return current;
      fetches++;
      const fetching = fetchClientCredentialsToken(options.send, options.tokenUrl, credentials, now());
      current = fetching;
      // Until it settles, callers share the fetch; a failed fetch is not cached.
      expiresAtMs = Number.POSITIVE_INFINITY;
      fetching.then(
        (token) => {
          if (current === fetching) expiresAtMs = token.expiresAtMs;
        },
        () => {
          if (current === fetching) {
            current = undefined;
            expiresAtMs = 0;
          }
        },
      );
      return fetching;
    };
  };
  const client = slot(options.credentials.client);
  const admin = options.credentials.admin ? slot(options.credentials.admin) : undefined;
  return {
    client,
    admin: async () => (admin ? admin() : undefined),
    get fetches() {
      return fetches;
    },
  };
}
