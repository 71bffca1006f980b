/**
 * Clients isolation (decisions.md #12): another app's or tenant's token never sees, changes or deletes the owner's
 * clients — by id, in the list, or through delete-all — and a created client belongs to the token's app and tenant.
 */
import { check } from '../../../src/suite/index.js';
import { cisOf } from '../../support/cis.js';
import { OP } from '../../support/operationAuth.js';
import {
  CALLBACK_URI,
  createClientAsOwner,
  fullAccessToken,
  listClientsAsOwner,
  listedValues,
} from '../../support/ownerAccess.js';
import { resultOf } from '../../support/envelope.js';
import { answerSummary } from '../../support/rejection.js';
import { registerByIdIsolation } from './byId.js';
import { castFor, expectNotListed, intrudersOf } from './cast.js';

const CELLS = { 'OTHER-APP': 'another app', 'OTHER-TENANT': 'another tenant' } as const;

export function registerClientsIsolation(): void {
  for (const key of [OP.CLIENTS_GET, OP.CLIENTS_UPDATE, OP.CLIENTS_DELETE, OP.CLIENTS_RESOURCES] as const) {
    registerByIdIsolation(key, 'client');
  }
  for (const rule of ['OTHER-APP', 'OTHER-TENANT'] as const) {
    check(
      {
        requirement: `CLIENTS-LIST-ISOLATION-${rule}`,
        title: `the clients of ${CELLS[rule]} are never listed`,
        cell: CELLS[rule],
      },
      async (c) => {
        const cast = await castFor(c);
        const owned = [await createClientAsOwner(c, cast.owner), cast.owner.clientId];
        for (const intruder of intrudersOf(cast, rule)) {
          const { response: res } = await cisOf(c).listClients(await fullAccessToken(c, intruder.app, OP.CLIENTS_LIST));
          expectNotListed(c, res, 'client_id', owned, intruder.label);
        }
      },
    );

    check(
      {
        requirement: `CLIENTS-DELETE-ALL-ISOLATION-${rule}`,
        title: `delete-all of ${CELLS[rule]} leaves the owner's clients`,
        cell: CELLS[rule],
      },
      async (c) => {
        const cast = await castFor(c);
        const owned = await createClientAsOwner(c, cast.owner);
        for (const intruder of intrudersOf(cast, rule)) {
          const token = await fullAccessToken(c, intruder.app, OP.CLIENTS_DELETE_ALL);
          const { response: res } = await cisOf(c).deleteAllClients(token);
          const after = await listClientsAsOwner(c, cast.owner);
          c.expect.that(listedValues(after, 'client_id').includes(owned), {
            expected: `the owner's client ${owned} still listed after ${intruder.label} deleted all (${answerSummary(res)})`,
            observed: `the owner's list: ${answerSummary(after)}`,
          });
        }
      },
    );
  }
  check(
    {
      requirement: 'CLIENTS-CREATE-ISOLATION-TOKEN-APP',
      title: "a created client belongs to the token's app and tenant",
      cell: "token's app",
    },
    async (c) => {
      const cast = await castFor(c);
      // The token naming the owner's app id in another tenant must create there, not in the owner's tenant.
      for (const app of [cast.owner, ...cast.otherTenants.map((i) => i.app)]) {
        const token = await fullAccessToken(c, app, OP.CLIENTS_CREATE);
        const { response: res } = await cisOf(c).createClient(token, {
          name: c.fixtures.id('client'),
          redirect_uris: [CALLBACK_URI],
        });
        c.expect.status(res, '2xx', { requirement: 'CLIENTS-CREATE-201' });
        const created = resultOf(res) as { app_id?: unknown; tenant_id?: unknown; client_id?: unknown };
        c.expect.that(created.app_id === app.appId && created.tenant_id === app.tenantId, {
          expected: `app_id ${app.appId} and tenant_id ${app.tenantId}, the token's`,
          observed: `app_id ${String(created.app_id)} and tenant_id ${String(created.tenant_id)}`,
        });
        const readToken = await fullAccessToken(c, app, OP.CLIENTS_GET);
        const { response: read } = await cisOf(c).getClient(readToken, String(created.client_id));
        c.expect.that(read.status === 200, {
          expected: "the new client readable with the creating app's token",
          observed: answerSummary(read),
        });
      }
      // Nothing created with the other tenant's token may show up in the owner's list.
      const ownerList = await listClientsAsOwner(c, cast.owner);
      const foreign = listedValues(ownerList, 'tenant_id').filter((tenant) => tenant !== cast.owner.tenantId);
      c.expect.that(foreign.length === 0, {
        expected: "only the owner's tenant in the owner's list",
        observed: foreign.length === 0 ? answerSummary(ownerList) : `tenants ${foreign.join(', ')}`,
      });
    },
  );
}
