import type { ChoiceSet } from '../choices.js';
import { forbidden, type HttpError, unauthorized } from '../errors.js';
import type { FaultSwitch } from '../faults.js';
import { CLIENT_KEYS, ME_KEYS } from '../operationGroups.js';
import type { OperationPolicy } from '../operations.js';
import type { Principal } from './principal.js';

/**
 * 403 for a valid token of the wrong type or without any listed permission (decisions #9, #11). Admin tokens pass
 * permission checks by their Admin role; `[appId]:x` grants x only when it names the token's own app.
 */
export function authorize(
  principal: Principal,
  policy: OperationPolicy,
  faults: FaultSwitch,
  choices: ChoiceSet,
): void {
  if (faults.isOn('user-token-on-clients') && principal.type === 'user' && CLIENT_KEYS.includes(policy.key)) return;
  if (faults.isOn('client-token-on-me') && principal.type === 'client' && ME_KEYS.includes(policy.key)) return;
  const key = policy.key;
  // `refusals-401`: the refusals of a valid token answer 401 where their 403 is inferred (reference/choices.ts).
  const refuse = (rule: string, message: string): HttpError =>
    choices.isOnFor('refusals-401', `${key}-${rule}`) ? unauthorized(message) : forbidden(message);
  const admin = principal.type === 'admin';
  if (admin && choices.isOnFor('admin-tokens-refused-on-manage', `${key}-TOKEN-ADMIN`)) {
    throw refuse('TOKEN-WRONG-TYPE-403', `${key} does not accept an admin access token`);
  }
  const adminAccepted =
    admin &&
    (choices.isOnFor('admin-tokens-accepted', `${key}-TOKEN-ADMIN`) ||
      choices.isOnFor('admin-tokens-accepted', `${key}-TOKEN-ADMIN-REJECTED`));
  const userAccepted =
    principal.type === 'user' && choices.isOnFor('user-tokens-on-client-reads', `${key}-TOKEN-USER-REJECTED`);
  // `user-token-judged-by-permissions`, `admin-token-judged-by-permissions`: on an operation taking client tokens, a
  // user or admin token is not refused for its type but judged by its ts_permissions, as a client token is.
  const judgedAsClient =
    policy.tokenTypes.includes('client') &&
    ((principal.type === 'user' && faults.isOn('user-token-judged-by-permissions')) ||
      (admin && faults.isOn('admin-token-judged-by-permissions')));
  if (!adminAccepted && !userAccepted && !judgedAsClient && !policy.tokenTypes.includes(principal.type)) {
    throw refuse(
      'TOKEN-WRONG-TYPE-403',
      `${policy.key} does not accept a ${principal.type} access token; it takes: ${policy.tokenTypes.join(' or ')} tokens`,
    );
  }
  if (policy.permissions.length === 0 || (admin && !judgedAsClient)) return;
  if (faults.isOn('no-permission-check')) return;
  const own = (p: string): string => p.replace('[appId]', principal.appId);
  const held = faults.isOn('foreign-app-permission-accepted')
    ? principal.permissions.map((p) => ownApp(p, principal.appId))
    : principal.permissions;
  // `read-permission-writes`: a listed permission is also satisfied by its read variant (under either rule below).
  const holds = (p: string): boolean =>
    held.includes(own(p)) || (faults.isOn('read-permission-writes') && held.includes(own(asRead(p))));
  const granting = policy.permissions.map(own);
  if (choices.isOnFor('permissions-all-of', `${key}-PERM-ANY-OF`)) {
    const missing = policy.permissions.filter((p) => !holds(p)).map(own);
    if (missing.length > 0)
      throw refuse('PERM-DENIED-403', `${key} needs every permission of its list; missing: ${missing.join(', ')}`);
    return;
  }
  if (!policy.permissions.some(holds)) {
    throw refuse(
      'PERM-DENIED-403',
      `${key} needs one of the permissions ${granting.join(', ')}; the token holds none of them`,
    );
  }
}

/** `read-permission-writes`: the same prefix with the read action. */
const asRead = (permission: string): string => permission.replace(/:[^:]+$/, ':read');

/**
 * `foreign-app-permission-accepted`: an app-id-shaped prefix (not a plain word such as `apps`, `consents` or
 * `users`) is read as the token's own app, so `<another app>:x` grants what `[appId]:x` grants.
 */
const ownApp = (permission: string, appId: string): string =>
  /^[a-z]+:/.test(permission) ? permission : permission.replace(/^[^:]+:/, `${appId}:`);
