/**
 * Value fidelity (docs/decisions.md #30): a value read back is the value written or first returned. The client's
 * secret comes back whole on every read and survives unrelated updates; its timestamps keep their values; a consent
 * reads the same in every list as by id; client_name is the name of the consent's own client, as it is now.
 * Secrets are compared, never printed: messages name the read that differed.
 */
import type { CheckContext, CheckCredential } from '../../src/suite/index.js';
import { check } from '../../src/suite/index.js';
import {
  CLIENTS_PERMISSIONS,
  createClient,
  getClient,
  listClients,
  putClient,
  putResources,
  type ClientResponse,
  sessionWithClient,
} from '../support/clients.js';
import { consentsSession } from '../support/consents.js';
import { OP } from '../support/operationAuth.js';

type Client = Record<string, unknown> | undefined;

/** Which of the named reads carry another `field` than `expected` (or none). */
function differing(field: string, expected: unknown, reads: Record<string, Client>): string[] {
  return Object.entries(reads)
    .filter(([, client]) => client?.[field] !== expected)
    .map(([read, client]) => `${read} (${client?.[field] === undefined ? `no ${field}` : 'another value'})`);
}

async function listed(c: CheckContext, token: CheckCredential, clientId: string): Promise<Client> {
  const { clients } = await listClients(c, token);
  return clients?.find((client) => client['client_id'] === clientId);
}

check(
  { requirement: 'CLIENTS-LIST-SECRET-VALUE', title: 'the listing carries the client_secret create returned, whole' },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const wrong = differing('client_secret', created.client['client_secret'], {
      'the listing': await listed(c, session.token, created.id),
    });
    c.expect.that(wrong.length === 0, { expected: "the create answer's client_secret", observed: wrong.join(', ') });
  },
);

const SECRET_KEEPERS = {
  [OP.CLIENTS_UPDATE]: {
    what: 'an update of its description',
    write: (c: CheckContext, token: CheckCredential, id: string) =>
      putClient(c, token, id, { description: c.fixtures.id('d') }),
  },
  [OP.CLIENTS_RESOURCES]: {
    what: 'a resources update',
    write: (c: CheckContext, token: CheckCredential, id: string) =>
      putResources(c, token, id, { resource_ids: [c.fixtures.id('resource')] }),
  },
} as const;

for (const [key, { what, write }] of Object.entries(SECRET_KEEPERS)) {
  check({ requirement: `${key}-SECRET-KEPT`, title: `${what} leaves the client_secret as it was` }, async (c) => {
    const { session, created } = await sessionWithClient(c);
    const written: ClientResponse = await write(c, session.token, created.id);
    c.expect.status(written.res, 200, { requirement: `${key}-200` });
    // The answer is judged when it carries the client: a 204 without one is the other side of the inferred `…-200`.
    const answer = `the ${key === OP.CLIENTS_UPDATE ? 'update' : 'resources'} answer`;
    const wrong = differing('client_secret', created.client['client_secret'], {
      ...(written.client !== undefined ? { [answer]: written.client } : {}),
      'get after it': (await getClient(c, session.token, created.id)).client,
      'the listing after it': await listed(c, session.token, created.id),
    });
    c.expect.that(wrong.length === 0, { expected: "the create answer's client_secret", observed: wrong.join(', ') });
  });
}

check(
  { requirement: 'CLIENTS-GET-TIMESTAMPS-KEPT', title: 'get and the listing return the timestamps create returned' },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const reads = {
      get: (await getClient(c, session.token, created.id)).client,
      'the listing': await listed(c, session.token, created.id),
    };
    for (const field of ['created_at', 'updated_at']) {
      const wrong = Object.entries(reads).filter(([, client]) => client?.[field] !== created.client[field]);
      c.expect.that(wrong.length === 0, {
        expected: `${field} ${JSON.stringify(created.client[field])} as create answered`,
        observed: wrong.map(([read, client]) => `${read}: ${JSON.stringify(client?.[field])}`).join(', '),
      });
    }
  },
);

check(
  {
    requirement: 'CLIENTS-UPDATE-TIMESTAMPS',
    title: 'an update keeps created_at, does not move updated_at back, and get agrees with its answer',
  },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const updated = await putClient(c, session.token, created.id, { description: c.fixtures.id('d') });
    c.expect.status(updated.res, 200, { requirement: 'CLIENTS-UPDATE-200' });
    const read = (await getClient(c, session.token, created.id)).client;
    // A PUT answering 204 without a body (the other side of the inferred CLIENTS-UPDATE-200) is judged by its read.
    const answer = updated.client ?? read;
    const [before, after] = [
      Date.parse(String(created.client['updated_at'])),
      Date.parse(String(answer?.['updated_at'])),
    ];
    const problems = [
      ...differing('created_at', created.client['created_at'], {
        ...(updated.client !== undefined ? { 'the update answer': updated.client } : {}),
        'get after it': read,
      }),
      ...(after >= before
        ? []
        : [`updated_at went from ${String(created.client['updated_at'])} back to ${String(answer?.['updated_at'])}`]),
      ...differing('updated_at', answer?.['updated_at'], { 'get after the update': read }),
    ];
    c.expect.that(problems.length === 0, {
      expected: `created_at ${String(created.client['created_at'])} kept, updated_at not before ${String(created.client['updated_at'])}, get equal to the update answer`,
      observed: problems.join('; '),
    });
  },
);

/** Every field of the consent schema: a listed consent must carry the value its read by id carries. */
const CONSENT_FIELDS = [
  'consent_id',
  'tenant_id',
  'app_id',
  'client_id',
  'user_id',
  'scope',
  'created_at',
  'expires_at',
  'updated_at',
];

const CONSENT_LISTS = {
  [OP.CONSENTS_LIST]: 'GET /v1/consents',
  [OP.MANAGE_CONSENTS_LIST]: 'GET /v1/manage/consents',
  [OP.ME_CONSENTS_LIST]: 'GET /v1/consents/me',
} as const;

for (const [key, label] of Object.entries(CONSENT_LISTS) as Array<[keyof typeof CONSENT_LISTS, string]>) {
  check(
    {
      requirement: `${key}-VALUES-AGREE`,
      title: `${label} carries a consent's values as its read by id does`,
      needsStateHook: true,
    },
    async (c) => {
      const s = await consentsSession(c);
      const userId = c.fixtures.id('user');
      const consent = await c.fixtures.consent({ app: s.app, userId, expiresAt: Date.now() + 86_400_000 });
      const byId = await s.cis.getConsent(s.read, consent.consent_id);
      c.expect.status(byId.response, 200, { requirement: 'CONSENTS-GET-200' });
      const list =
        key === OP.CONSENTS_LIST
          ? await s.cis.listConsents(s.read, { userId })
          : key === OP.MANAGE_CONSENTS_LIST
            ? await s.cis.listAppConsents(s.read, { appId: s.app.appId, userId })
            : await s.cis.listMyConsents(await s.user(userId));
      c.expect.status(list.response, 200, { requirement: `${key}-200` });
      const item = (list.ok ? list.body : []).find((i) => i.consent_id === consent.consent_id) as
        Record<string, unknown> | undefined;
      const reference = (byId.ok ? byId.body : {}) as Record<string, unknown>;
      const off = CONSENT_FIELDS.filter((f) => item?.[f] !== reference[f]);
      c.expect.that(item !== undefined && off.length === 0, {
        expected: `consent ${consent.consent_id} listed with the values of its read by id`,
        observed:
          item === undefined
            ? 'the consent is not listed'
            : off.map((f) => `${f} ${JSON.stringify(item[f])} (by id ${JSON.stringify(reference[f])})`).join(', '),
      });
    },
  );
}

check(
  {
    requirement: 'MANAGE-CONSENTS-LIST-CLIENT-NAME-OWN-CLIENT',
    title: "client_name is the name of the consent's own client, also after a rename",
    needsStateHook: true,
  },
  async (c) => {
    const s = await consentsSession(c);
    const session = { app: s.app, token: await c.tokens.client({ app: s.app, permissions: CLIENTS_PERMISSIONS }) };
    const named = await createClient(c, session);
    const consent = await c.fixtures.consent({ app: s.app, clientId: named.id, userId: c.fixtures.id('user') });
    const renamed = c.fixtures.id('renamed');
    for (const [moment, name] of [
      ['as created', named.client['name']],
      ['after a rename', renamed],
    ] as const) {
      if (moment === 'after a rename') {
        const put = await putClient(c, session.token, named.id, { name: renamed });
        c.expect.status(put.res, 200, { requirement: 'CLIENTS-UPDATE-200' });
      }
      const res = await s.cis.listAppConsents(s.read, { appId: s.app.appId, clientId: named.id });
      c.expect.status(res.response, 200, { requirement: 'MANAGE-CONSENTS-LIST-200' });
      const item = (res.ok ? res.body : []).find((i) => i.consent_id === consent.consent_id);
      c.expect.that(item?.client_name === name, {
        expected: `client_name ${JSON.stringify(name)} (${moment})`,
        observed: item === undefined ? 'the consent is not listed' : `client_name ${JSON.stringify(item.client_name)}`,
      });
    }
  },
);
