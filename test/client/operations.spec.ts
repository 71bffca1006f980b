import { describe, expect, it } from 'vitest';
import { CIS_OPERATIONS, fillPath } from '../../src/client/operations.js';

describe('CIS_OPERATIONS', () => {
  it('lists the 14 operations with unique keys and unique method+path pairs', () => {
    const operations = Object.values(CIS_OPERATIONS);
    expect(operations).toHaveLength(14);
    expect(new Set(operations.map((o) => o.key)).size).toBe(14);
    expect(new Set(operations.map((o) => `${o.method} ${o.path}`)).size).toBe(14);
  });
});

describe('fillPath', () => {
  it('encodes each parameter as one segment', () => {
    expect(fillPath('/v1/clients/{clientId}/users/{userId}', { clientId: 'a b', userId: 'x/y' })).toBe(
      '/v1/clients/a%20b/users/x%2Fy',
    );
  });

  it('names the missing parameter', () => {
    expect(() => fillPath('/v1/clients/{clientId}', {})).toThrow(
      'path parameter "clientId" of /v1/clients/{clientId} is missing',
    );
  });
});
