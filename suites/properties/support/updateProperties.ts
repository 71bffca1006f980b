/**
 * PUT /v1/clients/{clientId} over generated bodies for the client's protocol: valid ones are accepted, conform,
 * read back as sent and replace object-valued fields whole; mutated ones are refused with 400; nothing answers 5xx.
 */
import type { CheckContext, CheckExpect } from '../../../src/suite/index.js';
import { checkProperty } from '../../../src/suite/property.js';
import { richOidcBody, samlBody } from '../../support/clientBodies.js';
import {
  clientsSession,
  createClient,
  getClient,
  postClient,
  putClient,
  type ClientsSession,
} from '../../support/clients.js';
import { unwrapResult } from '../../support/envelope.js';
import { clientBodies, schemaRegistry, type JsonObject, type Protocol } from './bodies.js';
import { describeLabel, expectNo5xx, expectRejected, uniqueName, withUniqueName } from './caseSteps.js';
import { documentedPart } from '../../support/compare.js';
import { runOwnedName } from '../../support/liveNames.js';
import { mergedLeftovers, shortJson, unheldFields } from './echo.js';

/** Three requests a case (create, update, get). */
const VALID_SHARE = 0.5;

/**
 * The client each valid case updates: object fields with members a generated object may leave out, each with a
 * value no service would pick as a default (refresh_token_ttl 86401, a login_uri of ours), so a merge shows.
 * `sync_id_token_claims_to_userinfo` stays false: generated updates may send default_user_info_claims.
 */
function baseBody(protocol: Protocol, name: string): JsonObject {
  return protocol === 'saml' ? samlBody(name) : { ...richOidcBody(name), sync_id_token_claims_to_userinfo: false };
}

async function createBase(
  c: CheckContext,
  e: CheckExpect,
  session: ClientsSession,
  protocol: Protocol,
  n: number,
): Promise<JsonObject> {
  const created = await postClient(c, session.token, baseBody(protocol, runOwnedName(c, `base-${protocol}-${n}`)));
  e.status(created.res, '2xx', { requirement: 'CLIENTS-CREATE-201' });
  return created.client ?? {};
}

export async function validUpdatesAccepted(c: CheckContext): Promise<void> {
  const bodies = clientBodies(schemaRegistry(c.config.packageRoot));
  const session = await clientsSession(c);
  let n = 0;
  await checkProperty(c, {
    requirement: 'CLIENTS-UPDATE-PROP-VALID-ACCEPTED',
    arbitrary: bodies.validUpdate,
    runsShare: VALID_SHARE,
    describe: ({ protocol, body }) => `${protocol} client, ${shortJson(body)}`,
    predicate: async ({ protocol, body: generated }, e) => {
      const before = await createBase(c, e, session, protocol, ++n);
      const body = 'name' in generated ? { ...generated, name: uniqueName(c, generated['name'], n) } : generated;
      const id = String(before['client_id']);
      const fields = bodies.outputFields[protocol];
      const updated = await putClient(c, session.token, id, body);
      expectNo5xx(e, updated.res, 'CLIENTS-UPDATE-NO-5XX');
      e.status(updated.res, 200);
      e.schema(unwrapResult(updated.res), 'client.schema.json', { requirement: 'CLIENTS-UPDATE-200-BODY' });
      const unheld = unheldFields(body, updated.client, fields);
      e.that(unheld.length === 0, {
        expected: 'the updated client with every field sent',
        observed: unheld.join('; '),
      });
      expectReplaced(e, body, before, updated.client, 'the update answer');

      const read = await getClient(c, session.token, id);
      expectNo5xx(e, read.res, 'CLIENTS-GET-NO-5XX');
      e.status(read.res, 200, { requirement: 'CLIENTS-GET-200' });
      const lost = unheldFields(documentedPart(body), read.client, fields);
      e.that(lost.length === 0, {
        requirement: 'CLIENTS-UPDATE-ROUND-TRIP',
        expected: 'the client read by id with every field the update sent',
        observed: lost.join('; '),
      });
      expectReplaced(e, body, before, read.client, 'the client read by id');
    },
  });
}

function expectReplaced(
  e: CheckExpect,
  body: JsonObject,
  before: JsonObject,
  got: JsonObject | undefined,
  where: string,
): void {
  const leftovers = mergedLeftovers(body, before, got);
  e.that(leftovers.length === 0, {
    requirement: 'CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED',
    expected: 'each object sent to replace the stored one whole',
    observed: `in ${where} ${leftovers.join(', ')}`,
  });
}

export async function invalidUpdatesRejected(c: CheckContext): Promise<void> {
  const bodies = clientBodies(schemaRegistry(c.config.packageRoot));
  const session = await clientsSession(c);
  // Refused updates change nothing, so one client of each protocol serves every case.
  const ids: Record<Protocol, string> = {
    oidc: (await createClient(c, session, baseBody('oidc', runOwnedName(c, 'invalid-target-oidc')))).id,
    saml: (await createClient(c, session, baseBody('saml', runOwnedName(c, 'invalid-target-saml')))).id,
  };
  let sent = 0;
  await checkProperty(c, {
    requirement: 'CLIENTS-UPDATE-PROP-INVALID-REJECTED',
    arbitrary: bodies.invalidUpdate,
    describe: ({ protocol, invalid }) =>
      `${protocol} client, ${describeLabel(invalid.label)}: ${shortJson(invalid.value)}`,
    predicate: async ({ protocol, invalid }, e) => {
      const body = withUniqueName(c, invalid.value, invalid.label, ++sent);
      const { res } = await putClient(c, session.token, ids[protocol], body);
      expectRejected(e, res, invalid.label, { no5xx: 'CLIENTS-UPDATE-NO-5XX', errorBody: 'CLIENTS-UPDATE-400-BODY' });
    },
  });
}
