/**
 * Body handling of the three body-taking Clients operations (docs/decisions.md #7, all inferred): a body over
 * 100 KiB answers 413, a body that is not application/json answers 415, malformed JSON answers 400.
 */
import { check, type CheckContext, type CheckCredential } from '../../src/suite/index.js';
import { expectErrorBody } from '../support/bodyExpectations.js';
import { minimalOidcBody } from '../support/clientBodies.js';
import { clientResourcesPath, clientPath, clientsSession, CLIENTS_PATH, createClient } from '../support/clients.js';
import { OP } from '../support/operationAuth.js';

const OVER_100_KIB = 110 * 1024;

interface BodyOperation {
  readonly key: typeof OP.CLIENTS_CREATE | typeof OP.CLIENTS_UPDATE | typeof OP.CLIENTS_RESOURCES;
  readonly method: 'POST' | 'PUT';
  /** The path, and a valid body padded to `padding` characters, for a fresh app's session. */
  readonly target: (
    c: CheckContext,
    padding: number,
  ) => Promise<{ token: CheckCredential; path: string; body: Record<string, unknown> }>;
}

const OPERATIONS: readonly BodyOperation[] = [
  {
    key: OP.CLIENTS_CREATE,
    method: 'POST',
    target: async (c, padding) => {
      const session = await clientsSession(c);
      return {
        token: session.token,
        path: CLIENTS_PATH,
        body: minimalOidcBody(c.fixtures.id('body'), { description: 'd'.repeat(padding) }),
      };
    },
  },
  {
    key: OP.CLIENTS_UPDATE,
    method: 'PUT',
    target: async (c, padding) => {
      const session = await clientsSession(c);
      const { id } = await createClient(c, session);
      return { token: session.token, path: clientPath(id), body: { description: 'd'.repeat(padding) } };
    },
  },
  {
    key: OP.CLIENTS_RESOURCES,
    method: 'PUT',
    target: async (c, padding) => {
      const session = await clientsSession(c);
      const { id } = await createClient(c, session);
      const items = Math.ceil(padding / 1000);
      return {
        token: session.token,
        path: clientResourcesPath(id),
        body: { resource_ids: Array.from({ length: items }, (_, i) => `${i}-${'r'.repeat(1000)}`) },
      };
    },
  },
];

for (const op of OPERATIONS) {
  check({ requirement: `${op.key}-413`, title: 'a body over 100 KiB answers 413' }, async (c) => {
    const { token, path, body } = await op.target(c, OVER_100_KIB);
    const res = await c.send({ method: op.method, path, token, body });
    c.expect.status(res, 413);
  });

  check({ requirement: `${op.key}-415`, title: 'a text/plain body answers 415' }, async (c) => {
    const { token, path, body } = await op.target(c, 0);
    const res = await c.send({
      method: op.method,
      path,
      token,
      rawBody: JSON.stringify(body),
      headers: { 'content-type': 'text/plain' },
    });
    c.expect.status(res, 415);
  });

  check({ requirement: `${op.key}-MALFORMED-JSON-400`, title: 'malformed JSON answers 400' }, async (c) => {
    const { token, path, body } = await op.target(c, 0);
    const truncated = JSON.stringify(body).slice(0, -1);
    const res = await c.send({
      method: op.method,
      path,
      token,
      rawBody: truncated,
      headers: { 'content-type': 'application/json' },
    });
    c.expect.status(res, 400);
    expectErrorBody(c, res, 400, 'error-400.schema.json', `${op.key}-400-BODY`);
  });
}
