/**
 * The 14 operations as the client names them: method name → operation key (ARCHITECTURE.md "Naming"), HTTP
 * method and path template, read from the generated operation table (openapi.yaml's `x-client-method`). The client
 * builds every request from this table, and the Pact tests use it to prove that the contracts cover all 14.
 */
import { OPERATION_TABLE } from '../catalog/operationTable.js';

export interface CisOperation {
  readonly key: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template with `{name}` parameters, as in openapi.yaml. */
  readonly path: string;
}

type TableRow = (typeof OPERATION_TABLE)[number];

export const CIS_OPERATIONS = Object.fromEntries(
  OPERATION_TABLE.map(({ clientMethod, key, method, path }) => [clientMethod, { key, method, path }]),
) as { readonly [Row in TableRow as Row['clientMethod']]: Pick<Row, 'key' | 'method' | 'path'> };

export type CisOperationName = keyof typeof CIS_OPERATIONS;

export { fillPath } from '../http/paths.js';
