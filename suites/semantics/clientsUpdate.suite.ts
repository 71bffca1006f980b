/**
 * Semantics of PUT /v1/clients/{clientId} and PUT /v1/clients/{clientId}/resources: object-valued fields are
 * replaced whole (documented, SEED-C), omitted top-level fields kept and the protocol unchanged (both inferred,
 * docs/decisions.md #16), the resources list replaced (inferred, #17).
 */
import { check } from '../../src/suite/index.js';
import { expectErrorBody, expectSuccessOrSkip } from '../support/bodyExpectations.js';
import { minimalOidcBody, richOidcBody, UNKNOWN_FIELD } from '../support/clientBodies.js';
import {
  clientsSession,
  createClient,
  getClient,
  listClients,
  putClient,
  putResources,
  sessionWithClient,
} from '../support/clients.js';
import { differences, documentedPart, holdsValue, isPlainObject } from '../support/compare.js';
import { describeBody } from '../support/envelope.js';

/** Sub-fields of `before` that were not resent but whose old value is still in `after`: merged, not replaced. */
function carriedOver(
  field: string,
  before: Record<string, unknown>,
  resent: Record<string, unknown>,
  after: unknown,
): string[] {
  if (!isPlainObject(after)) return [];
  return Object.entries(before)
    .filter(([key, value]) => !(key in resent) && holdsValue(value, after[key]))
    .map(([key, value]) => `${field}.${key} still ${JSON.stringify(value)}`);
}

check(
  {
    requirement: 'CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED',
    title: 'an object sent in a PUT replaces the stored one whole',
  },
  async (c) => {
    const session = await clientsSession(c);
    const created = await createClient(c, session, richOidcBody(c.fixtures.id('replace-objects')));
    const before = created.sent as Record<string, Record<string, unknown>>;
    // One nested field changed, the object resent without its other fields.
    const resent = { token_expiration: { access_token_ttl: 901 }, ciba_authorization: { enabled: false } };
    const put = await putClient(c, session.token, created.id, resent);
    expectSuccessOrSkip(c, put.res, 'CLIENTS-UPDATE-200', 'the PUT');
    const { res, client } = await getClient(c, session.token, created.id);
    c.expect.status(res, 200, { requirement: 'CLIENTS-GET-200' });
    // The PUT answer is judged when it carries the client: that a PUT answers one at all is inferred
    // (CLIENTS-UPDATE-200; a 204 without a body is the other side), the read after it always is.
    const answers = [
      ...(put.client !== undefined ? [['the PUT answer', put.client] as const] : []),
      ['a read after it', client] as const,
    ];
    for (const [label, stored] of answers) {
      const merged = Object.entries(resent).flatMap(([field, sent]) =>
        carriedOver(field, before[field] ?? {}, sent, stored?.[field]),
      );
      const unsent = differences(resent, stored);
      c.expect.that(merged.length === 0 && unsent.length === 0, {
        expected: `in ${label}, each object exactly as resent (${JSON.stringify(resent)})`,
        observed: [...merged, ...unsent].join('; '),
      });
    }
  },
);

check(
  { requirement: 'CLIENTS-UPDATE-OMITTED-FIELDS-KEPT', title: 'top-level fields left out of a PUT keep their values' },
  async (c) => {
    const session = await clientsSession(c);
    const created = await createClient(c, session, richOidcBody(c.fixtures.id('omitted-kept')));
    const put = await putClient(c, session.token, created.id, { description: 'only the description changes' });
    expectSuccessOrSkip(c, put.res, 'CLIENTS-UPDATE-200', 'the PUT');
    const { res, client } = await getClient(c, session.token, created.id);
    c.expect.status(res, 200, { requirement: 'CLIENTS-GET-200' });
    const untouched = Object.fromEntries(Object.entries(created.sent).filter(([field]) => field !== 'description'));
    const lost = differences(untouched, client);
    c.expect.that(lost.length === 0, {
      expected: 'every field left out of the PUT as it was',
      observed: lost.join('; '),
    });
  },
);

check(
  { requirement: 'CLIENTS-UPDATE-PROTOCOL-UNCHANGED', title: 'a PUT cannot change authentication_protocol' },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const put = await putClient(c, session.token, created.id, {
      authentication_protocol: 'saml',
      description: 'protocol change attempt',
    });
    // Refusing the field (400, or 422 where the update's 400 is inferred) keeps the protocol as surely as ignoring
    // it; the stored protocol is what counts.
    c.expect.that([400, 422].includes(put.res.status) || (put.res.status >= 200 && put.res.status < 300), {
      expected: 'the field ignored (2xx) or the body refused (400 or 422)',
      observed: `status ${put.res.status}`,
    });
    const { res, client } = await getClient(c, session.token, created.id);
    c.expect.status(res, 200, { requirement: 'CLIENTS-GET-200' });
    c.expect.that(client?.['authentication_protocol'] === 'oidc', {
      expected: 'authentication_protocol still "oidc"',
      observed: `authentication_protocol ${describeBody(client?.['authentication_protocol'])}`,
    });
  },
);

check(
  { requirement: 'CLIENTS-UPDATE-ROUND-TRIP', title: 'after a PUT, get and list return the values sent' },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const sent = {
      name: c.fixtures.id('renamed'),
      description: 'round trip of an update',
      redirect_uris: ['https://app.example.test/updated'],
      client_type: 'native',
      supported_prompts: ['none'],
      device_authorization: {
        enabled: true,
        approval_uri: 'https://app.example.test/d/approve',
        success_uri: 'https://app.example.test/d/done',
        input_uri: 'https://app.example.test/d/start',
      },
      session_expiration: 3601,
    };
    const put = await putClient(c, session.token, created.id, sent);
    expectSuccessOrSkip(c, put.res, 'CLIENTS-UPDATE-200', 'the PUT');
    const read = await getClient(c, session.token, created.id);
    c.expect.status(read.res, 200, { requirement: 'CLIENTS-GET-200' });
    const readLost = differences(documentedPart(sent), read.client);
    c.expect.that(readLost.length === 0, {
      expected: 'a read holding every value sent',
      observed: readLost.join('; '),
    });
    const list = await listClients(c, session.token);
    c.expect.status(list.res, 200, { requirement: 'CLIENTS-LIST-200' });
    const listLost = differences(
      documentedPart(sent),
      list.clients?.find((client) => client['client_id'] === created.id),
    );
    c.expect.that(listLost.length === 0, {
      expected: 'the listing holding every value sent',
      observed: listLost.join('; '),
    });
  },
);

check(
  {
    requirement: 'CLIENTS-UPDATE-USERINFO-CONFLICT-400',
    title: 'a PUT with userinfo claims and sync to userinfo answers 400',
  },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const { res } = await putClient(c, session.token, created.id, {
      default_user_info_claims: ['email'],
      sync_id_token_claims_to_userinfo: true,
    });
    c.expect.status(res, 400);
    expectErrorBody(c, res, 400, 'error-400.schema.json', 'CLIENTS-UPDATE-400-BODY');
  },
);

check(
  { requirement: 'CLIENTS-UPDATE-UNKNOWN-FIELDS', title: 'what a PUT does with a field no doc names' },
  async (c) => {
    const session = await clientsSession(c);
    const created = await createClient(c, session, minimalOidcBody(c.fixtures.id('update-unknown')));
    const put = await putClient(c, session.token, created.id, {
      description: 'with an unknown field',
      [UNKNOWN_FIELD]: 'kept?',
    });
    c.observe({ question: `status of a PUT carrying "${UNKNOWN_FIELD}"`, observed: `status ${put.res.status}` });
    const { client } = await getClient(c, session.token, created.id);
    c.observe({
      question: `whether "${UNKNOWN_FIELD}" sent in a PUT is stored and returned by a read`,
      observed:
        client && UNKNOWN_FIELD in client ? `returned as ${describeBody(client[UNKNOWN_FIELD])}` : 'not returned',
    });
  },
);

check(
  { requirement: 'CLIENTS-RESOURCES-REPLACES', title: 'the resources PUT replaces the list, it does not append' },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const first = await putResources(c, session.token, created.id, {
      resource_ids: ['conformance-res-a', 'conformance-res-b'],
    });
    expectSuccessOrSkip(c, first.res, 'CLIENTS-RESOURCES-200', 'the first resources PUT');
    const wanted = ['conformance-res-b', 'conformance-res-c'];
    const second = await putResources(c, session.token, created.id, { resource_ids: wanted });
    expectSuccessOrSkip(c, second.res, 'CLIENTS-RESOURCES-200', 'the second resources PUT');
    const read = await getClient(c, session.token, created.id);
    c.expect.status(read.res, 200, { requirement: 'CLIENTS-GET-200' });
    for (const [label, client] of [
      ['the PUT answer', second.client],
      ['a read after it', read.client],
    ] as const) {
      c.expect.that(holdsValue(wanted, client?.['resources']), {
        expected: `in ${label}, resources exactly ${JSON.stringify(wanted)}`,
        observed: `resources ${describeBody(client?.['resources'])}`,
      });
    }
  },
);

check(
  { requirement: 'CLIENTS-RESOURCES-UNKNOWN-FIELDS', title: 'what the resources PUT does with other fields' },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const put = await putResources(c, session.token, created.id, {
      resource_ids: ['conformance-res-a'],
      description: 'not a resources field',
      [UNKNOWN_FIELD]: 'kept?',
    });
    c.observe({
      question: `status of a resources PUT carrying "description" and "${UNKNOWN_FIELD}"`,
      observed: `status ${put.res.status}`,
    });
    const { client } = await getClient(c, session.token, created.id);
    c.observe({
      question: 'whether fields other than resource_ids in a resources PUT change the client',
      observed: `description ${describeBody(client?.['description'])}, ${UNKNOWN_FIELD} ${client && UNKNOWN_FIELD in client ? 'returned' : 'not returned'}`,
    });
  },
);
