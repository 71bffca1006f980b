/**
 * Per operation, three checks beside the matrix: the inferred 401 on credentials that are not a bearer token at all,
 * the inferred 403 on a second kind of wrong-type token, and what a 401/403 body looks like (an observation).
 * They use token variants the matrix does not, so a target's answer is never judged twice for one request.
 */
import { check, type CheckContext, type CheckCredential, type TargetResponse } from '../../../src/suite/index.js';
import {
  OPERATION_KEYS,
  OPERATION_RECIPES,
  operationAuth,
  recipeAuth,
  type OperationKey,
  type OperationRecipe,
  type PreparedOperation,
} from '../../support/operationRecipes.js';
import { answerSummary, expectRejected } from '../../support/rejection.js';
import { userTokenHoldingList } from './tokenKinds.js';

/** Authorization headers that hold no JWT: the scheme alone, and Basic credentials of the app's client. */
const headersWithoutJwt = (clientId: string): string[] => [
  'Bearer',
  `Basic ${Buffer.from(`${clientId}:not-a-secret`).toString('base64')}`,
];

/** The wrong-type token of the 403 check and the rule that excludes it. */
async function otherWrongTypeToken(
  c: CheckContext,
  recipe: OperationRecipe,
  op: PreparedOperation,
): Promise<{ token: CheckCredential; excludedBy: string }> {
  if (recipe.documentedTokenType === 'user') {
    // No permission turns a client token into a user token: this one holds every permission any operation lists.
    const every = [...new Set(OPERATION_KEYS.flatMap((key) => operationAuth(c.config.packageRoot, key).permissions))];
    return {
      token: await c.tokens.client({ app: op.app, permissions: every }),
      excludedBy: `${recipe.key}-TOKEN-CLIENT-REJECTED`,
    };
  }
  // It holds the whole list too (as ts_permissions), so a refusal can only be for its type.
  const listed = operationAuth(c.config.packageRoot, recipe.key).permissions;
  const viaOtherClient = await userTokenHoldingList(c, op, listed, c.fixtures.id('client'));
  return { token: viaOtherClient, excludedBy: `${recipe.key}-TOKEN-USER-REJECTED` };
}

function registerUnauthorizedCode(recipe: OperationRecipe): void {
  const { key } = recipe;
  // Worded so the reports' secret redaction (which eats the word after `Bearer `) leaves the title readable.
  const title = 'an Authorization header without a JWT (empty Bearer, or Basic) is rejected with 401';
  check(
    {
      requirement: `${key}-TOKEN-INVALID-401`,
      title,
      cell: 'no JWT in Authorization',
      needsStateHook: recipe.needsStateHook,
    },
    async (c) => {
      recipeAuth(c, recipe);
      const op = await recipe.prepare(c, await c.fixtures.app());
      for (const authorization of headersWithoutJwt(op.app.clientId)) {
        const before = await op.snapshot();
        const res = await op.request({ authorization });
        const rules = {
          requirement: `${key}-TOKEN-INVALID-REJECTED`,
          code: { status: 401, requirement: `${key}-TOKEN-INVALID-401` },
        };
        await expectRejected(c, res, rules, { op, before });
      }
    },
  );
}

function registerWrongTypeCode(recipe: OperationRecipe): void {
  const { key } = recipe;
  const variant =
    recipe.documentedTokenType === 'user' ? 'client token holding every permission' : 'user token via another client';
  check(
    {
      requirement: `${key}-TOKEN-WRONG-TYPE-403`,
      title: `a ${variant} is rejected with 403`,
      cell: variant,
      needsStateHook: recipe.needsStateHook,
    },
    async (c) => {
      recipeAuth(c, recipe);
      const op = await recipe.prepare(c, await c.fixtures.app());
      const { token, excludedBy } = await otherWrongTypeToken(c, recipe, op);
      const before = await op.snapshot();
      await expectRejected(
        c,
        await op.request(token),
        { requirement: excludedBy, code: { status: 403, requirement: `${key}-TOKEN-WRONG-TYPE-403` } },
        { op, before },
      );
    },
  );
}

function registerAuthErrorBody(recipe: OperationRecipe): void {
  const { key } = recipe;
  check(
    {
      requirement: `${key}-AUTH-ERROR-BODY`,
      title: 'the bodies of a 401 and a 403 answer',
      needsStateHook: recipe.needsStateHook,
    },
    async (c) => {
      recipeAuth(c, recipe);
      const op = await recipe.prepare(c, await c.fixtures.app());
      observeBody(c, 'body of the answer to a request without a token', await op.request(null));
      const { token } = await otherWrongTypeToken(c, recipe, op);
      observeBody(
        c,
        'body of the answer to a valid token of a type the operation does not accept',
        await op.request(token),
      );
    },
  );
}

/** Observes the body against error-auth.schema.json; a body that is not JSON is observed as it is, never an error. */
function observeBody(c: CheckContext, question: string, res: TargetResponse): void {
  if (res.json === undefined || res.jsonError !== undefined) {
    c.observe({ question, observed: `${answerSummary(res)} (not JSON)` });
    return;
  }
  c.observe({ question, observed: answerSummary(res) });
  c.expect.schema(res, 'error-auth.schema.json');
}

export function registerTokenCodeChecks(keys: readonly OperationKey[]): void {
  for (const key of keys) {
    const recipe = OPERATION_RECIPES[key];
    registerUnauthorizedCode(recipe);
    registerWrongTypeCode(recipe);
    registerAuthErrorBody(recipe);
  }
}
