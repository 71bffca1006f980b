/**
 * The permission strings the permission matrix draws from, and what the catalog says a set of them should get.
 * Rule (decisions.md #11): a client token is accepted exactly when it holds one permission of the operation's
 * list, with `[appId]` read as the token's own app id. Everything else is outside the list.
 */
import { grantingPermissions, type OperationAuth } from '../../support/operationRecipes.js';

export const ACTIONS = ['read', 'create', 'edit', 'delete'] as const;

/** Near misses that belong to no list: another resource, another verb, a singular, a role name. */
export const NOISE_PERMISSIONS = ['users:read', 'apps:list', 'consent:read', 'roles:edit'];

/** The ids a permission set is written against: the token's own app and another app of the same tenant. */
export interface PermissionApps {
  readonly ownAppId: string;
  readonly otherAppId: string;
}

/** Every action under `apps:`, `<own app>:`, `<other app>:` and `consents:`, plus the noise: 20 strings. */
export function permissionUniverse({ ownAppId, otherAppId }: PermissionApps): string[] {
  const prefixes = ['apps', ownAppId, otherAppId, 'consents'];
  return [...prefixes.flatMap((prefix) => ACTIONS.map((action) => `${prefix}:${action}`)), ...NOISE_PERMISSIONS];
}

/** The list with `[appId]` as another app's id: what a target that ignores the app part would accept. */
export function foreignPermissions(auth: OperationAuth, otherAppId: string): string[] {
  return auth.permissions.filter((p) => p.includes('[appId]')).map((p) => p.replaceAll('[appId]', otherAppId));
}

/** The catalog's expectation for one set. */
export function grants(auth: OperationAuth, apps: PermissionApps, held: readonly string[]): boolean {
  const granting = new Set(grantingPermissions(auth, apps.ownAppId));
  return held.some((p) => granting.has(p));
}

/** Which rule a wrong answer to `held` breaks: any-of when refused, else foreign-appid or outside-list. */
export function brokenRule(
  auth: OperationAuth,
  apps: PermissionApps,
  held: readonly string[],
  accepted: boolean,
): 'PERM-ANY-OF' | 'PERM-FOREIGN-APPID-REJECTED' | 'PERM-OUTSIDE-LIST-REJECTED' {
  if (!accepted) return 'PERM-ANY-OF';
  const foreign = new Set(foreignPermissions(auth, apps.otherAppId));
  return held.some((p) => foreign.has(p)) ? 'PERM-FOREIGN-APPID-REJECTED' : 'PERM-OUTSIDE-LIST-REJECTED';
}

/**
 * Permissions for another action with the list's own prefixes: the write actions of the operation's API for a
 * read, `read` for a write (the catalog's "read for a write, write for a read").
 */
export function wrongActionPermissions(auth: OperationAuth, apiActions: readonly string[], ownAppId: string): string[] {
  const listed = new Set(auth.permissions.map(actionOf));
  const wrong = listed.has('read') ? apiActions.filter((a) => a !== 'read') : ['read'];
  const prefixes = [...new Set(auth.permissions.map(prefixOf))];
  return prefixes.flatMap((prefix) => wrong.map((action) => `${prefix}:${action}`.replaceAll('[appId]', ownAppId)));
}

/**
 * Everything of the universe outside the list, leaving out the other app's forms of listed permissions: accepting
 * those breaks the inferred foreign-appid rule, not the documented outside-list one.
 */
export function outsideListPermissions(auth: OperationAuth, apps: PermissionApps): string[] {
  const granting = new Set(grantingPermissions(auth, apps.ownAppId));
  const foreign = new Set(foreignPermissions(auth, apps.otherAppId));
  return permissionUniverse(apps).filter((p) => !granting.has(p) && !foreign.has(p));
}

export function actionOf(permission: string): string {
  return permission.slice(permission.lastIndexOf(':') + 1);
}

function prefixOf(permission: string): string {
  return permission.slice(0, permission.lastIndexOf(':'));
}

/** Shows app ids as `[appId]` / `[otherAppId]`, so messages read like the docs' lists. */
export function readable(held: readonly string[], apps: PermissionApps): string {
  const names: Record<string, string> = { [apps.ownAppId]: '[appId]', [apps.otherAppId]: '[otherAppId]' };
  const shown = held.map((p) => `${names[prefixOf(p)] ?? prefixOf(p)}:${actionOf(p)}`);
  return `[${shown.join(', ')}]`;
}
