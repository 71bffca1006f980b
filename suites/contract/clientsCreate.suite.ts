/**
 * Contract of POST /v1/clients: each documented status provoked, each body validated against its schema.
 * The client envelope is inferred (docs/decisions.md #1): the inner client is judged under the -BODY rule and the
 * wrapping under the -ENVELOPE rule, so a bare client costs a warning, never a failure.
 */
import { check } from '../../src/suite/index.js';
import { expectClientBody, expectJsonBody } from '../support/bodyExpectations.js';
import { INVALID_CREATE_BODIES, minimalOidcBody } from '../support/clientBodies.js';
import { clientsSession, createClient, postClient } from '../support/clients.js';

check({ requirement: 'CLIENTS-CREATE-201', title: 'a valid create answers 201' }, async (c) => {
  const session = await clientsSession(c);
  const { res } = await postClient(c, session.token, minimalOidcBody(c.fixtures.id('create-201')));
  c.expect.status(res, 201);
});

check(
  { requirement: 'CLIENTS-CREATE-201-BODY', title: 'the created client is JSON matching client.schema.json' },
  async (c) => {
    const session = await clientsSession(c);
    const { res } = await createClient(c, session);
    expectClientBody(c, res, 'CLIENTS-CREATE-201-BODY');
  },
);

check(
  { requirement: 'CLIENTS-CREATE-201-ENVELOPE', title: 'the created client is wrapped as {"result": client}' },
  async (c) => {
    const session = await clientsSession(c);
    const { res } = await createClient(c, session);
    c.expect.schema(res, 'client-single.envelope.schema.json');
  },
);

for (const invalid of INVALID_CREATE_BODIES) {
  check(
    { requirement: 'CLIENTS-CREATE-400', title: 'an invalid create body answers 400', cell: invalid.cell },
    async (c) => {
      const session = await clientsSession(c);
      const { res } = await postClient(c, session.token, invalid.make(c.fixtures.id('create-400')));
      c.expect.status(res, 400);
    },
  );
}

check({ requirement: 'CLIENTS-CREATE-400-BODY', title: 'the 400 body matches error-400.schema.json' }, async (c) => {
  const session = await clientsSession(c);
  const { res } = await postClient(c, session.token, { redirect_uris: ['https://app.example.test/cb'] });
  c.expect.status(res, 400, { requirement: 'CLIENTS-CREATE-400' });
  expectJsonBody(c, res, 'error-400.schema.json', 'CLIENTS-CREATE-400-BODY');
});

// The documented rule is that a taken identifier answers 409; which identifier is inferred (decisions.md #4). So a
// duplicate name may be accepted (a warning under the inferred trigger) but, if refused, it must be with 409.
check(
  { requirement: 'CLIENTS-CREATE-409', title: 'a duplicate name is refused with 409, if refused at all' },
  async (c) => {
    const session = await clientsSession(c);
    const name = c.fixtures.id('create-409');
    await createClient(c, session, minimalOidcBody(name));
    const { res } = await postClient(c, session.token, minimalOidcBody(name));
    c.expect.that(res.status === 409 || (res.status >= 200 && res.status < 300), {
      expected: 'status 409 (identifier taken) or a 2xx (the name is not an identifier)',
      observed: `status ${res.status}`,
    });
    c.expect.status(res, 409, { requirement: 'CLIENTS-CREATE-409-DUPLICATE-NAME' });
  },
);

check({ requirement: 'CLIENTS-CREATE-409-BODY', title: 'the 409 body matches error-409.schema.json' }, async (c) => {
  const session = await clientsSession(c);
  const name = c.fixtures.id('create-409-body');
  await createClient(c, session, minimalOidcBody(name));
  const { res } = await postClient(c, session.token, minimalOidcBody(name));
  if (res.status !== 409) c.skip(`a duplicate name answered ${res.status}, so no 409 body could be provoked`);
  expectJsonBody(c, res, 'error-409.schema.json', 'CLIENTS-CREATE-409-BODY');
});
