/**
 * The 401/403 body of each Clients operation is an observation (FACTS §1.4: undocumented; decisions.md #5): the
 * run records whether a request without a token gets the reference's shape, error-auth.schema.json. Which
 * tokens must be refused, and with which status, is the token-type suite's topic.
 */
import { check, type SendRequest } from '../../src/suite/index.js';
import { clientPath, clientResourcesPath, CLIENTS_PATH } from '../support/clients.js';
import { describeBody } from '../support/envelope.js';

const SOME_ID = 'conformance-auth-error-body';
const BODY = { name: 'conformance-auth-error-body', redirect_uris: ['https://app.example.test/cb'] };

const REQUESTS: ReadonlyArray<readonly [string, SendRequest]> = [
  ['CLIENTS-CREATE', { method: 'POST', path: CLIENTS_PATH, body: BODY }],
  ['CLIENTS-LIST', { method: 'GET', path: CLIENTS_PATH }],
  ['CLIENTS-DELETE-ALL', { method: 'DELETE', path: CLIENTS_PATH }],
  ['CLIENTS-GET', { method: 'GET', path: clientPath(SOME_ID) }],
  ['CLIENTS-UPDATE', { method: 'PUT', path: clientPath(SOME_ID), body: { description: 'x' } }],
  ['CLIENTS-DELETE', { method: 'DELETE', path: clientPath(SOME_ID) }],
  ['CLIENTS-RESOURCES', { method: 'PUT', path: clientResourcesPath(SOME_ID), body: { resource_ids: [] } }],
];

for (const [key, request] of REQUESTS) {
  check(
    { requirement: `${key}-AUTH-ERROR-BODY`, title: 'the body of a refusal without a token', cell: 'no token' },
    async (c) => {
      const res = await c.send(request);
      c.observe({
        question: 'status and body of a request without an Authorization header',
        observed: `status ${res.status}, content-type ${res.headers['content-type'] ?? 'none'}, body ${describeBody(res.json ?? res.text)}`,
      });
      if (res.status !== 401 && res.status !== 403) {
        c.skip(
          `a request without a token answered ${res.status}, not 401 or 403, so there is no refusal body to examine`,
        );
      }
      if (res.json === undefined) c.skip(`the ${res.status} refusal has no JSON body to compare`);
      c.expect.schema(res, 'error-auth.schema.json');
    },
  );
}
