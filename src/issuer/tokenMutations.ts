/**
 * Claim-level token mutations: a valid token's claims, changed in exactly one header field, claim or signature
 * (the `TokenMutation` kinds of src/model/checkTokens.ts). The suites draw mutations with fast-check
 * (suites/support/claimMutations.ts); this file only mints what they describe.
 */
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { SignJWT, type JWTHeaderParameters } from 'jose';
import type { PublicKeyEncoding, TokenMutation } from '../model/checkTokens.js';
import type { Claims } from './claims.js';
import { SIGNING_ALG, type IssuerKeys } from './keys.js';
import { signClaims } from './signing.js';

export type { TokenMutation, PublicKeyEncoding };

/** Hosts under `.invalid` (RFC 2606): a key URL in a header can never be someone's real key set. */
export const FOREIGN_JKU = 'https://keys.attacker.invalid/jwks.json';
export const FOREIGN_X5U = 'https://keys.attacker.invalid/signing-cert.pem';
export const UNKNOWN_KID = 'no-such-key';

const HOUR = 3600;

/**
 * The bytes a verifier open to algorithm confusion uses as the HMAC secret: the trusted public key as it holds it
 * (a PEM file, as Node exports it, with its final newline; a DER blob; the JWK as JSON).
 */
export function publicKeyBytes(keys: IssuerKeys, encoding: PublicKeyEncoding): Uint8Array {
  const jwk = keys.publicJwks.keys.find((key) => key.kid === keys.kid);
  if (!jwk) throw new Error(`the issuer's JWKS has no key ${keys.kid}`);
  if (encoding === 'jwk-json') return new TextEncoder().encode(JSON.stringify(jwk));
  const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
  switch (encoding) {
    case 'spki-pem':
      return new TextEncoder().encode(key.export({ type: 'spki', format: 'pem' }) as string);
    case 'pkcs1-pem':
      return new TextEncoder().encode(key.export({ type: 'pkcs1', format: 'pem' }) as string);
    case 'spki-der':
      return new Uint8Array(key.export({ type: 'spki', format: 'der' }));
    default: {
      const unknown: never = encoding;
      throw new Error(`unknown public key encoding '${String(unknown)}'`);
    }
  }
}

/** `claims` (a valid token's) changed by `mutation`, signed as the mutation says. */
export async function mintMutatedToken(mutation: TokenMutation, claims: Claims, keys: IssuerKeys): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const trusted = (changed: Claims): Promise<string> => signClaims(changed, keys.signingKey, keys.kid);
  switch (mutation.kind) {
    case 'hmac-public-key':
      return new SignJWT(claims)
        .setProtectedHeader({ alg: mutation.alg, kid: keys.kid, typ: 'JWT' })
        .sign(publicKeyBytes(keys, mutation.secret));
    case 'unsigned': {
      const [, payload, signature] = (await trusted(claims)).split('.');
      const header = Buffer.from(JSON.stringify({ alg: mutation.alg, typ: 'JWT' })).toString('base64url');
      return `${header}.${payload}.${mutation.keepSignature ? signature : ''}`;
    }
    case 'untrusted-key':
      return new SignJWT(claims).setProtectedHeader(untrustedHeader(mutation.header, keys)).sign(keys.forgeryKey);
    case 'expires': {
      const exp = now + mutation.inSeconds;
      return trusted({ ...claims, iat: exp - HOUR, exp });
    }
    case 'not-before': {
      const nbf = now + mutation.inSeconds;
      return trusted({ ...claims, nbf, exp: Math.max(Number(claims['exp']), nbf + HOUR) });
    }
    case 'claim': {
      const { [mutation.name]: _dropped, ...rest } = claims;
      return trusted('value' in mutation ? { ...rest, [mutation.name]: mutation.value } : rest);
    }
    default: {
      const unknown: never = mutation;
      throw new Error(`unknown token mutation ${JSON.stringify(unknown)}`);
    }
  }
}

/** The header of a token signed by the untrusted key: RS256, and one field pointing at a key. */
function untrustedHeader(field: Extract<TokenMutation, { kind: 'untrusted-key' }>['header'], keys: IssuerKeys) {
  const base: JWTHeaderParameters = { alg: SIGNING_ALG, typ: 'JWT' };
  switch (field) {
    case 'kid-unknown':
      return { ...base, kid: UNKNOWN_KID };
    case 'kid-absent':
      return base;
    case 'jku':
      return { ...base, kid: keys.kid, jku: FOREIGN_JKU };
    case 'x5u':
      return { ...base, kid: keys.kid, x5u: FOREIGN_X5U };
    case 'jwk':
      return { ...base, jwk: keys.forgeryPublicJwk };
    default: {
      const unknown: never = field;
      throw new Error(`unknown untrusted-key header '${String(unknown)}'`);
    }
  }
}
