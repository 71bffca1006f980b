/**
 * Contract of PUT /v1/clients/{clientId} and PUT /v1/clients/{clientId}/resources. Only the app-scoped twin
 * documents their responses (FACTS §2.5, §2.7), so every rule here is inferred: violations are warnings.
 */
import { check } from '../../src/suite/index.js';
import { expectClientBody, expectErrorBody, expectSuccessOrSkip } from '../support/bodyExpectations.js';
import { INVALID_RESOURCES_BODIES, INVALID_UPDATE_BODIES } from '../support/clientBodies.js';
import { clientsSession, createClient, putClient, putResources } from '../support/clients.js';
import { describeBody } from '../support/envelope.js';

const UPDATE = { description: 'updated by the conformance run' };
const RESOURCES = { resource_ids: ['conformance-resource-1'] };

check({ requirement: 'CLIENTS-UPDATE-200', title: 'a valid update answers 200 with the updated client' }, async (c) => {
  const session = await clientsSession(c);
  const created = await createClient(c, session);
  const { res, client } = await putClient(c, session.token, created.id, UPDATE);
  c.expect.status(res, 200);
  c.expect.that(client?.['client_id'] === created.id && client['description'] === UPDATE.description, {
    expected: `the client ${created.id} with the new description`,
    observed: `a body ${describeBody(res.json)}`,
  });
});

check(
  { requirement: 'CLIENTS-UPDATE-200-BODY', title: 'the updated client is JSON matching client.schema.json' },
  async (c) => {
    const session = await clientsSession(c);
    const created = await createClient(c, session);
    const { res } = await putClient(c, session.token, created.id, UPDATE);
    expectSuccessOrSkip(c, res, 'CLIENTS-UPDATE-200', 'the update');
    expectClientBody(c, res, 'CLIENTS-UPDATE-200-BODY');
  },
);

check(
  { requirement: 'CLIENTS-UPDATE-200-ENVELOPE', title: 'the updated client is wrapped as {"result": client}' },
  async (c) => {
    const session = await clientsSession(c);
    const created = await createClient(c, session);
    const { res } = await putClient(c, session.token, created.id, UPDATE);
    expectSuccessOrSkip(c, res, 'CLIENTS-UPDATE-200', 'the update');
    c.expect.schema(res, 'client-single.envelope.schema.json');
  },
);

for (const invalid of INVALID_UPDATE_BODIES) {
  check(
    { requirement: 'CLIENTS-UPDATE-400', title: 'an invalid update body answers 400', cell: invalid.cell },
    async (c) => {
      const session = await clientsSession(c);
      const created = await createClient(c, session);
      const { res } = await putClient(c, session.token, created.id, invalid.make(c.fixtures.id('update-400')));
      c.expect.status(res, 400);
    },
  );
}

check({ requirement: 'CLIENTS-UPDATE-400-BODY', title: 'the 400 body matches error-400.schema.json' }, async (c) => {
  const session = await clientsSession(c);
  const created = await createClient(c, session);
  const { res } = await putClient(c, session.token, created.id, { client_type: 'desktop' });
  c.expect.status(res, 400, { requirement: 'CLIENTS-UPDATE-400' });
  expectErrorBody(c, res, 400, 'error-400.schema.json', 'CLIENTS-UPDATE-400-BODY');
});

check({ requirement: 'CLIENTS-UPDATE-404', title: 'updating an unknown client id answers 404' }, async (c) => {
  const session = await clientsSession(c);
  const { res } = await putClient(c, session.token, c.fixtures.id('no-such-client'), UPDATE);
  c.expect.status(res, 404);
});

check({ requirement: 'CLIENTS-UPDATE-404-BODY', title: 'the 404 body matches error-404.schema.json' }, async (c) => {
  const session = await clientsSession(c);
  const { res } = await putClient(c, session.token, c.fixtures.id('no-such-client'), UPDATE);
  c.expect.status(res, 404, { requirement: 'CLIENTS-UPDATE-404' });
  expectErrorBody(c, res, 404, 'error-404.schema.json', 'CLIENTS-UPDATE-404-BODY');
});

check(
  { requirement: 'CLIENTS-RESOURCES-200', title: 'a valid resources update answers 200 with the client' },
  async (c) => {
    const session = await clientsSession(c);
    const created = await createClient(c, session);
    const { res, client } = await putResources(c, session.token, created.id, RESOURCES);
    c.expect.status(res, 200);
    c.expect.that(client?.['client_id'] === created.id, {
      expected: `the client ${created.id}`,
      observed: `a body ${describeBody(res.json)}`,
    });
  },
);

check(
  { requirement: 'CLIENTS-RESOURCES-200-BODY', title: 'the client is JSON matching client.schema.json' },
  async (c) => {
    const session = await clientsSession(c);
    const created = await createClient(c, session);
    const { res } = await putResources(c, session.token, created.id, RESOURCES);
    expectSuccessOrSkip(c, res, 'CLIENTS-RESOURCES-200', 'the resources update');
    expectClientBody(c, res, 'CLIENTS-RESOURCES-200-BODY');
  },
);

check(
  { requirement: 'CLIENTS-RESOURCES-200-ENVELOPE', title: 'the client is wrapped as {"result": client}' },
  async (c) => {
    const session = await clientsSession(c);
    const created = await createClient(c, session);
    const { res } = await putResources(c, session.token, created.id, RESOURCES);
    expectSuccessOrSkip(c, res, 'CLIENTS-RESOURCES-200', 'the resources update');
    c.expect.schema(res, 'client-single.envelope.schema.json');
  },
);

for (const invalid of INVALID_RESOURCES_BODIES) {
  check(
    { requirement: 'CLIENTS-RESOURCES-400', title: 'an invalid resources body answers 400', cell: invalid.cell },
    async (c) => {
      const session = await clientsSession(c);
      const created = await createClient(c, session);
      const { res } = await putResources(c, session.token, created.id, invalid.make(''));
      c.expect.status(res, 400);
    },
  );
}

check({ requirement: 'CLIENTS-RESOURCES-400-BODY', title: 'the 400 body matches error-400.schema.json' }, async (c) => {
  const session = await clientsSession(c);
  const created = await createClient(c, session);
  const { res } = await putResources(c, session.token, created.id, {});
  c.expect.status(res, 400, { requirement: 'CLIENTS-RESOURCES-400' });
  expectErrorBody(c, res, 400, 'error-400.schema.json', 'CLIENTS-RESOURCES-400-BODY');
});

check({ requirement: 'CLIENTS-RESOURCES-404', title: 'an unknown client id answers 404' }, async (c) => {
  const session = await clientsSession(c);
  const { res } = await putResources(c, session.token, c.fixtures.id('no-such-client'), RESOURCES);
  c.expect.status(res, 404);
});

check({ requirement: 'CLIENTS-RESOURCES-404-BODY', title: 'the 404 body matches error-404.schema.json' }, async (c) => {
  const session = await clientsSession(c);
  const { res } = await putResources(c, session.token, c.fixtures.id('no-such-client'), RESOURCES);
  c.expect.status(res, 404, { requirement: 'CLIENTS-RESOURCES-404' });
  expectErrorBody(c, res, 404, 'error-404.schema.json', 'CLIENTS-RESOURCES-404-BODY');
});
