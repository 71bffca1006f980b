import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/** Where the reference gets the public keys it trusts. */
export interface KeySource {
  readonly getKey: JWTVerifyGetKey;
  /** For humans: `file /abs/path/jwks.json` or `url https://…`. */
  readonly description: string;
  /** True when keys are fetched over the network (a fetch failure is then the reference's problem, not the caller's). */
  readonly remote: boolean;
}

export interface KeySourceOptions {
  readonly packageRoot: string;
  readonly jwksFile?: string;
  readonly jwksUrl?: string;
}

/** The committed test JWKS, trusted by default (docs/design.md §2.2). */
export const DEFAULT_JWKS_FILE = join('fixtures', 'keys', 'jwks.json');

export function resolveKeySource(options: KeySourceOptions): KeySource {
  if (options.jwksFile && options.jwksUrl) {
    throw new Error('give either a JWKS file or a JWKS URL, not both');
  }
  if (options.jwksUrl) {
    let url: URL;
    try {
      url = new URL(options.jwksUrl);
    } catch {
      throw new Error(`the JWKS URL '${options.jwksUrl}' is not a valid URL`);
    }
    return { getKey: createRemoteJWKSet(url), description: `url ${url.href}`, remote: true };
  }
  const file = options.jwksFile ?? DEFAULT_JWKS_FILE;
  const path = isAbsolute(file) ? file : resolve(options.jwksFile ? process.cwd() : options.packageRoot, file);
  return { getKey: createLocalJWKSet(readJwks(path)), description: `file ${path}`, remote: false };
}

function readJwks(path: string): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the JWKS file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new Error(`the JWKS file ${path} has no "keys" array with at least one key`);
  }
  return parsed as JSONWebKeySet;
}
