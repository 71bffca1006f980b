/**
 * The 401/403 body of each Clients operation is an observation (docs/facts.md §1.4: undocumented; decisions.md #5): the
 * run records whether a request without a token gets the reference's shape, error-auth.schema.json. Which
 * tokens must be refused, and with which status, is the token-type suite's topic.
 */
import type { CisClient, CisResponse } from '../../src/client/index.js';
import { check } from '../../src/suite/index.js';
import { cisOf } from '../support/cis.js';
import { describeBody } from '../support/envelope.js';
import { OP } from '../support/operationAuth.js';

const SOME_ID = 'conformance-auth-error-body';
const BODY = { name: 'conformance-auth-error-body', redirect_uris: ['https://app.example.test/cb'] };

/** Each operation without a token (`null`: no Authorization header). */
const REQUESTS: ReadonlyArray<readonly [string, (cis: CisClient) => Promise<CisResponse<unknown>>]> = [
  [OP.CLIENTS_CREATE, (cis) => cis.createClient(null, BODY)],
  [OP.CLIENTS_LIST, (cis) => cis.listClients(null)],
  [OP.CLIENTS_DELETE_ALL, (cis) => cis.deleteAllClients(null)],
  [OP.CLIENTS_GET, (cis) => cis.getClient(null, SOME_ID)],
  [OP.CLIENTS_UPDATE, (cis) => cis.updateClient(null, SOME_ID, { description: 'x' })],
  [OP.CLIENTS_DELETE, (cis) => cis.deleteClient(null, SOME_ID)],
  [OP.CLIENTS_RESOURCES, (cis) => cis.updateClientResources(null, SOME_ID, [])],
];

for (const [key, request] of REQUESTS) {
  check(
    { requirement: `${key}-AUTH-ERROR-BODY`, title: 'the body of a refusal without a token', cell: 'no token' },
    async (c) => {
      const res = (await request(cisOf(c))).response;
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
