import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adminClaims,
  clientClaims,
  expandPermissions,
  recogniseTokenType,
  userClaims,
} from '../../src/issuer/claims.js';

const id = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

describe('expandPermissions', () => {
  it("replaces the [appId] placeholder with the app's id and leaves other permissions alone", () => {
    expect(expandPermissions(['[appId]:read', 'apps:edit', 'consents:read'], 'app123')).toEqual([
      'app123:read',
      'apps:edit',
      'consents:read',
    ]);
  });

  it('is idempotent', () => {
    expect(expandPermissions(expandPermissions(['[appId]:delete'], 'x'), 'y')).toEqual(['x:delete']);
  });
});

describe('recogniseTokenType', () => {
  it('reads Admin from either roles or role', () => {
    expect(recogniseTokenType({ sub: 'c', client_id: 'c', roles: ['Admin'] })).toBe('admin');
    expect(recogniseTokenType({ sub: 'c', client_id: 'c', roles: [], role: ['Admin'] })).toBe('admin');
    expect(recogniseTokenType({ sub: 'c', client_id: 'c', role: 'Admin' })).toBe('admin');
  });

  it('calls a token whose sub differs from client_id a user token, else a client token', () => {
    expect(recogniseTokenType({ sub: 'u', client_id: 'c', roles: ['r'] })).toBe('user');
    expect(recogniseTokenType({ sub: 'c', client_id: 'c', roles: [] })).toBe('client');
  });

  it('recognises every built layout as its own type', () => {
    fc.assert(
      fc.property(id, id, id, id, id, (tenantId, appId, clientId, userId, role) => {
        fc.pre(userId !== clientId);
        const app = { tenantId, appId, appName: appId, clientId };
        expect(recogniseTokenType(clientClaims({ ...app, roles: [role] }, {}, 'iss'))).toBe('client');
        expect(recogniseTokenType(adminClaims(app, {}, 'iss'))).toBe('admin');
        expect(recogniseTokenType(userClaims({ ...app, userId, roles: [role] }, {}, 'iss'))).toBe('user');
      }),
      { numRuns: 50 },
    );
  });
});

describe('claim builders', () => {
  it('give each client token a fresh jti', () => {
    const app = { tenantId: 't', appId: 'a', appName: 'A', clientId: 'c' };
    expect(clientClaims(app, {}, 'i')['jti']).not.toBe(clientClaims(app, {}, 'i')['jti']);
  });
});
