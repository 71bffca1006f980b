import { forbidden } from '../errors.js';
import type { FaultSwitch } from '../faults.js';
import type { OperationPolicy } from '../operations.js';
import type { Principal } from './principal.js';

/**
 * 403 for a valid token of the wrong type or without any listed permission (decisions #9, #11). Admin tokens pass
 * permission checks by their Admin role; `[appId]:x` grants x only when it names the token's own app.
 */
export function authorize(principal: Principal, policy: OperationPolicy, faults: FaultSwitch): void {
  if (!policy.tokenTypes.includes(principal.type)) {
    throw forbidden(
      `${policy.key} does not accept a ${principal.type} access token; it takes: ${policy.tokenTypes.join(' or ')} tokens`,
    );
  }
  if (policy.permissions.length === 0 || principal.type === 'admin') return;
  if (faults.isOn('no-permission-check')) return;
  const granting = policy.permissions.map((p) => p.replace('[appId]', principal.appId));
  if (!granting.some((p) => principal.permissions.includes(p))) {
    throw forbidden(`${policy.key} needs one of the permissions ${granting.join(', ')}; the token holds none of them`);
  }
}
