/** Contract of DELETE /v1/clients/{clientId} and DELETE /v1/clients: 204 with no body, 404 and its body. */
import { check } from '../../src/suite/index.js';
import { expectEmptyBody, expectJsonBody } from '../support/bodyExpectations.js';
import {
  clientsSession,
  createClient,
  deleteAllClients,
  deleteClient,
  emptiedApp,
  skipIfTokenRefused,
  sessionWithClient,
} from '../support/clients.js';

check(
  { requirement: 'CLIENTS-DELETE-204', title: 'deleting an existing client answers 204 with no body' },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    const res = await deleteClient(c, session.token, created.id);
    c.expect.status(res, 204);
    expectEmptyBody(c, res, 'CLIENTS-DELETE-204');
  },
);

check({ requirement: 'CLIENTS-DELETE-404', title: 'deleting an unknown client id answers 404' }, async (c) => {
  const session = await clientsSession(c);
  const res = await deleteClient(c, session.token, c.fixtures.id('no-such-client'));
  c.expect.status(res, 404);
});

check({ requirement: 'CLIENTS-DELETE-404-BODY', title: 'the 404 body matches error-404.schema.json' }, async (c) => {
  const session = await clientsSession(c);
  const res = await deleteClient(c, session.token, c.fixtures.id('no-such-client'));
  c.expect.status(res, 404, { requirement: 'CLIENTS-DELETE-404' });
  expectJsonBody(c, res, 'error-404.schema.json', 'CLIENTS-DELETE-404-BODY');
});

check({ requirement: 'CLIENTS-DELETE-ALL-204', title: 'deleting all clients answers 204 with no body' }, async (c) => {
  const session = await clientsSession(c);
  await createClient(c, session);
  const res = await deleteAllClients(c, session.token);
  c.expect.status(res, 204);
  expectEmptyBody(c, res, 'CLIENTS-DELETE-ALL-204');
});

// 404 is a documented answer of delete-all; its trigger (an app with no clients) is inferred (decisions.md #19).
check(
  { requirement: 'CLIENTS-DELETE-ALL-404', title: 'delete-all on an emptied app answers 404 or succeeds' },
  async (c) => {
    const emptied = await emptiedApp(c);
    const res = await deleteAllClients(c, emptied.token);
    skipIfTokenRefused(c, res);
    c.expect.that(res.status === 404 || (res.status >= 200 && res.status < 300), {
      expected: 'status 404 (nothing to delete) or a 2xx',
      observed: `status ${res.status}`,
    });
    c.expect.status(res, 404, { requirement: 'CLIENTS-DELETE-ALL-404-EMPTY-APP' });
  },
);

check(
  { requirement: 'CLIENTS-DELETE-ALL-404-BODY', title: 'the 404 body matches error-404.schema.json' },
  async (c) => {
    const emptied = await emptiedApp(c);
    const res = await deleteAllClients(c, emptied.token);
    skipIfTokenRefused(c, res);
    if (res.status !== 404)
      c.skip(`delete-all on an emptied app answered ${res.status}, so no 404 body could be provoked`);
    expectJsonBody(c, res, 'error-404.schema.json', 'CLIENTS-DELETE-ALL-404-BODY');
  },
);
