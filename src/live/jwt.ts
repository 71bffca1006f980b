/**
 * Reading the claims of the live service's own tokens. They are not verified: they come straight from the token
 * endpoint over HTTPS, and the harness reads them only to learn which tenant, app and client it works in.
 */
import type { AppFixture } from '../model/fixtures.js';

export type TokenClaims = Readonly<Record<string, unknown>>;

/** The payload of a JWS compact token, or undefined when it is not one. */
export function decodeJwtClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as TokenClaims)
      : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The app a client token belongs to (docs/facts.md §4.3: `tid`, `app_id`, `app_name`, `client_id`, `sub` = the client).
 * Returns the reason instead when a claim the harness needs is missing.
 */
export function appOfClaims(claims: TokenClaims): AppFixture | string {
  const tenantId = text(claims['tid']);
  const appId = text(claims['app_id']);
  const clientId = text(claims['client_id']) ?? text(claims['sub']);
  const missing = [...(tenantId ? [] : ['tid']), ...(appId ? [] : ['app_id']), ...(clientId ? [] : ['client_id'])];
  if (missing.length > 0)
    return `the live token has no ${missing.join(', ')} claim, so the app it belongs to is unknown`;
  return {
    tenantId: tenantId as string,
    appId: appId as string,
    appName: text(claims['app_name']) ?? (appId as string),
    clientId: clientId as string,
  };
}

/** `ts_permissions` (docs/facts.md §4.3), or none. */
export function permissionsOfClaims(claims: TokenClaims): string[] {
  const value = claims['ts_permissions'];
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
}
