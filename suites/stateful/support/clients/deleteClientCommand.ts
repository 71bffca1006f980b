import type fc from 'fast-check';
import { OP } from '../../../support/operationAuth.js';
import { clientAt, expectAnswered, goneRule, type ClientsModel, type ClientsReal } from './model.js';
import { readBack } from './readBack.js';

/** DELETE /v1/clients/{id}: a known client goes (any 2xx) from get and the listing at once, a removed one is a 404. */
export class DeleteClientCommand implements fc.AsyncCommand<ClientsModel, ClientsReal> {
  private label = '';

  constructor(readonly slot: number) {}

  check(): boolean {
    return true;
  }

  async run(model: ClientsModel, real: ClientsReal): Promise<void> {
    const client = clientAt(model, this.slot);
    this.label = client.label;
    const deleted = await real.cis.deleteClient(real.token, client.id);
    expectAnswered(model, real, deleted.response, OP.CLIENTS_DELETE);
    if (client.gone !== undefined) {
      real.expect.status(deleted.response, 404, { requirement: goneRule(client) });
      return;
    }
    real.expect.status(deleted.response, '2xx', { requirement: 'CLIENTS-DELETE-204' });
    client.gone = 'delete';
    if (client === model.clients[0]) model.tokenClientGone = true;
    await readBack(model, real, client);
  }

  toString(): string {
    return `delete ${this.label || `slot ${this.slot}`}`;
  }
}
