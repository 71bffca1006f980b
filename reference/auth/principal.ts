import type { JWTPayload } from 'jose';
import { unauthorized } from '../errors.js';
import type { FaultSwitch } from '../faults.js';

export type TokenType = 'client' | 'admin' | 'user';

/** The caller, as a verified token describes it. */
export interface Principal {
  readonly type: TokenType;
  readonly tenantId: string;
  /** The token's own app (`app_id`). */
  readonly appId: string;
  readonly clientId?: string;
  /** `sub`: the client id for client and admin tokens, the user id for user tokens. */
  readonly subject: string;
  /** `ts_permissions`; a token without the claim holds none (decisions #11). */
  readonly permissions: readonly string[];
}

/** Builds the principal from verified claims; a token without the identity claims this API needs is a 401. */
export function principalFromClaims(claims: JWTPayload, faults?: FaultSwitch): Principal {
  const tenantId = requiredString(claims, 'tid');
  const appId = requiredString(claims, 'app_id');
  const subject = requiredString(claims, 'sub');
  const clientId = typeof claims['client_id'] === 'string' ? claims['client_id'] : undefined;
  const permissions = Array.isArray(claims['ts_permissions'])
    ? claims['ts_permissions'].filter((p): p is string => typeof p === 'string')
    : [];
  // `scope-read-as-permissions`: the OAuth scopes are taken for permissions too.
  if (faults?.isOn('scope-read-as-permissions') && typeof claims['scope'] === 'string')
    permissions.push(...claims['scope'].split(' '));
  return { type: recognizeTokenType(claims, faults), tenantId, appId, clientId, subject, permissions };
}

/**
 * Decisions #10 (inferred): `Admin` in `roles` or `role` → admin; `sub` ≠ `client_id` → user; else client.
 * Both claim names are read because Transmit's docs use both (docs/facts.md §5.1 #11).
 */
export function recognizeTokenType(claims: JWTPayload, faults?: FaultSwitch): TokenType {
  // `admin-role-any-case`: any role spelled admin in any case counts as the Admin marker.
  const anyCase = faults?.isOn('admin-role-any-case') ?? false;
  if (holdsAdminRole(claims['roles'], anyCase) || holdsAdminRole(claims['role'], anyCase)) return 'admin';
  return claims.sub !== claims['client_id'] ? 'user' : 'client';
}

function holdsAdminRole(value: unknown, anyCase = false): boolean {
  const isAdmin = (role: unknown): boolean => role === 'Admin' || (anyCase && String(role).toLowerCase() === 'admin');
  return Array.isArray(value) ? value.some(isAdmin) : isAdmin(value);
}

function requiredString(claims: JWTPayload, name: string): string {
  const value = claims[name];
  if (typeof value !== 'string' || value === '')
    throw unauthorized(`the token has no '${name}' claim (a non-empty string)`);
  return value;
}
