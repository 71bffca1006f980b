/**
 * Semantics of the deletes: a deleted client is gone everywhere, delete-all leaves the app empty (its default
 * client included), and — as observations — what deleting the last client does and whether the caller's token
 * outlives its own client.
 */
import { check } from '../../src/suite/index.js';
import {
  clientsSession,
  createClient,
  deleteAllClients,
  deleteClient,
  emptiedApp,
  getClient,
  idsOf,
  listClients,
  putClient,
  skipIfTokenRefused,
} from '../support/clients.js';
import { describeBody } from '../support/envelope.js';

check(
  {
    requirement: 'CLIENTS-DELETE-GONE',
    title: 'a deleted client answers 404 to get, update and delete, and is not listed',
  },
  async (c) => {
    const session = await clientsSession(c);
    const doomed = await createClient(c, session);
    const deleted = await deleteClient(c, session.token, doomed.id);
    c.expect.status(deleted, '2xx');
    const read = await getClient(c, session.token, doomed.id);
    c.expect.status(read.res, 404);
    const update = await putClient(c, session.token, doomed.id, { description: 'use after delete' });
    c.expect.status(update.res, '4xx');
    c.expect.status(update.res, 404, { requirement: 'CLIENTS-UPDATE-404' });
    const again = await deleteClient(c, session.token, doomed.id);
    c.expect.status(again, 404);
    const { res, clients } = await listClients(c, session.token);
    c.expect.status(res, 200, { requirement: 'CLIENTS-LIST-200' });
    c.expect.that(clients !== undefined && !idsOf(clients).includes(doomed.id), {
      expected: `a listing without ${doomed.id}`,
      observed: `listed ids ${idsOf(clients).join(', ') || 'none'}`,
    });
  },
);

check({ requirement: 'CLIENTS-DELETE-LAST-CLIENT', title: 'what deleting the app’s last client does' }, async (c) => {
  const session = await clientsSession(c);
  let { clients } = await listClients(c, session.token);
  if (clients === undefined || clients.length === 0) clients = [(await createClient(c, session)).client];
  const ids = idsOf(clients);
  const statuses: string[] = [];
  for (const id of ids)
    statuses.push(
      `${id === session.app.clientId ? 'default client' : 'client'} ${id}: ${(await deleteClient(c, session.token, id)).status}`,
    );
  c.observe({
    question: 'statuses of deleting each client of the app, the last one last',
    observed: statuses.join('; '),
  });
  const after = await listClients(c, session.token);
  c.observe({
    question: 'a listing with the same token after the last client was deleted',
    observed: `status ${after.res.status}, ${after.clients === undefined ? describeBody(after.res.json) : `${after.clients.length} clients`}`,
  });
});

check(
  {
    requirement: 'CLIENTS-DELETE-ALL-EMPTIES-APP',
    title: 'after delete-all the app lists no clients and each former id answers 404',
  },
  async (c) => {
    const emptied = await emptiedApp(c);
    const { res, clients } = await listClients(c, emptied.token);
    skipIfTokenRefused(c, res);
    c.expect.status(res, 200, { requirement: 'CLIENTS-LIST-200' });
    c.expect.that(clients !== undefined && clients.length === 0, {
      expected: 'an empty listing',
      observed: clients === undefined ? `a body ${describeBody(res.json)}` : `listed ids ${idsOf(clients).join(', ')}`,
    });
    const ids =
      c.config.stateUrl !== null
        ? [...new Set([emptied.session.app.clientId, ...emptied.formerIds])]
        : emptied.formerIds;
    for (const id of ids) {
      const read = await getClient(c, emptied.token, id);
      c.expect.status(read.res, 404);
    }
  },
);

check(
  { requirement: 'CLIENTS-DELETE-ALL-404-EMPTY-APP', title: 'delete-all on an app with no clients answers 404' },
  async (c) => {
    const emptied = await emptiedApp(c);
    const res = await deleteAllClients(c, emptied.token);
    skipIfTokenRefused(c, res);
    c.expect.status(res, 404);
  },
);

check(
  {
    requirement: 'CLIENTS-DELETE-ALL-TOKEN-AFTER',
    title: 'whether the caller’s token works after delete-all removed its client',
  },
  async (c) => {
    const session = await clientsSession(c);
    await createClient(c, session);
    const res = await deleteAllClients(c, session.token);
    c.expect.status(res, '2xx', { requirement: 'CLIENTS-DELETE-ALL-204' });
    const after = await listClients(c, session.token);
    c.observe({
      question: 'status of a listing with the token issued before delete-all removed its own client',
      observed: `status ${after.res.status}`,
    });
  },
);
