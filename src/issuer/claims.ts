/**
 * The claim layouts of the three token types (docs/design.md §2.2; docs/facts.md §4.3–4.5).
 * Pure functions: the minter signs what these build.
 */
import { randomUUID } from 'node:crypto';

/** Transmit's documented issuer (docs/facts.md §4.3). */
export const DEFAULT_ISSUER = 'https://userid.security';
/** `aud` when no resource was requested (docs/facts.md §4.3). */
export const DEFAULT_AUDIENCE = 'userid-api';
/**
 * Unknown: what scope a client_credentials token carries. We use the value of the documented example token
 * (docs/facts.md §4.3) so harness tokens look like Transmit's; no check depends on it.
 */
export const DEFAULT_SCOPE = 'openid offline_access';
export const DEFAULT_EXPIRES_IN_SECONDS = 3600;
export const ADMIN_ROLE = 'Admin';

export type TokenType = 'client' | 'admin' | 'user';

export interface ClientTokenSpec {
  tenantId: string;
  appId: string;
  appName: string;
  clientId: string;
  /** Already expanded, e.g. `app123:read` (see expandPermissions). Goes into `ts_permissions`. */
  permissions?: readonly string[];
  /** Client role ids; go into `ts_roles`. */
  roles?: readonly string[];
  scope?: string;
  /** The requested resource; `userid-api` when absent. */
  aud?: string;
}

export interface UserTokenSpec {
  tenantId: string;
  appId: string;
  appName: string;
  clientId: string;
  userId: string;
  /** The user's role ids (the `roles` claim). */
  roles?: readonly string[];
  scope?: string;
  aud?: string;
}

export interface MintOptions {
  iss?: string;
  /** Overrides the spec's `aud`. */
  aud?: string;
  /** Default 3600 (Transmit's token lifetime). */
  expiresInSeconds?: number;
  /** Epoch seconds; default now. */
  issuedAt?: number;
  /** Epoch seconds; `nbf` is set only when given (it is optional in Transmit's layout). */
  notBefore?: number;
}

export type Claims = Record<string, unknown>;

/** `'[appId]:read'` → `'<appId>:read'`; other permissions pass unchanged (docs/design.md §2.2: `[appId]` is the app's own id). */
export function expandPermissions(permissions: readonly string[], appId: string): string[] {
  return permissions.map((permission) => permission.replaceAll('[appId]', appId));
}

function includesAdmin(value: unknown): boolean {
  return Array.isArray(value) ? value.includes(ADMIN_ROLE) : value === ADMIN_ROLE;
}

/**
 * How a target tells the token types apart (inferred; docs/decisions.md #10): `Admin` in `roles` or `role` → admin;
 * `sub` ≠ `client_id` → user; else client. One definition for tests, docs and the reference to agree on.
 */
export function recogniseTokenType(claims: Claims): TokenType {
  if (includesAdmin(claims['roles']) || includesAdmin(claims['role'])) return 'admin';
  if (claims['sub'] !== claims['client_id']) return 'user';
  return 'client';
}

function timeClaims(options: MintOptions): Claims {
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const exp = iat + (options.expiresInSeconds ?? DEFAULT_EXPIRES_IN_SECONDS);
  return options.notBefore === undefined ? { iat, exp } : { iat, nbf: options.notBefore, exp };
}

function appClaims(spec: { tenantId: string; appId: string; appName: string; clientId: string }): Claims {
  return { tid: spec.tenantId, app_name: spec.appName, app_id: spec.appId, client_id: spec.clientId };
}

/** ClientAccessToken: `sub` = `client_id`, `roles: []`, the client's roles and permissions in `ts_roles`/`ts_permissions`. */
export function clientClaims(spec: ClientTokenSpec, options: MintOptions, defaultIss: string): Claims {
  return {
    ...appClaims(spec),
    roles: [],
    ts_roles: [...(spec.roles ?? [])],
    ts_permissions: [...(spec.permissions ?? [])],
    jti: randomUUID(),
    sub: spec.clientId,
    ...timeClaims(options),
    scope: spec.scope ?? DEFAULT_SCOPE,
    iss: options.iss ?? defaultIss,
    aud: options.aud ?? spec.aud ?? DEFAULT_AUDIENCE,
  };
}

/**
 * AdminAccessToken: a client token of a management app. The guide's claim table puts `Admin` in `role`, while its
 * example token has the key `roles` (docs/facts.md §4.3), so we set both: a target reading either key sees an admin.
 * Management apps cannot hold client roles (docs/facts.md §4.6), so `ts_permissions` is empty unless the spec names some (a
 * token-type check does, to isolate the type); an admin passes permission checks through its role (docs/decisions.md
 * #11).
 */
export function adminClaims(spec: ClientTokenSpec, options: MintOptions, defaultIss: string): Claims {
  return {
    ...clientClaims({ ...spec, permissions: spec.permissions ?? [] }, options, defaultIss),
    roles: [ADMIN_ROLE],
    role: [ADMIN_ROLE],
  };
}

/** UserAccessToken: `sub` = the user id (≠ `client_id`), the user's role ids in `roles`. */
export function userClaims(spec: UserTokenSpec, options: MintOptions, defaultIss: string): Claims {
  if (spec.userId === spec.clientId) {
    throw new Error(
      `a user token needs a userId different from its clientId (${spec.clientId}), or it reads as a client token`,
    );
  }
  return {
    ...appClaims(spec),
    roles: [...(spec.roles ?? [])],
    sub: spec.userId,
    ...timeClaims(options),
    scope: spec.scope ?? DEFAULT_SCOPE,
    iss: options.iss ?? defaultIss,
    aud: options.aud ?? spec.aud ?? DEFAULT_AUDIENCE,
  };
}
