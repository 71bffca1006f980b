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
});
