/**
 * Who may call each operation, as `schemas/openapi.yaml` documents it: the permission list (`x-permissions`, any-of,
 * `[appId]` = the token's own app), the token types the docs accept (`x-token-types`) and those whose acceptance is
 * an observation (`x-token-types-unknown`). Read from the generated operation table, never hard-coded, so a change
 * to the document reaches every matrix once the table is regenerated (a staleness test fails until it is).
 */
import { OP, OPERATION_KEYS, OPERATION_TABLE, type OperationKey } from '../../src/catalog/operationTable.js';

/** The 14 operation keys (ARCHITECTURE.md "Naming"), in catalog order, and as constants (`OP.CLIENTS_CREATE`). */
export { OP, OPERATION_KEYS, type OperationKey };

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

type Scheme = (typeof OPERATION_TABLE)[number]['tokenTypes' | 'unknownTokenTypes'][number];

/** A scheme the table names but this map lacks does not compile. */
const SCHEME_TYPES: Readonly<Record<Scheme, TokenType>> = {
  ClientAccessToken: 'client',
  AdminAccessToken: 'admin',
  UserAccessToken: 'user',
};

const AUTH = new Map<OperationKey, OperationAuth>(
  OPERATION_TABLE.map((op) => [
    op.key,
    {
      key: op.key,
      permissions: op.permissions,
      tokenTypes: op.tokenTypes.map((scheme) => SCHEME_TYPES[scheme]),
      unknownTokenTypes: op.unknownTokenTypes.map((scheme) => SCHEME_TYPES[scheme]),
    },
  ]),
);

/**
 * The auth facts of `key`. `_packageRoot` is the package the run uses; the facts are the same for every package
 * (the table is compiled in), so it is not read.
 */
export function operationAuth(_packageRoot: string, key: OperationKey): OperationAuth {
  const auth = AUTH.get(key);
  if (!auth) throw new Error(`schemas/openapi.yaml has no operation with x-operation-key ${key}`);
  return auth;
}

/** `[appId]:read` → `<appId>:read`: the strings a token of `appId` must hold. */
export function grantingPermissions(auth: OperationAuth, appId: string): string[] {
  return auth.permissions.map((permission) => permission.replaceAll('[appId]', appId));
}
