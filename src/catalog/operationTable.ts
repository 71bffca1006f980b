/**
 * The operation table, generated into `schemas/` (scripts/generateOperationTable.ts) so that the reference, which
 * may not import `src/`, names operations by the same constants; the harness imports it from here.
 */
export * from '../../schemas/operationTable.generated.js';
