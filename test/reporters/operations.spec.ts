import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RequirementCatalog } from '../../src/model/requirement.js';
import { knownOperations, operationKey, sortOperations } from '../../src/reporters/operations.js';
import { packageRoot } from './fixtures.js';

describe('operation labels', () => {
  it('match the operations of the requirement catalog, in its order', () => {
    const catalog = JSON.parse(readFileSync(`${packageRoot}schemas/requirements.json`, 'utf8')) as RequirementCatalog;
    expect(knownOperations().map(([operation, key]) => [operation, key])).toEqual(
      catalog.operations.map((op) => [`${op.method} ${op.path}`, op.key]),
    );
  });

  it('show an unknown operation as it is and sort it after the known ones', () => {
    expect(operationKey('PATCH /v2/x')).toBe('PATCH /v2/x');
    expect(sortOperations(['PATCH /v2/x', 'GET /v1/consents/me', 'POST /v1/clients', 'GET /v1/consents/me'])).toEqual([
      'POST /v1/clients',
      'GET /v1/consents/me',
      'PATCH /v2/x',
    ]);
  });
});
