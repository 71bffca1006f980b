/**
 * Check families: the columns of the conformance matrix (operations x families) in every report.
 * A check belongs to exactly one family.
 */
export const CHECK_FAMILIES = [
  'contract', // documented statuses, body schemas, content types, envelopes, error bodies
  'semantics', // round-trips, PUT replacement, deletes, filters, /me scoping
  'token-types', // the token matrix: missing/malformed/forged/expired/... and client/admin/user tokens
  'permissions', // the permission matrix: any-of lists, [appId] scoping, wrong action
  'isolation', // other tenants, other apps, other users
  'robustness', // no 5xx on hostile input, 413/415
  'properties', // schema-derived property tests
  'stateful', // model-based command sequences
  'pact', // Pact provider verification
] as const;
export type CheckFamily = (typeof CHECK_FAMILIES)[number];
