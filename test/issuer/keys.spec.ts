import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadIssuerKeys, publicJwkOf } from '../../src/issuer/keys.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const temporaryRoots: string[] = [];

/** A package root holding a copy of the committed keys, for tampering with. */
function copyOfKeys(): string {
  const root = mkdtempSync(join(tmpdir(), 'issuer-keys-'));
  temporaryRoots.push(root);
  cpSync(join(packageRoot, 'fixtures/keys'), join(root, 'fixtures/keys'), { recursive: true });
  return root;
}

afterEach(() => {
  for (const root of temporaryRoots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('loadIssuerKeys', () => {
  it('loads the committed pair with the kid of jwks.json', async () => {
    const keys = await loadIssuerKeys(packageRoot);
    const committed = JSON.parse(readFileSync(join(packageRoot, 'fixtures/keys/jwks.json'), 'utf8'));
    expect(keys.kid).toBe(committed.keys[0].kid);
    expect(keys.publicJwks).toEqual(committed);
  });

  it('refuses a jwks.json that does not hold the signing key', async () => {
    const root = copyOfKeys();
    const forgery = JSON.parse(
      readFileSync(join(root, 'fixtures/keys/untrusted-forgery-key.private.jwk.json'), 'utf8'),
    );
    writeFileSync(join(root, 'fixtures/keys/jwks.json'), JSON.stringify({ keys: [publicJwkOf(forgery)] }));
    await expect(loadIssuerKeys(root)).rejects.toThrow(/does not hold the public half/);
  });

  it('refuses a key file that is not a private RSA JWK', async () => {
    const root = copyOfKeys();
    writeFileSync(
      join(root, 'fixtures/keys/test-signing-key.private.jwk.json'),
      JSON.stringify({ kty: 'oct', k: 'AA' }),
    );
    await expect(loadIssuerKeys(root)).rejects.toThrow(/test-signing-key.private.jwk.json is not a private RSA JWK/);
  });
});
