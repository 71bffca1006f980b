/**
 * Which operations a token is granted. The live tenant mints one client token, with whatever permissions the
 * client's roles give it; it cannot mint an arbitrary set. Permission lists are read as any-of (docs/facts.md §1.5,
 * inferred), so what matters is which operations a token is granted, not how its permissions are spelled: two
 * tokens granted the same operations are interchangeable, and where they differ liveAuth.ts decides per request.
 */
import { OPERATION_TABLE } from '../catalog/operationTable.js';

export interface OperationPermissions {
  /** `METHOD /path`, as in the catalog (e.g. `GET /v1/clients/{clientId}`). */
  readonly operation: string;
  /** `x-permissions`, with `[appId]` as written. */
  readonly permissions: readonly string[];
}

/** The permission list of every documented operation, by operation key (the generated operation table). */
export const OPERATION_PERMISSIONS: readonly (OperationPermissions & { readonly key: string })[] = OPERATION_TABLE.map(
  (op) => ({ key: op.key, operation: `${op.method} ${op.path}`, permissions: op.permissions }),
);

/** Whether `permissions` (expanded) are granted `op` under the any-of reading; `[appId]` is `appId`. */
export function grantedOn(permissions: readonly string[], op: OperationPermissions, appId: string): boolean {
  const held = new Set(permissions);
  return op.permissions.some((p) => held.has(p.replaceAll('[appId]', appId)));
}

/** The operations granted to one of the two permission sets only. Both lists are already expanded. */
export function grantDifference(
  requested: readonly string[],
  held: readonly string[],
  operations: readonly OperationPermissions[],
  appId: string,
): string[] {
  const asked = new Set(requested);
  const has = new Set(held);
  const differs: string[] = [];
  for (const op of operations) {
    if (op.permissions.length === 0) continue;
    const list = op.permissions.map((p) => p.replaceAll('[appId]', appId));
    if (list.some((p) => asked.has(p)) !== list.some((p) => has.has(p))) differs.push(op.operation);
  }
  return differs;
}
