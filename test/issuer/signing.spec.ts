import { describe, expect, it } from 'vitest';
import { SignJWT, jwtVerify, importJWK, type CryptoKey } from 'jose';
import { join } from 'node:path';
import { signClaims } from '../../src/issuer/signing.js';
import { loadIssuerKeys, SIGNING_ALG } from '../../src/issuer/keys.js';

const root = join(import.meta.dirname, '..', '..');

describe('signClaims', () => {
  it('makes the token jose SignJWT makes, byte for byte, and the trusted key verifies it', async () => {
    const keys = await loadIssuerKeys(root);
    const samples = [
      { sub: 'client-1', iat: 1_700_000_000, exp: 1_700_003_600, aud: 'userid-api', iss: 'https://userid.security' },
      { sub: 'ü-ser ☃', ts_permissions: ['apps:read', 'apps:edit'], nested: { a: [1, null, true] }, jti: 'x"y\\z' },
      {},
    ];
    for (const claims of samples) {
      const ours = await signClaims(claims, keys.signingKey, keys.kid);
      const jose = await new SignJWT(claims)
        .setProtectedHeader({ alg: SIGNING_ALG, kid: keys.kid, typ: 'JWT' })
        .sign(keys.signingKey);
      expect(ours).toBe(jose);
      const publicKey = (await importJWK(keys.publicJwks.keys[0]!, SIGNING_ALG)) as CryptoKey;
      const { payload, protectedHeader } = await jwtVerify(ours, publicKey, {
        currentDate: new Date(1_700_000_100_000),
      });
      expect(payload).toEqual(claims);
      expect(protectedHeader).toEqual({ alg: 'RS256', kid: keys.kid, typ: 'JWT' });
    }
  });

  it('signs with the key it is given: a forgery-key token differs and fails the trusted key', async () => {
    const keys = await loadIssuerKeys(root);
    const claims = { sub: 'c', exp: 1_700_003_600 };
    const trusted = await signClaims(claims, keys.signingKey, keys.kid);
    const forged = await signClaims(claims, keys.forgeryKey, keys.kid);
    expect(forged.split('.').slice(0, 2)).toEqual(trusted.split('.').slice(0, 2));
    expect(forged).not.toBe(trusted);
    const publicKey = (await importJWK(keys.publicJwks.keys[0]!, SIGNING_ALG)) as CryptoKey;
    await expect(jwtVerify(forged, publicKey, { currentDate: new Date(1_700_000_000_000) })).rejects.toThrow();
  });

  it('refuses claims that are not an object, as jose does', async () => {
    const keys = await loadIssuerKeys(root);
    await expect(signClaims([] as never, keys.signingKey, keys.kid)).rejects.toThrow(/MUST be an object/);
  });
});
