/**
 * The permission matrix explored with fast-check: small sets drawn from the 20-string universe (every action under
 * `apps:`, the own app, another app and `consents:`, plus near misses), one request each. Property: the token is
 * accepted ⇔ the set holds a permission of the list (`[appId]` = own app). A counterexample is shrunk to a minimal
 * set, reported under the rule it breaks, and replays from the run seed and its path.
 */
import fc from 'fast-check';
import { check, type CheckContext } from '../../../src/suite/index.js';
import {
  grantingPermissions,
  recipeAuth,
  type OperationRecipe,
  type PreparedOperation,
} from '../../support/operationRecipes.js';
import { answerSummary, is2xx, is4xx } from '../../support/rejection.js';
import { brokenRule, grants, permissionUniverse, readable, type PermissionApps } from './permissionSets.js';

/** Small sets keep refusals frequent: a random half of 20 strings would nearly always hold a listed one. */
const MAX_SET_SIZE = 4;

/**
 * Every set of up to MAX_SET_SIZE strings, drawn half from those holding no listed permission (to be refused) and
 * half from those holding at least one (to be accepted), so both sides of the property get as many runs.
 */
function permissionSets(apps: PermissionApps, granting: readonly string[]): fc.Arbitrary<string[]> {
  const universe = permissionUniverse(apps);
  const unlisted = universe.filter((p) => !granting.includes(p));
  const withoutListed = fc.subarray(unlisted, { maxLength: MAX_SET_SIZE });
  const withListed = fc
    .tuple(fc.constantFrom(...granting), fc.subarray(universe, { maxLength: MAX_SET_SIZE - 1 }))
    .map(([listed, rest]) => [listed, ...rest.filter((p) => p !== listed)]);
  return fc.oneof(withoutListed, withListed);
}

export function registerPermissionProperty(recipe: OperationRecipe): void {
  const { key } = recipe;
  check(
    {
      requirement: `${key}-PERM-OUTSIDE-LIST-REJECTED`,
      title: 'random permission sets: accepted exactly when one listed permission is held (fast-check)',
      cell: 'random permission sets',
      needsStateHook: recipe.needsStateHook,
    },
    (c) => explore(c, recipe),
  );
}

async function explore(c: CheckContext, recipe: OperationRecipe): Promise<void> {
  const auth = recipeAuth(c, recipe);
  const app = await c.fixtures.app();
  const other = await c.fixtures.app({ tenantId: app.tenantId });
  const apps: PermissionApps = { ownAppId: app.appId, otherAppId: other.appId };
  const answers = new Map<string, string>();
  let op: PreparedOperation | undefined;
  let thrown: unknown;

  const property = fc.asyncProperty(permissionSets(apps, grantingPermissions(auth, app.appId)), async (held) => {
    try {
      op ??= await recipe.prepare(c, app);
      const res = await op.request(await c.tokens.client({ app, permissions: held }));
      // A request that may have used the set-up up (an accepted delete, an odd answer) gets a fresh one next time.
      if (recipe.consumedOnSuccess && ![401, 403].includes(res.status)) op = undefined;
      answers.set(JSON.stringify(held), answerSummary(res));
      // Accepted is a 2xx, refused a 4xx (as every permission check judges it): a 5xx is neither.
      return grants(auth, apps, held) ? is2xx(res) : is4xx(res);
    } catch (error) {
      thrown = error;
      throw error;
    }
  });
  // The first set holds no listed permission: the check is recorded under OUTSIDE-LIST-REJECTED, so it passes only
  // after a refusal was asked for, whatever the case count (with --runs 1 the drawn set may hold a listed one). An
  // example counts in fast-check's numRuns: one more run keeps the drawn sets those of the seed without it.
  const refusedFirst = permissionUniverse(apps).filter((p) => !grants(auth, apps, [p]))[0];
  const details = await fc.check(property, {
    numRuns: c.runs + (refusedFirst !== undefined ? 1 : 0),
    seed: c.seed,
    ...(refusedFirst !== undefined ? { examples: [[[refusedFirst]] as [string[]]] } : {}),
  });
  if (!details.failed) {
    c.expect.that(true, {
      expected: 'each set accepted exactly when it holds a listed permission',
      observed: `${details.numRuns} sets, all answered so`,
    });
    return;
  }
  if (details.counterexamplePath !== null) c.setReplayPath(details.counterexamplePath);
  // A set-up or transport failure inside the property is not a finding: the check ends as an error.
  if (thrown !== undefined) throw thrown;
  const held = (details.counterexample?.[0] ?? []) as string[];
  const answer = answers.get(JSON.stringify(held));
  if (answer === undefined)
    throw new Error(
      `fast-check failed on ${JSON.stringify(held)} without a recorded answer: ${String(details.errorInstance)}`,
    );
  // A set holding a listed permission that was not accepted breaks any-of; any other set that was not refused
  // breaks the refusal rule of its kind (brokenRule's `accepted`: the answer was not the refusal it should be).
  const granted = grants(auth, apps, held);
  c.expect.that(false, {
    requirement: `${recipe.key}-${brokenRule(auth, apps, held, !granted)}`,
    expected: `a token holding ${readable(held, apps)} to be ${granted ? 'accepted' : 'refused'} (shrunk counterexample, seed ${c.seed}, path ${details.counterexamplePath})`,
    observed: answer,
  });
}
