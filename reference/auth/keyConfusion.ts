/**
 * Two seeded verifier defects of reference/faults.ts, each a key-selection bug real JWT libraries have shipped:
 * `hmac-public-key-accepted` (algorithm confusion: an HS* token verified with the trusted RSA public key's PEM
 * as the HMAC secret) and `embedded-jwk-trusted` (the key a token embeds in its `jwk` header is trusted). Only
 * the verifier's fault branches call them; the clean reference never does.
 */
import { KeyObject } from 'node:crypto';
import { decodeProtectedHeader, EmbeddedJWK, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { KeySource } from './keySource.js';

const HMAC_ALGS = ['HS256', 'HS384', 'HS512'];

/** The claim checks of the clean verifier, without its algorithm list. */
export interface ClaimChecks {
  readonly issuer: string;
  readonly audiences: readonly string[];
}

function options(checks: ClaimChecks, algorithms: string[]): JWTVerifyOptions {
  return {
    algorithms,
    issuer: checks.issuer,
    audience: [...checks.audiences],
    requiredClaims: ['exp'],
    clockTolerance: 0,
  };
}

/**
 * `hmac-public-key-accepted`: an HS256/384/512 token whose `kid` names a trusted RSA key is verified with that key's
 * SPKI PEM (as a PEM file holds it) as the HMAC secret. Null when the token is not such a token.
 */
export async function verifyWithPublicKeyAsSecret(
  token: string,
  keys: KeySource,
  checks: ClaimChecks,
): Promise<JWTPayload | null> {
  const header = decodeProtectedHeader(token);
  if (typeof header.alg !== 'string' || !HMAC_ALGS.includes(header.alg)) return null;
  const key = await keys.getKey({ ...header, alg: 'RS256' }, { payload: '', signature: '' });
  const pem = (key instanceof KeyObject ? key : KeyObject.from(key as Parameters<typeof KeyObject.from>[0])).export({
    type: 'spki',
    format: 'pem',
  });
  return (await jwtVerify(token, new TextEncoder().encode(String(pem)), options(checks, HMAC_ALGS))).payload;
}

/** `embedded-jwk-trusted`: a token with a `jwk` header is verified with the key it carries. Null without one. */
export async function verifyWithEmbeddedKey(token: string, checks: ClaimChecks): Promise<JWTPayload | null> {
  if (decodeProtectedHeader(token).jwk === undefined) return null;
  return (await jwtVerify(token, EmbeddedJWK, options(checks, ['RS256']))).payload;
}
