import { SignJWT, type CryptoKey } from 'jose';
import { SIGNING_ALG } from './keys.js';
import type { Claims } from './claims.js';

/** Signs claims as they are (no defaults added): header `alg: RS256`, the given `kid`, `typ: JWT`. */
export function signClaims(claims: Claims, key: CryptoKey, kid: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: SIGNING_ALG, kid, typ: 'JWT' }).sign(key);
}
