/** Semantics of the reads: a client comes back as created, with its secret; the listing holds every client. */
import { check } from '../../src/suite/index.js';
import { minimalOidcBody, richOidcBody } from '../support/clientBodies.js';
import { clientsSession, createClient, getClient, idsOf, listClients, sessionWithClient } from '../support/clients.js';
import { differences, documentedPart } from '../support/compare.js';

check(
  { requirement: 'CLIENTS-GET-ROUND-TRIP', title: 'a created client reads back with the values it was created with' },
  async (c) => {
    const session = await clientsSession(c);
    const created = await createClient(c, session, richOidcBody(c.fixtures.id('round-trip')));
    const { res, client } = await getClient(c, session.token, created.id);
    c.expect.status(res, 200, { requirement: 'CLIENTS-GET-200' });
    const lost = differences(documentedPart(created.sent), client);
    c.expect.that(lost.length === 0, { expected: 'every field as it was sent on create', observed: lost.join('; ') });
  },
);

check(
  { requirement: 'CLIENTS-GET-200-SECRET', title: 'a read returns the client_secret create returned' },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const { res, client } = await getClient(c, session.token, created.id);
    c.expect.status(res, '2xx', { requirement: 'CLIENTS-GET-200' });
    const [sent, got] = [created.client['client_secret'], client?.['client_secret']];
    c.expect.that(typeof got === 'string' && got !== '' && got === sent, {
      expected: 'the client_secret of the create answer',
      observed: got === undefined ? 'no client_secret' : got === sent ? 'the same secret' : 'another value',
    });
  },
);

check({ requirement: 'CLIENTS-LIST-200-SECRET', title: 'every listed client carries its client_secret' }, async (c) => {
  const session = await clientsSession(c);
  await createClient(c, session);
  const { res, clients } = await listClients(c, session.token);
  c.expect.status(res, '2xx', { requirement: 'CLIENTS-LIST-200' });
  const without = (clients ?? []).filter(
    (client) => typeof client['client_secret'] !== 'string' || client['client_secret'] === '',
  );
  c.expect.that(clients !== undefined && clients.length > 0 && without.length === 0, {
    expected: 'a non-empty client_secret on each listed client',
    observed:
      clients === undefined
        ? 'no list'
        : `${without.length} of ${clients.length} without one (${idsOf(without).join(', ')})`,
  });
});

check(
  {
    requirement: 'CLIENTS-LIST-ALL-CLIENTS',
    title: 'the listing holds the default client and each one created, as stored',
  },
  async (c) => {
    const session = await clientsSession(c);
    const created = [
      await createClient(c, session, minimalOidcBody(c.fixtures.id('listed'))),
      await createClient(c, session, richOidcBody(c.fixtures.id('listed-rich'))),
    ];
    const { res, clients } = await listClients(c, session.token);
    c.expect.status(res, 200, { requirement: 'CLIENTS-LIST-200' });
    const listed = idsOf(clients);
    // Without a state hook the app is implicit (docs/decisions.md #27) and has no default client of ours.
    const expectedIds = [...(c.config.stateUrl !== null ? [session.app.clientId] : []), ...created.map((x) => x.id)];
    c.expect.that(
      expectedIds.every((id) => listed.includes(id)),
      {
        expected: `the clients ${expectedIds.join(', ')}`,
        observed: `listed ids ${listed.join(', ') || 'none'}`,
      },
    );
    for (const { id, sent } of created) {
      const lost = differences(
        documentedPart(sent),
        clients?.find((client) => client['client_id'] === id),
      );
      c.expect.that(lost.length === 0, {
        expected: `client ${id} listed with the values it was created with`,
        observed: lost.join('; '),
      });
    }
  },
);
