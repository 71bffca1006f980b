/**
 * Tokens that are valid in every respect but one (the token matrix of docs/design.md §1). Each is built from a client token
 * of the given spec, so a target that rejects it can only be rejecting it for the named defect.
 */
import { UnsecuredJWT } from 'jose';
import type { BrokenTokenKind } from '../model/checkTokens.js';
import { clientClaims, type ClientTokenSpec, type Claims, type MintOptions } from './claims.js';
import type { IssuerKeys } from './keys.js';
import { signClaims } from './signing.js';

export type { BrokenTokenKind };

export const BROKEN_TOKEN_KINDS: readonly BrokenTokenKind[] = [
  'malformed',
  'forged-signature',
  'alg-none',
  'expired',
  'not-yet-valid',
  'wrong-issuer',
  'wrong-audience',
];

/** Hosts under `.invalid` (RFC 2606) so the wrong values can never be someone's real issuer or resource. */
export const WRONG_ISSUER = 'https://untrusted-issuer.invalid';
export const WRONG_AUDIENCE = 'https://wrong-audience.invalid';

const HOUR = 3600;

/**
 * Three dot-separated segments, so a check that only counts dots passes it, but the header does not decode to JSON
 * and the signature is not one.
 */
export const MALFORMED_TOKEN = ['not-a-jwt-header', 'garbage-payload', 'no-signature']
  .map((segment) => Buffer.from(segment).toString('base64url'))
  .join('.');

export async function mintBrokenToken(
  kind: BrokenTokenKind,
  spec: ClientTokenSpec,
  keys: IssuerKeys,
  iss: string,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = (options: MintOptions): Claims => clientClaims(spec, options, iss);
  switch (kind) {
    case 'malformed':
      return MALFORMED_TOKEN;
    case 'forged-signature':
      return signClaims(claims({}), keys.forgeryKey, keys.kid);
    case 'alg-none':
      // RFC 7519 §6.1: header {"alg":"none"}, base64url segments, empty signature. jose builds it.
      return new UnsecuredJWT(claims({})).encode();
    case 'expired':
      return signClaims(claims({ issuedAt: now - 2 * HOUR, expiresInSeconds: HOUR }), keys.signingKey, keys.kid);
    case 'not-yet-valid':
      return signClaims(
        claims({ issuedAt: now, notBefore: now + HOUR, expiresInSeconds: 2 * HOUR }),
        keys.signingKey,
        keys.kid,
      );
    case 'wrong-issuer':
      return signClaims(claims({ iss: WRONG_ISSUER }), keys.signingKey, keys.kid);
    case 'wrong-audience':
      return signClaims(claims({ aud: WRONG_AUDIENCE }), keys.signingKey, keys.kid);
    default: {
      const unknown: never = kind;
      throw new Error(`unknown broken token kind '${String(unknown)}'; known: ${BROKEN_TOKEN_KINDS.join(', ')}`);
    }
  }
}
