/**
 * Display order and short labels of the 14 operations: the generated operation table's order and keys (the
 * requirement-id prefixes of ARCHITECTURE.md "Naming"), compiled in, so reporters, which only read results, never
 * load the catalog from disk.
 */
import { OPERATION_TABLE } from '../catalog/operationTable.js';

const OPERATIONS: ReadonlyArray<readonly [operation: string, key: string]> = OPERATION_TABLE.map(
  ({ method, path, key }) => [`${method} ${path}`, key] as const,
);
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
