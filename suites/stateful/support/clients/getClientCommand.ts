import type fc from 'fast-check';
import { clientAt, expectAnswered, expectClientHolds, goneRule, type ClientsModel, type ClientsReal } from './model.js';

/** GET /v1/clients/{id}: a known client holds what the model expects; a removed one is a 404. */
export class GetClientCommand implements fc.AsyncCommand<ClientsModel, ClientsReal> {
  private label = '';

  constructor(readonly slot: number) {}

  check(): boolean {
    return true;
  }

  async run(model: ClientsModel, real: ClientsReal): Promise<void> {
    const client = clientAt(model, this.slot);
    this.label = client.label;
    const read = await real.cis.getClient(real.token, client.id);
    expectAnswered(model, real, read.response, 'CLIENTS-GET');
    if (client.gone !== undefined) {
      real.expect.status(read.response, 404, { requirement: goneRule(client) });
      return;
    }
    real.expect.status(read.response, 200, { requirement: 'CLIENTS-GET-200' });
    expectClientHolds(real.expect, client, read.body, 'get');
  }

  toString(): string {
    return `get ${this.label || `slot ${this.slot}`}`;
  }
}
