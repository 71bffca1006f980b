import { describe, expect, it } from 'vitest';
import type { HttpMethod } from '../../src/http/index.js';
import { effectiveMethod, pathBelowBase, refusalOf } from '../../src/live/ownership.js';

const BASE = 'https://api.sbx.transmitsecurity.io/cis';
const context = {
  baseUrl: BASE,
  runId: 'ab12cd34',
  created: (id: string) => id === 'srvAssigned9',
  allowDestructive: false,
};
const refusal = (method: HttpMethod, path: string, allowDestructive = false) =>
  refusalOf({ method, url: `${BASE}${path}`, headers: {} }, { ...context, allowDestructive });

describe('refusalOf (live mode touches only what the run created)', () => {
  it.each([
    ['GET', '/v1/clients/anything'],
    ['POST', '/v1/clients'],
    ['PUT', '/v1/clients/srvAssigned9'],
    ['PUT', '/v1/clients/srvAssigned9/resources'],
    ['DELETE', '/v1/clients/srvAssigned9'],
    ['DELETE', '/v1/clients/no-such-ab12cd34-k1'],
    ['DELETE', '/v1/consents/clients/srvAssigned9/users/user-ab12cd34-k2?consent_id=whatever'],
    ['DELETE', '/v1/manage/consents/clients/client-ab12cd34-k3/users/user-ab12cd34-k4'],
    ['DELETE', '/v1/consents/me/clients/client-ab12cd34-k5'],
  ] as const)('allows %s %s', (method, path) => {
    expect(refusal(method, path)).toBeUndefined();
  });

  it.each([
    ['DELETE', '/v1/clients/sbxClient8Rw3', /"sbxClient8Rw3" is neither in the run's ledger nor carries the run id/],
    ['PUT', '/v1/clients/sbxClient8Rw3', /would change data this run did not create/],
    ['DELETE', '/v1/consents/clients/srvAssigned9/users/realUser', /"realUser"/],
    ['DELETE', '/v1/consents/me/clients/x-ab12cd34-1%2F..%2F..', /would change data/],
    ['DELETE', '/v1/clients/a/b/c', /not a documented resource path/],
    ['DELETE', '/v1/clients', /runs only with --allow-destructive --disposable-app/],
    ['PATCH', '/v1/clients/other', /did not create/],
  ] as const)('refuses %s %s', (method, path, reason) => {
    expect(refusal(method, path)).toMatch(reason);
  });

  it('lets delete-all run only when destructive mode was granted', () => {
    expect(refusal('DELETE', '/v1/clients', true)).toBeUndefined();
    expect(refusal('DELETE', '/v1/clients/', true)).toBeUndefined();
  });

  it('leaves requests to other hosts and paths alone (the token endpoint)', () => {
    expect(
      refusalOf({ method: 'DELETE', url: 'https://api.sbx.transmitsecurity.io/oidc/x', headers: {} }, context),
    ).toBeUndefined();
    expect(pathBelowBase('https://elsewhere/cis/v1/clients', BASE)).toBeUndefined();
    expect(pathBelowBase(`${BASE}/v1/clients/a%20b`, BASE)).toEqual(['v1', 'clients', 'a b']);
  });

  describe('normalises what a server may route the same way', () => {
    const request = (method: string, url: string, headers: Record<string, string> = {}) =>
      refusalOf({ method: method as HttpMethod, url, headers }, context);
    const host = 'https://api.sbx.transmitsecurity.io';

    it.each([
      ['delete', `${BASE}/v1/clients/sbxClient8Rw3`],
      ['Put', `${BASE}/v1/clients/sbxClient8Rw3`],
      ['DELETE', `${host}/CIS/v1/clients/sbxClient8Rw3`],
      ['DELETE', `${host}/Cis/V1/Clients/sbxClient8Rw3`],
      ['DELETE', `${host}/%63is/v1/clients/sbxClient8Rw3`],
      ['DELETE', `${host}/cis//v1/../v1/clients/sbxClient8Rw3`],
      ['DELETE', `${host}//cis/v1/./clients//sbxClient8Rw3`],
      ['DELETE', `${host}/cis/v1/%2e%2E/v1/clients/sbxClient8Rw3`],
    ])('refuses %s %s', (method, url) => {
      expect(request(method, url)).toMatch(/"sbxClient8Rw3" is neither in the run's ledger/);
    });

    it('refuses delete-all however it is spelt', () => {
      expect(request('delete', `${host}/CIS//v1/clients/`)).toMatch(/--allow-destructive/);
    });

    it.each([
      ['X-HTTP-Method-Override', 'DELETE'],
      ['x-http-method-override', 'delete'],
      ['X-HTTP-Method', 'PUT'],
      ['X-Method-Override', 'patch'],
    ])('takes a POST with %s: %s for the method it names', (header, value) => {
      const reason = request('POST', `${BASE}/v1/clients/sbxClient8Rw3`, { [header]: value });
      expect(reason).toMatch(/would change data this run did not create/);
      expect(reason).toMatch(/sent as POST with a method override/);
      expect(request('GET', `${BASE}/v1/clients`, { [header]: 'DELETE' })).toMatch(/--allow-destructive/);
    });

    it('still allows the run its own resources, and reads with a harmless override', () => {
      expect(request('delete', `${host}/CIS/v1/clients/srvAssigned9`)).toBeUndefined();
      expect(
        request('POST', `${BASE}/v1/clients/srvAssigned9`, { 'X-HTTP-Method-Override': 'DELETE' }),
      ).toBeUndefined();
      expect(request('POST', `${BASE}/v1/clients`, { 'X-HTTP-Method-Override': 'GET' })).toBeUndefined();
      expect(effectiveMethod({ method: 'get' as HttpMethod, headers: {} })).toBe('GET');
      expect(effectiveMethod({ method: 'GET', headers: { 'x-http-method-override': 'post' } })).toBe('POST');
      expect(pathBelowBase(`${host}/CIS//v1/./clients/a%20b`, BASE)).toEqual(['v1', 'clients', 'a b']);
      expect(pathBelowBase(`${host}/cisx/v1/clients`, BASE)).toBeUndefined();
    });
  });
});
