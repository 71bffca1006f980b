import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importJWK, type CryptoKey, type JWK } from 'jose';

/** Every harness token is signed RS256 (docs/design.md §2.2). */
export const SIGNING_ALG = 'RS256';

/** Where the committed test-only key pair lives, relative to the package root (fixtures/keys/README.md). */
export const KEYS_DIR = 'fixtures/keys';
const SIGNING_KEY_FILE = 'test-signing-key.private.jwk.json';
const FORGERY_KEY_FILE = 'untrusted-forgery-key.private.jwk.json';
const JWKS_FILE = 'jwks.json';

const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth']);

export interface IssuerKeys {
  /** The `kid` of the trusted key; the forgery key carries the same one on purpose. */
  readonly kid: string;
  readonly signingKey: CryptoKey;
  /** The untrusted key for the `forged-signature` token: same kid, different key material. */
  readonly forgeryKey: CryptoKey;
  /** The forgery key's public half, for a token that embeds its own key (`jwk` header). */
  readonly forgeryPublicJwk: JWK;
  /** The public half of the trusted key, as served at `GET /oidc/jwks`. */
  readonly publicJwks: { readonly keys: readonly JWK[] };
}

async function readJwk(path: string): Promise<JWK> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read test key ${path}: ${(error as Error).message}`);
  }
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null || (parsed as JWK).kty !== 'RSA' || !(parsed as JWK).d) {
    throw new Error(`${path} is not a private RSA JWK`);
  }
  const jwk = parsed as JWK;
  if (!jwk.kid) throw new Error(`${path} has no kid`);
  return jwk;
}

/** The public members of a private JWK (the private ones stripped). */
export function publicJwkOf(privateJwk: JWK): JWK {
  return Object.fromEntries(Object.entries(privateJwk).filter(([name]) => !PRIVATE_MEMBERS.has(name))) as JWK;
}

async function importSigningKey(jwk: JWK, path: string): Promise<CryptoKey> {
  const key = await importJWK(jwk, SIGNING_ALG);
  if (key instanceof Uint8Array) throw new Error(`${path} imported as a symmetric key`);
  return key;
}

/**
 * Loads the committed keys from `<packageRoot>/fixtures/keys/`. The committed `jwks.json` must hold the public half
 * of the signing key: a target that trusts the static file and one that fetches `/oidc/jwks` must see the same key.
 */
export async function loadIssuerKeys(packageRoot: string): Promise<IssuerKeys> {
  const dir = join(packageRoot, KEYS_DIR);
  const signingPath = join(dir, SIGNING_KEY_FILE);
  const forgeryPath = join(dir, FORGERY_KEY_FILE);
  const [signingJwk, forgeryJwk] = await Promise.all([readJwk(signingPath), readJwk(forgeryPath)]);
  const publicJwk = publicJwkOf(signingJwk);
  const committed = JSON.parse(await readFile(join(dir, JWKS_FILE), 'utf8')) as { keys?: JWK[] };
  const match = committed.keys?.find((key) => key.kid === publicJwk.kid);
  if (!match || match.n !== publicJwk.n || match.e !== publicJwk.e) {
    throw new Error(
      `${join(dir, JWKS_FILE)} does not hold the public half of ${SIGNING_KEY_FILE} (kid ${publicJwk.kid})`,
    );
  }
  if (forgeryJwk.n === signingJwk.n) throw new Error(`${FORGERY_KEY_FILE} is the trusted key; it must differ`);
  return {
    kid: signingJwk.kid as string,
    signingKey: await importSigningKey(signingJwk, signingPath),
    forgeryKey: await importSigningKey(forgeryJwk, forgeryPath),
    forgeryPublicJwk: publicJwkOf(forgeryJwk),
    publicJwks: { keys: [publicJwk] },
  };
}
