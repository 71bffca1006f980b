import type fc from 'fast-check';
import type { ClientsModel, ClientsReal } from './model.js';
import { expectListAgrees } from './readBack.js';

/** GET /v1/clients: exactly the clients the model has alive, each holding what it expects. */
export class ListClientsCommand implements fc.AsyncCommand<ClientsModel, ClientsReal> {
  check(): boolean {
    return true;
  }

  async run(model: ClientsModel, real: ClientsReal): Promise<void> {
    await expectListAgrees(model, real);
  }

  toString(): string {
    return 'list';
  }
}
