import type fc from 'fast-check';
import type { ClientCreateInput } from '../../../../src/client/index.js';
import { OP } from '../../../support/operationAuth.js';
import { CALLBACK_URI } from '../../../support/ownerAccess.js';
import {
  applyUpdate,
  expectAnswered,
  expectClientHolds,
  type ClientsModel,
  type ClientsReal,
  type JsonObject,
} from './model.js';
import { readBack } from './readBack.js';

/** POST /v1/clients with a fresh name, the callback URI and `extra`; the model gains client `#n`, read back at once. */
export class CreateClientCommand implements fc.AsyncCommand<ClientsModel, ClientsReal> {
  private label = '';

  constructor(readonly extra: JsonObject) {}

  check(): boolean {
    return true;
  }

  async run(model: ClientsModel, real: ClientsReal): Promise<void> {
    const e = real.expect;
    const body = { name: real.newName(), redirect_uris: [CALLBACK_URI], ...this.extra };
    this.label = `#${model.clients.length}`;
    const created = await real.cis.createClient(real.token, body as ClientCreateInput);
    expectAnswered(model, real, created.response, OP.CLIENTS_CREATE);
    e.status(created.response, '2xx', { requirement: 'CLIENTS-CREATE-201' });
    const id = created.ok ? (created.body as { client_id?: unknown }).client_id : undefined;
    e.that(typeof id === 'string' && !model.clients.some((known) => known.id === id), {
      requirement: 'CLIENTS-CREATE-IDS-GENERATED',
      expected: 'a client_id no other client of the app has',
      observed: `client_id ${JSON.stringify(id)}`,
    });
    const client = { id: id as string, label: this.label, fields: new Map() };
    applyUpdate(client, body, 'create');
    model.clients.push(client);
    expectClientHolds(e, client, created.body, 'answer');
    await readBack(model, real, client);
  }

  toString(): string {
    return `create ${this.label || '#?'} ${JSON.stringify(this.extra)}`;
  }
}
