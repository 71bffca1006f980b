import type { FaultSwitch } from './faults.js';

/** The tenant and app a request acts in: the token's, or (admin on the manage endpoints) the named app. */
export interface Scope {
  readonly tenantId: string;
  readonly appId: string;
}

/**
 * The one isolation rule (decisions #12): a record is visible only inside its own tenant and app. Every lookup,
 * list, filter, change and delete goes through here, so another tenant's or app's data answers 404 and never leaks.
 */
export function isVisible(
  record: { readonly tenant_id: string; readonly app_id: string },
  scope: Scope,
  faults: FaultSwitch,
): boolean {
  const sameTenant = record.tenant_id === scope.tenantId || faults.isOn('no-tenant-check');
  const sameApp = record.app_id === scope.appId || faults.isOn('no-app-check');
  return sameTenant && sameApp;
}
