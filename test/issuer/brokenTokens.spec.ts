import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  UnsecuredJWT,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  importJWK,
  jwtVerify,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyOptions,
} from 'jose';
import { BROKEN_TOKEN_KINDS, MALFORMED_TOKEN, WRONG_AUDIENCE, WRONG_ISSUER } from '../../src/issuer/brokenTokens.js';
import { createMinter, type BrokenTokenKind, type Minter } from '../../src/issuer/minter.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(`${packageRoot}${path}`, 'utf8')) as T;
const trusted = createLocalJWKSet(readJson<JSONWebKeySet>('fixtures/keys/jwks.json'));
const valid: JWTVerifyOptions = { issuer: 'https://userid.security', audience: 'userid-api', algorithms: ['RS256'] };
const spec = { tenantId: 't1', appId: 'a1', appName: 'A', clientId: 'c1', permissions: ['a1:read'] };

/** What jwtVerify must say about each kind: the error code and, for claim failures, the claim. */
const expectedRejection: Record<BrokenTokenKind, { code: string; claim?: string }> = {
  malformed: { code: 'ERR_JWS_INVALID' },
  'forged-signature': { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
  'alg-none': { code: 'ERR_JOSE_ALG_NOT_ALLOWED' },
  expired: { code: 'ERR_JWT_EXPIRED', claim: 'exp' },
  'not-yet-valid': { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'nbf' },
  'wrong-issuer': { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'iss' },
  'wrong-audience': { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'aud' },
};

let minter: Minter;
beforeAll(async () => {
  minter = await createMinter({ packageRoot });
});

describe('broken tokens', () => {
  it('covers every kind of the suite contract', () => {
    expect([...BROKEN_TOKEN_KINDS].sort()).toEqual(Object.keys(expectedRejection).sort());
  });

  it.each(BROKEN_TOKEN_KINDS)('jwtVerify rejects %s for its own reason', async (kind) => {
    const token = await minter.broken(kind, spec);
    const error = await jwtVerify(token, trusted, valid).then(
      () => undefined,
      (e: unknown) => e as { code?: string; claim?: string },
    );
    expect(error, `${kind} was accepted`).toBeDefined();
    expect(error?.code).toBe(expectedRejection[kind].code);
    if (expectedRejection[kind].claim) expect(error?.claim).toBe(expectedRejection[kind].claim);
  });

  it('malformed has three segments that do not decode', async () => {
    const token = await minter.broken('malformed', spec);
    expect(token).toBe(MALFORMED_TOKEN);
    expect(token.split('.')).toHaveLength(3);
    expect(() => decodeProtectedHeader(token)).toThrow();
  });

  it('forged-signature carries the trusted kid and verifies only under the forgery key', async () => {
    const token = await minter.broken('forged-signature', spec);
    expect(decodeProtectedHeader(token)).toEqual(decodeProtectedHeader(await minter.client(spec)));
    const forgery = readJson<JWK>('fixtures/keys/untrusted-forgery-key.private.jwk.json');
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...forgeryPublic } = forgery;
    await expect(jwtVerify(token, await importJWK(forgeryPublic, 'RS256'), valid)).resolves.toBeDefined();
  });

  it('alg-none is an RFC 7519 unsecured JWT with otherwise valid claims', async () => {
    const token = await minter.broken('alg-none', spec);
    expect(token.endsWith('.')).toBe(true);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'none' });
    const { payload } = UnsecuredJWT.decode(token, { issuer: valid.issuer!, audience: valid.audience! });
    expect(payload).toMatchObject({ sub: 'c1', ts_permissions: ['a1:read'] });
  });

  it('expired and not-yet-valid are an hour off, and valid at a time when they would be', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await minter.broken('expired', spec);
    expect(Math.abs(decodeJwt(expired).exp! - (now - 3600))).toBeLessThanOrEqual(5);
    await jwtVerify(expired, trusted, { ...valid, currentDate: new Date((now - 5400) * 1000) });
    const early = await minter.broken('not-yet-valid', spec);
    expect(Math.abs(decodeJwt(early).nbf! - (now + 3600))).toBeLessThanOrEqual(5);
    await jwtVerify(early, trusted, { ...valid, currentDate: new Date((now + 3700) * 1000) });
  });

  it('wrong-issuer and wrong-audience verify once the wrong value is expected', async () => {
    await jwtVerify(await minter.broken('wrong-issuer', spec), trusted, { ...valid, issuer: WRONG_ISSUER });
    await jwtVerify(await minter.broken('wrong-audience', spec), trusted, { ...valid, audience: WRONG_AUDIENCE });
  });
});
