import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { decodeJwt, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { PACKAGE_ROOT } from './packageRoot.js';

/**
 * Test tokens for the reference's own tests, minted here with jose (the harness's issuer in src/issuer must not
 * be a dependency of the reference's tests). Claims follow docs/design.md §2.2.
 */
export interface TestTokenOptions {
  readonly type?: 'client' | 'admin' | 'user';
  readonly tenant?: string;
  readonly app?: string;
  readonly client?: string;
  readonly user?: string;
  readonly perms?: readonly string[];
  /** Seconds from now; negative for an expired token. Default 3600. */
  readonly expiresIn?: number;
  /** Seconds from now for `nbf`; absent by default. */
  readonly notBeforeIn?: number;
  readonly iss?: string;
  readonly aud?: string | string[];
  /** Sign with the untrusted forgery key (same `kid`): the forged-signature case. */
  readonly forged?: boolean;
  /** Claims set last, `undefined` removes one. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

const keysDir = join(PACKAGE_ROOT, 'fixtures', 'keys');
const readJwk = (file: string): JWK => JSON.parse(readFileSync(join(keysDir, file), 'utf8')) as JWK;
const trustedJwk = readJwk('test-signing-key.private.jwk.json');
const forgeryJwk = readJwk('untrusted-forgery-key.private.jwk.json');
const trustedKey = importJWK(trustedJwk, 'RS256');
const forgeryKey = importJWK(forgeryJwk, 'RS256');

export async function mintToken(options: TestTokenOptions = {}): Promise<string> {
  const type = options.type ?? 'client';
  const client = options.client ?? 'client-a';
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    sub: type === 'user' ? (options.user ?? 'user-1') : client,
    client_id: client,
    app_id: options.app ?? 'app-a',
    app_name: 'Test app',
    tid: options.tenant ?? 'tenant-a',
    scope: 'openid',
    roles: type === 'admin' ? ['Admin'] : [],
    ts_roles: [],
    ts_permissions: [...(options.perms ?? [])],
    jti: Math.random().toString(36).slice(2),
    iat: now,
    exp: now + (options.expiresIn ?? 3600),
  };
  if (options.notBeforeIn !== undefined) claims['nbf'] = now + options.notBeforeIn;
  for (const [name, value] of Object.entries(options.claims ?? {})) {
    if (value === undefined) delete claims[name];
    else claims[name] = value;
  }
  const jwk = options.forged ? forgeryJwk : trustedJwk;
  return new SignJWT(claims as JWTPayload)
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
    .setIssuer(options.iss ?? 'https://userid.security')
    .setAudience(options.aud ?? 'userid-api')
    .sign(await (options.forged ? forgeryKey : trustedKey));
}

/** An unsigned `alg: none` token with otherwise valid claims. */
export function unsignedToken(claims: Readonly<Record<string, unknown>> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = {
    sub: 'client-a',
    client_id: 'client-a',
    app_id: 'app-a',
    tid: 'tenant-a',
    iss: 'https://userid.security',
    aud: 'userid-api',
    iat: now,
    exp: now + 3600,
    ts_permissions: ['apps:read'],
    ...claims,
  };
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}

/** The claims of `mintToken(options)`, HS256-signed with the trusted public key's SPKI PEM (algorithm confusion). */
export async function publicKeyHmacToken(options: TestTokenOptions = {}): Promise<string> {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = trustedJwk;
  const pem = createPublicKey({ key: publicJwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  return new SignJWT(decodeJwt(await mintToken(options)))
    .setProtectedHeader({ alg: 'HS256', kid: trustedJwk.kid, typ: 'JWT' })
    .sign(new TextEncoder().encode(String(pem)));
}

/** The claims of `mintToken(options)`, signed by the untrusted key, which the header carries as `jwk`. */
export async function embeddedJwkToken(options: TestTokenOptions = {}): Promise<string> {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = forgeryJwk;
  return new SignJWT(decodeJwt(await mintToken(options)))
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', jwk: publicJwk })
    .sign(await forgeryKey);
}
