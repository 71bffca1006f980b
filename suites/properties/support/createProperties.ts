/**
 * POST /v1/clients over generated bodies: valid ones are accepted, conform and read back as sent; mutated ones are
 * refused with 400 and the documented error body; nothing answers 5xx.
 */
import { checkProperty } from '../../../src/suite/property.js';
import type { CheckContext } from '../../../src/suite/index.js';
import { clientsSession, getClient, postClient } from '../../support/clients.js';
import { unwrapResult } from '../../support/envelope.js';
import { clientBodies, schemaRegistry, type JsonObject } from './bodies.js';
import { describeLabel, expectNo5xx, expectRejected, uniqueName, withUniqueName } from './caseSteps.js';
import { documentedPart } from '../../support/compare.js';
import { shortJson, unheldFields } from './echo.js';

/** Two requests a case (create, get): half the run's cases keep the suite's time near the invalid ones'. */
const VALID_SHARE = 0.5;

export async function validCreatesAccepted(c: CheckContext): Promise<void> {
  const bodies = clientBodies(schemaRegistry(c.config.packageRoot));
  const session = await clientsSession(c);
  let sent = 0;
  await checkProperty(c, {
    requirement: 'CLIENTS-CREATE-PROP-VALID-ACCEPTED',
    arbitrary: bodies.validCreate,
    runsShare: VALID_SHARE,
    describe: (body) => shortJson(body),
    predicate: async (generated, e) => {
      const body: JsonObject = { ...generated, name: uniqueName(c, generated['name'], ++sent) };
      const fields = bodies.outputFields[body['authentication_protocol'] === 'saml' ? 'saml' : 'oidc'];
      const created = await postClient(c, session.token, body);
      expectNo5xx(e, created.res, 'CLIENTS-CREATE-NO-5XX');
      e.status(created.res, 201);
      e.schema(unwrapResult(created.res), 'client.schema.json', { requirement: 'CLIENTS-CREATE-201-BODY' });
      const echoed = unheldFields(body, created.client, fields);
      e.that(echoed.length === 0, {
        expected: 'the created client with every field sent',
        observed: echoed.join('; '),
      });

      const read = await getClient(c, session.token, String(created.client?.['client_id']));
      expectNo5xx(e, read.res, 'CLIENTS-GET-NO-5XX');
      e.status(read.res, 200, { requirement: 'CLIENTS-GET-200' });
      const lost = unheldFields(documentedPart(body), read.client, fields);
      e.that(lost.length === 0, {
        requirement: 'CLIENTS-GET-ROUND-TRIP',
        expected: 'the client read by id with every field it was created with',
        observed: lost.join('; '),
      });
    },
  });
}

export async function invalidCreatesRejected(c: CheckContext): Promise<void> {
  const bodies = clientBodies(schemaRegistry(c.config.packageRoot));
  const session = await clientsSession(c);
  let sent = 0;
  await checkProperty(c, {
    requirement: 'CLIENTS-CREATE-PROP-INVALID-REJECTED',
    arbitrary: bodies.invalidCreate,
    describe: ({ value, label }) => `${describeLabel(label)}: ${shortJson(value)}`,
    predicate: async ({ value, label }, e) => {
      const { res } = await postClient(c, session.token, withUniqueName(c, value, label, ++sent));
      expectRejected(e, res, label, { no5xx: 'CLIENTS-CREATE-NO-5XX', errorBody: 'CLIENTS-CREATE-400-BODY' });
    },
  });
}
