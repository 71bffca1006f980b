import { describe, expect, it } from 'vitest';
import { grantDifference, OPERATION_PERMISSIONS } from '../../src/live/grants.js';

const OPS = [
  { operation: 'GET /v1/clients', permissions: ['apps:read', '[appId]:read'] },
  { operation: 'POST /v1/clients', permissions: ['apps:create', '[appId]:create', 'apps:edit', '[appId]:edit'] },
  { operation: 'GET /v1/consents/me', permissions: [] },
];

describe('grantDifference (any-of: interchangeable tokens are granted the same operations)', () => {
  it('finds no difference between tokens granted the same operations by different permissions', () => {
    expect(grantDifference(['apps:read', 'apps:create'], ['app1:read', 'apps:edit', 'other:x'], OPS, 'app1')).toEqual(
      [],
    );
    expect(grantDifference([], [], OPS, 'app1')).toEqual([]);
  });

  it('names each operation granted to one of the two only (superset and subset alike)', () => {
    expect(grantDifference(['apps:read'], ['apps:read', 'apps:create'], OPS, 'app1')).toEqual(['POST /v1/clients']);
    expect(grantDifference(['apps:read', 'apps:edit'], [], OPS, 'app1')).toEqual([
      'GET /v1/clients',
      'POST /v1/clients',
    ]);
    // `[appId]` is the token's own app: another app's id grants nothing.
    expect(grantDifference(['app1:read'], ['app2:read'], OPS, 'app1')).toEqual(['GET /v1/clients']);
  });

  it('reads the permission lists of the 14 operations from the operation table (openapi.yaml)', () => {
    const lists = OPERATION_PERMISSIONS;
    expect(lists.find((op) => op.key === 'CLIENTS-GET')?.operation).toBe('GET /v1/clients/{clientId}');
    expect(lists).toHaveLength(14);
    expect(lists.find((op) => op.operation === 'GET /v1/clients/{clientId}')?.permissions).toEqual([
      'apps:read',
      '[appId]:read',
    ]);
  });
});
