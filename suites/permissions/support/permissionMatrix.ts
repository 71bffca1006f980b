/**
 * The permission matrix: per client-token operation, one check per row (each listed permission alone, everything
 * outside the list, another action, another app's [appId], no permissions, the 403 code, random sets), and for the
 * `/me` operations the check that no permission is needed. Rows are the checks' `cell`s.
 */
import { check, type AppFixture, type CheckContext, type TargetResponse } from '../../../src/suite/index.js';
import {
  OPERATION_KEYS,
  OPERATION_RECIPES,
  operationAuth,
  recipeAuth,
  type OperationKey,
  type OperationRecipe,
} from '../../support/operationRecipes.js';
import { answerSummary, expectRejected, is2xx } from '../../support/rejection.js';
import { registerPermissionProperty } from './permissionProperty.js';
import {
  actionOf,
  foreignPermissions,
  outsideListPermissions,
  readable,
  wrongActionPermissions,
  type PermissionApps,
} from './permissionSets.js';

/** One permission matrix row: a check body given the operation, the app and the apps' ids. */
type RowBody = (c: CheckContext, recipe: OperationRecipe, setup: RowSetup) => Promise<void>;

interface RowSetup {
  readonly app: AppFixture;
  readonly apps: PermissionApps;
}

/**
 * Sends the operation once per permission set, preparing it again whenever a request may have used it up
 * (an accepted delete, or any answer other than 401/403), and hands each answer to `judge`. With
 * `expectUnchanged`, the owner's re-read after each run of refusals must equal the one before it.
 */
async function forEachSet(
  c: CheckContext,
  recipe: OperationRecipe,
  app: AppFixture,
  sets: readonly (readonly string[])[],
  judge: (held: readonly string[], res: TargetResponse) => void,
  expectUnchanged = false,
): Promise<void> {
  let op = await recipe.prepare(c, app);
  let before = expectUnchanged ? await op.snapshot() : undefined;
  let accepted = false;
  const settle = async (): Promise<void> => {
    if (before === undefined || accepted) return;
    const after = await op.snapshot();
    c.expect.that(after === before, {
      expected: `refused requests to change nothing (owner's re-read: ${before})`,
      observed: `owner's re-read after them: ${after}`,
    });
  };
  for (const held of sets) {
    const res = await op.request(await c.tokens.client({ app, permissions: held }));
    judge(held, res);
    accepted ||= is2xx(res);
    if (recipe.consumedOnSuccess && ![401, 403].includes(res.status)) {
      await settle();
      op = await recipe.prepare(c, app);
      before = expectUnchanged ? await op.snapshot() : undefined;
      accepted = false;
    }
  }
  await settle();
}

/** The actions the operations of `key`'s API list (Clients: read, create, edit, delete; Consents: read, delete). */
function apiActions(c: CheckContext, key: OperationKey): string[] {
  const sameApi = (other: OperationKey) => other.startsWith('CLIENTS-') === key.startsWith('CLIENTS-');
  const listed = OPERATION_KEYS.filter(sameApi).flatMap(
    (other) => operationAuth(c.config.packageRoot, other).permissions,
  );
  return [...new Set(listed.map(actionOf))];
}

const ROWS: ReadonlyArray<{ rule: string; cell: string; title: string; body: RowBody }> = [
  {
    rule: 'PERM-ANY-OF',
    cell: 'each listed permission alone',
    title: 'a token holding any one listed permission is accepted',
    body: async (c, recipe, { app, apps }) => {
      const sets = recipeAuth(c, recipe).permissions.map((p) => [p.replaceAll('[appId]', apps.ownAppId)]);
      await forEachSet(c, recipe, app, sets, (held, res) =>
        c.expect.that(is2xx(res), {
          expected: `a 2xx for a token holding only ${readable(held, apps)}`,
          observed: answerSummary(res),
        }),
      );
    },
  },
  {
    rule: 'PERM-OUTSIDE-LIST-REJECTED',
    cell: 'every permission outside the list',
    title: 'a token holding only permissions outside the list is rejected and changes nothing',
    body: async (c, recipe, { app, apps }) => {
      const held = outsideListPermissions(recipeAuth(c, recipe), apps);
      const op = await recipe.prepare(c, app);
      const before = await op.snapshot();
      await expectRejected(c, await op.request(await c.tokens.client({ app, permissions: held })), {}, { op, before });
    },
  },
  {
    rule: 'PERM-WRONG-ACTION-REJECTED',
    cell: 'another action only',
    title: 'a token holding only a permission for another action is rejected',
    body: async (c, recipe, { app, apps }) => {
      const wrong = wrongActionPermissions(recipeAuth(c, recipe), apiActions(c, recipe.key), apps.ownAppId);
      // Each alone, then all together: a target that needs every listed permission (all-of) and takes a read for
      // a write only accepts the set that stands in for the whole list.
      const sets = [...wrong.map((p) => [p]), ...(wrong.length > 1 ? [wrong] : [])];
      await forEachSet(c, recipe, app, sets, (held, res) => refused(c, res, held, apps), true);
    },
  },
  {
    rule: 'PERM-FOREIGN-APPID-REJECTED',
    cell: "another app's [appId]",
    title: 'a token whose [appId] permissions name another app is rejected',
    body: async (c, recipe, { app, apps }) => {
      const auth = recipeAuth(c, recipe);
      const foreign = foreignPermissions(auth, apps.otherAppId);
      const sets = foreign.map((p) => [p]);
      // A target that needs every listed permission (all-of) refuses a foreign form alone for the permissions it
      // lacks, not for its app part. When the list's app-less permissions alone are refused (a control, not judged),
      // the foreign forms are also sent beside them: that set lacks exactly the token's own [appId] permissions.
      const appLess = auth.permissions.filter((p) => !p.includes('[appId]'));
      if (foreign.length > 0 && appLess.length > 0) {
        const control = await (
          await recipe.prepare(c, app)
        ).request(await c.tokens.client({ app, permissions: appLess }));
        if (!is2xx(control)) sets.push([...appLess, ...foreign]);
      }
      await forEachSet(c, recipe, app, sets, (held, res) => refused(c, res, held, apps), true);
    },
  },
  {
    rule: 'PERM-NO-CLAIM',
    cell: 'empty ts_permissions',
    title: 'what a client token holding no permission gets',
    body: async (c, recipe, { app }) => {
      recipeAuth(c, recipe);
      const op = await recipe.prepare(c, app);
      const res = await op.request(await c.tokens.client({ app, permissions: [] }));
      // The minter always writes ts_permissions (src/issuer/claims.ts); an empty list is the closest it mints.
      c.observe({
        question: 'what a client token with ts_permissions: [] gets (the harness cannot omit the claim)',
        observed: answerSummary(res),
      });
    },
  },
  {
    rule: 'PERM-DENIED-403',
    cell: 'refused → 403',
    title: 'a token refused for its permissions is answered with 403',
    body: async (c, recipe, { app }) => {
      recipeAuth(c, recipe);
      const op = await recipe.prepare(c, app);
      const res = await op.request(await c.tokens.client({ app, permissions: ['users:read'] }));
      await expectRejected(c, res, {
        requirement: `${recipe.key}-PERM-OUTSIDE-LIST-REJECTED`,
        code: { status: 403, requirement: `${recipe.key}-PERM-DENIED-403` },
      });
    },
  },
];

/** A refusal judged inside a loop: the message names the permission set. */
function refused(c: CheckContext, res: TargetResponse, held: readonly string[], apps: PermissionApps): void {
  const expected = `a 4xx for a token holding only ${readable(held, apps)}`;
  c.expect.that(res.status >= 400 && res.status < 500, { expected, observed: answerSummary(res) });
}

async function rowSetup(c: CheckContext): Promise<RowSetup> {
  const app = await c.fixtures.app();
  const other = await c.fixtures.app({ tenantId: app.tenantId });
  return { app, apps: { ownAppId: app.appId, otherAppId: other.appId } };
}

export function registerPermissionMatrix(keys: readonly OperationKey[]): void {
  for (const key of keys) {
    const recipe = OPERATION_RECIPES[key];
    if (recipe.documentedTokenType === 'user') {
      check(
        {
          requirement: `${key}-PERM-NONE-NEEDED`,
          title: 'a user token holding no permission is accepted',
          cell: 'no permission',
          needsStateHook: recipe.needsStateHook,
        },
        async (c) => {
          recipeAuth(c, recipe);
          const op = await recipe.prepare(c, await c.fixtures.app());
          c.expect.status(await op.request(await c.tokens.user({ app: op.app, userId: op.userId })), '2xx');
        },
      );
      continue;
    }
    for (const row of ROWS) {
      check(
        { requirement: `${key}-${row.rule}`, title: row.title, cell: row.cell, needsStateHook: recipe.needsStateHook },
        async (c) => row.body(c, recipe, await rowSetup(c)),
      );
    }
    registerPermissionProperty(recipe);
  }
}
