/**
 * The eleven rows of the token-type matrix and how to mint each for a prepared operation. Every defective token is
 * built from a token the operation would accept, so a rejection can only be for the named defect.
 */
import type { BrokenTokenKind, CheckContext, CheckCredential, TokenMutation } from '../../../src/suite/index.js';
import type { OperationAuth, PreparedOperation } from '../../support/operationRecipes.js';
import { OPERATION_RECIPES } from '../../support/operationRecipes.js';

export type TokenKind = 'no token' | BrokenTokenKind | 'client token' | 'admin token' | 'user token';

export const INVALID_KINDS: readonly (BrokenTokenKind | 'no token')[] = [
  'no token',
  'malformed',
  'forged-signature',
  'alg-none',
  'expired',
  'not-yet-valid',
  'wrong-issuer',
  'wrong-audience',
];
export const TYPE_KINDS = ['client token', 'admin token', 'user token'] as const;
export const TOKEN_KINDS: readonly TokenKind[] = [...INVALID_KINDS, ...TYPE_KINDS];

/** What the title says the token is. */
export const KIND_PHRASES: Readonly<Record<TokenKind, string>> = {
  'no token': 'a request without a token',
  malformed: 'a malformed token',
  'forged-signature': 'a token with a forged signature',
  'alg-none': 'an unsigned alg:none token',
  expired: 'an expired token',
  'not-yet-valid': 'a not-yet-valid token (nbf in the future)',
  'wrong-issuer': 'a token of another issuer',
  'wrong-audience': 'a token for another audience',
  'client token': 'a ClientAccessToken of the app',
  'admin token': 'an AdminAccessToken of the tenant',
  'user token': 'a UserAccessToken of the app',
};

/**
 * The signed defects of `c.tokens.broken` (which breaks client tokens), as one-field mutations of the user's own
 * token for the `/me` operations: a client-shaped token would be refused there for its type as well, so the cell
 * could pass without the defect being noticed (issue 13 class 6).
 */
const USER_TOKEN_DEFECTS: Partial<Record<BrokenTokenKind, TokenMutation>> = {
  expired: { kind: 'expires', inSeconds: -3600 },
  'not-yet-valid': { kind: 'not-before', inSeconds: 3600 },
  'wrong-issuer': { kind: 'claim', name: 'iss', value: 'https://untrusted-issuer.invalid' },
  'wrong-audience': { kind: 'claim', name: 'aud', value: 'https://wrong-audience.invalid' },
};

export async function credentialsFor(
  kind: TokenKind,
  c: CheckContext,
  op: PreparedOperation,
  auth: OperationAuth,
): Promise<CheckCredential | null> {
  const { app } = op;
  const userOperation = OPERATION_RECIPES[op.key].documentedTokenType === 'user';
  switch (kind) {
    case 'no token':
      return null;
    case 'client token':
      // On the /me operations a client token needs nothing to be rejected; elsewhere it holds the whole list.
      return c.tokens.client({ app, permissions: auth.permissions });
    // A token of a type the operation may refuse holds the operation's whole list as well, so a target that would
    // refuse it for its permissions cannot pass the cell by accident (issue 13 class 6).
    case 'admin token':
      return c.tokens.admin({ app, permissions: auth.permissions });
    case 'user token':
      return userOperation ? c.tokens.user({ app, userId: op.userId }) : userTokenHoldingList(c, op, auth.permissions);
    case 'alg-none':
      return userOperation
        ? unsigned(await c.tokens.user({ app, userId: op.userId }))
        : c.tokens.broken(kind, { app, permissions: auth.permissions });
    case 'forged-signature':
      return userOperation
        ? transplantSignature(
            await c.tokens.user({ app, userId: op.userId }),
            await c.tokens.user({ app, userId: c.fixtures.id('donor') }),
          )
        : c.tokens.broken(kind, { app, permissions: auth.permissions });
    default: {
      const userDefect = userOperation ? USER_TOKEN_DEFECTS[kind] : undefined;
      return userDefect
        ? c.tokens.mutated(userDefect, { app, userId: op.userId })
        : c.tokens.broken(kind, { app, permissions: auth.permissions });
    }
  }
}

/**
 * A user token of the operation's user whose `ts_permissions` also hold `permissions` (`[appId]` = the app's id):
 * user tokens carry none, so a refusal of the plain one could be for its permissions rather than its type.
 */
export function userTokenHoldingList(
  c: CheckContext,
  op: PreparedOperation,
  permissions: readonly string[],
  clientId?: string,
): Promise<string> {
  const value = permissions.map((p) => p.replaceAll('[appId]', op.app.appId));
  const base = { app: op.app, userId: op.userId, ...(clientId !== undefined ? { clientId } : {}) };
  return c.tokens.mutated({ kind: 'claim', name: 'ts_permissions', value }, base);
}

function segments(token: string): [string, string, string] {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error(`expected a compact JWS of three segments, got ${parts.length}`);
  return parts as [string, string, string];
}

/** RFC 7519 §6.1: header `{"alg":"none"}`, the same claims, an empty signature. */
export function unsigned(token: string): string {
  const [, payload] = segments(token);
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return `${header}.${payload}.`;
}

/** The claims of `token` under the signature of `donor`: a genuine signature of the trusted key, over other content. */
export function transplantSignature(token: string, donor: string): string {
  const [header, payload] = segments(token);
  return `${header}.${payload}.${segments(donor)[2]}`;
}
