import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  EmbeddedJWK,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyOptions,
} from 'jose';
import { createMinter, type Minter, type MutationBase } from '../../src/issuer/minter.js';
import { loadIssuerKeys } from '../../src/issuer/keys.js';
import { FOREIGN_JKU, FOREIGN_X5U, publicKeyBytes, UNKNOWN_KID } from '../../src/issuer/tokenMutations.js';
import type { PublicKeyEncoding, TokenMutation } from '../../src/model/checkTokens.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const jwks = JSON.parse(readFileSync(`${packageRoot}fixtures/keys/jwks.json`, 'utf8')) as JSONWebKeySet;
const trusted = createLocalJWKSet(jwks);
const valid: JWTVerifyOptions = {
  issuer: 'https://userid.security',
  audience: 'userid-api',
  algorithms: ['RS256'],
  requiredClaims: ['exp'],
};
const client: MutationBase = {
  type: 'client',
  spec: { tenantId: 't1', appId: 'a1', appName: 'A', clientId: 'c1', permissions: ['apps:read'] },
};
const user: MutationBase = {
  type: 'user',
  spec: { tenantId: 't1', appId: 'a1', appName: 'A', clientId: 'c1', userId: 'u1' },
};

let minter: Minter;
beforeAll(async () => {
  minter = await createMinter({ packageRoot });
});

/** jose's error code for the clean verifier's refusal of `token`. */
async function refusal(token: string): Promise<string> {
  try {
    await jwtVerify(token, trusted, valid);
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error('the trusted verifier accepted the mutated token');
}

describe('token mutations', () => {
  it.each(['spki-pem', 'pkcs1-pem', 'spki-der', 'jwk-json'] as PublicKeyEncoding[])(
    'hmac-public-key with %s: verifies with those public bytes as the HMAC secret, and only with them',
    async (secret) => {
      const token = await minter.mutated({ kind: 'hmac-public-key', alg: 'HS384', secret }, client);
      expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS384', kid: jwks.keys[0]?.kid });
      const keys = await loadIssuerKeys(packageRoot);
      const { payload } = await jwtVerify(token, publicKeyBytes(keys, secret), { algorithms: ['HS384'] });
      expect(payload).toMatchObject({ sub: 'c1', ts_permissions: ['apps:read'] });
      expect(await refusal(token)).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    },
  );

  it('the PEM secret is the file a PEM-holding verifier reads: SPKI, with its final newline', async () => {
    const pem = new TextDecoder().decode(publicKeyBytes(await loadIssuerKeys(packageRoot), 'spki-pem'));
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
  });

  it('unsigned: the alg as given, the claims unchanged, the signature emptied or kept', async () => {
    const empty = await minter.mutated({ kind: 'unsigned', alg: 'NONE', keepSignature: false }, client);
    const kept = await minter.mutated({ kind: 'unsigned', alg: 'none', keepSignature: true }, client);
    expect(decodeProtectedHeader(empty).alg).toBe('NONE');
    expect(empty.endsWith('.')).toBe(true);
    expect(kept.split('.')[2]?.length).toBeGreaterThan(100);
    expect(decodeJwt(empty)).toMatchObject({ sub: 'c1', iss: 'https://userid.security' });
    expect(await refusal(empty)).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    expect(await refusal(kept)).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('untrusted-key: signed by the forgery key, with the one header field named', async () => {
    const header = async (field: Extract<TokenMutation, { kind: 'untrusted-key' }>['header']) => {
      const token = await minter.mutated({ kind: 'untrusted-key', header: field }, client);
      return { token, header: decodeProtectedHeader(token) };
    };
    expect((await header('kid-unknown')).header.kid).toBe(UNKNOWN_KID);
    expect((await header('kid-absent')).header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect((await header('jku')).header.jku).toBe(FOREIGN_JKU);
    expect((await header('x5u')).header.x5u).toBe(FOREIGN_X5U);
    const embedded = await header('jwk');
    expect(embedded.header.jwk?.n).not.toBe(jwks.keys[0]?.n);
    // It verifies with the key it carries (what a verifier trusting embedded keys does) but not with the trusted one.
    await expect(jwtVerify(embedded.token, EmbeddedJWK)).resolves.toBeDefined();
    expect(await refusal(embedded.token)).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    expect(await refusal((await header('kid-unknown')).token)).toBe('ERR_JWKS_NO_MATCHING_KEY');
  });

  it('expires and not-before: times relative to now, iat an hour before exp, exp after nbf', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = decodeJwt(await minter.mutated({ kind: 'expires', inSeconds: -360 }, client));
    expect(expired.exp).toBeGreaterThanOrEqual(now - 361);
    expect(expired.exp).toBeLessThanOrEqual(now - 359);
    expect(expired.iat).toBe((expired.exp as number) - 3600);
    const early = decodeJwt(await minter.mutated({ kind: 'not-before', inSeconds: 30 }, client));
    expect((early.nbf as number) - now).toBeGreaterThanOrEqual(29);
    expect(early.exp).toBeGreaterThan(early.nbf as number);
  });

  it('claim: one claim set or removed, signed by the trusted key, on client and user tokens alike', async () => {
    const noExp = await minter.mutated({ kind: 'claim', name: 'exp' }, client);
    expect(decodeJwt(noExp)).not.toHaveProperty('exp');
    expect(await refusal(noExp)).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
    const scoped = await minter.mutated({ kind: 'claim', name: 'scope', value: 'apps:read apps:create' }, client);
    const { payload } = await jwtVerify(scoped, trusted, valid);
    expect(payload).toMatchObject({ scope: 'apps:read apps:create', ts_permissions: ['apps:read'] });
    const admin = await minter.mutated({ kind: 'claim', name: 'roles', value: ['admin'] }, user);
    expect((await jwtVerify(admin, trusted, valid)).payload).toMatchObject({ sub: 'u1', roles: ['admin'] });
  });
});
