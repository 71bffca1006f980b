/** Contract of GET /v1/clients and GET /v1/clients/{clientId}: 200 with the client(s), 404 for an unknown id. */
import { check } from '../../src/suite/index.js';
import { expectClientBody, expectClientListBody, expectJsonBody } from '../support/bodyExpectations.js';
import { clientsSession, createClient, getClient, listClients, sessionWithClient } from '../support/clients.js';
import { describeBody } from '../support/envelope.js';

check({ requirement: 'CLIENTS-LIST-200', title: 'a listing answers 200' }, async (c) => {
  const session = await clientsSession(c);
  await createClient(c, session);
  const { res } = await listClients(c, session.token);
  c.expect.status(res, 200);
});

check(
  { requirement: 'CLIENTS-LIST-200-BODY', title: 'the listing is a JSON array of clients matching client.schema.json' },
  async (c) => {
    const session = await clientsSession(c);
    await createClient(c, session);
    const { res } = await listClients(c, session.token);
    c.expect.status(res, '2xx', { requirement: 'CLIENTS-LIST-200' });
    expectClientListBody(c, res, 'CLIENTS-LIST-200-BODY');
  },
);

check(
  { requirement: 'CLIENTS-LIST-200-ENVELOPE', title: 'the listing is wrapped as {"result": [client...]}' },
  async (c) => {
    const session = await clientsSession(c);
    await createClient(c, session);
    const { res } = await listClients(c, session.token);
    c.expect.status(res, '2xx', { requirement: 'CLIENTS-LIST-200' });
    c.expect.schema(res, 'client-list.envelope.schema.json');
  },
);

check(
  { requirement: 'CLIENTS-GET-200', title: 'getting an existing client answers 200 with that client' },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const { res, client } = await getClient(c, session.token, created.id);
    c.expect.status(res, 200);
    c.expect.that(client?.['client_id'] === created.id, {
      expected: `the client ${created.id}`,
      observed: `a body ${describeBody(res.json)}`,
    });
  },
);

check(
  { requirement: 'CLIENTS-GET-200-BODY', title: 'the client read is JSON matching client.schema.json' },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const { res } = await getClient(c, session.token, created.id);
    c.expect.status(res, '2xx', { requirement: 'CLIENTS-GET-200' });
    expectClientBody(c, res, 'CLIENTS-GET-200-BODY');
  },
);

check(
  { requirement: 'CLIENTS-GET-200-ENVELOPE', title: 'the client read is wrapped as {"result": client}' },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const { res } = await getClient(c, session.token, created.id);
    c.expect.status(res, '2xx', { requirement: 'CLIENTS-GET-200' });
    c.expect.schema(res, 'client-single.envelope.schema.json');
  },
);

check({ requirement: 'CLIENTS-GET-404', title: 'an unknown client id answers 404' }, async (c) => {
  const session = await clientsSession(c);
  const { res } = await getClient(c, session.token, c.fixtures.id('no-such-client'));
  c.expect.status(res, 404);
});

check({ requirement: 'CLIENTS-GET-404-BODY', title: 'the 404 body matches error-404.schema.json' }, async (c) => {
  const session = await clientsSession(c);
  const { res } = await getClient(c, session.token, c.fixtures.id('no-such-client'));
  c.expect.status(res, 404, { requirement: 'CLIENTS-GET-404' });
  expectJsonBody(c, res, 'error-404.schema.json', 'CLIENTS-GET-404-BODY');
});
