import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATION_TABLE_FILE, operationRows, renderOperationTable } from '../../scripts/generateOperationTable.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { loadOpenApi, type OpenApiDocument } from '../../src/catalog/openapi.js';
import { OP, OPERATION_KEYS, OPERATION_TABLE } from '../../schemas/operationTable.generated.js';

const root = resolve(import.meta.dirname, '../..');
const catalog = loadCatalog(root);
const doc = loadOpenApi(root);

/** The document with one field of one operation replaced (undefined removes it). */
function withField(path: string, method: string, field: string, value: unknown): OpenApiDocument {
  const copy = structuredClone(doc) as OpenApiDocument;
  const op = copy.paths[path]?.[method] as Record<string, unknown>;
  if (value === undefined) delete op[field];
  else op[field] = value;
  return copy;
}

describe('schemas/operationTable.generated.ts', () => {
  it('is up to date with schemas/ (regenerate: npm run generate)', async () => {
    const committed = readFileSync(join(root, OPERATION_TABLE_FILE), 'utf8');
    expect(committed === (await renderOperationTable(root))).toBe(true);
  });

  it('lists the catalog operations in catalog order, with their keys as OPERATION_KEYS and OP constants', () => {
    expect(OPERATION_TABLE.map((o) => [o.key, o.method, o.path, o.operationId])).toEqual(
      catalog.operations.map((o) => [o.key, o.method, o.path, o.operationId]),
    );
    expect(OPERATION_KEYS).toEqual(catalog.operations.map((o) => o.key));
    expect(Object.values(OP)).toEqual(OPERATION_KEYS);
    expect(OP.CLIENTS_CREATE).toBe('CLIENTS-CREATE');
    expect(OP.ME_CONSENTS_REVOKE).toBe('ME-CONSENTS-REVOKE');
  });

  it('carries the client method names, statuses and body schemas', () => {
    expect(new Set(OPERATION_TABLE.map((o) => o.clientMethod)).size).toBe(14);
    const create = OPERATION_TABLE.find((o) => o.key === OP.CLIENTS_CREATE);
    expect(create).toMatchObject({
      clientMethod: 'createClient',
      documentedStatuses: ['201', '400', '409'],
      requestSchema: 'client-create.request.schema.json',
    });
    expect(create?.responseSchemas['201']).toEqual(['client-single.envelope.schema.json', 'client.schema.json']);
    // A response that $refs a shared response reaches that response's schema.
    expect(create?.responseSchemas['401']).toEqual(['error-auth.schema.json']);
    const revoke = OPERATION_TABLE.find((o) => o.key === OP.ME_CONSENTS_REVOKE);
    expect(revoke).toMatchObject({ requestSchema: null, permissions: [], documentedStatuses: ['404'] });
  });

  it('names the operation whose x-client-method or x-operation-key is missing or wrong', () => {
    expect(() => operationRows(withField('/v1/clients', 'post', 'x-client-method', undefined), catalog)).toThrow(
      'schemas/openapi.yaml POST /v1/clients: x-client-method is missing',
    );
    expect(() => operationRows(withField('/v1/consents', 'get', 'x-operation-key', 'CONSENTS-X'), catalog)).toThrow(
      'schemas/openapi.yaml GET /v1/consents: x-operation-key is not CONSENTS-LIST',
    );
  });
});
