/**
 * Contract of PUT /v1/clients/{clientId} and PUT /v1/clients/{clientId}/resources. Only the app-scoped twin
 * documents their responses (docs/facts.md §2.5, §2.7), so every rule here is inferred: violations are warnings.
 */
import { check, type CheckContext, type CheckCredential } from '../../src/suite/index.js';
import { expectClientBody, expectErrorBody, expectSuccessOrSkip } from '../support/bodyExpectations.js';
import { INVALID_RESOURCES_BODIES, INVALID_UPDATE_BODIES, type InvalidBody } from '../support/clientBodies.js';
import { clientsSession, putClient, putResources, type ClientResponse, sessionWithClient } from '../support/clients.js';
import { describeBody } from '../support/envelope.js';
import { OP } from '../support/operationAuth.js';

/** One of the two client updates, with what differs between their otherwise parallel contracts. */
interface ClientPut {
  readonly key: typeof OP.CLIENTS_UPDATE | typeof OP.CLIENTS_RESOURCES;
  readonly put: (c: CheckContext, token: CheckCredential, clientId: string, body: unknown) => Promise<ClientResponse>;
  readonly body: Record<string, unknown>;
  /** The 200 body is this client updated by `body`. */
  readonly updated: (client: Record<string, unknown> | undefined, clientId: string) => boolean;
  readonly expected: (clientId: string) => string;
  readonly step: string;
  readonly invalid: readonly InvalidBody[];
  /** The name an invalid body is made with. */
  readonly invalidName: (c: CheckContext) => string;
  readonly invalidExample: Record<string, unknown>;
  readonly titles: {
    readonly ok: string;
    readonly body: string;
    readonly envelope: string;
    readonly invalid: string;
    readonly unknown: string;
  };
}

function registerPutContract(op: ClientPut): void {
  check({ requirement: `${op.key}-200`, title: op.titles.ok }, async (c) => {
    const { session, created } = await sessionWithClient(c);
    const { res, client } = await op.put(c, session.token, created.id, op.body);
    c.expect.status(res, 200);
    c.expect.that(op.updated(client, created.id), {
      expected: op.expected(created.id),
      observed: `a body ${describeBody(res.json)}`,
    });
  });

  check({ requirement: `${op.key}-200-BODY`, title: op.titles.body }, async (c) => {
    const { session, created } = await sessionWithClient(c);
    const { res } = await op.put(c, session.token, created.id, op.body);
    expectSuccessOrSkip(c, res, `${op.key}-200`, op.step);
    expectClientBody(c, res, `${op.key}-200-BODY`);
  });

  check({ requirement: `${op.key}-200-ENVELOPE`, title: op.titles.envelope }, async (c) => {
    const { session, created } = await sessionWithClient(c);
    const { res } = await op.put(c, session.token, created.id, op.body);
    expectSuccessOrSkip(c, res, `${op.key}-200`, op.step);
    c.expect.schema(res, 'client-single.envelope.schema.json');
  });

  for (const invalid of op.invalid) {
    check({ requirement: `${op.key}-400`, title: op.titles.invalid, cell: invalid.cell }, async (c) => {
      const { session, created } = await sessionWithClient(c);
      const { res } = await op.put(c, session.token, created.id, invalid.make(op.invalidName(c)));
      c.expect.status(res, 400);
    });
  }

  check({ requirement: `${op.key}-400-BODY`, title: 'the 400 body matches error-400.schema.json' }, async (c) => {
    const { session, created } = await sessionWithClient(c);
    const { res } = await op.put(c, session.token, created.id, op.invalidExample);
    c.expect.status(res, 400, { requirement: `${op.key}-400` });
    expectErrorBody(c, res, 400, 'error-400.schema.json', `${op.key}-400-BODY`);
  });

  check({ requirement: `${op.key}-404`, title: op.titles.unknown }, async (c) => {
    const session = await clientsSession(c);
    const { res } = await op.put(c, session.token, c.fixtures.id('no-such-client'), op.body);
    c.expect.status(res, 404);
  });

  check({ requirement: `${op.key}-404-BODY`, title: 'the 404 body matches error-404.schema.json' }, async (c) => {
    const session = await clientsSession(c);
    const { res } = await op.put(c, session.token, c.fixtures.id('no-such-client'), op.body);
    c.expect.status(res, 404, { requirement: `${op.key}-404` });
    expectErrorBody(c, res, 404, 'error-404.schema.json', `${op.key}-404-BODY`);
  });
}

const UPDATE = { description: 'updated by the conformance run' };

registerPutContract({
  key: OP.CLIENTS_UPDATE,
  put: putClient,
  body: UPDATE,
  updated: (client, clientId) => client?.['client_id'] === clientId && client['description'] === UPDATE.description,
  expected: (clientId) => `the client ${clientId} with the new description`,
  step: 'the update',
  invalid: INVALID_UPDATE_BODIES,
  invalidName: (c) => c.fixtures.id('update-400'),
  invalidExample: { client_type: 'desktop' },
  titles: {
    ok: 'a valid update answers 200 with the updated client',
    body: 'the updated client is JSON matching client.schema.json',
    envelope: 'the updated client is wrapped as {"result": client}',
    invalid: 'an invalid update body answers 400',
    unknown: 'updating an unknown client id answers 404',
  },
});

registerPutContract({
  key: OP.CLIENTS_RESOURCES,
  put: putResources,
  body: { resource_ids: ['conformance-resource-1'] },
  updated: (client, clientId) => client?.['client_id'] === clientId,
  expected: (clientId) => `the client ${clientId}`,
  step: 'the resources update',
  invalid: INVALID_RESOURCES_BODIES,
  invalidName: () => '',
  invalidExample: {},
  titles: {
    ok: 'a valid resources update answers 200 with the client',
    body: 'the client is JSON matching client.schema.json',
    envelope: 'the client is wrapped as {"result": client}',
    invalid: 'an invalid resources body answers 400',
    unknown: 'an unknown client id answers 404',
  },
});
