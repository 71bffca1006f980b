/**
 * Who may call each operation, as `schemas/openapi.yaml` documents it: the permission list (`x-permissions`, any-of,
 * `[appId]` = the token's own app), the token types the docs accept (`x-token-types`) and those whose acceptance is
 * an observation (`x-token-types-unknown`). Read once per worker from the package the run uses, never hard-coded,
 * so a change to the document reaches every matrix.
 */
import { loadOpenApi, operationsOf, type OpenApiDocument } from '../../src/catalog/openapi.js';

/** The 14 operation keys (ARCHITECTURE.md "Naming"), in catalog order. */
export const OPERATION_KEYS = [
  'CLIENTS-CREATE',
  'CLIENTS-LIST',
  'CLIENTS-DELETE-ALL',
  'CLIENTS-GET',
  'CLIENTS-UPDATE',
  'CLIENTS-DELETE',
  'CLIENTS-RESOURCES',
  'CONSENTS-LIST',
  'CONSENTS-GET',
  'CONSENTS-DELETE-USER',
  'MANAGE-CONSENTS-LIST',
  'MANAGE-CONSENTS-DELETE',
  'ME-CONSENTS-LIST',
  'ME-CONSENTS-REVOKE',
] as const;

export type OperationKey = (typeof OPERATION_KEYS)[number];

/** The harness's names for the three token types (src/issuer/claims.ts). */
export type TokenType = 'client' | 'admin' | 'user';

export interface OperationAuth {
  readonly key: OperationKey;
  /** `x-permissions` verbatim, e.g. `['apps:read', '[appId]:read']`; empty for the `/me` operations. */
  readonly permissions: readonly string[];
  /** Token types the documented security accepts (`x-token-types`). */
  readonly tokenTypes: readonly TokenType[];
  /** Token types whose acceptance the docs leave open (`x-token-types-unknown`): observations. */
  readonly unknownTokenTypes: readonly TokenType[];
}

const SCHEME_TYPES: Readonly<Record<string, TokenType>> = {
  ClientAccessToken: 'client',
  AdminAccessToken: 'admin',
  UserAccessToken: 'user',
};

const loaded = new Map<string, ReadonlyMap<OperationKey, OperationAuth>>();

/** The auth facts of `key`, from `<packageRoot>/schemas/openapi.yaml` (memoized per package root). */
export function operationAuth(packageRoot: string, key: OperationKey): OperationAuth {
  let table = loaded.get(packageRoot);
  if (!table) {
    table = readAuthTable(loadOpenApi(packageRoot));
    loaded.set(packageRoot, table);
  }
  const auth = table.get(key);
  if (!auth) throw new Error(`schemas/openapi.yaml has no operation with x-operation-key ${key}`);
  return auth;
}

function readAuthTable(doc: OpenApiDocument): ReadonlyMap<OperationKey, OperationAuth> {
  const table = new Map<OperationKey, OperationAuth>();
  for (const op of operationsOf(doc)) {
    // operationsOf flattens the extensions it knows; the key and the unknown types are read from the raw operation.
    const raw = (doc.paths[op.path]?.[op.method.toLowerCase()] ?? {}) as Record<string, unknown>;
    const key = raw['x-operation-key'];
    if (typeof key !== 'string' || !(OPERATION_KEYS as readonly string[]).includes(key)) continue;
    table.set(key as OperationKey, {
      key: key as OperationKey,
      permissions: op.permissions,
      tokenTypes: op.tokenTypes.map(tokenTypeOf),
      unknownTokenTypes: (Array.isArray(raw['x-token-types-unknown']) ? raw['x-token-types-unknown'] : []).map((s) =>
        tokenTypeOf(String(s)),
      ),
    });
  }
  return table;
}

function tokenTypeOf(scheme: string): TokenType {
  const type = SCHEME_TYPES[scheme];
  if (!type) throw new Error(`schemas/openapi.yaml names an unknown token type '${scheme}'`);
  return type;
}

/** `[appId]:read` → `<appId>:read`: the strings a token of `appId` must hold. */
export function grantingPermissions(auth: OperationAuth, appId: string): string[] {
  return auth.permissions.map((permission) => permission.replaceAll('[appId]', appId));
}
