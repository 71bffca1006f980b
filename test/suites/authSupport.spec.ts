/**
 * The authorization suites' static knowledge agrees with the committed documents: the recipes' mirror of the token
 * types matches openapi.yaml, every requirement id a matrix cell names is in the catalog, and the permission-set
 * helpers compute what the catalog's rule texts say.
 */
import { describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/engine/index.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { OPERATION_KEYS, OPERATION_RECIPES, operationAuth } from '../../suites/support/operationRecipes.js';
import { cellRule } from '../../suites/token-types/support/tokenMatrix.js';
import { TOKEN_KINDS, type TokenKind } from '../../suites/token-types/support/tokenKinds.js';
import {
  brokenRule,
  grants,
  outsideListPermissions,
  permissionUniverse,
  readable,
  wrongActionPermissions,
} from '../../suites/permissions/support/permissionSets.js';

const root = findPackageRoot();
const catalog = loadCatalog(root);
const ids = new Set(catalog.requirements.map((r) => r.id));
const apps = { ownAppId: 'app-own', otherAppId: 'app-other' };

describe('operation recipes', () => {
  it('cover the 14 catalog operations, with the method and path of each', () => {
    expect(OPERATION_KEYS).toEqual(catalog.operations.map((o) => o.key));
    for (const op of catalog.operations) {
      const recipe = OPERATION_RECIPES[op.key as (typeof OPERATION_KEYS)[number]];
      expect({ method: recipe.method, path: recipe.path }).toEqual({ method: op.method, path: op.path });
      expect(ids.has(recipe.successRequirement), recipe.successRequirement).toBe(true);
    }
  });

  it('mirror x-token-types and x-token-types-unknown of openapi.yaml', () => {
    for (const key of OPERATION_KEYS) {
      const auth = operationAuth(root, key);
      const recipe = OPERATION_RECIPES[key];
      expect(auth.tokenTypes, key).toEqual([recipe.documentedTokenType]);
      expect(auth.unknownTokenTypes.includes('admin'), key).toBe(recipe.adminTokenUnknown);
      expect(recipe.needsStateHook, key).toBe(!key.startsWith('CLIENTS-'));
    }
  });

  it('read the permission lists verbatim (any-of, [appId] unexpanded)', () => {
    expect(operationAuth(root, 'CLIENTS-LIST').permissions).toEqual(['apps:read', '[appId]:read']);
    expect(operationAuth(root, 'CONSENTS-DELETE-USER').permissions).toEqual([
      'apps:delete',
      '[appId]:delete',
      'consents:delete',
    ]);
    expect(operationAuth(root, 'ME-CONSENTS-LIST').permissions).toEqual([]);
  });
});

describe('token matrix cells', () => {
  it('name a catalog requirement for each of the 14 × 11 cells', () => {
    const missing = OPERATION_KEYS.flatMap((key) =>
      TOKEN_KINDS.map((kind) => cellRule(OPERATION_RECIPES[key], kind).requirement),
    ).filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });

  it('judge each cell by the rule decisions.md #8, #9 and #28 give it', () => {
    expect(cellRule(OPERATION_RECIPES['CLIENTS-GET'], 'admin token')).toEqual({
      outcome: 'observed',
      requirement: 'CLIENTS-GET-TOKEN-ADMIN',
    });
    expect(cellRule(OPERATION_RECIPES['CONSENTS-GET'], 'admin token')).toMatchObject({
      outcome: 'rejected',
      code: { status: 403 },
    });
    expect(cellRule(OPERATION_RECIPES['ME-CONSENTS-LIST'], 'user token')).toEqual({
      outcome: 'accepted',
      requirement: 'ME-CONSENTS-LIST-TOKEN-USER-ACCEPTED',
    });
    expect(cellRule(OPERATION_RECIPES['ME-CONSENTS-LIST'], 'client token').requirement).toBe(
      'ME-CONSENTS-LIST-TOKEN-CLIENT-REJECTED',
    );
    expect(cellRule(OPERATION_RECIPES['CLIENTS-CREATE'], 'expired')).toEqual({
      outcome: 'rejected',
      requirement: 'CLIENTS-CREATE-TOKEN-INVALID-REJECTED',
      code: { status: 401, requirement: 'CLIENTS-CREATE-TOKEN-INVALID-401' },
    });
    // The defects the docs do not promise to check each have their own inferred rule, with the same 401 companion.
    const split = {
      'not-yet-valid': 'NOT-YET-VALID',
      'wrong-issuer': 'WRONG-ISSUER',
      'wrong-audience': 'WRONG-AUDIENCE',
    };
    for (const [kind, rule] of Object.entries(split)) {
      expect(cellRule(OPERATION_RECIPES['CONSENTS-LIST'], kind as TokenKind)).toEqual({
        outcome: 'rejected',
        requirement: `CONSENTS-LIST-TOKEN-${rule}-REJECTED`,
        code: { status: 401, requirement: 'CONSENTS-LIST-TOKEN-INVALID-401' },
      });
    }
  });
});

describe('permission sets', () => {
  const list = operationAuth(root, 'CLIENTS-LIST');
  const create = operationAuth(root, 'CLIENTS-CREATE');
  const consentsList = operationAuth(root, 'CONSENTS-LIST');

  it('draw from 20 distinct strings over both apps and the noise', () => {
    const universe = permissionUniverse(apps);
    expect(new Set(universe).size).toBe(20);
    expect(universe).toContain('app-own:edit');
    expect(universe).toContain('app-other:read');
  });

  it('grant exactly when a listed permission is held, with [appId] as the own app', () => {
    expect(grants(list, apps, ['app-own:read'])).toBe(true);
    expect(grants(list, apps, ['users:read', 'apps:read'])).toBe(true);
    expect(grants(list, apps, ['app-other:read', 'apps:create'])).toBe(false);
    expect(grants(list, apps, [])).toBe(false);
  });

  it('blame a wrong answer on the rule it breaks', () => {
    expect(brokenRule(list, apps, ['app-own:read'], false)).toBe('PERM-ANY-OF');
    expect(brokenRule(list, apps, ['app-other:read'], true)).toBe('PERM-FOREIGN-APPID-REJECTED');
    expect(brokenRule(list, apps, ['users:read'], true)).toBe('PERM-OUTSIDE-LIST-REJECTED');
  });

  it('give the catalog’s "another action": writes for a read, read for a write', () => {
    expect(wrongActionPermissions(list, ['read', 'create', 'edit', 'delete'], 'app-own').sort()).toEqual(
      ['apps:create', 'apps:edit', 'apps:delete', 'app-own:create', 'app-own:edit', 'app-own:delete'].sort(),
    );
    expect(wrongActionPermissions(create, ['read', 'create', 'edit', 'delete'], 'app-own')).toEqual([
      'apps:read',
      'app-own:read',
    ]);
    expect(wrongActionPermissions(consentsList, ['read', 'delete'], 'app-own')).toEqual([
      'apps:delete',
      'app-own:delete',
      'consents:delete',
    ]);
  });

  it('keep listed permissions and the other app’s forms of them out of "outside the list"', () => {
    const outside = outsideListPermissions(list, apps);
    expect(outside).not.toContain('apps:read');
    expect(outside).not.toContain('app-own:read');
    expect(outside).not.toContain('app-other:read');
    expect(outside).toContain('app-other:create');
    expect(outside).toContain('consents:read');
  });

  it('show app ids as the docs write them', () => {
    expect(readable(['app-own:read', 'app-other:edit', 'apps:read'], apps)).toBe(
      '[[appId]:read, [otherAppId]:edit, apps:read]',
    );
  });
});
