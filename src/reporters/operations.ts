/**
 * Display order and short labels of the 14 operations. The keys are the requirement-id prefixes fixed in
 * ARCHITECTURE.md ("Naming"); `test/reporters/operations.spec.ts` checks this list against the catalog's
 * `operations` so the two cannot drift. Reporters only read results, so they keep this small copy instead
 * of loading the catalog from disk.
 */
const OPERATIONS: ReadonlyArray<readonly [operation: string, key: string]> = [
  ['POST /v1/clients', 'CLIENTS-CREATE'],
  ['GET /v1/clients', 'CLIENTS-LIST'],
  ['DELETE /v1/clients', 'CLIENTS-DELETE-ALL'],
  ['GET /v1/clients/{clientId}', 'CLIENTS-GET'],
  ['PUT /v1/clients/{clientId}', 'CLIENTS-UPDATE'],
  ['DELETE /v1/clients/{clientId}', 'CLIENTS-DELETE'],
  ['PUT /v1/clients/{clientId}/resources', 'CLIENTS-RESOURCES'],
  ['GET /v1/consents', 'CONSENTS-LIST'],
  ['GET /v1/consents/{consentId}', 'CONSENTS-GET'],
  ['DELETE /v1/consents/clients/{clientId}/users/{userId}', 'CONSENTS-DELETE-USER'],
  ['GET /v1/manage/consents', 'MANAGE-CONSENTS-LIST'],
  ['DELETE /v1/manage/consents/clients/{clientId}/users/{userId}', 'MANAGE-CONSENTS-DELETE'],
  ['GET /v1/consents/me', 'ME-CONSENTS-LIST'],
  ['DELETE /v1/consents/me/clients/{clientId}', 'ME-CONSENTS-REVOKE'],
];
const KEY_BY_OPERATION = new Map(OPERATIONS.map(([operation, key]) => [operation, key]));
const RANK_BY_OPERATION = new Map(OPERATIONS.map(([operation], index) => [operation, index]));

/** The known operations as `[operation, key]` pairs, in the order the docs list them. */
export function knownOperations(): ReadonlyArray<readonly [string, string]> {
  return OPERATIONS;
}

/** `CLIENTS-CREATE` for `POST /v1/clients`; an unknown operation is shown as it is. */
export function operationKey(operation: string): string {
  return KEY_BY_OPERATION.get(operation) ?? operation;
}

/** The docs' order first, then any operation this list does not know, alphabetically. */
export function sortOperations(operations: Iterable<string>): string[] {
  const rank = (operation: string): number => RANK_BY_OPERATION.get(operation) ?? OPERATIONS.length;
  return [...new Set(operations)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
