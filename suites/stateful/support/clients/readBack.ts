/**
 * Read-your-writes for the Clients model: straight after a write, every way of reading the app's clients — the
 * touched client by id, and the listing — agrees with the model at once. A write's own answer is judged by its
 * command; these reads are what a cache, a lagging index or a missed invalidation gets wrong.
 */
import { isPlainObject } from '../../../support/compare.js';
import { OP } from '../../../support/operationAuth.js';
import {
  describeGone,
  expectAnswered,
  expectClientHolds,
  goneRule,
  MODEL_RULE,
  type ClientsModel,
  type ClientsReal,
  type ModelClient,
} from './model.js';

/** GET /v1/clients/{id}: a client the model has alive holds what it expects; a removed one is a 404. */
export async function expectReadById(model: ClientsModel, real: ClientsReal, client: ModelClient): Promise<void> {
  const read = await real.cis.getClient(real.token, client.id);
  expectAnswered(model, real, read.response, OP.CLIENTS_GET);
  if (client.gone !== undefined) {
    real.expect.status(read.response, 404, { requirement: goneRule(client) });
    return;
  }
  real.expect.status(read.response, 200, { requirement: 'CLIENTS-GET-200' });
  expectClientHolds(real.expect, client, read.body, 'get');
}

/** GET /v1/clients: exactly the clients the model has alive, each holding what it expects. */
export async function expectListAgrees(model: ClientsModel, real: ClientsReal): Promise<void> {
  const e = real.expect;
  const listed = await real.cis.listClients(real.token);
  expectAnswered(model, real, listed.response, OP.CLIENTS_LIST);
  e.status(listed.response, 200, { requirement: 'CLIENTS-LIST-200' });
  const items = listed.ok && Array.isArray(listed.body) ? listed.body.filter(isPlainObject) : [];
  const byId = new Map(items.map((item) => [String(item['client_id']), item]));
  for (const client of model.clients) {
    const item = byId.get(client.id);
    byId.delete(client.id);
    if (client.gone !== undefined) {
      e.that(item === undefined, {
        requirement: goneRule(client),
        expected: `no ${describeGone(client)} in the listing`,
        observed: `client ${client.label} listed`,
      });
      continue;
    }
    e.that(item !== undefined, {
      requirement: 'CLIENTS-LIST-ALL-CLIENTS',
      expected: `client ${client.label} in the listing`,
      observed: `a listing of ${items.length} clients without it`,
    });
    expectClientHolds(e, client, item, 'list');
  }
  e.that(byId.size === 0, {
    requirement: MODEL_RULE,
    expected: 'only clients the sequence knows in the listing',
    observed: `unknown client ids ${JSON.stringify([...byId.keys()])}`,
  });
}

/** After a write to `touched` (none for delete-all): read it by id, then the listing. */
export async function readBack(model: ClientsModel, real: ClientsReal, touched: ModelClient): Promise<void> {
  await expectReadById(model, real, touched);
  await expectListAgrees(model, real);
}
