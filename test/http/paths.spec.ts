import { describe, expect, it } from 'vitest';
import { fillPath, requestUrl, urlBelow } from '../../src/http/paths.js';

describe('fillPath', () => {
  it('encodes each value as one path segment and names a missing parameter', () => {
    expect(fillPath('/v1/clients/{clientId}', { clientId: '../a b' })).toBe('/v1/clients/..%2Fa%20b');
    expect(() => fillPath('/v1/clients/{clientId}')).toThrow(
      'path parameter "clientId" of /v1/clients/{clientId} is missing',
    );
  });
});

describe('urlBelow', () => {
  it('joins base and path as written, without doubling a slash', () => {
    expect(urlBelow('https://h.example/cis//', '/v1/clients/..')).toBe('https://h.example/cis/v1/clients/..');
    expect(urlBelow('http://h:1', '/x')).toBe('http://h:1/x');
  });
});

describe('requestUrl', () => {
  it('keeps the base prefix and appends only defined query values, in order', () => {
    expect(requestUrl('http://h:1/cis/', { path: '/v1/consents', query: { b: 'x y', skip: undefined, a: '1' } })).toBe(
      'http://h:1/cis/v1/consents?b=x+y&a=1',
    );
  });
});
