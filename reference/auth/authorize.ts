import { forbidden } from '../errors.js';
import type { FaultSwitch } from '../faults.js';
import type { OperationPolicy } from '../operations.js';
import type { Principal } from './principal.js';

/**
 * 403 for a valid token of the wrong type or without any listed permission (decisions #9, #11). Admin tokens pass
 * permission checks by their Admin role; `[appId]:x` grants x only when it names the token's own app.
 */
export function authorize(principal: Principal, policy: OperationPolicy, faults: FaultSwitch): void {
  if (faults.isOn('user-token-on-clients') && principal.type === 'user' && policy.key.startsWith('CLIENTS-')) return;
  if (faults.isOn('client-token-on-me') && principal.type === 'client' && policy.key.startsWith('ME-')) return;
  if (!policy.tokenTypes.includes(principal.type)) {
    throw forbidden(
      `${policy.key} does not accept a ${principal.type} access token; it takes: ${policy.tokenTypes.join(' or ')} tokens`,
    );
  }
  if (policy.permissions.length === 0 || principal.type === 'admin') return;
  if (faults.isOn('no-permission-check')) return;
  const listed = faults.isOn('read-permission-writes')
    ? [...policy.permissions, ...policy.permissions.map(asRead)]
    : policy.permissions;
  const granting = listed.map((p) => p.replace('[appId]', principal.appId));
  const held = faults.isOn('foreign-app-permission-accepted')
    ? principal.permissions.map((p) => ownApp(p, principal.appId))
    : principal.permissions;
  if (!granting.some((p) => held.includes(p))) {
    throw forbidden(`${policy.key} needs one of the permissions ${granting.join(', ')}; the token holds none of them`);
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
