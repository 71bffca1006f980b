/**
 * Per-operation recipes: for each of the 14 operations, how to set up what it needs in an app and how to perform it
 * once with a valid request, so authorization suites (token types, permissions) and later property and stateful
 * suites are loops over operations instead of 14 hand-written cases. See suites/support/README.md.
 *
 *   const recipe = OPERATION_RECIPES[OP.CLIENTS_GET];         // static: usable while vitest collects checks
 *   check({ requirement: ..., needsStateHook: recipe.needsStateHook }, async (c) => {
 *     const auth = recipeAuth(c, recipe);                    // permissions and token types from openapi.yaml
 *     const op = await recipe.prepare(c, await c.fixtures.app());
 *     const res = await op.request(await acceptedToken(c, op)); // a 2xx on a conforming target
 *   });
 */
import type { AppFixture, CheckContext, CheckCredential, TargetResponse } from '../../src/suite/index.js';
import { CLIENT_RECIPES } from './clientRecipes.js';
import { CONSENT_RECIPES } from './consentRecipes.js';
import { operationAuth, type OperationAuth, type OperationKey } from './operationAuth.js';
import { fullAccessToken } from './ownerAccess.js';

export {
  OP,
  OPERATION_KEYS,
  grantingPermissions,
  operationAuth,
  type OperationAuth,
  type OperationKey,
  type TokenType,
} from './operationAuth.js';

/** How a request authenticates: a bearer token, no Authorization header (null), or a raw header value. */
export type Credentials = CheckCredential | null | { readonly authorization: string };

/** One operation set up in one app, ready to be performed. */
export interface PreparedOperation {
  readonly key: OperationKey;
  readonly app: AppFixture;
  /** The user the operation concerns (the consent's owner; a fresh id for Clients operations): mint user tokens for it. */
  readonly userId: string;
  /** The client acted on (created through the API), or the consent's client. Absent for create and the lists. */
  readonly clientId?: string;
  /** The consent acted on (Consents operations). */
  readonly consentId?: string;
  /** Performs the operation once, with a valid body and parameters (a fresh client name on each create). */
  request(credentials: Credentials): Promise<TargetResponse>;
  /**
   * Re-reads, as the app's owner, what a successful request would change, as a comparable string; undefined for
   * read-only operations. Equal snapshots before and after a rejected request prove it changed nothing.
   */
  snapshot(): Promise<string | undefined>;
}

export interface OperationRecipe {
  readonly key: OperationKey;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template as in openapi.yaml. */
  readonly path: string;
  /** Consents come only from the state hook (docs/design.md §2.3): checks on these operations are skipped without one. */
  readonly needsStateHook: boolean;
  /** A successful request uses up what `prepare` set up (a delete): prepare again before the next accepted one. */
  readonly consumedOnSuccess: boolean;
  /** The operation changes state (its `snapshot` is defined). */
  readonly mutates: boolean;
  /** The catalog requirement a successful, fully authorized request satisfies (e.g. `CLIENTS-CREATE-201`). */
  readonly successRequirement: string;
  /** The one token type the documented security names (mirrors `x-token-types`; checked by `recipeAuth`). */
  readonly documentedTokenType: 'client' | 'user';
  /** Whether an AdminAccessToken is an observation here (mirrors `x-token-types-unknown`; checked by `recipeAuth`). */
  readonly adminTokenUnknown: boolean;
  /** Sets up what the operation needs in `app` (a client created through the API, or a consent via the state hook). */
  prepare(c: CheckContext, app: AppFixture): Promise<PreparedOperation>;
}

export const OPERATION_RECIPES: Readonly<Record<OperationKey, OperationRecipe>> = {
  ...CLIENT_RECIPES,
  ...CONSENT_RECIPES,
};

/**
 * The operation's permissions and token types from openapi.yaml. Throws when the recipe's static mirror of the
 * token types disagrees with the document (the suites chose their requirement ids from it while collecting).
 */
export function recipeAuth(c: CheckContext, recipe: OperationRecipe): OperationAuth {
  const auth = operationAuth(c.config.packageRoot, recipe.key);
  const typesAgree = auth.tokenTypes.length === 1 && auth.tokenTypes[0] === recipe.documentedTokenType;
  const adminAgrees = auth.unknownTokenTypes.includes('admin') === recipe.adminTokenUnknown;
  if (!typesAgree || !adminAgrees) {
    throw new Error(
      `suites/support recipe ${recipe.key} is out of date with schemas/openapi.yaml: x-token-types ${auth.tokenTypes.join(',')}, ` +
        `x-token-types-unknown ${auth.unknownTokenTypes.join(',') || 'none'}`,
    );
  }
  return auth;
}

/** A token the documented security accepts: a client token holding the whole permission list, or the user's token. */
export function acceptedToken(c: CheckContext, op: PreparedOperation): Promise<CheckCredential> {
  const recipe = OPERATION_RECIPES[op.key];
  return recipe.documentedTokenType === 'user'
    ? c.tokens.user({ app: op.app, userId: op.userId })
    : fullAccessToken(c, op.app, op.key);
}
