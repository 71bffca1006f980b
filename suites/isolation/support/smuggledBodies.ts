/**
 * Ownership fields smuggled through the body (docs/decisions.md #29): every intruder creates, updates or sets the
 * resources of a client of its own app with `app_id`, `tenant_id` and `client_id` naming the owner's app, tenant
 * and client. The owner's clients must stay as they were: no client lands in the owner's app, none of the owner's
 * is overwritten.
 *
 * fast-check generates the set of fields. The first case sends all three (one request per intruder catches a
 * target that honours any of them); generated subsets then shrink a failure to the field that was honoured.
 */
import fc from 'fast-check';
import { fillPath } from '../../../src/client/index.js';
import type { AppFixture, CheckContext, TargetResponse } from '../../../src/suite/index.js';
import { check } from '../../../src/suite/index.js';
import { checkProperty } from '../../../src/suite/property.js';
import { OP } from '../../support/operationAuth.js';
import { CALLBACK_URI, createClientAsOwner, fullAccessToken, listClientsAsOwner } from '../../support/ownerAccess.js';
import { resultOf } from '../../support/envelope.js';
import { answerSummary } from '../../support/rejection.js';
import { allIntruders, castFor, type Intruder } from './cast.js';

const OWNER_FIELDS = ['app_id', 'tenant_id', 'client_id'] as const;
type OwnerField = (typeof OWNER_FIELDS)[number];

type BodyKey = typeof OP.CLIENTS_CREATE | typeof OP.CLIENTS_UPDATE | typeof OP.CLIENTS_RESOURCES;

/** Each intruder's request on a client of its own app, with the smuggled fields added to a valid body. */
const REQUESTS: Record<
  BodyKey,
  (c: CheckContext, ownClientId: string | undefined) => { method: 'POST' | 'PUT'; path: string; body: object }
> = {
  [OP.CLIENTS_CREATE]: (c) => ({
    method: 'POST',
    path: '/v1/clients',
    body: { name: c.fixtures.id('smuggler'), redirect_uris: [CALLBACK_URI] },
  }),
  [OP.CLIENTS_UPDATE]: (c, clientId) => ({
    method: 'PUT',
    path: fillPath('/v1/clients/{clientId}', { clientId: clientId ?? '' }),
    body: { description: c.fixtures.id('smuggled') },
  }),
  [OP.CLIENTS_RESOURCES]: (c, clientId) => ({
    method: 'PUT',
    path: fillPath('/v1/clients/{clientId}/resources', { clientId: clientId ?? '' }),
    body: { resource_ids: [c.fixtures.id('smuggled-resource')] },
  }),
};

type ClientView = ReadonlyMap<string, Readonly<Record<string, unknown>>>;

const WATCHED = ['app_id', 'tenant_id', 'name', 'description', 'resources', 'client_secret'];

/** The owner's clients by id, with every identity and value field a smuggled write could change. */
async function ownerClients(c: CheckContext, owner: AppFixture): Promise<ClientView | string> {
  const res = await listClientsAsOwner(c, owner);
  const items = resultOf(res);
  if (res.status !== 200 || !Array.isArray(items)) return answerSummary(res);
  return new Map(
    (items as Array<Record<string, unknown>>).map((item) => [
      String(item['client_id']),
      Object.fromEntries(WATCHED.map((f) => [f, item[f]])),
    ]),
  );
}

/** What differs between two views, by client id and field name (values stay out: secrets must not reach reports). */
function changes(before: ClientView | string, after: ClientView | string): string[] {
  if (typeof before === 'string' || typeof after === 'string') {
    return before === after ? [] : [`the owner's listing answered ${typeof after === 'string' ? after : 'a list'}`];
  }
  const found: string[] = [];
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) found.push(`new client ${id} in the owner's app`);
    else {
      const fields = WATCHED.filter((f) => JSON.stringify(was[f]) !== JSON.stringify(now[f]));
      if (fields.length > 0) found.push(`client ${id} changed ${fields.join(', ')}`);
    }
  }
  for (const id of before.keys()) if (!after.has(id)) found.push(`client ${id} gone`);
  return found;
}

export function registerSmuggledBodies(): void {
  for (const key of Object.keys(REQUESTS) as BodyKey[]) {
    const requirement = `${key}-BODY-OWNER-IGNORED`;
    check(
      {
        requirement,
        title: "app_id, tenant_id and client_id naming the owner's, in the body, change nothing of the owner's",
        cell: 'body ownership fields',
      },
      async (c) => {
        const cast = await castFor(c);
        const ownersClient = await createClientAsOwner(c, cast.owner);
        const values: Record<OwnerField, string> = {
          app_id: cast.owner.appId,
          tenant_id: cast.owner.tenantId,
          client_id: ownersClient,
        };
        const intruders = allIntruders(cast);
        const ownClients = new Map<Intruder, string | undefined>();
        for (const intruder of intruders) {
          ownClients.set(intruder, key === OP.CLIENTS_CREATE ? undefined : await createClientAsOwner(c, intruder.app));
        }
        await checkProperty(c, {
          requirement,
          runsShare: 0.06,
          arbitrary: fc.subarray([...OWNER_FIELDS], { minLength: 1 }),
          // All together, then each alone: a target refusing unknown fields must not hide one it does read.
          examples: [[...OWNER_FIELDS], ...OWNER_FIELDS.map((f) => [f])],
          describe: (fields) => `a body with ${fields.join(', ')} naming the owner's`,
          predicate: async (fields, expect) => {
            let before = await ownerClients(c, cast.owner);
            for (const intruder of intruders) {
              const smuggled = Object.fromEntries(fields.map((f) => [f, values[f]]));
              const { method, path, body } = REQUESTS[key](c, ownClients.get(intruder));
              const res: TargetResponse = await c.send({
                method,
                path,
                token: await fullAccessToken(c, intruder.app, key),
                body: { ...body, ...smuggled },
              });
              const after = await ownerClients(c, cast.owner);
              const changed = changes(before, after);
              expect.that(changed.length === 0, {
                expected: `the owner's clients untouched by ${intruder.label} sending ${JSON.stringify(smuggled)}`,
                observed: `${changed.join('; ') || 'none changed'} (the intruder's answer: ${answerSummary(res)})`,
              });
              before = after;
            }
          },
        });
      },
    );
  }
}
