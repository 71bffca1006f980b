import type fc from 'fast-check';
import { clientAt, type ClientsModel, type ClientsReal } from './model.js';
import { expectReadById } from './readBack.js';

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
    await expectReadById(model, real, client);
  }

  toString(): string {
    return `get ${this.label || `slot ${this.slot}`}`;
  }
}
