/**
 * The token minting API for suites and the CLI. Every token is signed RS256 with the committed test key
 * (fixtures/keys/), so a target trusts it through the static jwks.json or the issuer's `/oidc/jwks`.
 */
import type { JsonWebKey } from 'node:crypto';
import type { JWK } from 'jose';
import {
  adminClaims,
  clientClaims,
  DEFAULT_EXPIRES_IN_SECONDS,
  DEFAULT_ISSUER,
  userClaims,
  type ClientTokenSpec,
  type MintOptions,
  type UserTokenSpec,
} from './claims.js';
import { mintBrokenToken, type BrokenTokenKind } from './brokenTokens.js';
import { loadIssuerKeys } from './keys.js';
import { signClaims } from './signing.js';
import { createSignedTokenCache } from './signedTokenCache.js';
import { mintMutatedToken, type TokenMutation } from './tokenMutations.js';

export type { ClientTokenSpec, UserTokenSpec, MintOptions, TokenType, Claims } from './claims.js';
export { expandPermissions, recogniseTokenType, DEFAULT_ISSUER, DEFAULT_AUDIENCE, ADMIN_ROLE } from './claims.js';
export { BROKEN_TOKEN_KINDS, type BrokenTokenKind } from './brokenTokens.js';

export interface Minter {
  readonly iss: string;
  client(spec: ClientTokenSpec, options?: MintOptions): Promise<string>;
  /** `spec.permissions` (default none) go into `ts_permissions` beside the Admin role. */
  admin(spec: ClientTokenSpec, options?: MintOptions): Promise<string>;
  user(spec: UserTokenSpec, options?: MintOptions): Promise<string>;
  /** A client token of `spec` that is valid in every respect but `kind`. */
  broken(kind: BrokenTokenKind, spec: ClientTokenSpec): Promise<string>;
  /** A valid client (or user) token of `base` changed by exactly one mutation (src/issuer/tokenMutations.ts). */
  mutated(mutation: TokenMutation, base: MutationBase): Promise<string>;
  /** The public JWKS of the signing key (what `GET /oidc/jwks` serves). */
  jwks(): { keys: JsonWebKey[] };
}

/** The valid token a mutation starts from. */
export type MutationBase =
  { readonly type: 'client'; readonly spec: ClientTokenSpec } | { readonly type: 'user'; readonly spec: UserTokenSpec };

export interface MinterOptions {
  /** Directory holding `fixtures/keys/`. */
  packageRoot: string;
  /** Default `https://userid.security`. */
  iss?: string;
}

export async function createMinter(options: MinterOptions): Promise<Minter> {
  const keys = await loadIssuerKeys(options.packageRoot);
  const iss = options.iss ?? DEFAULT_ISSUER;
  const sign = (claims: Record<string, unknown>): Promise<string> => signClaims(claims, keys.signingKey, keys.kid);
  // Default-option tokens of the same kind and spec are the same token but for iat/exp/jti: signed once, reused
  // for half their lifetime (src/issuer/signedTokenCache.ts). A token with options of its own is always fresh.
  const cache = createSignedTokenCache({ reuseMs: (DEFAULT_EXPIRES_IN_SECONDS * 1000) / 2, maxEntries: 5_000 });
  const cached = (kind: string, spec: object, mint: MintOptions, claims: () => Record<string, unknown>) =>
    Object.keys(mint).length === 0 ? cache.get(`${kind}|${JSON.stringify(spec)}`, () => sign(claims())) : sign(claims());
  return Object.freeze({
    iss,
    client: async (spec: ClientTokenSpec, mint: MintOptions = {}) =>
      cached('client', spec, mint, () => clientClaims(spec, mint, iss)),
    admin: async (spec: ClientTokenSpec, mint: MintOptions = {}) =>
      cached('admin', spec, mint, () => adminClaims(spec, mint, iss)),
    user: async (spec: UserTokenSpec, mint: MintOptions = {}) =>
      cached('user', spec, mint, () => userClaims(spec, mint, iss)),
    broken: async (kind: BrokenTokenKind, spec: ClientTokenSpec) => mintBrokenToken(kind, spec, keys, iss),
    mutated: async (mutation: TokenMutation, base: MutationBase) =>
      mintMutatedToken(
        mutation,
        base.type === 'client' ? clientClaims(base.spec, {}, iss) : userClaims(base.spec, {}, iss),
        keys,
      ),
    // A fresh copy each call, so a caller that mutates it cannot change what the issuer serves.
    jwks: () => ({ keys: keys.publicJwks.keys.map((key: JWK) => ({ ...key }) as JsonWebKey) }),
  });
}
