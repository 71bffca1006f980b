import { describe, expect, it } from 'vitest';
import { toHttpRequest } from '../../src/http/index.js';

describe('toHttpRequest', () => {
  it('joins base and path, encodes the query, adds the bearer token and a JSON body', () => {
    const req = toHttpRequest('http://h:1/cis/', {
      method: 'POST',
      path: '/v1/clients',
      query: { app_id: 'a b', skip: undefined },
      token: 'tok',
      body: { name: 'x' },
    });
    expect(req).toEqual({
      method: 'POST',
      url: 'http://h:1/cis/v1/clients?app_id=a+b',
      headers: { accept: 'application/json', authorization: 'Bearer tok', 'content-type': 'application/json' },
      body: '{"name":"x"}',
    });
  });

  it('sends a raw body as is, keeps the caller content type, and no auth header for a null token', () => {
    const req = toHttpRequest('http://h', {
      method: 'PUT',
      path: '/x',
      token: null,
      rawBody: 'a=1',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(req.headers).toEqual({ accept: 'application/json', 'content-type': 'text/plain' });
    expect(req.body).toBe('a=1');
  });

  it('sends the token of a live credential and carries the credential, with the operation, to the live auth wrapper', () => {
    const credential = {
      kind: 'live-client',
      appId: 'a',
      permissions: [],
      held: ['apps:read'],
      token: 'live',
    } as const;
    const req = toHttpRequest('http://h', {
      method: 'GET',
      path: '/v1/clients',
      token: credential,
      operation: 'CLIENTS-LIST',
    });
    expect(req).toEqual({
      method: 'GET',
      url: 'http://h/v1/clients',
      headers: { accept: 'application/json', authorization: 'Bearer live' },
      credential,
      operation: 'CLIENTS-LIST',
    });
    expect(
      toHttpRequest('http://h', { method: 'GET', path: '/x', token: 'tok', operation: 'CLIENTS-LIST' }),
    ).not.toHaveProperty('operation');
  });
});
