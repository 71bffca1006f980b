import type fc from 'fast-check';
import { isPlainObject } from '../../../contract/support/compare.js';
import {
  describeGone,
  expectAnswered,
  expectClientHolds,
  goneRule,
  MODEL_RULE,
  type ClientsModel,
  type ClientsReal,
} from './model.js';

/** GET /v1/clients: exactly the clients the model has alive, each holding what it expects. */
export class ListClientsCommand implements fc.AsyncCommand<ClientsModel, ClientsReal> {
  check(): boolean {
    return true;
  }

  async run(model: ClientsModel, real: ClientsReal): Promise<void> {
    const e = real.expect;
    const listed = await real.cis.listClients(real.token);
    expectAnswered(model, real, listed.response, 'CLIENTS-LIST');
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

  toString(): string {
    return 'list';
  }
}
