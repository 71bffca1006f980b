/**
 * Server-chosen fields sent by the caller on its own clients (docs/decisions.md #29): a create, update or resources
 * body naming a client_id, client_secret or timestamps of its choosing — or an app and tenant no app of the run has —
 * is ignored or rejected; re-read by the owner, the client keeps what the server chose. The same fields naming
 * another app's data are the isolation rules of suites/isolation/massAssignment.suite.ts.
 *
 * fast-check draws the set of fields; the first case sends them all, so one request catches a target that honours
 * any one of them, and a failure shrinks to the field that was honoured.
 */
import fc from 'fast-check';
import { fillPath } from '../../src/client/index.js';
import { check, type CheckContext, type TargetResponse } from '../../src/suite/index.js';
import { checkProperty } from '../../src/suite/property.js';
import { OP } from '../support/operationAuth.js';
import { CALLBACK_URI, createClientAsOwner, fullAccessToken, readClientAsOwner } from '../support/ownerAccess.js';
import { resultOf } from '../support/envelope.js';
import { answerSummary, is2xx } from '../support/rejection.js';

/** A chosen value per field: never one the server would pick itself. */
function chosenValues(c: CheckContext): Record<string, string> {
  return {
    app_id: c.fixtures.id('smuggled-app'),
    tenant_id: c.fixtures.id('smuggled-tenant'),
    client_id: c.fixtures.id('smuggled-client'),
    client_secret: c.fixtures.id('smuggled-secret'),
    created_at: '2001-02-03T04:05:06.000Z',
    updated_at: '2001-02-03T04:05:06.000Z',
  };
}

type Client = Record<string, unknown>;

/** Fields of `client` that took the value the caller chose (names only: secrets stay out of reports). */
function honoured(client: Client | undefined, sent: Record<string, string>): string[] {
  return client === undefined ? [] : Object.keys(sent).filter((field) => client[field] === sent[field]);
}

const clientOf = (res: TargetResponse): Client | undefined => {
  const body = resultOf(res);
  return is2xx(res) && body !== null && typeof body === 'object' ? (body as Client) : undefined;
};

check(
  {
    requirement: 'CLIENTS-CREATE-BODY-SERVER-FIELDS',
    title: 'client_id, client_secret and timestamps sent on create are not the ones stored',
  },
  async (c) => {
    const app = await c.fixtures.app();
    const token = await fullAccessToken(c, app, OP.CLIENTS_CREATE);
    const fields = ['client_id', 'client_secret', 'created_at', 'updated_at'];
    await checkProperty(c, {
      requirement: 'CLIENTS-CREATE-BODY-SERVER-FIELDS',
      runsShare: 0.06,
      arbitrary: fc.subarray(fields, { minLength: 1 }),
      examples: [fields],
      describe: (picked) => `a create body with ${picked.join(', ')}`,
      predicate: async (picked, expect) => {
        const all = chosenValues(c);
        const sent = Object.fromEntries(picked.map((f) => [f, all[f] ?? '']));
        const body = { name: c.fixtures.id('client'), redirect_uris: [CALLBACK_URI], ...sent };
        // Raw: the body smuggles server-owned fields the typed client's input does not have.
        const res = await c.send({ method: 'POST', path: '/v1/clients', token, body });
        const created = clientOf(res);
        const id = created?.['client_id'];
        const read = typeof id === 'string' ? clientOf(await readClientAsOwner(c, app, id)) : undefined;
        const taken = [...new Set([...honoured(created, sent), ...honoured(read, sent)])];
        // A 5xx neither ignored the fields nor rejected the body: it shows nothing either way. Nor does a 2xx
        // without the created client or whose client its owner cannot read back: nothing was there to compare.
        const compared = is2xx(res) ? typeof id === 'string' && read !== undefined : res.status < 500;
        expect.that(taken.length === 0 && compared, {
          expected: `${picked.join(', ')} ignored or the body rejected (4xx)`,
          observed:
            taken.length > 0
              ? `the client took the ${taken.join(', ')} sent`
              : is2xx(res) && !compared
                ? `${answerSummary(res)}: ${typeof id === 'string' ? `the owner cannot read client ${id} back` : 'no created client (client_id) to compare'}`
                : answerSummary(res),
        });
      },
    });
  },
);

const WRITES = {
  [OP.CLIENTS_UPDATE]: {
    path: '/v1/clients/{clientId}',
    body: (c: CheckContext) => ({ description: c.fixtures.id('d') }),
  },
  [OP.CLIENTS_RESOURCES]: {
    path: '/v1/clients/{clientId}/resources',
    body: (c: CheckContext) => ({ resource_ids: [c.fixtures.id('resource')] }),
  },
} as const;

for (const [key, write] of Object.entries(WRITES) as Array<
  [keyof typeof WRITES, (typeof WRITES)[keyof typeof WRITES]]
>) {
  const requirement = `${key}-BODY-SERVER-FIELDS`;
  check(
    { requirement, title: 'app_id, tenant_id, client_id, client_secret and created_at sent are not stored' },
    async (c) => {
      const app = await c.fixtures.app();
      const clientId = await createClientAsOwner(c, app);
      const token = await fullAccessToken(c, app, key);
      const fields = ['app_id', 'tenant_id', 'client_id', 'client_secret', 'created_at'];
      const server = clientOf(await readClientAsOwner(c, app, clientId));
      if (server === undefined) throw new Error(`could not set up: the owner cannot read client ${clientId}`);
      await checkProperty(c, {
        requirement,
        runsShare: 0.06,
        arbitrary: fc.subarray(fields, { minLength: 1 }),
        // All together, then each alone: a target refusing unknown fields must not hide one it does store.
        examples: [fields, ...fields.map((f) => [f])],
        describe: (picked) => `a body with ${picked.join(', ')}`,
        predicate: async (picked, expect) => {
          const all = chosenValues(c);
          const sent = Object.fromEntries(picked.map((f) => [f, all[f] ?? '']));
          const path = fillPath(write.path, { clientId });
          // Raw: the body smuggles server-owned fields the typed client's input does not have.
          const res = await c.send({ method: 'PUT', path, token, body: { ...write.body(c), ...sent } });
          const reread = await readClientAsOwner(c, app, clientId);
          const now = clientOf(reread);
          const moved = picked.filter((f) => now?.[f] !== server[f]);
          expect.that(now !== undefined && moved.length === 0, {
            expected: `client ${clientId} still read by its owner with the ${picked.join(', ')} the server chose`,
            observed:
              now === undefined
                ? `the owner's re-read answered ${answerSummary(reread)} (after ${answerSummary(res)})`
                : `${moved.join(', ')} changed (after ${answerSummary(res)})`,
          });
        },
      });
    },
  );
}
