/**
 * NO-5XX for the seven Consents operations (GUIDE api_ref_intro: 5xx is a server fault): hostile path ids, query
 * strings and headers, authorized so they reach the handlers, never get a 5xx. The app holds a consent when the
 * target has a state hook, so lookups run over real data; without one the inputs are still sent.
 */
import { check, type CheckContext, type CheckCredential } from '../../src/suite/index.js';
import { generatedStrings, hostileRequests, type HostileOperation } from '../support/consentsHostile.js';
import { consentsSession, type ConsentsSession } from '../support/consents.js';
import { OP } from '../support/operationAuth.js';

/** Generated strings per operation, on top of the fixed corpus; bounded so the check stays a few hundred ms. */
const MAX_GENERATED = 5;

interface Case extends HostileOperation {
  token(s: ConsentsSession, userId: string): Promise<CheckCredential> | CheckCredential;
}

const pairPath = (prefix: string) => (fill: (slot: string) => string) =>
  `${prefix}/clients/${fill('clientId')}/users/${fill('userId')}`;

const CASES: readonly Case[] = [
  {
    key: OP.CONSENTS_LIST,
    method: 'GET',
    path: () => '/v1/consents',
    slots: [],
    queryNames: ['client_id', 'user_id'],
    token: (s) => s.read,
  },
  {
    key: OP.CONSENTS_GET,
    method: 'GET',
    path: (fill) => `/v1/consents/${fill('consentId')}`,
    slots: ['consentId'],
    queryNames: [],
    token: (s) => s.read,
  },
  {
    key: OP.CONSENTS_DELETE_USER,
    method: 'DELETE',
    path: pairPath('/v1/consents'),
    slots: ['clientId', 'userId'],
    queryNames: ['consent_id'],
    token: (s) => s.remove,
  },
  {
    key: OP.MANAGE_CONSENTS_LIST,
    method: 'GET',
    path: () => '/v1/manage/consents',
    slots: [],
    queryNames: ['app_id', 'client_id', 'user_id'],
    token: (s) => s.read,
  },
  {
    key: OP.MANAGE_CONSENTS_DELETE,
    method: 'DELETE',
    path: pairPath('/v1/manage/consents'),
    slots: ['clientId', 'userId'],
    queryNames: ['app_id', 'consent_id'],
    token: (s) => s.remove,
  },
  {
    key: OP.ME_CONSENTS_LIST,
    method: 'GET',
    path: () => '/v1/consents/me',
    slots: [],
    queryNames: [],
    token: (s, userId) => s.user(userId),
  },
  {
    key: OP.ME_CONSENTS_REVOKE,
    method: 'DELETE',
    path: (fill) => `/v1/consents/me/clients/${fill('clientId')}`,
    slots: ['clientId'],
    queryNames: ['consent_id'],
    token: (s, userId) => s.user(userId),
  },
];

/** A consent to give the lookups something to find, when the target can set one up. */
async function seededConsentId(c: CheckContext, s: ConsentsSession, userId: string): Promise<string> {
  if (c.config.stateUrl === null) return c.fixtures.id('consent');
  return (await c.fixtures.consent({ app: s.app, userId })).consent_id;
}

for (const operation of CASES) {
  check(
    { requirement: `${operation.key}-NO-5XX`, title: 'hostile path ids, query strings and headers never get a 5xx' },
    async (c) => {
      const s = await consentsSession(c);
      const userId = c.fixtures.id('user');
      const consentId = await seededConsentId(c, s, userId);
      const slots = { consentId, clientId: s.app.clientId, userId };
      // Valid values for the documented query parameters, so that each request has exactly one odd part.
      const query: Record<string, string> = operation.key.startsWith('MANAGE-') ? { app_id: s.app.appId } : {};
      const generated = generatedStrings(c.seed, Math.min(c.runs, MAX_GENERATED));
      const requests = hostileRequests(operation, { slots, query }, await operation.token(s, userId), generated);
      for (const { label, request } of requests) {
        const res = await c.send(request);
        c.expect.that(res.status < 500, {
          expected: 'a status below 500',
          observed: `status ${res.status} for ${label}`,
        });
      }
    },
  );
}
