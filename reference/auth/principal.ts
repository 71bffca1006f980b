import type { JWTPayload } from 'jose';
import { unauthorized } from '../errors.js';

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
export function principalFromClaims(claims: JWTPayload): Principal {
  const tenantId = requiredString(claims, 'tid');
  const appId = requiredString(claims, 'app_id');
  const subject = requiredString(claims, 'sub');
  const clientId = typeof claims['client_id'] === 'string' ? claims['client_id'] : undefined;
  const permissions = Array.isArray(claims['ts_permissions'])
    ? claims['ts_permissions'].filter((p): p is string => typeof p === 'string')
    : [];
  return { type: recognizeTokenType(claims), tenantId, appId, clientId, subject, permissions };
}

/**
 * Decisions #10 (inferred): `Admin` in `roles` or `role` → admin; `sub` ≠ `client_id` → user; else client.
 * Both claim names are read because Transmit's docs use both (FACTS §5.1 #11).
 */
export function recognizeTokenType(claims: JWTPayload): TokenType {
  if (holdsAdminRole(claims['roles']) || holdsAdminRole(claims['role'])) return 'admin';
  return claims.sub !== claims['client_id'] ? 'user' : 'client';
}

function holdsAdminRole(value: unknown): boolean {
  if (value === 'Admin') return true;
  return Array.isArray(value) && value.includes('Admin');
}

function requiredString(claims: JWTPayload, name: string): string {
  const value = claims[name];
  if (typeof value !== 'string' || value === '')
    throw unauthorized(`the token has no '${name}' claim (a non-empty string)`);
  return value;
}
