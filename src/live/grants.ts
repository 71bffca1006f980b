/**
 * When may the live token stand in for the token a check asked for? The live tenant mints one client token, with
 * whatever permissions the client's roles give it; it cannot mint an arbitrary set. Under the any-of reading of the
 * permission lists (FACTS §1.5, inferred), two tokens are interchangeable when every operation's list grants both
 * or neither. Then the live token is used; otherwise the check is skipped with the difference as its reason — a
 * superset would turn a "must be rejected" check into a false failure, a subset a "must be accepted" one.
 */
export interface OperationPermissions {
  /** `METHOD /path`. */
  readonly operation: string;
  /** `x-permissions`, with `[appId]` as written. */
  readonly permissions: readonly string[];
}

/** The operations on which `requested` and `held` grant differently. Both lists are already expanded. */
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
